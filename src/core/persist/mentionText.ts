/**
 * Mentions kept small. A recognized mention carries its text, its line/character range and a snippet
 * of its line: a dozen objects and strings each, hundreds of thousands of them in a large corpus. All
 * three can be read off the article's parts (its title, paragraphs… each with its text and range), so
 * the corpus keeps a `PartMention` (entity, type, offsets and the article's parts, shared) and reads
 * them when asked. Mentions that the parts would not give back exactly stay as they are.
 */
import type { Article, Part } from '../article/article';
import { statementText, type EntityType, type Mention, type Statement } from '../entities/recognizer';
import { partitionPoint, TextRange } from '../text/ranges';

/** Characters of context on each side of a mention in its snippet (as the recognizer's `snippetOf`). */
const SNIPPET_CONTEXT = 60;

/** The article's parts that hold text, by start (what `derive` reads mentions off). */
export function partsOf(article: Article): Part[] {
  const parts: Part[] = [article.title, ...article.alternativeTitles, ...article.subheadings, ...article.paragraphs, ...article.boilerplate];
  if (article.outlet) parts.push(article.outlet);
  return parts.filter((p) => p && typeof p.text === 'string' && p.range).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** The one-line part holding [start, end) whose text is exactly its range (undefined when none does). */
export function partAt(parts: readonly Part[], start: number, end: number): Part | undefined {
  const lo = partitionPoint(0, parts.length, (i) => parts[i]!.range.start <= start);
  for (let k = lo - 1; k >= 0 && k >= lo - 3; k--) {
    const p = parts[k]!;
    const { range } = p;
    if (range.end >= end && range.line === range.endLine && range.end - range.start === p.text.length) return p;
  }
  return undefined;
}

function textIn(part: Part, start: number, end: number): string {
  return part.text.slice(start - part.range.start, end - part.range.start);
}

function rangeIn({ range }: Part, start: number, end: number): TextRange {
  const character = range.character + (start - range.start);
  return { start, end, line: range.line, character, endLine: range.line, endCharacter: character + (end - start) };
}

function snippetIn({ text, range }: Part, start: number, end: number): string {
  const s = start - range.start;
  const e = end - range.start;
  const L = text.length;
  let from = Math.max(0, s - SNIPPET_CONTEXT);
  let to = Math.min(L, e + SNIPPET_CONTEXT);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < L) to = Math.max(e, text.lastIndexOf(' ', to));
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < L ? '…' : ''}`;
}

/**
 * A mention whose text, range and snippet are read off its part when asked. Serialises (`JSON.stringify`)
 * as the plain mention it stands for.
 */
export class PartMention implements Mention {
  constructor(
    readonly entity: string,
    readonly type: EntityType,
    readonly start: number,
    readonly end: number,
    private readonly part: Part,
  ) {}

  get text(): string {
    return textIn(this.part, this.start, this.end);
  }

  get range(): TextRange {
    return rangeIn(this.part, this.start, this.end);
  }

  get snippet(): string {
    return snippetIn(this.part, this.start, this.end);
  }

  toJSON(): Mention {
    return plainMention(this);
  }
}

/** The mention as a plain object (what a structured clone, a spread or a deep comparison would see). */
export function plainMention(m: Mention): Mention {
  return { entity: m.entity, type: m.type, start: m.start, end: m.end, text: m.text, range: m.range, snippet: m.snippet };
}

/** The mention kept small when its part gives back exactly its text, range and snippet; else as it is. */
export function compactMention(parts: readonly Part[], m: Mention): Mention {
  if (m instanceof PartMention) return m;
  const part = partAt(parts, m.start, m.end);
  if (!part) return m;
  const r = m.range;
  const same =
    r.start === m.start && r.end === m.end && r.line === part.range.line && r.endLine === r.line && r.character === part.range.character + (m.start - part.range.start) && r.endCharacter === r.character + (m.end - m.start) && textIn(part, m.start, m.end) === m.text && snippetIn(part, m.start, m.end) === m.snippet;
  return same ? new PartMention(m.entity, m.type, m.start, m.end, part) : m;
}

/** A mention of [start, end) read off the parts (undefined when no one-line part holds it). */
export function partMention(parts: readonly Part[], entity: string, type: EntityType, start: number, end: number): PartMention | undefined {
  const part = partAt(parts, start, end);
  return part && new PartMention(entity, type, start, end, part);
}

/** The article's mentions kept small (see `compactMention`). */
export function compactMentions(article: Article, mentions: readonly Mention[]): Mention[] {
  if (mentions.length === 0) return [];
  const parts = partsOf(article);
  return mentions.map((m) => compactMention(parts, m));
}

/** A mention as sent between threads when its part gives it back: the rest is read off the article on arrival. */
export type MentionRef = Pick<Mention, 'entity' | 'type' | 'start' | 'end'>;

/**
 * An article's mentions for a structured clone (a worker's answer): `PartMention`s as references (a clone would
 * drop their class, and copy their text, range and snippet for nothing), the others whole.
 */
export function mentionsToSend(article: Article, mentions: readonly Mention[]): (Mention | MentionRef)[] {
  return compactMentions(article, mentions).map((m) => (m instanceof PartMention ? { entity: m.entity, type: m.type, start: m.start, end: m.end } : m));
}

/** The mentions `mentionsToSend` sent, made whole again off the article (throws if one cannot be: not the same article). */
export function mentionsReceived(article: Article, sent: readonly (Mention | MentionRef)[]): Mention[] {
  if (sent.length === 0) return [];
  const parts = partsOf(article);
  return sent.map((m) => {
    if ('text' in m) return m;
    const made = partMention(parts, m.entity, m.type, m.start, m.end);
    if (!made) throw new Error(`a mention at ${m.start} is on no part of its article`);
    return made;
  });
}

/**
 * A statement whose sentence is read off its article's part when asked (an article read back from the entry cache
 * reads its body then). Serialises (`JSON.stringify`) as the plain statement it stands for.
 */
export class PartStatement implements Statement {
  constructor(
    readonly entity: string,
    readonly start: number,
    readonly end: number,
    private readonly article: Article,
  ) {}

  get text(): string {
    const part = partAt(partsOf(this.article), this.start, this.end);
    return part ? statementText(part.text, this.start - part.range.start, this.end - part.range.start) : '';
  }

  toJSON(): Statement {
    return { entity: this.entity, text: this.text, start: this.start, end: this.end };
  }
}

/** Whether the article's parts give back the statement's text exactly (a `PartStatement` can stand for it). */
export function derivableStatement(parts: readonly Part[], s: Statement): boolean {
  if (s instanceof PartStatement) return true;
  const part = partAt(parts, s.start, s.end);
  return part !== undefined && statementText(part.text, s.start - part.range.start, s.end - part.range.start) === s.text;
}
