import { describe, expect, it, vi } from 'vitest';
import { createPrefetch } from './prefetch.ts';

const ok = (body: string) => Promise.resolve(new Response(body));

describe('createPrefetch', () => {
  it('starts the request at once and hands it over to the first caller only', async () => {
    const fetchFn = vi.fn((url: string) => ok(url));
    const take = createPrefetch('/a.json', fetchFn);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(await (await take('/a.json')).text()).toBe('/a.json');
    expect(fetchFn).toHaveBeenCalledTimes(1);
    await take('/a.json');
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('fetches afresh for another URL, and when there was nothing to prefetch', async () => {
    const fetchFn = vi.fn((url: string) => ok(url));
    expect(await (await createPrefetch('/a.json', fetchFn)('/b.json')).text()).toBe('/b.json');
    const none = vi.fn((url: string) => ok(url));
    await createPrefetch(null, none)('/c.json');
    expect(none.mock.calls).toEqual([['/c.json']]);
  });

  it('retries once taken over when the early request failed', async () => {
    const fetchFn = vi
      .fn<(url: string) => Promise<Response>>()
      .mockRejectedValueOnce(new TypeError('offline'))
      .mockImplementation(ok);
    const take = createPrefetch('/a.json', fetchFn);
    expect(await (await take('/a.json')).text()).toBe('/a.json');
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });
});
