/**
 * The grams the index keeps postings for: every character and every pair of
 * adjacent characters of the folded text, and where a gram's entry lives.
 */

/** The grams every record containing `term` must hold: its adjacent pairs, or the character itself. */
export function termGrams(term: string): string[] {
  const chars = Array.from(term);
  return chars.length === 1 ? chars : chars.slice(1).map((ch, i) => chars[i]! + ch);
}

/**
 * The shard holding a key. Keys of one gram (its text postings, title
 * postings and the vocabulary words starting with it) share a shard, so a
 * query reads them together: a leading control character is not hashed.
 */
export function gramShard(key: string, shards: number): number {
  const gram = key.charCodeAt(0) < 32 && key.charCodeAt(0) !== 2 ? key.slice(1) : key;
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) hash = Math.imul(hash ^ gram.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}
