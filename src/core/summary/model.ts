/**
 * View models of the Summary panel: the corpus, one article, one entity. Plain data (JSON-safe),
 * computed from the parsed corpus entries; the renderer (html.ts) turns them into HTML. Pure
 * TypeScript, no `vscode`. Every offset points into the original text; nothing shown is normalised.
 */
import type { TextRange } from '../text/ranges';
import type { Article, ArticleDate, BoilerplateKind } from '../article/article';
import type { CorpusEntry } from '../corpus/corpus';
import type { Entity, EntityType, Mention } from '../entities/recognizer';
import { EntityIndex, type EntityStats } from '../corpus/entityIndex';
import { splitSentences, summarize } from './textrank';
import { bodyWords, factsOf, sentenceSets, wordsOf } from './entryFacts';

export { bodyWords } from './entryFacts';

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'law'];
/** The network shows these types unless the user picks others (places crowd it: every article names Syria). */
export const DEFAULT_NETWORK_TYPES: readonly EntityType[] = ['person', 'organisation', 'law'];

/** A position the editor can select: offsets and line/character, as the corpus has them. */
export type Location = TextRange;

export interface DateRef {
  /** ISO 8601 as the parser gives it: `2020-07-17`, `2021-06`, or `--12-17` when the year is unknown. */
  iso: string;
  year?: number;
  month: number;
  day?: number;
  /** The date as written. */
  text: string;
  /** The year was not written but inferred (weekday, relative words, another date…). */
  inferred: boolean;
  /** How the year was found, in words, when not written. */
  how?: string;
}

export interface ArticleRef {
  /** The corpus file id (a URI string in VS Code). */
  file: string;
  /** The path relative to the corpus folder. */
  name: string;
  title: string;
  /** The file has no title: this one is its first sentence. */
  derived: boolean;
  outlet?: string;
  date?: DateRef;
  /** Where the title stands (for opening the article there). */
  at: Location;
}

export interface EntityRef {
  id: string;
  type: EntityType;
  nameAr: string;
  nameEn: string;
}

