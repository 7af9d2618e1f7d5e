/// <reference types="vitest/config" />
// Build: the kiosk app, its kiosk configs and audio, and a service worker that precaches all of
// it so a station works with no network from the second load on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { cjkFont } from './src/build/cjk-font.ts';
import { journeys } from './src/build/journeys-plugin.ts';
import { stationAssets } from './src/build/station-assets-plugin.ts';
import { AUDIO_CACHE } from './src/contracts/caches.ts';
import { contentSecurityPolicy } from './src/contracts/csp.ts';
import { DEFAULT_KIOSK, kioskConfigPath } from './src/contracts/kiosk-name.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Shown in the staff panel's health view: the package version and the build date. */
const appVersion = `${JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version} (${new Date().toISOString().slice(0, 10)})`;

export default defineConfig(({ command }) => ({
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(appVersion) },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      // The kiosk app, the scene viewer for authors and the stage tests (src/stage/viewer.ts), and
      // the register's dashboard (src/dashboard/, served at /register/).
      input: {
        main: `${root}index.html`,
        stage: `${root}stage.html`,
        register: `${root}register/index.html`,
      },
      // The dashboard's own code goes under register/, which the kiosks' service worker leaves out
      // of its precache (globIgnores below): a kiosk never downloads the staff dashboard.
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'register' ? 'register/assets/[name]-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  plugins: [
    stationAssets(root),
    journeys(root),
    cjkFont(root),
    {
      name: 'percorso-html',
      transformIndexHtml: (html, context) => ({
        html: html.replace(
          '%PERCORSO_CSP%',
          contentSecurityPolicy(command === 'build' ? 'production' : 'development', 'meta'),
        ),
        // The default station's config loads alongside the scripts, not after them
        // (src/app/prefetch-config.ts picks it up; other stations fetch theirs at boot).
        tags:
          context.path !== '/index.html'
            ? []
            : [
                {
                  tag: 'link',
                  attrs: {
                    rel: 'preload',
                    href: kioskConfigPath(process.env.VITE_KIOSK ?? DEFAULT_KIOSK),
                    as: 'fetch',
                    crossorigin: 'anonymous',
                  },
                  injectTo: 'head',
                },
              ],
      }),
    },
    VitePWA({
      strategies: 'generateSW',
      injectRegister: false, // src/kiosk/updates.ts registers it, to control when updates apply
      registerType: 'prompt',
      manifest: {
        name: 'Percorso',
        short_name: 'Percorso',
        display: 'fullscreen',
        background_color: '#14161c',
        theme_color: '#14161c',
        icons: [],
      },
      workbox: {
        cacheId: 'percorso',
        globPatterns: ['**/*.{js,css,html,woff2,json,webm,mp3,svg,png}'],
        // Audio is not precached for every station (about 45 MB of clips for all installations):
        // each station caches its own installation's clips after its first frame
        // (src/app/audio-warmup.ts), and plays them from this cache offline.
        // The dashboard (register/**) is for staff at a desk, online: kiosks never precache it.
        globIgnores: ['**/*.map', 'audio/**', 'register/**'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/audio/'),
            handler: 'CacheFirst',
            options: {
              cacheName: AUDIO_CACHE,
              cacheableResponse: { statuses: [200] },
              rangeRequests: true, // streamed narration asks for byte ranges
            },
          },
        ],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The API and the dashboard (/register, /register/…) are never answered with the kiosk app.
        navigateFallbackDenylist: [/^\/api\//, /^\/register(?:[/?#]|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
}));
