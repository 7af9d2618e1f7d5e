import { describe, expect, it } from 'vitest';
import type { AudioManifest } from '../contracts/audio-manifest.ts';
import { resolveClip } from './clips.ts';

const manifest: AudioManifest = {
  version: 1,
  lines: {
    'shell.attract.touch': {
      it: { status: 'recorded', file: 'it/shell.attract.touch.webm', durationMs: 1500 },
      en: { status: 'draft', file: 'en/shell.attract.touch.webm', durationMs: 1400 },
      fr: { status: 'draft', file: 'fr/shell.attract.touch.webm', durationMs: 1600 },
    },
  },
};

describe('clip resolution', () => {
  it('plays the visitor language when it has a clip, even a draft', () => {
    expect(resolveClip(manifest, 'shell.attract.touch', 'en')?.file).toBe('en/shell.attract.touch.webm');
  });

  it('follows the fallback chain: Wolof falls back to French before Italian', () => {
    expect(resolveClip(manifest, 'shell.attract.touch', 'wo')).toMatchObject({ lang: 'fr' });
  });

  it('falls back to English for Pidgin', () => {
    expect(resolveClip(manifest, 'shell.attract.touch', 'pcm')).toMatchObject({ lang: 'en' });
  });

  it('returns nothing for an unknown line', () => {
    expect(resolveClip(manifest, 'nope', 'it')).toBeUndefined();
  });
});
