// lazyModule: a module loaded on first use, once, shared by every caller; a failed load (a rejected
// import, or an importer that throws at once) is forgotten so that the next use tries again.
import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../src/chunks/lazy-module.js';

/** A promise settled by hand, so that the test decides when an import arrives. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Module {
  name: string;
}

/** An importer answering each call with the next of `answers`, counting its calls. */
function importer(answers: (() => Promise<Module>)[]) {
  const calls = { count: 0 };
  const importModule = () => {
    const answer = answers[calls.count];
    calls.count++;
    if (!answer) throw new Error(`importer called ${calls.count} times`);
    return answer();
  };
  return { importModule, calls };
}

describe('lazyModule', () => {
  it('loads nothing until asked', () => {
    const { importModule, calls } = importer([() => Promise.resolve({ name: 'a' })]);
    const lazy = lazyModule(importModule);
    expect(calls.count).toBe(0);
    expect(lazy.loaded).toBeUndefined();
  });

  it('gives every caller the same promise while the load is under way, and imports once', async () => {
    const arrival = deferred<Module>();
    const { importModule, calls } = importer([() => arrival.promise]);
    const lazy = lazyModule(importModule);
    const first = lazy.load();
    const second = lazy.load();
    expect(second).toBe(first);
    expect(calls.count).toBe(1);
    expect(lazy.loaded).toBeUndefined();
    const module = { name: 'a' };
    arrival.resolve(module);
    await expect(first).resolves.toBe(module);
    await expect(second).resolves.toBe(module);
  });

  it('holds the module once loaded; later loads give it without importing again', async () => {
    const module = { name: 'a' };
    const { importModule, calls } = importer([() => Promise.resolve(module)]);
    const lazy = lazyModule(importModule);
    await lazy.load();
    expect(lazy.loaded).toBe(module);
    await expect(lazy.load()).resolves.toBe(module);
    expect(calls.count).toBe(1);
  });

  it('a failed load rejects every caller waiting on it, and the next load tries again', async () => {
    const failing = deferred<Module>();
    const module = { name: 'b' };
    const { importModule, calls } = importer([
      () => failing.promise,
      () => Promise.resolve(module),
    ]);
    const lazy = lazyModule(importModule);
    const first = lazy.load();
    const second = lazy.load();
    const error = new Error('network down');
    failing.reject(error);
    await expect(first).rejects.toBe(error);
    await expect(second).rejects.toBe(error);
    expect(lazy.loaded).toBeUndefined();
    const retry = lazy.load();
    expect(retry).not.toBe(first);
    await expect(retry).resolves.toBe(module);
    expect(calls.count).toBe(2);
    expect(lazy.loaded).toBe(module);
  });

  it('an importer that throws at once is a failed load: a rejection, not a throw, then a retry', async () => {
    const error = new TypeError('import() rewritten by the test runner');
    const module = { name: 'c' };
    const { importModule, calls } = importer([
      () => {
        throw error;
      },
      () => Promise.resolve(module),
    ]);
    const lazy = lazyModule(importModule);
    let failed: Promise<Module> | undefined;
    expect(() => (failed = lazy.load())).not.toThrow();
    await expect(failed).rejects.toBe(error);
    expect(lazy.loaded).toBeUndefined();
    await expect(lazy.load()).resolves.toBe(module);
    expect(calls.count).toBe(2);
  });

  it('each lazy module keeps its own load', async () => {
    const one = lazyModule(() => Promise.resolve({ name: 'one' }));
    const two = lazyModule(() => Promise.resolve({ name: 'two' }));
    await one.load();
    expect(one.loaded).toEqual({ name: 'one' });
    expect(two.loaded).toBeUndefined();
  });
});
