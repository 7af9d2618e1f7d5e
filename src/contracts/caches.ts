// Cache names shared by the service worker's configuration (vite.config.ts) and the page.

/** The runtime cache that holds a station's audio clips (CacheFirst, range requests). */
export const AUDIO_CACHE = 'percorso-audio-v1';