export interface EntityCount extends EntityRef {
  /** Mentions (in the corpus, or in the article for an article view). */
  count: number;
  /** Articles naming it. */
  articles: number;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

function dateRef(d: ArticleDate | undefined): DateRef | undefined {
  if (!d) return undefined;
  const inferred = d.year !== undefined && d.yearSource !== undefined && d.yearSource !== 'explicit' && d.yearSource !== 'file-name';
  const how = d.inference ?? (d.yearSource === 'file-name' ? 'from the file name' : undefined);
  const ref: DateRef = { iso: d.iso, month: d.month, text: d.text, inferred };
  if (d.year !== undefined) ref.year = d.year;
  if (d.day !== undefined) ref.day = d.day;
  if (how !== undefined) ref.how = how;
  return ref;
}

const location = (r: Location): Location => ({ start: r.start, end: r.end, line: r.line, character: r.character, endLine: r.endLine, endCharacter: r.endCharacter });

export function articleRef(entry: CorpusEntry): ArticleRef {
  const a = entry.article;
  const ref: ArticleRef = { file: entry.file.id, name: entry.file.name, title: a.title.text || entry.file.name, derived: a.title.derived, at: location(a.title.range) };
  if (a.outlet) ref.outlet = a.outlet.text;
  const date = dateRef(a.date);
  if (date) ref.date = date;
  return ref;
}

export function entityRef(e: Entity): EntityRef {
  return { id: e.id, type: e.type, nameAr: e.nameAr, nameEn: e.nameEn };
}

const arabicOrder = new Intl.Collator('ar');
const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Newest first; a date without a year after dated ones; undated last; then by title and file name, in code point
 * order (cheap at 20,000 articles, and the Arabic letters stand nearly in alphabetical order).
 */
function sortByDateDesc<R extends ArticleRef>(refs: R[]): void {
  // Positions sorted rather than the records, each date by its rank among the distinct dates (a few thousand,
  // sorted once): a comparison reads two numbers, and strings only between articles of the same date.
  const isos = refs.map((r) => (r.date?.year !== undefined ? r.date.iso : ''));
  const distinct = [...new Set(isos)].sort(ordinal);
  const rankOf = new Map(distinct.map((iso, i) => [iso, i]));
  const ranks = Int32Array.from(isos, (iso) => rankOf.get(iso)!);
  const order = refs.map((_, i) => i);
  order.sort((i, j) => ranks[j]! - ranks[i]! || ordinal(refs[i]!.title, refs[j]!.title) || ordinal(refs[i]!.name, refs[j]!.name));
  const sorted = order.map((i) => refs[i]!);
  for (let i = 0; i < sorted.length; i++) refs[i] = sorted[i]!;
}

/** How many articles name an entity, without making their records where the index can. */
const articlesNaming = (s: EntityStats): number => s.articleCount ?? s.articles.length;

/**
 * The `n` most mentioned of `byCount` (sorted by count alone), ties in Arabic order as `EntityIndex.list` has them:
 * only the entities tied with the n-th are compared by name.
 */
function topOf(byCount: readonly EntityStats[], n: number): EntityStats[] {
  if (byCount.length <= n) return [...byCount].sort((a, b) => b.count - a.count || arabicOrder.compare(a.entity.nameAr, b.entity.nameAr));
  const cut = byCount[n - 1]!.count;
  let end = n;
  while (end < byCount.length && byCount[end]!.count === cut) end++;
  return byCount
    .slice(0, end)
    .sort((a, b) => b.count - a.count || arabicOrder.compare(a.entity.nameAr, b.entity.nameAr))
    .slice(0, n);
}

/**
 * The units in which two entities are "named together": each body sentence, the title (once, not
 * its repeats), each alternative title and subheading. Boilerplate ("اقرأ أيضاً" links to other
 * articles, footers) is no such unit.
 */
export function sentenceUnits(a: Article): { start: number; end: number }[] {
  const units: { start: number; end: number }[] = splitSentences(a).map((s) => ({ start: s.start, end: s.end }));
  if (!a.title.derived && a.title.text) units.push(a.title.range);
  for (const p of [...a.alternativeTitles, ...a.subheadings]) units.push(p.range);
  return units.sort((x, y) => x.start - y.start);
}

// ---------------------------------------------------------------------------------------------
// The corpus view

export type TimelineUnit = 'day' | 'month' | 'year';

export interface TimelineBucket {
  /** `2015-07-21` (by day), `2021-07` (by month) or `2021` (by year). */
  key: string;
  year: number;
  month?: number;
  day?: number;
  /** Articles dated in this bucket; `inferred` marks a year that was not written. */
  articles: (ArticleRef & { date: DateRef })[];
}

export interface Timeline {
  unit: TimelineUnit;
  /** Every day, month or year from the earliest to the latest date, empty ones included. */
  buckets: TimelineBucket[];
  /** Dated, but the year is unknown. */
  yearUnknown: ArticleRef[];
  undated: ArticleRef[];
}

export interface NetworkNode extends EntityCount {}

export interface NetworkEdge {
  /** Entity ids, `a < b`. */
  a: string;
  b: string;
  /** Sentences naming both. */
  sentences: number;
  /** Articles naming both. */
  articles: number;
  /** The measure the network uses (sentences or articles). */
  weight: number;
}

export interface Network {
  by: 'sentence' | 'article';
  types: EntityType[];
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** The entity the view is filtered to, if any. */
  focus?: string;
}

export interface OutletCount {
  name: string;
  articles: ArticleRef[];
}

export interface CorpusSummary {
  kind: 'corpus';
  /** The entity the whole view is filtered to (only articles naming it count). */
  filter?: EntityCount;
  /** The outlet the whole view is filtered to (only its articles count). */
  outlet?: string;
  counts: {
    articles: number;
    /** Words of the articles' bodies. */
    words: number;
    outlets: number;
    /** Distinct entities named, by type. */
    entities: Record<EntityType, number>;
    mentions: number;
  };
  timeline: Timeline;
  /** Most mentioned entities of each type. */
  top: Record<EntityType, EntityCount[]>;
  outlets: OutletCount[];
  /** Articles without an outlet. */
  withoutOutlet: number;
  /** Newest first. */
  articles: (ArticleRef & { words: number; entities: number })[];
  network: Network;
}

export interface CorpusSummaryOptions {
  /** Filter the whole view to the articles naming this entity. */
  entity?: string;
  /** Filter the whole view to the articles of this outlet. */
  outlet?: string;
  /** Entity types shown in the network (default: people, organisations, laws). */
  networkTypes?: readonly EntityType[];
  /** Co-occurrence by shared sentence (default) or shared article. */
  networkBy?: 'sentence' | 'article';
  /** Entities listed per type (default 8). */
  top?: number;
  /** Types listed in full (up to `TOP_ALL`) rather than their top. */
  expand?: readonly EntityType[];
  /** Nodes in the network (default 24). */
  networkSize?: number;
  /** The entity index of `all` when the caller keeps one (the live corpus does): not built again. */
  index?: EntityIndex;
}

/** The most entities a type lists when shown in full (the Entities view lists every one). */
export const TOP_ALL = 500;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
/** Longest span, in days, drawn day by day; in months, month by month. */
const MAX_DAYS = 62;
const MAX_MONTHS = 36;

/** Articles by date: by day over a short span, by month over up to three years, else by year. */
export function timeline(refs: readonly ArticleRef[]): Timeline {
  const dated = refs.filter((r): r is ArticleRef & { date: DateRef & { year: number } } => r.date?.year !== undefined);
  const yearUnknown = refs.filter((r) => r.date !== undefined && r.date.year === undefined);
  const undated = refs.filter((r) => r.date === undefined);
  if (dated.length === 0) return { unit: 'month', buckets: [], yearUnknown, undated };
  const monthIndex = (r: { date: { year: number; month: number } }): number => r.date.year * 12 + (r.date.month - 1);
  const dayIndex = (r: { date: { year: number; month: number; day?: number } }): number => Date.UTC(r.date.year, r.date.month - 1, r.date.day ?? 1) / DAY_MS;
  let [lo, hi, dLo, dHi] = [Infinity, -Infinity, Infinity, -Infinity];
  let everyDay = true;
  for (const r of dated) {
    const m = monthIndex(r);
    if (m < lo) lo = m;
    if (m > hi) hi = m;
    if (r.date.day === undefined) everyDay = false;
  }
  // Days matter only when every date has one and the months are few (a short span).
  if (everyDay && hi - lo <= 3) {
    for (const r of dated) {
      const d = dayIndex(r);
      if (d < dLo) dLo = d;
      if (d > dHi) dHi = d;
    }
  }
  const unit: TimelineUnit = everyDay && dHi - dLo + 1 <= MAX_DAYS && dated.length > 1 && dHi > dLo ? 'day' : hi - lo + 1 <= MAX_MONTHS ? 'month' : 'year';
  const buckets: TimelineBucket[] = [];
  let slot: (r: (typeof dated)[number]) => number;
  if (unit === 'day') {
    for (let d = dLo; d <= dHi; d++) {
      const date = new Date(d * DAY_MS);
      const [y, m, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      buckets.push({ key: `${y}-${pad2(m)}-${pad2(day)}`, year: y, month: m, day, articles: [] });
    }
    slot = (r) => dayIndex(r) - dLo;
  } else if (unit === 'month') {
    for (let i = lo; i <= hi; i++) buckets.push({ key: `${Math.floor(i / 12)}-${pad2((i % 12) + 1)}`, year: Math.floor(i / 12), month: (i % 12) + 1, articles: [] });
    slot = (r) => monthIndex(r) - lo;
  } else {
    const y0 = Math.floor(lo / 12);
    for (let y = y0; y <= Math.floor(hi / 12); y++) buckets.push({ key: String(y), year: y, articles: [] });
    slot = (r) => r.date.year - y0;
  }
  for (const r of dated) buckets[slot(r)]!.articles.push(r);
  for (const b of buckets) b.articles.sort((x, y) => ordinal(x.date.iso, y.date.iso));
  return { unit, buckets, yearUnknown, undated };
}

function countOf(index: EntityIndex, id: string): EntityCount | undefined {
  const s = index.get(id);
  return s ? { ...entityRef(s.entity), count: s.count, articles: articlesNaming(s) } : undefined;
}

/** How many of the most mentioned entities (of the wanted types) the network looks at for links, per node shown. */
const POOL_PER_NODE = 4;

/**
 * The co-occurrence network: the `size` most mentioned entities of the wanted types that are named with another
 * (then those named with nobody), the focus always; links between them by shared sentences or articles. Links are
 * counted among the `POOL_PER_NODE × size` most mentioned entities only, so the cost follows the corpus, not the
 * square of its entities.
 */
export function network(
  entries: readonly CorpusEntry[],
  index: EntityIndex,
  { types = DEFAULT_NETWORK_TYPES, by = 'sentence', size = 24, focus, byCount }: { types?: readonly EntityType[]; by?: 'sentence' | 'article'; size?: number; focus?: string; byCount?: readonly EntityStats[] } = {},
): Network {
  const wanted = new Set(types);
  const all = byCount ?? [...index.byId.values()].sort((a, b) => b.count - a.count);
  const candidates = all.filter((s) => wanted.has(s.entity.type) || s.entity.id === focus);
  const pool = topOf(candidates, Math.max(64, POOL_PER_NODE * size));
  const focused = candidates.find((s) => s.entity.id === focus);
  if (focused && !pool.includes(focused)) pool.push(focused);
  const P = pool.length;
  const poolIndex = new Map(pool.map((s, i) => [s.entity.id, i]));
  // The same by the index's entity numbers, for the entries it holds (their entities as numbers: no string lookups).
  const poolOf = new Int32Array(index.numbered).fill(-1);
  pool.forEach((s, i) => {
    const n = index.numberOfEntity(s.entity.id);
    if (n !== undefined) poolOf[n] = i;
  });
  const sentences = new Uint32Array(P * P);
  const articles = new Uint32Array(P * P);
  const cell = (i: number, j: number): number => (i < j ? i * P + j : j * P + i);
  const ks: number[] = [];
  /** The pool's indexes among `ids`, into `ks`. */
  const inPoolOf = (ids: readonly string[]): number => {
    ks.length = 0;
    for (const id of ids) {
      const k = poolIndex.get(id);
      if (k !== undefined) ks.push(k);
    }
    return ks.length;
  };
  const inPoolOfNumbers = (nums: readonly number[]): number => {
    ks.length = 0;
    for (const n of nums) {
      const k = poolOf[n]!;
      if (k >= 0) ks.push(k);
    }
    return ks.length;
  };
  for (const entry of entries) {
    // Only an entry naming two of the pool has links to count (its mentions are made then, not before).
    const held = index.namedBy(entry);
    if ((held ? inPoolOfNumbers(held.distinct) : inPoolOf(factsOf(entry).named)) < 2) continue;
    for (let i = 0; i < ks.length; i++) for (let j = i + 1; j < ks.length; j++) articles[cell(ks[i]!, ks[j]!)]!++;
    for (const set of sentenceSets(entry)) {
      if (inPoolOf(set) < 2) continue;
      for (let i = 0; i < ks.length; i++) for (let j = i + 1; j < ks.length; j++) sentences[cell(ks[i]!, ks[j]!)]!++;
    }
  }
  const edgesAll: NetworkEdge[] = [];
  for (let i = 0; i < P; i++) {
    for (let j = i + 1; j < P; j++) {
      const c = i * P + j;
      const weight = by === 'sentence' ? sentences[c]! : articles[c]!;
      if (weight === 0) continue;
      const [x, y] = [pool[i]!.entity.id, pool[j]!.entity.id];
      const [a, b] = x < y ? [x, y] : [y, x];
      edgesAll.push({ a, b, sentences: sentences[c]!, articles: articles[c]!, weight });
    }
  }
  // The nodes: the most mentioned entities (linked ones before those named with nobody), the focus always.
  const linked = new Set(edgesAll.flatMap((e) => [e.a, e.b]));
  const inPool = pool;
  const chosen = [...inPool.filter((s) => linked.has(s.entity.id)), ...inPool.filter((s) => !linked.has(s.entity.id))].slice(0, size);
  const shown = focused && !chosen.includes(focused) ? [focused, ...chosen.slice(0, size - 1)] : chosen;
  const ids = new Set(shown.map((s) => s.entity.id));
  const nodes = shown.map((s) => countOf(index, s.entity.id)!);
  const edges = edgesAll.filter((e) => ids.has(e.a) && ids.has(e.b)).sort((x, y) => y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  const net: Network = { by, types: [...types], nodes, edges };
  if (focus !== undefined) net.focus = focus;
  return net;
}

/**
 * The corpus view. `entities` resolves ids (the recognizer's knowledge base). With `options.entity`,
 * everything is computed over the articles naming that entity.
 */
export function corpusSummary(all: readonly CorpusEntry[], entities: ReadonlyMap<string, Entity>, options: CorpusSummaryOptions = {}): CorpusSummary {
  const fullIndex = options.index ?? new EntityIndex(all, entities);
  const filterId = options.entity !== undefined && fullIndex.get(options.entity) ? options.entity : undefined;
  const outlet = options.outlet;
  const filtered = filterId !== undefined || outlet !== undefined;
  const entries = !filtered
    ? all
    : all.filter((e) => (outlet === undefined || e.article.outlet?.text === outlet) && (filterId === undefined || factsOf(e).named.includes(filterId)));
  const index = filtered ? new EntityIndex(entries, entities) : fullIndex;
  // The entities and mentions of each article as the caller's index (the live corpus's, of every entity named)
  // counted them, where it holds the article; else counted here.
  const counted = !filtered ? options.index : undefined;
  let mentions = 0;
  const refs = entries.map((e) => {
    const r = articleRef(e) as ArticleRef & { words: number; entities: number };
    r.words = wordsOf(e);
    const held = counted?.namedBy(e);
    if (held) {
      r.entities = held.distinct.length;
      for (const c of held.counts) mentions += c;
    } else {
      const f = factsOf(e);
      r.entities = f.named.length;
      mentions += f.mentions;
    }
    return r;
  });
  sortByDateDesc(refs);

  const byOutlet = new Map<string, ArticleRef[]>();
  for (const r of refs) {
    if (!r.outlet) continue;
    const list = byOutlet.get(r.outlet);
    if (list) list.push(r);
    else byOutlet.set(r.outlet, [r]);
  }
  const outlets = [...byOutlet.entries()]
    .map(([name, articles]) => ({ name, articles }))
    .sort((a, b) => b.articles.length - a.articles.length || arabicOrder.compare(a.name, b.name));

  const topN = options.top ?? 8;
  const expand = new Set(options.expand ?? []);
  const byCount = [...index.byId.values()].sort((a, b) => b.count - a.count);
  const top = {} as Record<EntityType, EntityCount[]>;
  const counts = {} as Record<EntityType, number>;
  for (const type of ENTITY_TYPES) {
    const list = byCount.filter((s) => s.entity.type === type);
    counts[type] = list.length;
    top[type] = topOf(
      list.filter((s) => s.entity.id !== filterId),
      expand.has(type) ? Math.max(topN, TOP_ALL) : topN,
    ).map((s) => ({ ...entityRef(s.entity), count: s.count, articles: articlesNaming(s) }));
  }

  const netOptions: Parameters<typeof network>[2] = { byCount };
  if (options.networkTypes) netOptions.types = options.networkTypes;
  if (options.networkBy) netOptions.by = options.networkBy;
  if (options.networkSize !== undefined) netOptions.size = options.networkSize;
  if (filterId !== undefined) netOptions.focus = filterId;

  const summary: CorpusSummary = {
    kind: 'corpus',
    counts: {
      articles: refs.length,
      words: refs.reduce((s, r) => s + r.words, 0),
      outlets: outlets.length,
      entities: counts,
      mentions,
    },
    timeline: timeline(refs),
    top,
    outlets,
    withoutOutlet: refs.filter((r) => !r.outlet).length,
    articles: refs,
    network: network(entries, index, netOptions),
  };
  if (filterId !== undefined) summary.filter = countOf(fullIndex, filterId)!;
  if (outlet !== undefined) summary.outlet = outlet;
  return summary;
}

// ---------------------------------------------------------------------------------------------
// The article view

export interface SummarySentence extends Location {
  index: number;
  text: string;
  score: number;
}

export type ReaderRole = 'title' | 'title-repeat' | 'alternative-title' | 'byline' | 'subheading' | 'paragraph' | 'boilerplate' | 'other';

export interface ReaderSegment {
  text: string;
  start: number;
  end: number;
  /** The entity named by this span. */
  entity?: { id: string; type: EntityType };
  /** The rank (1…) in reading order of the summary sentence holding this span. */
  summary?: number;
}

export interface ReaderLine {
  role: ReaderRole;
  boilerplate?: BoilerplateKind;
  /** 0-based line in the file. */
  line: number;
  segments: ReaderSegment[];
}

export interface ArticleSummary {
  kind: 'article';
  article: ArticleRef;
  alternativeTitles: string[];
  outletSource?: string;
  words: number;
  paragraphs: number;
  sentences: number;
  subheadings: string[];
  /** The 3–5 most central sentences, in reading order. */
  summary: SummarySentence[];
  /** Entities named, most mentioned first (counts within the article). */
  entities: EntityCount[];
  /** The article, line by line, as written: entity spans, summary sentences and boilerplate marked. */
  reader: ReaderLine[];
}

/** Splits a line into spans at entity and summary-sentence boundaries. */
function segmentsOf(text: string, from: number, to: number, mentions: readonly Mention[], summary: readonly SummarySentence[]): ReaderSegment[] {
  const cuts = new Set([from, to]);
  const inLine = mentions.filter((m) => m.start < to && m.end > from);
  const sentences = summary.filter((s) => s.start < to && s.end > from);
  for (const m of inLine) cuts.add(Math.max(from, m.start)).add(Math.min(to, m.end));
  for (const s of sentences) cuts.add(Math.max(from, s.start)).add(Math.min(to, s.end));
  const points = [...cuts].sort((a, b) => a - b);
  const out: ReaderSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const seg: ReaderSegment = { text: text.slice(start, end), start, end };
    const m = inLine.find((x) => x.start <= start && x.end >= end);
    if (m) seg.entity = { id: m.entity, type: m.type };
    const k = summary.findIndex((s) => s.start <= start && s.end >= end);
    if (k >= 0) seg.summary = k + 1;
    out.push(seg);
  }
  return out;
}

function readerOf(text: string, a: Article, mentions: readonly Mention[], summary: readonly SummarySentence[]): ReaderLine[] {
  const roles = new Map<number, { role: ReaderRole; boilerplate?: BoilerplateKind }>();
  if (!a.title.derived && a.title.text) {
    roles.set(a.title.range.line, { role: 'title' });
    for (const r of a.title.repeats) roles.set(r.line, { role: 'title-repeat' });
  }
  for (const alt of a.alternativeTitles) roles.set(alt.range.line, { role: 'alternative-title' });
  if (a.outlet && (a.outlet.source === 'byline' || a.outlet.source === 'header')) roles.set(a.outlet.range.line, { role: 'byline' });
  for (const s of a.subheadings) roles.set(s.range.line, { role: 'subheading' });
  for (const p of a.paragraphs) roles.set(p.range.line, { role: 'paragraph' });
  for (const b of a.boilerplate) roles.set(b.range.line, { role: 'boilerplate', boilerplate: b.kind });
  const out: ReaderLine[] = [];
  let start = 0;
  let line = 0;
  const n = text.length;
  while (start <= n) {
    let end = start;
    while (end < n && text[end] !== '\n' && text[end] !== '\r') end++;
    const raw = text.slice(start, end);
    if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(raw)) {
      const lead = raw.length - raw.trimStart().length;
      const from = start + lead;
      const to = start + raw.trimEnd().length;
      const r = roles.get(line) ?? { role: 'other' as const };
      const rl: ReaderLine = { role: r.role, line, segments: segmentsOf(text, from, to, mentions, r.role === 'paragraph' ? summary : []) };
      if (r.boilerplate) rl.boilerplate = r.boilerplate;
      out.push(rl);
    }
    if (end >= n) break;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    line++;
  }
  return out;
}

/**
 * The article view. `text` is the file's text as the corpus parsed it (the reader shows it as
 * written); offsets of mentions and sentences point into it.
 */
export function articleSummary(entry: CorpusEntry, text: string, entities: ReadonlyMap<string, Entity>): ArticleSummary {
  const a = entry.article;
  const picked = summarize(a);
  const summary: SummarySentence[] = picked.map((s) => ({
    index: s.index,
    text: s.text,
    score: s.score,
    start: s.start,
    end: s.end,
    line: s.line,
    character: s.character,
    endLine: s.line,
    endCharacter: s.endCharacter,
  }));
  const perEntity = new Map<string, number>();
  for (const m of entry.mentions) perEntity.set(m.entity, (perEntity.get(m.entity) ?? 0) + 1);
  const named: EntityCount[] = [];
  for (const [id, count] of perEntity) {
    const e = entities.get(id);
    if (e) named.push({ ...entityRef(e), count, articles: 1 });
  }
  named.sort((x, y) => y.count - x.count || ENTITY_TYPES.indexOf(x.type) - ENTITY_TYPES.indexOf(y.type) || x.nameAr.localeCompare(y.nameAr, 'ar'));
  // A text that no longer matches the parse (changed since) shows without marks rather than misplaced ones.
  const fresh = text.length === a.length;
  const model: ArticleSummary = {
    kind: 'article',
    article: articleRef(entry),
    alternativeTitles: a.alternativeTitles.map((t) => t.text),
    words: bodyWords(a),
    paragraphs: a.paragraphs.length,
    sentences: splitSentences(a).length,
    subheadings: a.subheadings.map((s) => s.text),
    summary,
    entities: named,
    reader: readerOf(text, a, fresh ? entry.mentions : [], fresh ? summary : []),
  };
  if (a.outlet) model.outletSource = a.outlet.source;
  return model;
}

// ---------------------------------------------------------------------------------------------
// The entity view: the hover card at full size

export interface EntityMention extends Location {
  text: string;
  /** The mention's line, shortened around it. */
  snippet: string;
}

export interface EntityStatement extends Location {
  text: string;
  article: ArticleRef;
}

export interface MentionsBucket {
  key: string;
  year: number;
  month?: number;
  day?: number;
  mentions: number;
  /** Some of the dates in the bucket have an inferred year. */
  inferred: boolean;
}

export interface EntitySummary {
  kind: 'entity';
  entity: Entity;
  count: number;
  /** Articles naming it, most mentions first, each mention with its context. */
  articles: { article: ArticleRef; mentions: EntityMention[] }[];
  /** Mentions by the date of their article. */
  overTime: { unit: TimelineUnit; buckets: MentionsBucket[]; undated: number };
  /** Entities named in the same articles, by shared articles. */
  coMentioned: (EntityCount & { shared: number })[];
  /** Sentences in which the entity (a person) speaks. */
  statements: EntityStatement[];
}

export function entitySummary(all: readonly CorpusEntry[], entities: ReadonlyMap<string, Entity>, id: string): EntitySummary | undefined {
  const entity = entities.get(id);
  if (!entity) return undefined;
  const index = new EntityIndex(all, entities);
  const stats = index.get(id);
  const articles = (stats?.articles ?? []).map(({ entry, mentions }) => ({
    article: articleRef(entry),
    mentions: mentions.map((m) => ({ ...location(m.range), text: m.text, snippet: m.snippet })),
  }));
  // Mentions over time: the same buckets as the corpus timeline, counting mentions.
  const t = timeline(articles.map((a) => a.article));
  const perFile = new Map(articles.map((a) => [a.article.file, a.mentions.length]));
  const buckets: MentionsBucket[] = t.buckets.map((b) => {
    const mb: MentionsBucket = {
      key: b.key,
      year: b.year,
      mentions: b.articles.reduce((s, r) => s + (perFile.get(r.file) ?? 0), 0),
      inferred: b.articles.some((r) => r.date.inferred),
    };
    if (b.month !== undefined) mb.month = b.month;
    if (b.day !== undefined) mb.day = b.day;
    return mb;
  });
  const undated = [...t.undated, ...t.yearUnknown].reduce((s, r) => s + (perFile.get(r.file) ?? 0), 0);
  const coMentioned = index.cooccurring(id, 12).map((c) => ({ ...entityRef(c.stats.entity), count: c.stats.count, articles: c.stats.articles.length, shared: c.articles }));
  const statements: EntityStatement[] = [];
  for (const entry of all) {
    for (const s of entry.statements) {
      if (s.entity !== id) continue;
      const m = entry.mentions.find((x) => x.entity === id && x.start >= s.start && x.end <= s.end);
      const at = m ? location(m.range) : articleRef(entry).at;
      statements.push({ ...at, text: s.text, article: articleRef(entry) });
    }
  }
  return { kind: 'entity', entity, count: stats?.count ?? 0, articles, overTime: { unit: t.unit, buckets, undated }, coMentioned, statements };
}
