// The Vite plugins' virtual modules. Types are `import()` type queries: an import declaration
// inside an ambient module may not use a relative path, and would silently type it as `any`.

// Compiled journeys per installation (src/build/journeys-plugin.ts).
declare module 'virtual:percorso-journeys' {
  const loaders: Record<string, () => Promise<{ default: import('./compiled.ts').CompiledInstallation }>>;
  export default loaders;
}

// The Chinese font subset built from our strings (src/build/cjk-font.ts).
declare module 'virtual:percorso-zh-font.css' {}

// audio/manifest.json as the station needs it (src/build/station-assets-plugin.ts).
declare module 'virtual:percorso-audio-manifest' {
  const manifest: import('../contracts/audio-manifest.ts').AudioManifest;
  export default manifest;
}
