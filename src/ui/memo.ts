// Remembers a function's last result while its arguments stay the same (by identity): the
// element re-renders on every selection, and rebuilding lists of 100 000 features each time shows.
export function memoizeLast<Args extends unknown[], Result>(
  compute: (...args: Args) => Result,
): (...args: Args) => Result {
  let lastArgs: Args | undefined;
  let lastResult: Result;
  return (...args: Args) => {
    if (
      lastArgs === undefined ||
      lastArgs.length !== args.length ||
      lastArgs.some((value, index) => !Object.is(value, args[index]))
    ) {
      lastResult = compute(...args);
      lastArgs = args;
    }
    return lastResult;
  };
}
