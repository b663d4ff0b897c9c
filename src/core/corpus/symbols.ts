/**
 * Navigation data for the editor: where an entity "is defined", the outline of an article, and the
 * workspace symbols a query finds (entities by every name and alias, articles by title), matched on
 * folded text so "لافروف", "لأفروف" and "lavrov" all find Sergey Lavrov. Pure TypeScript, no `vscode`.
 */
import { fold, words } from '../text/arabic';
import type { Article } from '../article/article';
import type { CorpusEntry } from './corpus';
import type { Entity, EntityType, Mention } from '../entities/recognizer';
import type { EntityStats } from './entityIndex';
import { LineIndex, splitLines, TextRange } from '../text/ranges';

// ---------------------------------------------------------------------------------------------
// Definition

/**
 * Articles in reading order for "first mention": dated articles oldest first, then undated ones,
 * each group by file name.
 */
export function compareByDate(a: CorpusEntry, b: CorpusEntry): number {
  const da = a.article.date?.iso;
  const db = b.article.date?.iso;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? -1 : 1;
  }
  return a.file.name.localeCompare(b.file.name);
}

const wordCount = (text: string): number => words(fold(text)).length;

/**
 * Where an entity is "defined" in the corpus: its first full-name mention — a mention with as many
 * words as the longest one the corpus has of it ("أناتولي أنتونوف" rather than "أنتونوف") — in the
 * earliest-dated article that has one (undated articles after dated ones, ties by file name).
 */
export function definitionMention(stats: EntityStats): { entry: CorpusEntry; mention: Mention } | undefined {
  let longest = 0;
  for (const a of stats.articles) for (const m of a.mentions) longest = Math.max(longest, wordCount(m.text));
  const articles = [...stats.articles].sort((x, y) => compareByDate(x.entry, y.entry));
  for (const a of articles) {
    const mention = a.mentions.find((m) => wordCount(m.text) === longest);
    if (mention) return { entry: a.entry, mention };
  }
  return undefined;
}

/**
 * Where the user's entity file (JSON text) defines entity `id`: the offsets of the string value of
 * its `"id"` key, or undefined when the file does not name it.
 */
