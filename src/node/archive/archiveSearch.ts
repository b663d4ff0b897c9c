/**
 * `ArchiveSearch`: the search interface answered by a Sphinx 2.2 / Manticore server (or a distributed index) holding
 * the forms `index-to` loaded (schema.ts). The query syntax is the in-process engine's (`parseQuery`): each word
 * matches its clitic forms (as `search(q, { fuzzy: false })` in-process: no prefixes or spelling variants, which the
 * engine cannot reproduce), phrases are checked side by side on the lines' text, exclusions leave articles out,
 * outlet:, type:, before:/after: filter. Articles come from the article rows (every clause anywhere in the article),
 * passages from the line rows (every clause within one line), with the exact ranges of the matched words found in the
 * line's original text with our own folding. Entity counts come from GROUP BY on the entities MVA.
 */
import type { Entity, EntityType } from '../../core/entities/recognizer';
import { parseQuery, type ParsedQuery } from '../../core/search/query';
import { highlightWords, snippetAround } from '../../core/search/snippets';
import type { AsyncSearchEngine, SearchOptions, SearchResult, SearchResults } from '../../core/search/types';
import { type ArchiveClause, clauseExpression, clausesOf, dateFilters, exclusionsOf, lineHits, matchExpression, matchLiteral } from './archiveQuery';
import { entityKey, KIND_ARTICLE, KIND_LINE, TYPE_BITS, wordForms } from './schema';
import { ArchiveError, describeAddress, type ServerAddress, SphinxClient, sqlInt } from './sphinxql';

export interface ArchiveSearchOptions {
  /** Milliseconds to wait for a connection and for each statement (default 5000). */
  timeoutMs?: number;
}

interface ArticleRow {
  id: number;
  file: number;
  path: string;
  title: string;
  outlet: string;
  date: string;
  start: number;
  end: number;
  weight: number;
}

interface LineRow extends ArticleRow {
  text: string;
}

/** How many more rows than asked for are read where some may be left out (phrases, exclusions, types). */
const OVERFETCH = 4;
/** Most rows any statement asks for (the engine's max_matches). */
const MAX_ROWS = 10_000;

export class ArchiveSearch implements AsyncSearchEngine {
  readonly source: string;
  /** Two connections: a query's articles and passages are asked side by side. */
  private readonly clients: (Promise<SphinxClient> | undefined)[] = [undefined, undefined];

  constructor(
    readonly server: ServerAddress,
    private readonly options: ArchiveSearchOptions = {},
  ) {
    this.source = `${describeAddress(server)}/${server.index}`;
  }

  private connect(slot: number): Promise<SphinxClient> {
    const c = (this.clients[slot] ??= SphinxClient.connect(this.server, { timeoutMs: this.options.timeoutMs }));
    c.catch(() => {
      if (this.clients[slot] === c) this.clients[slot] = undefined; // the next query tries again
    });
    return c;
  }

  private async select(sql: string, slot = 0): Promise<Record<string, unknown>[]> {
    const client = await this.connect(slot);
    try {
      return await client.select(sql);
    } catch (e) {
      // A lost or timed-out connection is not reused.
      if (e instanceof ArchiveError && e.code !== 'ER_PARSE_ERROR' && this.clients[slot]) {
        void this.clients[slot]!.then((c) => c.close());
        this.clients[slot] = undefined;
      }
      throw e;
    }
  }

  async close(): Promise<void> {
    const open = this.clients.splice(0, this.clients.length, undefined, undefined);
    for (const c of open) if (c) await (await c.catch(() => undefined))?.close();
  }

  private get index(): string {
    return this.server.index;
  }

  async size(): Promise<number> {
    const rows = await this.select(`SELECT COUNT(*) AS n FROM ${this.index} WHERE kind=${KIND_ARTICLE}`);
    return Number(rows[0]?.n ?? 0);
  }

  async searchAll(query: string, limit = 50): Promise<SearchResult[]> {
    const r = await this.search(query, { limit: { entity: limit, article: limit, passage: limit } });
    return [...r.entities, ...r.articles, ...r.passages].slice(0, limit);
  }

  async search(query: string | ParsedQuery, options: SearchOptions = {}): Promise<SearchResults> {
    const q = typeof query === 'string' ? parseQuery(query) : query;
    const limit = { entity: 20, article: 20, passage: 50, ...options.limit };
    const clauses = clausesOf(q);
    const titles = new Map<number, string>();
    const [articles, passages] = await Promise.all([
      limit.article > 0 ? this.searchArticles(q, clauses, limit.article, titles) : [],
      limit.passage > 0 && clauses.length > 0 ? this.searchPassages(q, clauses, limit.passage, titles) : [],
    ]);
    return { query: q, entities: [], articles, passages };
  }

