// The journeys Vite plugin's virtual module (src/build/journeys-plugin.ts).
declare module 'virtual:percorso-journeys' {
  import type { CompiledInstallation } from './compiled.ts';

  const loaders: Record<string, () => Promise<{ default: CompiledInstallation }>>;
  export default loaders;
}

// The Chinese font subset built from our strings (src/build/cjk-font.ts).
declare module 'virtual:percorso-zh-font.css' {}

// audio/manifest.json as the station needs it (src/build/station-assets-plugin.ts).
declare module 'virtual:percorso-audio-manifest' {
  import type { AudioManifest } from '../contracts/audio-manifest.ts';

  const manifest: AudioManifest;
  export default manifest;
}
