/**
 * Command line for scripting and checks: `node dist/cli.js articles <folder> [--json]`.
 * Uses the same core as the extension (src/core), with Node's file system.
 */
import { readFile } from 'node:fs/promises';
import type { Article } from '../core/article/article';
import { Corpus, readErrorMessage, type CorpusEntry } from '../core/corpus/corpus';
import { articleText } from '../core/text/decode';
import { Recognizer } from '../core/entities/recognizer';
import { builtInEntities } from '../core/entities/kb';
import { CorpusSearch } from '../core/search/corpusSearch';
import { parseQuery } from '../core/search/query';
import { asyncEngine } from '../core/search/asyncEngine';
import type { AsyncSearchEngine } from '../core/search/types';
import { listTextFiles, NodeCorpusHost } from '../node/files';
import { ArchiveSearch } from '../node/archive/archiveSearch';
import { indexTo } from '../node/archive/loader';
import { ArchiveError, parseServerAddress, type ServerAddress } from '../node/archive/sphinxql';

const USAGE = `Usage: corpus-navigator <command> <folder> [--json]

Commands:
  articles <folder>   parse every .txt file under <folder>: title, outlet, dates, sections, boilerplate
  entities <folder>   the known officials, organisations, places and laws each file names, with offsets
  search <folder> "<query>" [--limit N]
                      ranked entities, articles and passages for a query (syntax: README, "Search");
                      --json prints [{file, kind, start, end, score, snippet}] (UTF-16 offsets)
  search <folder> --queries <file> [--limit N]
                      every query of <file> (one a line) from one indexing: a JSON line each,
                      {"query": q, "results": [...]} as above
  search --server <host:port[/index]> "<query>" [--json] [--limit N] [--queries <file>]
                      the same, answered by a Sphinx/Manticore archive (docs/ARCHIVE.md); each word
                      in its clitic forms only (no prefixes or spelling variants)
  index-to <host:port[/index]>[,<host:port[/index]>…] <folder> [--keep-deleted]
                      load <folder>'s articles, analysed by us, into an archive (several agents: files
                      shared out among them); a re-run skips unchanged files and removes the files no
                      longer in <folder> (--keep-deleted keeps them); progress on stderr
Options:
  --json              print JSON (an object keyed by file name) instead of a readable summary
  -h, --help          show this help`;

/** A one-line error for the user (no stack trace); `fail` prints it and returns the exit code. */
function fail(message: string, code = 2): number {
  console.error(`corpus-navigator: ${message}`);
  return code;
}

function describe(a: Article): string {
  const lines = [
    `${a.name}`,
    `  title:    ${a.title.text}${a.title.derived ? '  (derived from the first sentence)' : ''}`,
    ...a.alternativeTitles.map((t) => `  alt:      ${t.text}`),
    `  outlet:   ${a.outlet ? `${a.outlet.text}  (${a.outlet.source})` : '—'}`,
    `  date:     ${a.date ? `${a.date.iso}  (${a.date.text}; ${a.date.yearSource ?? 'year unknown'})` : '—'}`,
    ...a.subheadings.map((s) => `  section:  ${s.text}  (line ${s.range.line + 1})`),
    `  ${a.paragraphs.length} paragraphs, ${a.boilerplate.length} boilerplate lines, ${a.dates.length} dates`,
  ];
  return lines.join('\n');
}

function printArticles(articles: Article[], json: boolean): void {
  if (json) {
    const out: Record<string, Article> = {};
    for (const a of articles) out[a.name] = a;
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    console.log(articles.map(describe).join('\n\n'));
    console.log(`\n${articles.length} articles`);
  }
}

function printEntities(entries: readonly CorpusEntry[], recognizer: Recognizer, json: boolean): void {
  const files: Record<string, { entity: string; type: string; start: number; end: number; text: string }[]> = {};
  const counts = new Map<string, number>();
  const known = new Map(recognizer.entities);
  for (const { file, mentions, discovered } of entries) {
    for (const d of discovered) if (!known.has(d.id)) known.set(d.id, d);
    files[file.name] = mentions.map(({ entity, type, start, end, text }) => ({ entity, type, start, end, text }));
    for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  }
  const entities = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => {
      const e = known.get(id)!;
      const role = e.discovered ? e.roles?.[0]?.titleAr : undefined;
      // A discovered organisation or law: the kind its pattern gave (ministry, un-resolution, …).
      const kind = e.discovered && e.type !== 'person' ? e.kind : undefined;
      return { id, type: e.type, nameAr: e.nameAr, nameEn: e.nameEn, count, discovered: e.discovered === true, ...(role ? { role } : {}), ...(kind ? { kind } : {}) };
    });
  if (json) {
    process.stdout.write(JSON.stringify({ entities, files }, null, 2) + '\n');
    return;
  }
  for (const e of entities) console.log(`${String(e.count).padStart(5)}  ${e.type.padEnd(12)}  ${e.discovered ? `${e.nameAr} (discovered: ${e.role ?? e.kind ?? ''})` : `${e.nameEn}  ${e.nameAr}`}`);
  console.log(`\n${entities.length} entities named in ${entries.length} files`);
}

