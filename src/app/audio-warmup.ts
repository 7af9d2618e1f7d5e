// After the first frame, a station fetches the clips it may play (the shell's and its
// installation's, in the offered languages and their fallbacks) through the service worker, which
// keeps them in its audio cache: from then on the station speaks with the server gone. Clips the
// cache already holds are skipped, so later boots read nothing.

export interface WarmupResult {
  /** Clips fetched into the cache now. */
  cached: number;
  /** Clips the cache already held: not fetched or read again. */
  present: number;
  failed: string[];
}

export async function warmAudio(
  urls: readonly string[],
  fetchFn: (url: string) => Promise<Response>,
  onProgress: (done: number, total: number) => void = () => {},
  isCached: (url: string) => Promise<boolean> = async () => false,
  concurrency = 4,
): Promise<WarmupResult> {
  const failed: string[] = [];
  let cached = 0;
  let present = 0;
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, urls.length) }, async () => {
      while (next < urls.length) {
        const url = urls[next++] as string;
        try {
          if (await isCached(url)) {
            present++;
            onProgress(++done, urls.length);
            continue;
          }
          const response = await fetchFn(url);
          if (!response.ok) throw new Error(String(response.status));
          await response.arrayBuffer(); // read to the end, so the cache holds the whole clip
          cached++;
        } catch {
          failed.push(url);
        }
        onProgress(++done, urls.length);
      }
    }),
  );
  return { cached, present, failed };
}
