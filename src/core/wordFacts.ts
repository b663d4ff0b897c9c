/**
 * What the recognizer's passes learn of a word (folded): worked out once a word, kept in one table shared by
 * every text, and held on each token of a text so that later passes over that text read it without a lookup (a
 * recognizer keys its own per-word tables by these objects). Pure TypeScript; discovery.ts fills them.
 */
import type { Token } from './tokenize';

export interface WordFacts {
  /** Discovery's lexical bits (see discovery.ts `lexicalOf`); -1 until asked. */
  bits: number;
  /** The given name the word is, with the clitics before it; null when none; undefined until asked. */
  given: { word: string; prefix: number } | null | undefined;
  /** The title head the word is, with its clitics; null when none; undefined until asked. */
  head: { form: string; prefix: number } | null | undefined;
}

const FACTS = new Map<string, WordFacts>();
/** How many distinct words are remembered before the table is forgotten whole (a corpus's vocabulary is smaller). */
const MAX_WORDS = 300_000;

/** The facts of a folded word. */
export function factsOf(word: string): WordFacts {
  let facts = FACTS.get(word);
  if (facts === undefined) {
    if (FACTS.size >= MAX_WORDS) FACTS.clear();
    facts = { bits: -1, given: undefined, head: undefined };
    // A copy of a long word: a slice of an article's text would keep the whole text alive in the table.
    FACTS.set(word.length < 13 ? word : [...word].join(''), facts);
  }
  return facts;
}

/** The facts of a token's word, kept on the token: one lookup a token, however many passes ask. */
export function tokenFacts(t: Token): WordFacts {
  return (t.facts ??= factsOf(t.text)) as WordFacts;
}
