/**
 * `make` of a key (an index, a lexicon, one of their tables), made on the first call and kept as long as the key:
 * the tables a stage derives once from an object it is handed, without holding the object alive.
 */
export function oncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}
