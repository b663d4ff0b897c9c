/**
 * The typo index: the vocabulary's forms grouped by length, each with a signature of the letters it holds, so that
 * the forms within k edits of a query word are found without computing an edit distance against every form.
 *
 * A signature sets one of 32 bits per letter the word holds (letters share bits, `letterBit`). One edit changes at
 * most two bits: a substitution may drop its old letter and add its new one, an insertion or deletion may add or drop
 * one, a transposition changes none. So two words k edits apart differ in at most 2k bits, and in at most 2k − d when
 * their lengths differ by d (d of the edits are insertions or deletions, which change at most one bit each). Forms
 * outside that bound are skipped with one XOR and a bit count; the rest are measured with `boundedDistance`. The
 * answer is exactly the brute-force scan's (a unit test compares them on random words).
 */
import { boundedDistance } from './fuzzy';
import { lowerBound } from './structures';

/**
 * The bit of each letter: the 29 letters of folded Arabic text (ء and ا to ي; the hamza seats, ى and ة fold away)
 * have a bit each; any other character (Latin letters, digits, the folded-away letters) shares the last three.
 */
const LETTER_BITS: Uint8Array = (() => {
  const bits = new Uint8Array(0x0650).fill(255);
  const letters = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  for (let i = 0; i < letters.length; i++) bits[letters.charCodeAt(i)] = i;
  return bits;
})();

function letterBit(code: number): number {
  const b = code < LETTER_BITS.length ? LETTER_BITS[code]! : 255;
  return 1 << (b === 255 ? 29 + (code % 3) : b);
}

/** The letters a word holds, as a 32-bit set. */
export function letterSignature(word: string): number {
  let s = 0;
  for (let i = 0; i < word.length; i++) s |= letterBit(word.charCodeAt(i));
  return s >>> 0;
}

/** Bits set in a 32-bit number. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return (x * 0x01010101) >>> 24;
}

interface LengthGroup {
  /** In order (so that forms are found in the order a scan of all forms in order would find them). */
  forms: string[];
  signatures: Uint32Array;
}

export class TypoIndex {
  private readonly groups = new Map<number, LengthGroup>();

  /** The index of these forms (each once). */
  constructor(forms: readonly string[]) {
    const byLength = new Map<number, string[]>();
    for (const f of forms) {
      const list = byLength.get(f.length);
      if (list) list.push(f);
      else byLength.set(f.length, [f]);
    }
    for (const [len, list] of byLength) this.groups.set(len, { forms: list, signatures: Uint32Array.from(list, letterSignature) });
  }

  /** A form not yet in the index, in its place among those of its length. */
  add(form: string): void {
    const group = this.groups.get(form.length);
    if (!group) {
      this.groups.set(form.length, { forms: [form], signatures: Uint32Array.of(letterSignature(form)) });
      return;
    }
    const i = lowerBound(group.forms, form);
    group.forms.splice(i, 0, form);
    const signatures = new Uint32Array(group.signatures.length + 1);
    signatures.set(group.signatures.subarray(0, i));
    signatures[i] = letterSignature(form);
    signatures.set(group.signatures.subarray(i), i + 1);
    group.signatures = signatures;
  }

  /** Calls `found` with each form other than `word` within `k` edits of it, and the distance. */
  within(word: string, k: number, found: (form: string, distance: number) => void): void {
    const sig = letterSignature(word);
    for (let len = Math.max(1, word.length - k); len <= word.length + k; len++) {
      const group = this.groups.get(len);
      if (!group) continue;
      const bound = 2 * k - Math.abs(len - word.length);
      const { forms, signatures } = group;
      for (let i = 0; i < signatures.length; i++) {
        if (popcount(signatures[i]! ^ sig) > bound) continue;
        const form = forms[i]!;
        if (form === word) continue;
        const d = boundedDistance(word, form, k);
        if (d <= k) found(form, d);
      }
    }
  }
}
