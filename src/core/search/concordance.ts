/**
 * A concordance (keyword in context): every occurrence of a word or of an entity's mentions, with
 * the text on its left and right, sortable by the word just before or just after it.
 */
import { type CancelSignal, runSteps, runStepsInSlices } from './cancel';
import type { Occurrence, SearchEngine } from './types';

export interface ConcordanceLine {
  file: string;
  name: string;
  title: string;
  outlet?: string;
  /** The occurrence's exact range in the original text. */
  start: number;
  end: number;
  /** Context as written, white space runs shown as one space, cut at whole words. */
  left: string;
  keyword: string;
  right: string;
  /** Folded neighbouring words, for sorting ('' at the start or end of the text). */
  leftWord: string;
  rightWord: string;
}

export type ConcordanceSort = 'position' | 'left' | 'right';

export interface ConcordanceOptions {
  /** Characters of context on each side (default 60). */
  width?: number;
  sort?: ConcordanceSort;
  /** Also spelling variants of the word (edit distance), not only its clitic forms. */
  variants?: boolean;
  /** Read at each step: once set, the concordance stops and throws `CancelledError` (cancel.ts). */
  signal?: CancelSignal;
}

/** Lines cut per step (each reads its document's text, from disk where texts are not kept). */
const LINES_PER_STEP = 50;

const collator = new Intl.Collator('ar');

function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** The concordance of a word or an entity, at once; throws `CancelledError` when `options.signal` is set before it ends. */
export function concordance(index: SearchEngine, target: { word: string } | { entity: string }, options: ConcordanceOptions = {}): ConcordanceLine[] {
  return runSteps(concordanceSteps(index, target, options), options.signal);
}

/**
 * The concordance a slice at a time (see `runStepsInSlices`): `pause` lets the caller's thread do other work (the
 * click or keystroke that supersedes it) between slices of `sliceMs`. Throws `CancelledError` when `options.signal`
 * is set, or when a query or another concordance on the same engine came between two slices.
 */
export function concordanceInSlices(
  index: SearchEngine,
  target: { word: string } | { entity: string },
  options: ConcordanceOptions & { pause: () => Promise<void>; sliceMs?: number; now?: () => number },
): Promise<ConcordanceLine[]> {
  const { pause, sliceMs = 10, now = () => Date.now() } = options;
  return runStepsInSlices(concordanceSteps(index, target, options), options.signal, pause, sliceMs, now);
}

/** The concordance as a generator of steps: the occurrences' (every hundred documents), then every 50 lines cut. */
export function* concordanceSteps(index: SearchEngine, target: { word: string } | { entity: string }, options: ConcordanceOptions = {}): Generator<void, ConcordanceLine[]> {
  const width = options.width ?? 60;
  const occurrences = yield* index.occurrenceSteps('word' in target ? { word: target.word, variants: options.variants } : target);
  const lines: ConcordanceLine[] = [];
  for (const { doc, start, end, first, last } of occurrences) {
    if (lines.length % LINES_PER_STEP === LINES_PER_STEP - 1) yield;
    lines.push(line(index, doc, start, end, first, last, width));
  }
  return sortConcordance(lines, options.sort ?? 'position');
}

function line(index: SearchEngine, doc: Occurrence['doc'], start: number, end: number, first: number, last: number, width: number): ConcordanceLine {
  let from = Math.max(0, start - width);
  if (from > 0) {
    const space = doc.text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  let to = Math.min(doc.text.length, end + width);
  if (to < doc.text.length) {
    const cut = doc.text.slice(end, to).search(/\s\S*$/);
    if (cut > 0) to = end + cut;
  }
  return {
    file: doc.id,
    name: doc.name,
    title: doc.title,
    outlet: doc.outlet,
    start,
    end,
    left: squash(doc.text.slice(from, start)).trimStart(),
    keyword: squash(doc.text.slice(start, end)),
    right: squash(doc.text.slice(end, to)).trimEnd(),
    leftWord: index.wordAt(doc, first - 1) ?? '',
    rightWord: index.wordAt(doc, last + 1) ?? '',
  };
}

export function sortConcordance(lines: ConcordanceLine[], sort: ConcordanceSort): ConcordanceLine[] {
  const byPosition = (a: ConcordanceLine, b: ConcordanceLine): number => a.name.localeCompare(b.name) || a.start - b.start;
  const cmp =
    sort === 'left'
      ? (a: ConcordanceLine, b: ConcordanceLine) => collator.compare(a.leftWord, b.leftWord) || byPosition(a, b)
      : sort === 'right'
        ? (a: ConcordanceLine, b: ConcordanceLine) => collator.compare(a.rightWord, b.rightWord) || byPosition(a, b)
        : byPosition;
  return [...lines].sort(cmp);
}
