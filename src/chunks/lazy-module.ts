// One helper for every module loaded on first use (the data path, MapLibre and the map code, the
// PMTiles reader, the details panel, the measuring tools, exports, the URL code): loaded once per
// page, shared by every element on it; a failed load is forgotten, so the next use tries again.

export interface LazyModule<T> {
  /** Starts the load (once); the same promise until it settles, the module after. */
  load(): Promise<T>;
  /** The module once loaded, else undefined. */
  readonly loaded: T | undefined;
}

/**
 * `importer` is called on the first `load()`, and again after a failure. It may throw at once
 * instead of rejecting (dev tooling can rewrite `import()` into such a call, as Vitest's browser
 * runner does in a frame it does not own): that counts as a failed load too.
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    load(): Promise<T> {
      if (loading) return loading;
      let started: Promise<T>;
      try {
        started = importer();
      } catch (error) {
        started = Promise.reject(error);
      }
      loading = started.then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get loaded(): T | undefined {
      return loaded;
    },
  };
}
