/** Edit distance for spelling variants and typos (بيدرسن → بيدرسون, انطونوف → انتونوف). */

/** `boundedDistance`'s three rows, allocated once (a fuzzy query compares a word with a hundred thousand forms). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The optimal-string-alignment distance (Levenshtein plus adjacent transposition) between `a` and
 * `b`, or `max + 1` as soon as it is known to exceed `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (lb + 1 > rows[0].length) rows = [new Int32Array(2 * lb + 2), new Int32Array(2 * lb + 2), new Int32Array(2 * lb + 2)];
  let [prev2, prev, cur] = rows;
  prev2.fill(0, 0, lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return Math.min(prev[lb]!, max + 1);
}

/** How many edits a query word of this length may be away from a vocabulary word. */
export function allowedEdits(word: string): number {
  if (/^\d+$/.test(word)) return 0; // 2254 is not 2253
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}
