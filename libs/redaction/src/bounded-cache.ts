/** Entries a memoised function keeps before it starts afresh. */
const MAX_ENTRIES = 2048;

/**
 * Memoises a function of a string. Log records repeat the same few keys, so this makes key
 * checks nearly free; the cache is emptied when full, so unbounded key sets cannot leak memory.
 */
export function memoize<T>(compute: (input: string) => T): (input: string) => T {
  const cache = new Map<string, T>();
  return (input) => {
    const cached = cache.get(input);
    if (cached !== undefined) return cached;
    if (cache.size >= MAX_ENTRIES) cache.clear();
    const result = compute(input);
    cache.set(input, result);
    return result;
  };
}
