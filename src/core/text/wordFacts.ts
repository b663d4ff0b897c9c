/**
 * The words of the texts read, each stored once with what the recognizer's passes learn of it: a token is made
 * with its word's entry (see tokenize.ts), so a word seen before costs no new string and no string lookup, and
 * later passes over the text read the facts from the token (a recognizer keys its own per-word tables by these
 * objects). Pure TypeScript; discovery.ts fills the facts.
 */

export interface WordFacts {
  /** The folded word: one string for every token of it, in storage of its own. */
  readonly word: string;
  /** `endingHash` of its last three characters (-1 for a word of fewer), and of its last two (see tokenize.ts `EndingFilter`). */
  readonly ending3: number;
  readonly ending2: number;
  /** Discovery's lexical bits (see discovery.ts `lexicalOf`); -1 until asked. */
  bits: number;
  /** The given name the word is, with the clitics before it; null when none; undefined until asked. */
  given: { word: string; prefix: number } | null | undefined;
  /** The title head the word is, with its clitics; null when none; undefined until asked. */
  head: { form: string; prefix: number } | null | undefined;
  /**
   * The forms of the word that start a name of one recognizer's knowledge base (recognizer.ts `startsOf`), and that
   * recognizer: a word holds the starts of the last recognizer that asked (a recognizer replaced asks again).
   */
  starts: readonly unknown[] | undefined;
  startsOwner: object | undefined;
  /** Whether an organisation or a law can start at the word (patterns.ts `mayStartPattern`); undefined until asked. */
  pattern: boolean | undefined;
  /** The word classes asked of the word, a bit each, and those it belongs to (see tokenize.ts `WordClass`). */
  classesAsked: number;
  classes: number;
}

/** How many distinct words are remembered before the table is forgotten whole (a corpus's vocabulary is smaller). */
const MAX_WORDS = 300_000;

/** A word's entry. */
function entry(word: string): WordFacts {
  return { word, ending3: word.length >= 3 ? endingHash(word, 3) : -1, ending2: endingHash(word, 2), bits: -1, given: undefined, head: undefined, starts: undefined, startsOwner: undefined, pattern: undefined, classesAsked: 0, classes: 0 };
}

/** What an empty slot holds (an entry, so that every slot holds one shape of object). */
const EMPTY = entry('');

/**
 * An open-addressing table of words keyed by a range of a string, so that the tokenizer looks a word up
 * without cutting it out of its text first. A slot is empty when its hash is 0 (no word hashes to 0, see
 * `finishHash`); a word's characters are compared only when its hash matches.
 */
class WordTable {
  private slots: WordFacts[] = new Array<WordFacts>(1 << 16).fill(EMPTY);
  private hashes = new Int32Array(1 << 16);
  private size = 0;

  /** The entry of `text[from, to)`, whose `rangeHash` is `hash`: made on first sight. */
  get(text: string, from: number, to: number, hash: number): WordFacts {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const h = hashes[s]!;
      if (h === 0) break;
      if (h === hash) {
        const facts = this.slots[s]!;
        if (sameRange(facts.word, text, from, to - from)) return facts;
      }
    }
    return this.add(text.slice(from, to), hash);
  }

  /** A new word's entry. */
  private add(slice: string, hash: number): WordFacts {
    if (this.size >= MAX_WORDS) this.clear();
    else if ((this.size + 1) * 2 > this.slots.length) this.grow();
    // A copy of the word: a slice of an article's text would keep the whole text alive in the table.
    const facts = entry(slice.length < 13 ? slice : [...slice].join(''));
    this.put(facts, hash);
    this.size++;
    return facts;
  }

  private put(facts: WordFacts, hash: number): void {
    const mask = this.hashes.length - 1;
    let s = hash & mask;
    while (this.hashes[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = facts;
    this.hashes[s] = hash;
  }

  private grow(): void {
    const old = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Array<WordFacts>(old.length * 2).fill(EMPTY);
    this.hashes = new Int32Array(old.length * 2);
    for (let s = 0; s < old.length; s++) if (oldHashes[s] !== 0) this.put(old[s]!, oldHashes[s]!);
  }

  private clear(): void {
    this.slots = new Array<WordFacts>(1 << 16).fill(EMPTY);
    this.hashes = new Int32Array(1 << 16);
    this.size = 0;
  }
}

function sameRange(word: string, text: string, from: number, length: number): boolean {
  if (word.length !== length) return false;
  for (let k = 0; k < length; k++) if (word.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

/** A 16-bit hash of the last `k` characters of `word` (of all of it when shorter). */
export function endingHash(word: string, k: number): number {
  let h = 0x811c9dc5 ^ k;
  for (let i = Math.max(0, word.length - k); i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) & 0xffff;
}

export const HASH_SEED = 0x811c9dc5;
export const HASH_PRIME = 0x01000193;

/** The hash the table keys `text[from, to)` by: FNV-1a over its UTF-16 units, then `finishHash`. */
export function rangeHash(text: string, from: number, to: number): number {
  let h = HASH_SEED;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), HASH_PRIME);
  return finishHash(h);
}

/** The last mixing step of `rangeHash`, for a caller that ran the FNV loop itself. Never 0 (the table's empty slot). */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  return Math.imul(h, 0x7feb352d) | 1;
}

const WORDS = new WordTable();

/** The entry of the folded word `text[from, to)`. */
export function wordAt(text: string, from: number, to: number): WordFacts {
  return WORDS.get(text, from, to, rangeHash(text, from, to));
}

/** The entry of `text[from, to)`, whose `rangeHash` the caller worked out as it read the word. */
export function wordWithHash(text: string, from: number, to: number, hash: number): WordFacts {
  return WORDS.get(text, from, to, hash);
}

/** The facts of a folded word. */
export function factsOf(word: string): WordFacts {
  return wordAt(word, 0, word.length);
}

