/**
 * Remembers the results of a pure function of one string or number. Once `limit` results are held they are all
 * dropped, so a long `npm start` session never grows without end.
 */
export function memoize<K extends string | number, V>(compute: (key: K) => V, limit = 100_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
