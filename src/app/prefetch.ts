// A one-shot prefetch: a request started early, handed over once to whoever asks for the same
// URL; later requests, other URLs, and a prefetch that failed all get a fresh fetch.

export function createPrefetch(
  url: string | null,
  fetchFn: (url: string) => Promise<Response>,
): (url: string) => Promise<Response> {
  let pending: { url: string; response: Promise<Response> } | undefined;
  if (url !== null) {
    const response = fetchFn(url);
    response.catch(() => {}); // handled when taken over; never an unhandled rejection
    pending = { url, response };
  }
  return (wanted) => {
    const prefetched = pending?.url === wanted ? pending.response : undefined;
    pending = undefined;
    return prefetched?.catch(() => fetchFn(wanted)) ?? fetchFn(wanted);
  };
}
