import { describe, expect, it } from 'vitest';
import { warmAudio } from './audio-warmup.ts';

describe('warmAudio', () => {
  it('fetches every clip once, reads it to the end, reports progress and what failed', async () => {
    const seen: string[] = [];
    const progress: string[] = [];
    const result = await warmAudio(
      ['/audio/it/a.webm', '/audio/it/b.webm', '/audio/en/missing.webm'],
      async (url) => {
        seen.push(url);
        return url.includes('missing') ? new Response('', { status: 404 }) : new Response('clip');
      },
      (done, total) => progress.push(`${done}/${total}`),
      2,
    );
    expect(seen.sort()).toEqual(['/audio/en/missing.webm', '/audio/it/a.webm', '/audio/it/b.webm']);
    expect(result).toEqual({ cached: 2, failed: ['/audio/en/missing.webm'] });
    expect(progress.at(-1)).toBe('3/3');
  });

  it('survives a network error on one clip', async () => {
    const result = await warmAudio(['/a', '/b'], async (url) => {
      if (url === '/a') throw new TypeError('offline');
      return new Response('x');
    });
    expect(result).toEqual({ cached: 1, failed: ['/a'] });
  });
});
