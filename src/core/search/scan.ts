/**
 * A fast word scanner for indexing: the same words as `tokenize` (folded with `fold`'s rules, evasion
 * dots and tatweel inside words ignored, marks on the last letter kept in the range) but in one pass
 * over the original text through a lookup table, without building the full offset map. The unit
 * tests check that it agrees with `tokenize` on real text.
 */
import { fold, isArabicLetter } from '../text/arabic';

/** Table values: a folded UTF-16 code for word characters, or one of these. */
const DROP = 0xffff; // diacritics, tatweel, controls: skipped, do not break a word
const SEP = 0xfffe; // punctuation, spaces: end a word
const SLOW = 0xfffd; // surrogates and characters whose folded form is not one code unit
const DOT = 0xfffc; // '.': an evasion mark between Arabic letters, else a separator

let table: Uint16Array | undefined;

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const word = /^[\p{L}\p{N}]$/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = SLOW;
      continue;
    }
    if (c === 0x2e) {
      t[c] = DOT;
      continue;
    }
    const f = fold(String.fromCharCode(c));
    if (f.length === 0) t[c] = DROP;
    else if (f.length > 1) t[c] = SLOW;
    else t[c] = word.test(f) ? f.charCodeAt(0) : SEP;
  }
  return t;
}

/** Marks written on a word's last letter belong to its range (as in `tokenize`). */
function isCombining(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed);
}

/**
 * Calls `onWord(folded, start, end)` for every word of `text`, in order; `start`/`end` are UTF-16
 * offsets into `text`.
 */
export function scanWords(text: string, onWord: (folded: string, start: number, end: number) => void): void {
  const t = (table ??= buildTable());
  const n = text.length;
  let buf = '';
  let codes: number[] = [];
  let start = -1;
  let lastEnd = 0;
  let lastKept = 0; // original code of the last kept (not dropped) character
  const flush = (): void => {
    if (start < 0) return;
    let end = lastEnd;
    while (end < n && isCombining(text.charCodeAt(end))) end++;
    onWord(buf + String.fromCharCode.apply(null, codes), start, end);
    buf = '';
    codes = [];
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const v = t[c]!;
    if (v === DROP) continue;
    if (v === DOT) {
      if (isArabicLetter(lastKept)) {
        let j = i + 1;
        while (j < n && (text.charCodeAt(j) === 0x2e || text.charCodeAt(j) === 0x0640)) j++;
        if (j < n && isArabicLetter(text.charCodeAt(j))) {
          i = j - 1;
          continue;
        }
      }
      flush();
      lastKept = c;
      continue;
    }
    if (v === SEP) {
      flush();
      lastKept = c;
      continue;
    }
    if (v === SLOW) {
      // A surrogate pair (or a character that folds to several): fold the code point as a whole.
      const cp = text.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      const f = fold(String.fromCodePoint(cp));
      lastKept = c;
      if (/^[\p{L}\p{N}]+$/u.test(f)) {
        if (start < 0) start = i;
        buf += String.fromCharCode.apply(null, codes) + f;
        codes = [];
        lastEnd = i + width;
      } else flush();
      i += width - 1;
      continue;
    }
    if (start < 0) start = i;
    codes.push(v);
    lastEnd = i + 1;
    lastKept = c;
  }
  flush();
}