/**
 * `search <folder> "<query>" [--json] [--limit N]`: a query may start with "-" (an exclusion). With
 * `--queries <file>` (one query a line), every query of the file is answered from one indexing, as JSON lines.
 */
async function searchCommand(argv: string[]): Promise<number> {
  let json = false;
  let limit = 20;
  let queriesFile: string | undefined;
  let server: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--') continue;
    else if (a === '--server' || a.startsWith('--server=')) {
      server = a === '--server' ? argv[++i] : a.slice('--server='.length);
      if (!server) return fail('--server wants host:port[/index]');
    }
    else if (a === '--queries' || a.startsWith('--queries=')) {
      queriesFile = a === '--queries' ? argv[++i] : a.slice('--queries='.length);
      if (!queriesFile) return fail('--queries wants a file (one query a line)');
    } else if (/^--[^-]/.test(a) && !a.startsWith('--limit')) return fail(`unknown option ${a} (see --help)`);
    else if (a === '--limit' || a.startsWith('--limit=')) {
      const v = a === '--limit' ? argv[++i] : a.slice('--limit='.length);
      limit = Number(v);
      if (!Number.isInteger(limit) || limit <= 0) {
        console.error(`corpus-navigator: --limit wants a positive whole number, not ${v ?? 'nothing'}`);
        return 2;
      }
    } else rest.push(a);
  }
  // With --server, every word is the query's (the archive needs no folder).
  const [folder, ...queryParts] = server !== undefined ? ['', ...rest] : rest;
  const query = queryParts.join(' ');
  let queries: string[] | undefined;
  if (queriesFile !== undefined) {
    if (query.trim()) return fail('give either a query or --queries, not both');
    try {
      queries = (await readFile(queriesFile, 'utf8')).split(/\r?\n/).map((q) => q.trim()).filter((q) => q !== '');
    } catch (e) {
      return fail(`cannot read the queries file ${queriesFile}: ${readErrorMessage(e)}`, 1);
    }
  }
  if ((!folder && server === undefined) || (!query.trim() && queries === undefined)) {
    console.error(USAGE);
    return 2;
  }
  let engine: AsyncSearchEngine;
  let nameOf = (id: string): string => id;
  let archive: ArchiveSearch | undefined;
  if (server !== undefined) {
    const address = parseServerAddress(server);
    if ('error' in address) return fail(`--server: ${address.error}`);
    engine = archive = new ArchiveSearch(address);
  } else {
    const opened = await openCorpus(folder!, new Recognizer(builtInEntities()));
    if (!opened) return 1;
    // The search index as the extension builds it, each text read again from the file.
    const search = new CorpusSearch(opened.corpus, async (file) => articleText(await readFile(file.id)));
    engine = asyncEngine(await search.ready());
    search.dispose();
    // Results name the file as the corpus does (its path under the folder), not by its id (its full path).
    nameOf = (id: string): string => opened.corpus.get(id)?.file.name ?? id;
  }
  const answer = async (q: string) => (await engine.searchAll(q, limit)).map(({ file, kind, start, end, score, snippet }) => ({ file: nameOf(file), kind, start, end, score, snippet }));
  try {
    if (queries !== undefined) {
      for (const q of queries) {
        for (const p of parseQuery(q).problems) console.error(`corpus-navigator: ${q}: ${p}`);
        process.stdout.write(JSON.stringify({ query: q, results: await answer(q) }) + '\n');
      }
      return 0;
    }
    const results = await answer(query);
    for (const p of parseQuery(query).problems) console.error(`corpus-navigator: ${p}`);
    printResults(results, json);
    return 0;
  } catch (e) {
    if (e instanceof ArchiveError) return fail(e.message, 1);
    throw e;
  } finally {
    await archive?.close();
  }
}

type Printed = { file: string; kind: string; start: number; end: number; score: number; snippet: string };

function printResults(results: Printed[], json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  } else {
    for (const r of results) console.log(`${r.kind.padEnd(8)} ${r.score.toFixed(3)}  ${r.file}:${r.start}-${r.end}  ${r.snippet}`);
    console.log(`\n${results.length} results`);
  }
}

