/**
 * Arabic folding for matching (never for display), with a map from every folded character back to
 * the original text. Rules: ../shared/notes/arabic.md (Lucene's ArabicNormalizer plus the marks,
 * digits, controls and censorship-evasion dots real corpora carry).
 */
import { evasionDotEnd, isArabicLetter, wordUnitsAt } from './wordRules';

export { isArabicLetter, wordUnitsAt };

/** Characters dropped entirely: diacritics, Quranic marks, tatweel, bidi and zero-width controls. */
function isDropped(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) || // harakat, incl. hamza above/below left by NFD
    c === 0x0670 || // superscript alef
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    c === 0x0640 || // tatweel
    c === 0x061c || // Arabic letter mark
    (c >= 0x200b && c <= 0x200f) || // zero-width space/joiners, LRM, RLM
    (c >= 0x202a && c <= 0x202e) || // bidi embeddings and overrides
    (c >= 0x2066 && c <= 0x2069) || // bidi isolates
    c === 0xfeff || // zero-width no-break space
    c === 0x00ad // soft hyphen
  );
}

const LETTER_FOLD: Record<number, string> = {
  0x0622: 'ا', // آ
  0x0623: 'ا', // أ
  0x0625: 'ا', // إ
  0x0671: 'ا', // ٱ
  0x0672: 'ا',
  0x0673: 'ا',
  0x0649: 'ي', // ى
  0x0626: 'ي', // ئ
  0x06cc: 'ي', // Persian ya
  0x0629: 'ه', // ة
  0x0624: 'و', // ؤ
  0x06a9: 'ك', // Persian kaf
};


function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660); // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0); // Persian digits
  return LETTER_FOLD[c] ?? ch.toLowerCase();
}

const UNKNOWN = -3;
const DROPPED = -1;
/** Folds to more than one character (only İ, whose lower case is i + a combining dot). */
const MULTIPLE = -2;
/**
 * Per UTF-16 code unit: its folded code unit, DROPPED or MULTIPLE; filled on first sight (a corpus
 * uses a few hundred). Folding is per code unit, as `foldChar` on one character of the string is.
 */
const FOLD_TABLE = new Int32Array(0x10000).fill(UNKNOWN);

function foldCode(c: number): number {
  const f = FOLD_TABLE[c]!;
  if (f !== UNKNOWN) return f;
  let out: number;
  if (isDropped(c)) out = DROPPED;
  else {
    const s = foldChar(String.fromCharCode(c));
    out = s.length === 1 ? s.charCodeAt(0) : MULTIPLE;
  }
  FOLD_TABLE[c] = out;
  return out;
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded character, the offset of the original character it came from. */
  starts: Int32Array;
  /** For each folded character, the offset just past the original character(s) it came from. */
  ends: Int32Array;
}

/** Growable output of the folding loop (code units, and their origins when a map is wanted). */
class FoldOutput {
  codes: Uint16Array;
  starts: Int32Array | undefined;
  ends: Int32Array | undefined;
  length = 0;

  constructor(capacity: number, withMap: boolean) {
    this.codes = new Uint16Array(capacity);
    if (withMap) {
      this.starts = new Int32Array(capacity);
      this.ends = new Int32Array(capacity);
    }
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    if (this.starts) {
      this.starts[this.length] = start;
      this.ends![this.length] = end;
    }
    this.length++;
  }

  grow(): void {
    const capacity = this.codes.length * 2 + 16;
    const grown = (a: Int32Array): Int32Array => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const codes = new Uint16Array(capacity);
    codes.set(this.codes);
    this.codes = codes;
    if (this.starts) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends!);
    }
  }

  text(): string {
    return codesToString(this.codes, this.length);
  }
}

/** A string from UTF-16 code units (lone surrogates kept as they are). */
function codesToString(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let at = 0; at < length; at += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/** The folding loop (see `foldWithMap`), writing code units (and origins) to `out`. */
function foldInto(original: string, out: FoldOutput): void {
  let lastKeptCode = 0; // code of the last kept original character (before folding)
  const n = original.length;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    // Compose a base letter with following combining hamza/madda (NFD input).
    if (c === 0x0627 || c === 0x0648 || c === 0x064a) {
      const next = original.charCodeAt(i + 1);
      if (next === 0x0653 || next === 0x0654 || next === 0x0655) {
        const ch = String.fromCharCode(c, next).normalize('NFC');
        for (const f of foldChar(ch)) out.push(f.charCodeAt(0), i, i + 2);
        lastKeptCode = ch.charCodeAt(0);
        i++;
        continue;
      }
    }
    const f = foldCode(c);
    if (f === DROPPED) continue;
    if (c === 0x2e /* . */) {
      // An evasion dot (wordRules.ts): dropped, with the dots and tatweel after it, up to the next Arabic letter.
      const j = evasionDotEnd(original, i, lastKeptCode);
      if (j >= 0) {
        i = j - 1;
        continue;
      }
    }
    if (f === MULTIPLE) {
      for (const g of foldChar(original[i]!)) out.push(g.charCodeAt(0), i, i + 1);
    } else out.push(f, i, i + 1);
    lastKeptCode = c;
  }
}

/**
 * Folds `original` for matching and records where every folded character came from. A `.` (or a
 * run of tatweel and dots) between two Arabic letters is an evasion mark, not a full stop, and is
 * dropped: الإرهـ.اب folds to الارهاب. Composed forms are built per character (NFC), so text stored
 * decomposed (ا + U+0654) folds like أ.
 */
export function foldWithMap(original: string): FoldedText {
  const out = new FoldOutput(original.length + 16, true);
  foldInto(original, out);
  return { text: out.text(), starts: out.starts!.subarray(0, out.length), ends: out.ends!.subarray(0, out.length) };
}

/** Folds text for matching, without the offset map. */
export function fold(text: string): string {
  const out = new FoldOutput(text.length + 16, false);
  foldInto(text, out);
  return out.text();
}

/** Maps a range of folded offsets [from, to) back to the original text. */
export function originalSpan(folded: FoldedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < folded.starts.length ? folded.starts[from]! : (folded.ends[folded.ends.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: folded.starts[from]!, end: folded.ends[to - 1]! };
}

/** How many words `words(foldedText)` gives, without making them. */
export function countWords(foldedText: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < foldedText.length; ) {
    const u = wordUnitsAt(foldedText, i);
    if (u > 0) {
      if (!inWord) count++;
      inWord = true;
      i += u;
    } else {
      inWord = false;
      i++;
    }
  }
  return count;
}

/** Words of folded text: runs of letters and digits (Arabic or Latin). */
export function words(foldedText: string): string[] {
  return foldedText.match(/[\p{L}\p{N}]+/gu) ?? [];
}