  /** Rows of a statement over the index, as article rows (with the line's text for line rows). */
  private async rows(kind: number, expr: string | undefined, filters: string[], count: number, order: string, type?: EntityType, slot = 0): Promise<LineRow[]> {
    // A type filter is an expression: SphinxQL filters on it through an alias.
    const where = [...(expr ? [`MATCH(${matchLiteral(expr)})`] : []), `kind=${kind}`, ...filters, ...(type ? ['typed > 0'] : [])].join(' AND ');
    const typed = type ? `, types & ${TYPE_BITS[type]} AS typed` : '';
    const n = Math.min(MAX_ROWS, Math.max(1, count));
    const rows = await this.select(
      `SELECT id, file, path, text, outletname, isodate, pstart, pend, WEIGHT() AS w${typed} FROM ${this.index} WHERE ${where} ORDER BY ${order} LIMIT ${sqlInt(n)} OPTION ranker=proximity_bm25, max_matches=${sqlInt(n)}`,
      slot,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      file: Number(r.file),
      path: String(r.path ?? ''),
      title: String(r.text ?? ''),
      text: String(r.text ?? ''),
      outlet: String(r.outletname ?? ''),
      date: String(r.isodate ?? ''),
      start: Number(r.pstart),
      end: Number(r.pend),
      weight: Number(r.w ?? 0),
    }));
  }

  /** Lines of the given files holding every word of a clause (phrase candidates), with their text. */
  private async linesWithWords(files: readonly number[], c: ArchiveClause): Promise<LineRow[]> {
    const out: LineRow[] = [];
    for (let i = 0; i < files.length; i += 500) {
      const chunk = files.slice(i, i + 500);
      out.push(...(await this.rows(KIND_LINE, clauseExpression(c), [`file IN (${chunk.map(sqlInt).join(',')})`], MAX_ROWS, 'id ASC')));
    }
    return out;
  }

  /**
   * Of the given files, those holding every phrase of `clauses` (side by side in one line) and none of the exclusions
   * (a word anywhere, a phrase side by side in a line).
   */
  private async keepFiles(files: readonly number[], q: ParsedQuery, clauses: readonly ArchiveClause[]): Promise<Set<number>> {
    let kept = new Set(files);
    for (const c of clauses) {
      if (c.words.length < 2 || kept.size === 0) continue;
      const lines = await this.linesWithWords([...kept], c);
      const found = new Set(lines.filter((l) => lineHits(l.text, [c]).length > 0).map((l) => l.file));
      kept = new Set([...kept].filter((f) => found.has(f)));
    }
    for (const c of exclusionsOf(q)) {
      if (kept.size === 0) break;
      const ids = [...kept];
      if (c.words.length === 1) {
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          const rows = await this.rows(KIND_ARTICLE, clauseExpression(c), [`file IN (${chunk.map(sqlInt).join(',')})`], chunk.length, 'id ASC');
          for (const r of rows) kept.delete(r.file);
        }
      } else {
        const lines = await this.linesWithWords(ids, c);
        for (const l of lines) if (lineHits(l.text, [c]).length > 0) kept.delete(l.file);
      }
    }
    return kept;
  }

  private needsCheck(q: ParsedQuery, clauses: readonly ArchiveClause[]): boolean {
    return clauses.some((c) => c.words.length > 1) || q.exclude.length > 0;
  }

  /** The articles (on connection 0); `titles` gets each article row's title, for the passages. */
  private async searchArticles(q: ParsedQuery, clauses: ArchiveClause[], limit: number, titles: Map<number, string>): Promise<SearchResult[]> {
    const expr = matchExpression(q, { exclusions: true });
    if (!expr && !q.before && !q.after && !q.type) return [];
    const filters = dateFilters(q);
    const check = this.needsCheck(q, clauses);
    // Filters alone list the articles they keep, newest first (as in-process).
    const order = expr && clauses.length > 0 ? 'w DESC, id ASC' : 'day DESC, id ASC';
    const rows = await this.rows(KIND_ARTICLE, expr, filters, check ? limit * OVERFETCH : limit, order, q.type);
    for (const r of rows) titles.set(r.file, r.title);
    const kept = check ? await this.keepFiles(rows.map((r) => r.file), q, clauses) : undefined;
    const matcher = wordMatcher(clauses);
    return rows
      .filter((r) => !kept || kept.has(r.file))
      .slice(0, limit)
      .map((r) => ({
        kind: 'article' as const,
        file: r.path,
        name: r.path,
        start: r.start,
        end: r.end,
        score: round(r.weight / 1000),
        snippet: r.title,
        highlights: highlightWords(r.title, matcher),
        matches: [],
        title: r.title,
        ...(r.outlet ? { outlet: r.outlet } : {}),
        ...(r.date ? { date: r.date } : {}),
      }));
  }

  /** The passages (on connection 1; the checks and titles on 0 once the articles are asked). */
  private async searchPassages(q: ParsedQuery, clauses: ArchiveClause[], limit: number, titles: Map<number, string>): Promise<SearchResult[]> {
    const expr = matchExpression(q, { exclusions: false })!;
    const filters = dateFilters(q);
    const check = this.needsCheck(q, clauses);
    const out: SearchResult[] = [];
    // Lines in pages, best first, until `limit` passages survive the checks.
    let fetched = 0;
    let want = check ? limit * OVERFETCH : limit;
    for (;;) {
      const rows = await this.rows(KIND_LINE, expr, filters, fetched + want, 'w DESC, id ASC', q.type, 1);
      const page = rows.slice(fetched);
      fetched = rows.length;
      const kept = check ? await this.keepFiles([...new Set(page.map((r) => r.file))], q, clauses) : undefined;
      const missing = [...new Set(page.map((r) => r.file))].filter((f) => !titles.has(f));
      if (missing.length > 0) await this.readTitles(missing, titles);
      for (const r of page) {
        if (kept && !kept.has(r.file)) continue;
        const p = passageOf(r, clauses, titles.get(r.file) ?? r.path);
        if (p) out.push(p);
        if (out.length >= limit) return out;
      }
      if (page.length < want || fetched >= MAX_ROWS) return out;
      want *= 2;
    }
  }

  private async readTitles(files: readonly number[], into: Map<number, string>): Promise<void> {
    const rows = await this.rows(KIND_ARTICLE, undefined, [`file IN (${files.map(sqlInt).join(',')})`], files.length, 'id ASC');
    for (const r of rows) into.set(r.file, r.title);
  }

  /**
   * How many articles and lines name each entity (GROUP BY on the entities MVA), for the given entity ids (all that
   * were loaded when none are given: then keyed by their 48-bit key, as text).
   */
  async entityCounts(ids: readonly string[]): Promise<Map<string, { articles: number; lines: number }>> {
    const byKey = new Map(ids.map((id) => [entityKey(id), id]));
    const out = new Map<string, { articles: number; lines: number }>();
    if (byKey.size === 0) return out;
    const keys = [...byKey.keys()].map(sqlInt).join(',');
    for (const [kind, field] of [
      [KIND_ARTICLE, 'articles'],
      [KIND_LINE, 'lines'],
    ] as const) {
      const rows = await this.select(
        `SELECT groupby() AS e, COUNT(*) AS n FROM ${this.index} WHERE kind=${kind} AND entities IN (${keys}) GROUP BY entities ORDER BY n DESC LIMIT ${sqlInt(MAX_ROWS)} OPTION max_matches=${sqlInt(MAX_ROWS)}`,
      );
      for (const r of rows) {
        const id = byKey.get(Number(r.e));
        if (id === undefined) continue; // another entity named in the same articles
        const entry = out.get(id) ?? { articles: 0, lines: 0 };
        entry[field] = Number(r.n);
        out.set(id, entry);
      }
    }
    return out;
  }

  /** The entities named most often in the archive, among `known` (by articles naming them). */
  async topEntities(known: readonly Entity[], limit = 50): Promise<{ entity: Entity; articles: number; lines: number }[]> {
    const counts = await this.entityCounts(known.map((e) => e.id));
    const byId = new Map(known.map((e) => [e.id, e]));
    return [...counts]
      .map(([id, c]) => ({ entity: byId.get(id)!, ...c }))
      .sort((a, b) => b.articles - a.articles || b.lines - a.lines || (a.entity.id < b.entity.id ? -1 : 1))
      .slice(0, limit);
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Whether a folded word is one of the query's (for highlighting a title). */
function wordMatcher(clauses: readonly ArchiveClause[]): (folded: string) => boolean {
  const forms = new Set(clauses.flatMap((c) => c.words.flat()));
  return (w) => wordForms(w).some((f) => forms.has(f));
}

/** A line row as a passage: the matched words and what lies between them, with their exact ranges in the file. */
function passageOf(r: LineRow, clauses: readonly ArchiveClause[], title: string): SearchResult | undefined {
  const hits = lineHits(r.text, clauses);
  // The engine matched every clause's words; a phrase's must also stand side by side in this line.
  const found = new Set(hits.map((h) => h.clause));
  if (clauses.some((_, i) => !found.has(i))) return undefined;
  const matches = hits.map((h): [number, number] => [r.start + h.start, r.start + h.end]);
  const start = Math.min(...matches.map((m) => m[0]));
  const end = Math.max(...matches.map((m) => m[1]));
  const around = snippetAround(r.text, start - r.start, end - r.start);
  const offset = around.offset + r.start;
  const highlights = matches.map(([s, e]): [number, number] => [s - offset, e - offset]).filter(([s, e]) => s >= 0 && e <= around.snippet.length);
  return {
    kind: 'passage',
    file: r.path,
    name: r.path,
    start,
    end,
    score: round(r.weight / 1000),
    snippet: around.snippet,
    highlights,
    matches,
    title,
    ...(r.outlet ? { outlet: r.outlet } : {}),
    ...(r.date ? { date: r.date } : {}),
  };
}
