// The baseline for cold-start benchmarks: a blank Vite page with a service worker, marking
// itself ready as soon as its module runs.
import { Workbox } from 'workbox-window';

document.body.dataset.ready = '1';
if ('serviceWorker' in navigator) void new Workbox('./sw.js').register();
