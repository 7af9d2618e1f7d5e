// Entry point: the config prefetch first (it has no dependencies, so it runs before anything
// else), the CSP-safe zod switch before any schema exists, then fonts, base styles and the
// composition root.
import './app/prefetch-config.ts';
import './app/zod-jitless.ts';
import './app/fonts.ts';
import './app/base.css';
import { boot } from './app/boot.ts';

void boot(window);
