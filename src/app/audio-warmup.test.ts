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
      undefined,
      2,
    );
    expect(seen.sort()).toEqual(['/audio/en/missing.webm', '/audio/it/a.webm', '/audio/it/b.webm']);
    expect(result).toEqual({ cached: 2, present: 0, failed: ['/audio/en/missing.webm'] });
    expect(progress.at(-1)).toBe('3/3');
  });

  it('survives a network error on one clip', async () => {
    const result = await warmAudio(['/a', '/b'], async (url) => {
      if (url === '/a') throw new TypeError('offline');
      return new Response('x');
    });
    expect(result).toEqual({ cached: 1, present: 0, failed: ['/a'] });
  });

  it('skips clips the cache already holds: a later boot fetches nothing', async () => {
    const fetched: string[] = [];
    const result = await warmAudio(
      ['/a', '/b', '/c'],
      async (url) => {
        fetched.push(url);
        return new Response('x');
      },
      undefined,
      async (url) => url !== '/c',
    );
    expect(fetched).toEqual(['/c']);
    expect(result).toEqual({ cached: 1, present: 2, failed: [] });
  });
});
