// The first module the bundle evaluates (see main.ts): starts fetching this station's kiosk
// config at once, so the request overlaps with evaluating the rest of the app instead of
// waiting for it (the HTML also preloads the build default's config). boot.ts takes it over.

import { KIOSK_NAME_PATTERN, kioskConfigPath, kioskName } from '../contracts/kiosk-name.ts';
import { createPrefetch } from './prefetch.ts';

const name = kioskName(location.search, import.meta.env.VITE_KIOSK);

export const fetchConfig = createPrefetch(
  KIOSK_NAME_PATTERN.test(name) ? `${import.meta.env.BASE_URL}${kioskConfigPath(name)}` : null,
  (url) => fetch(url),
);
