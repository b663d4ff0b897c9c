/** A short digest of JSON values, to key caches on (the entry cache, the search snapshot). Pure TypeScript. */

/** A short digest of anything JSON (the entities a recognizer knows), to key a cache on. */
export function knowledgeDigest(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  // FNV-1a, 32 bits, twice with different seeds: enough to notice a changed knowledge base.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
