/**
 * Arabic folding for matching (never for display), with a map from every folded character back to
 * the original text. Rules: ../shared/notes/arabic.md (Lucene's ArabicNormalizer plus the marks,
 * digits, controls and censorship-evasion dots real corpora carry).
 */

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

/** True for the Arabic letters (not marks, digits or punctuation). */
export function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || c === 0x06d5;
}

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660); // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0); // Persian digits
  return LETTER_FOLD[c] ?? ch.toLowerCase();
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded character, the offset of the original character it came from. */
  starts: number[];
  /** For each folded character, the offset just past the original character(s) it came from. */
  ends: number[];
}

/**
 * Folds `original` for matching and records where every folded character came from. A `.` (or a
 * run of tatweel and dots) between two Arabic letters is an evasion mark, not a full stop, and is
 * dropped: الإرهـ.اب folds to الارهاب. Composed forms are built per character (NFC), so text stored
 * decomposed (ا + U+0654) folds like أ.
 */
export function foldWithMap(original: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastKeptCode = 0; // code of the last kept original character (before folding)
  const n = original.length;
  for (let i = 0; i < n; i++) {
    let ch = original[i]!;
    let end = i + 1;
    const c = ch.charCodeAt(0);
    // Compose a base letter with following combining hamza/madda (NFD input).
    if (c === 0x0627 || c === 0x0648 || c === 0x064a) {
      const next = original.charCodeAt(i + 1);
      if (next === 0x0653 || next === 0x0654 || next === 0x0655) {
        ch = (ch + original[i + 1]).normalize('NFC');
        end = i + 2;
      }
    }
    if (isDropped(c)) continue;
    if (c === 0x2e /* . */ && isArabicLetter(lastKeptCode)) {
      // An evasion dot: look past dots and tatweel for another Arabic letter.
      let j = i + 1;
      while (j < n && (original.charCodeAt(j) === 0x2e || original.charCodeAt(j) === 0x0640)) j++;
      if (j < n && isArabicLetter(original.charCodeAt(j))) {
        i = j - 1;
        continue;
      }
    }
    const folded = foldChar(ch);
    for (const f of folded) {
      out.push(f);
      starts.push(i);
      ends.push(end);
    }
    lastKeptCode = ch.charCodeAt(0);
    i = end - 1;
  }
  return { text: out.join(''), starts, ends };
}

/** Folds text for matching, without the offset map. */
export function fold(text: string): string {
  return foldWithMap(text).text;
}

/** Maps a range of folded offsets [from, to) back to the original text. */
export function originalSpan(folded: FoldedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < folded.starts.length ? folded.starts[from]! : (folded.ends[folded.ends.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: folded.starts[from]!, end: folded.ends[to - 1]! };
}

/** Words of folded text: runs of letters and digits (Arabic or Latin). */
export function words(foldedText: string): string[] {
  return foldedText.match(/[\p{L}\p{N}]+/gu) ?? [];
}
