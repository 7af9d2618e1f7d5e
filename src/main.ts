// Entry point: the CSP-safe zod switch first, then fonts and base styles, then the composition root.
import './app/zod-jitless.ts';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './app/base.css';
import { boot } from './app/boot.ts';

void boot(window);
