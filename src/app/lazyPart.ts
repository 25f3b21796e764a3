/**
 * A part of the page in a chunk of its own (the player, "My scenarios"), loaded once and shown as soon
 * as it has loaded — without a Suspense boundary: React holds the content that replaces a shown
 * fallback back until 300 ms after the fallback appeared (its fallback throttle), which kept a page
 * opened at a scenario idle ~150 ms and "My scenarios" on the start page ~250 ms after their code had
 * arrived. A failed load (offline before the first visit finished caching) is thrown to the part's
 * error boundary, and tried again by its "Try again" (useLazyPart.ts: the hook, apart because the page's
 * entry imports this file through playerChunk.ts and must not load React).
 */
export interface LazyPart<M> {
  /** The module; started at most once at a time (a failed load is tried again on the next call). */
  load(): Promise<M>;
  /** The module if it has loaded, else null. */
  loaded(): M | null;
}

export function lazyPart<M>(importer: () => Promise<M>): LazyPart<M> {
  let loading: Promise<M> | null = null;
  let loaded: M | null = null;
  return {
    load() {
      loading ??= importer().then(
        (m) => (loaded = m),
        (err: unknown) => {
          loading = null;
          throw err;
        },
      );
      return loading;
    },
    loaded: () => loaded,
  };
}