/** `index-to <host:port[/index]>[,…] <folder>`: loads a folder into an archive (see src/node/archive/loader.ts). */
async function indexToCommand(argv: string[]): Promise<number> {
  const keepDeleted = argv.includes('--keep-deleted');
  const args = argv.filter((a) => a !== '--' && a !== '--keep-deleted');
  const unknown = args.find((a) => /^--?[^-]/.test(a));
  if (unknown !== undefined) return fail(`unknown option ${unknown} (see --help)`);
  const [servers, folder, extra] = args;
  if (!servers || !folder) return fail('index-to needs a server (host:port[/index]) and a folder (see --help)');
  if (extra !== undefined) return fail(`one folder only, not also ${JSON.stringify(extra)} (see --help)`);
  const targets: ServerAddress[] = [];
  for (const s of servers.split(',')) {
    const a = parseServerAddress(s);
    if ('error' in a) return fail(a.error);
    targets.push(a);
  }
  if (new Set(targets.map((t) => t.index)).size > 1) return fail('index-to: every agent must hold the same index name');
  try {
    listTextFiles(folder);
  } catch (e) {
    return fail(`cannot read folder ${folder}: ${readErrorMessage(e)}`);
  }
  const t0 = Date.now();
  let shown = 0;
  try {
    const r = await indexTo(targets, folder, {
      recognizer: new Recognizer(builtInEntities()),
      keepDeleted,
      onSkip: (name, why) => console.error(`corpus-navigator: skipped ${name}: ${why}`),
      onProgress: (p) => {
        const now = Date.now();
        if (now - shown < 1000 && p.files < p.total) return;
        shown = now;
        const mb = p.bytes / 1e6;
        console.error(`index-to: ${p.files}/${p.total} files read, ${p.skipped} unchanged, ${mb.toFixed(1)} MB written (${(mb / Math.max(0.001, (now - t0) / 1000)).toFixed(1)} MB/s)`);
      },
    });
    console.error(`index-to: ${r.written} files written (${r.replaced} replaced), ${r.unchanged} unchanged, ${r.failed} unreadable, ${r.removed} removed (no longer in the folder); ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${(r.ms / 1000).toFixed(1)} s`);
    return r.failed > 0 && r.written + r.unchanged === 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ArchiveError) return fail(e.message, 1);
    throw e;
  }
}

/**
 * The corpus under `folder`, read as the extension reads it (the same `Corpus`, over Node's file system); each
 * file skipped is named on stderr with the reason, and so is each file decoded from UTF-16. Undefined (after a
 * one-line message) when the folder itself cannot be read.
 */
async function openCorpus(folder: string, recognizer?: Recognizer): Promise<{ corpus: Corpus; entries: CorpusEntry[]; skipped: number } | undefined> {
  let order: Map<string, number>;
  try {
    order = new Map(listTextFiles(folder).map((f, i) => [f.name, i]));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : readErrorMessage(e);
    fail(`cannot read folder ${folder}: ${why}`);
    return undefined;
  }
  const corpus = new Corpus(new NodeCorpusHost(folder), recognizer ? { recognizer } : {});
  await corpus.ready();
  const problems = corpus.problems();
  for (const p of problems) console.error(`corpus-navigator: skipped ${p.file.name}: ${p.message}`);
  for (const e of corpus.noticed()) console.error(`corpus-navigator: ${e.file.name}: ${e.notice}`);
  // In the order the files are listed (by name, folder by folder).
  const rank = (e: CorpusEntry): number => order.get(e.file.name) ?? order.size;
  const entries = corpus.all().sort((a, b) => rank(a) - rank(b));
  return { corpus, entries, skipped: problems.length };
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'search') return searchCommand(argv.slice(1));
  if (argv[0] === 'index-to') return indexToCommand(argv.slice(1));
  const args = argv.filter((a) => !a.startsWith('-'));
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  if (flags.has('-h') || flags.has('--help') || args.length === 0) {
    console.log(USAGE);
    return args.length === 0 && !flags.has('-h') && !flags.has('--help') ? 2 : 0;
  }
  const [command, folder, extra] = args;
  if (command !== 'articles' && command !== 'entities') return fail(`unknown command ${JSON.stringify(command)} (see --help)`);
  const unknown = [...flags].find((f) => f !== '--json');
  if (unknown !== undefined) return fail(`unknown option ${unknown} (see --help)`);
  if (!folder) return fail(`${command} needs a folder (see --help)`);
  if (extra !== undefined) return fail(`one folder only, not also ${JSON.stringify(extra)} (see --help)`);
  const recognizer = command === 'entities' ? new Recognizer(builtInEntities()) : undefined;
  const opened = await openCorpus(folder, recognizer);
  if (!opened) return 1;
  const { entries, skipped } = opened;
  if (recognizer) printEntities(entries, recognizer, flags.has('--json'));
  else printArticles(entries.map((e) => e.article), flags.has('--json'));
  return skipped > 0 && entries.length === 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug of ours: one line, not a stack trace (CORPUS_NAV_DEBUG=1 prints the stack).
    if (process.env.CORPUS_NAV_DEBUG === '1') console.error(e);
    process.exitCode = fail(`internal error: ${e instanceof Error ? e.message : String(e)}`, 1);
  },
);