export function userEntityIdSpan(jsonText: string, id: string): { start: number; end: number } | undefined {
  const re = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  for (const m of jsonText.matchAll(re)) {
    let value: unknown;
    try {
      value = JSON.parse(`"${m[1]}"`);
    } catch {
      continue;
    }
    if (value === id) {
      const start = m.index! + m[0].lastIndexOf(`"${m[1]}"`) + 1;
      return { start, end: start + m[1]!.length };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Outline

export type OutlineKind = 'article' | 'heading' | 'entity';

export interface OutlineSymbol {
  name: string;
  /** Shown after the name: "derived title", "lines 10–14", "person · 3 mentions". */
  detail: string;
  kind: OutlineKind;
  /** For an entity: its id and type. */
  entity?: string;
  entityType?: EntityType;
  /** The whole extent of the symbol (contains `selectionRange` and every child's range). */
  range: TextRange;
  /** What to select when the symbol is chosen: the title, the subheading, the first mention. */
  selectionRange: TextRange;
  children: OutlineSymbol[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One child per entity mentioned in `[from, to)`, at its first mention there, in text order. */
function entityChildren(mentions: readonly Mention[], from: number, to: number, entities: ReadonlyMap<string, Entity>): OutlineSymbol[] {
  const byEntity = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.start < from || m.end > to) continue;
    const list = byEntity.get(m.entity);
    if (list) list.push(m);
    else byEntity.set(m.entity, [m]);
  }
  return [...byEntity.entries()].map(([id, ms]) => {
    const first = ms[0]!;
    const e = entities.get(id);
    return {
      name: e?.nameAr ?? first.text,
      detail: `${e?.nameEn ? `${e.nameEn} · ` : ''}${first.type} · ${plural(ms.length, 'mention')}`,
      kind: 'entity' as const,
      entity: id,
      entityType: first.type,
      range: first.range,
      selectionRange: first.range,
      children: [],
    };
  });
}

/**
 * The outline of one article: the title spans the whole text; its children are the entities the lead
 * names and one symbol per subheading, spanning its section, whose children are the entities the
 * section names. `text` is the article's text (for the extent of the last section and the file).
 */
export function articleOutline(article: Article, text: string, mentions: readonly Mention[], entities: ReadonlyMap<string, Entity>): OutlineSymbol[] {
  const index = new LineIndex(splitLines(text));
  const whole = index.range(0, text.length);
  const headed = article.sections.filter((s) => s.heading);
  const children: OutlineSymbol[] = [];
  const firstHeading = headed[0]?.heading?.range.start ?? text.length;
  children.push(...entityChildren(mentions, 0, firstHeading, entities));
  headed.forEach((s, k) => {
    const heading = s.heading!;
    // A section runs to the next subheading (boilerplate after it included), the last to the end.
    const end = k + 1 < headed.length ? lineEndBefore(text, headed[k + 1]!.heading!.range.start) : text.trimEnd().length;
    const range = index.range(heading.range.start, Math.max(end, heading.range.end));
    const lines = range.line === range.endLine ? `line ${range.line + 1}` : `lines ${range.line + 1}–${range.endLine + 1}`;
    children.push({
      name: heading.text,
      detail: lines,
      kind: 'heading',
      range,
      selectionRange: heading.range,
      children: entityChildren(mentions, range.start, range.end, entities),
    });
  });
  const details = [article.title.derived ? 'derived title' : undefined, article.outlet?.text, article.date?.iso].filter(Boolean);
  return [
    {
      name: article.title.text || article.name,
      detail: details.join(' · '),
      kind: 'article',
      range: whole,
      selectionRange: article.title.range,
      children,
    },
  ];
}

/** The offset just past the last non-blank character before `offset`. */
function lineEndBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/u.test(text[i - 1]!)) i--;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Workspace symbols

export interface WorkspaceSymbolData {
  kind: 'entity' | 'article';
  /**
   * The name shown. VS Code keeps only symbols whose name fuzzily contains the query as typed, so this
   * is the name or alias that matched — in its own spelling when that contains the query, else folded
   * (the way the query was typed, without hamza or ta marbuta).
   */
  name: string;
  /** Shown beside the name: the Arabic and English names, the type; an article's outlet and date. */
  containerName: string;
  entity?: string;
  entityType?: EntityType;
  /** Where the symbol leads: the entity's definition, the article's title. */
  file: string;
  range: TextRange;
}

interface Candidate {
  name: string;
  folded: string;
}

/** 3: equal, 2: prefix, 1: contains, 0: no match. */
function matchRank(foldedName: string, query: string): number {
  if (query === '') return 1;
  if (foldedName === query) return 3;
  if (foldedName.startsWith(query) || foldedName.includes(` ${query}`)) return 2;
  return foldedName.includes(query) ? 1 : 0;
}

/** True when VS Code's fuzzy filter would keep `name` for `query`: the query's characters appear in order. */
function fuzzyContains(name: string, query: string): boolean {
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of query.toLowerCase().replace(/\s+/g, '')) {
    i = n.indexOf(ch, i);
    if (i < 0) return false;
    i += ch.length;
  }
  return true;
}

function bestName(candidates: readonly Candidate[], query: string, typed: string): { name: string; rank: number } | undefined {
  let best: { name: string; rank: number } | undefined;
  for (const c of candidates) {
    const rank = matchRank(c.folded, query);
    if (rank > (best?.rank ?? 0)) best = { name: fuzzyContains(c.name, typed) ? c.name : c.folded, rank };
  }
  return best;
}

export interface WorkspaceSymbolSources {
  /** Entities the corpus names, with where each is defined. */
  entities: readonly { stats: EntityStats; file: string; range: TextRange }[];
  articles: readonly CorpusEntry[];
}

/**
 * The entities and articles matching `query`: folded substring match on every Arabic and English
 * name and alias of an entity, and on an article's title and alternative titles. Best matches first
 * (equal, then prefix or word start, then anywhere; entities before articles; more mentions first).
 */
export function workspaceSymbols(query: string, sources: WorkspaceSymbolSources, limit = 200): WorkspaceSymbolData[] {
  const q = fold(query).trim().replace(/\s+/g, ' ');
  const found: { data: WorkspaceSymbolData; rank: number; weight: number }[] = [];
  for (const { stats, file, range } of sources.entities) {
    const e = stats.entity;
    const names = [e.nameAr, e.nameEn, ...e.aliases].filter((n): n is string => !!n);
    const best = bestName(
      [...new Set(names)].map((name) => ({ name, folded: fold(name).replace(/\s+/g, ' ') })),
      q,
      query.trim(),
    );
    if (!best) continue;
    const container = [e.nameAr, e.nameEn, e.type].filter((x) => x && x !== best.name).join(' · ');
    found.push({ data: { kind: 'entity', name: best.name, containerName: container, entity: e.id, entityType: e.type, file, range }, rank: best.rank, weight: 1_000_000 + stats.count });
  }
  for (const entry of sources.articles) {
    const a = entry.article;
    const titles = [a.title.text, ...a.alternativeTitles.map((t) => t.text)].filter((t) => t !== '');
    const best = bestName(
      titles.map((name) => ({ name, folded: fold(name).replace(/\s+/g, ' ') })),
      q,
      query.trim(),
    );
    if (!best) continue;
    const container = [a.outlet?.text, a.date?.iso, entry.file.name].filter(Boolean).join(' · ');
    found.push({ data: { kind: 'article', name: best.name, containerName: container, file: entry.file.id, range: a.title.range }, rank: best.rank, weight: 0 });
  }
  found.sort((x, y) => y.rank - x.rank || y.weight - x.weight || x.data.name.localeCompare(y.data.name, 'ar'));
  return found.slice(0, limit).map((f) => f.data);
}
