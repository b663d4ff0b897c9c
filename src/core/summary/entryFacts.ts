/**
 * What the Summary panel's corpus view derives from each parsed entry, kept as long as the entry lives (a changed
 * file makes a new entry): its body's word count, the entities it names, and the entities named together in each
 * of its sentences. Rendering 20,000 articles again then reads these instead of the texts.
 */
import type { Article } from '../article/article';
import { articleWords, bodyWords } from '../article/bodyWords';
import type { CorpusEntry } from '../corpus/corpus';
import type { ParsedFacts } from '../corpus/types';
import type { Mention } from '../entities/recognizer';
import { SENTENCE_END } from './textrank';

export { bodyWords } from '../article/bodyWords';

/** What the corpus view derives from one parsed entry, kept as long as the entry (a change makes a new entry). */
export interface EntryFacts {
  words: number;
  /** Mentions (counted without making them, for an entry from the cache). */
  mentions: number;
  /** The entities named, each once. */
  named: readonly string[];
  /** The entities named in each sentence unit that names two or more (made when the network first asks). */
  sentenceSets?: readonly (readonly string[])[];
}

/** Each fact made when first asked for (the network reads only the sentence sets, a page of rows only its words). */
class Facts implements EntryFacts {
  #words: number | undefined;
  #named: { named: readonly string[]; mentions: number } | undefined;
  #sentenceSets: readonly (readonly string[])[] | undefined;

  constructor(private readonly entry: CorpusEntry) {}

  get words(): number {
    return (this.#words ??= wordsOf(this.entry));
  }

  get sentenceSets(): readonly (readonly string[])[] | undefined {
    return (this.#sentenceSets ??= this.entry.facts?.namedTogether);
  }

  set sentenceSets(sets: readonly (readonly string[])[] | undefined) {
    this.#sentenceSets = sets;
  }

  get mentions(): number {
    return this.namedIn().mentions;
  }

  get named(): readonly string[] {
    return this.namedIn().named;
  }

  private namedIn(): { named: readonly string[]; mentions: number } {
    if (!this.#named) {
      const { named, mentions } = namedIn(this.entry);
      this.#named = { named: [...named], mentions };
    }
    return this.#named;
  }
}
const facts = new WeakMap<CorpusEntry, Facts>();

/**
 * An entry's body words, without a record of its facts: an article from the cache knows them; a parsed one's were
 * counted at parse time (its facts); else counted now.
 */
export function wordsOf(entry: CorpusEntry): number {
  const a = entry.article;
  return typeof (a as { words?: unknown }).words === 'number' ? articleWords(a) : (entry.facts?.words ?? articleWords(a));
}

export function factsOf(entry: CorpusEntry): EntryFacts {
  let f = facts.get(entry);
  if (!f) facts.set(entry, (f = new Facts(entry)));
  return f;
}

/** The entities an entry names, and its mentions' count, without making its mentions where it can (an entry from the cache). */
function namedIn(entry: CorpusEntry): { named: Set<string>; mentions: number } {
  const named = new Set<string>();
  let mentions = 0;
  if (entry.countMentions) {
    entry.countMentions((id, count) => {
      named.add(id);
      mentions += count;
    });
  } else for (const m of entry.mentions) named.add(m.entity);
  return { named, mentions: entry.countMentions ? mentions : entry.mentions.length };
}

/**
 * What the Summary panel counts of an article, found when it is parsed (`parseFile`, in a worker where there are
 * workers) and kept in the entry cache: its body's words and the entities named together in each sentence.
 */
export function parsedFacts(article: Article, mentions: readonly Pick<Mention, 'entity' | 'start' | 'end'>[]): ParsedFacts {
  return { words: bodyWords(article), namedTogether: namedTogether(article, mentions) };
}


/**
 * The entities named in each sentence unit of the entry that names two or more, kept with the entry: the network
 * counts its links from them on every render without reading the text again. The units are those of
 * `splitSentences` (and the title, alternative titles and subheadings); a paragraph naming fewer than two entities
 * is not read, and one that does only up to its last mention, sentence end by sentence end.
 */
export function sentenceSets(entry: CorpusEntry): readonly (readonly string[])[] {
  // Found at parse time (or read from the cache) for most entries: no record of their facts made for them.
  const parsed = entry.facts?.namedTogether;
  if (parsed) return parsed;
  const f = factsOf(entry);
  return (f.sentenceSets ??= namedTogether(entry.article, entry.mentions));
}

/** The entities named in each sentence unit of the article that names two or more (see `sentenceSets`). */
function namedTogether(a: Article, all: readonly Pick<Mention, 'entity' | 'start' | 'end'>[]): string[][] {
  const mentions = all.every((x, i) => i === 0 || all[i - 1]!.start <= x.start) ? all : [...all].sort((x, y) => x.start - y.start);
  const sets: Set<string>[] = [];
  const lines = [...(!a.title.derived && a.title.text ? [a.title.range] : []), ...a.alternativeTitles.map((t) => t.range), ...a.subheadings.map((t) => t.range)];
  for (const u of lines) sets.push(new Set(mentions.filter((x) => u.start <= x.start && x.end <= u.end).map((x) => x.entity)));
  const ends = new RegExp(SENTENCE_END.source, SENTENCE_END.flags);
  let m = 0;
  for (const p of a.paragraphs) {
    const from = p.range.start;
    const to = from + p.text.length;
    while (m < mentions.length && mentions[m]!.start < from) m++;
    let last = m;
    let two = false;
    for (; last < mentions.length && mentions[last]!.start < to; last++) if (mentions[last]!.entity !== mentions[m]!.entity) two = true;
    if (!two) continue;
    // Sentence ends in order (as splitSentences finds them), read only as far as the mentions go.
    ends.lastIndex = 0;
    const next = (): number => {
      const r = ends.exec(p.text);
      return r ? r.index + r[0].length : Infinity;
    };
    let end = next();
    let sentenceEnd = NaN;
    let current: Set<string> | undefined;
    for (let i = m; i < last; i++) {
      const x = mentions[i]!;
      while (end <= x.start - from) end = next();
      if (end < x.end - from) continue; // a sentence ends inside the mention: it is in no sentence
      if (end !== sentenceEnd || !current) sets.push((current = new Set()));
      sentenceEnd = end;
      current.add(x.entity);
    }
  }
  return sets.filter((x) => x.size > 1).map((x) => [...x]);
}
