/**
 * Benchmark (`npm run bench [-- --json] [-- --folder <dir>] [-- --sizes 1000,5000,20000]`). For each corpus
 * (synthetic ones recombined from the seed sentences by test/support/synthetic.ts and written to a temporary folder,
 * then ../shared/corpora/snn-dev and snn-scale read in place when they exist (`--no-snn`, `--no-snn-scale` skip
 * them), or `--folder`): cold index in one thread (parse + recognize
 * + search index, and the search index alone); then, in a new process as a reopened window would be (`--reopen`,
 * the cache and snapshot passed as files), the warm start from the entry cache and search snapshot, one-file
 * updates, query p50/p95 over a fixed mix, hover p95 (the mention under a position + the card's data) and resident
 * memory after a GC (the whole process); and the same queries with fuse.js, MiniSearch and FlexSearch (exact
 * words; prefixes) over passages as baselines. Nothing is written to the corpus. Prints numbers; asserts nothing. BENCH_DEBUG=1 breaks the warm
 * start and updates down (with GC pauses) and lists each query's slowest run; BENCH_PROFILE=cold:<file>,
 * warm:<file>, update:<file> or query:<file> writes a CPU profile of that phase; BENCH_HEAP=<file> a heap snapshot
 * after the warm start; BENCH_QUERIES='q1|q2' runs only those queries; BENCH_KEEP=<dir> keeps the warm start's files
 * there (docs.json, cache.bin, snapshot.bin: `node <bundle> --reopen <dir>` runs it again). `--archive` runs the same queries through a
 * real Sphinx cluster instead (scripts/benchArchive.ts; sizes default 20000,200000).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { writeHeapSnapshot } from 'node:v8';
import { join } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Charset, Index as FlexIndex } from 'flexsearch';
import { fold, foldWithMap } from '../src/core/text/arabic';
import { CacheFile } from '../src/node/cacheFile';
import { EntryCache, knowledgeDigest, writeCache, type SplitCache } from '../src/core/persist/cache';
import { Corpus, CorpusFile, CorpusHost } from '../src/core/corpus/corpus';
import { firstArticles } from '../src/core/corpus/entityIndex';
import { Mention, Recognizer, recognizeArticle } from '../src/core/entities/recognizer';
import { builtInEntities } from '../src/core/entities/kb';
import { CorpusSearch, searchDocument, snapshotKey } from '../src/core/search/corpusSearch';
import { foldedWords } from '../src/core/search/query';
import { SearchIndex, type SearchEngine } from '../src/core/search/index';
import { corpusSummary } from '../src/core/summary/model';
import { renderBody } from '../src/core/summary/html';
import { Random } from '../test/support/random';
import { heapsArticles } from '../test/support/synthetic';
import { benchArchive } from './benchArchive';

const ALL_QUERIES = ['لافروف', 'انطونوف', 'الاسد', 'سوريه', 'الارهاب', 'وبايدن', 'بيدرسن', 'lavrof', 'Caesar Act', '2254', 'بوتين بايدن', 'روسيا واشنطن الحوار', '"منع الاصطدام"', 'بوتين -قيصر', 'type:person الاسد', 'after:2020 سوريا', 'لافر', 'العقوبات الامريكيه'];

/** The query mix, or BENCH_QUERIES='q1|q2' (to profile a few). */
const QUERIES = process.env.BENCH_QUERIES ? process.env.BENCH_QUERIES.split('|') : ALL_QUERIES;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function listTxt(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listTxt(p) : n.endsWith('.txt') ? [p] : [];
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function rssMB(): number {
  gc();
  return Math.round(process.memoryUsage().rss / 1048576);
}

/** Files in memory (synthetic corpora) or on disk (read in place), with stamps as a cache would key them. */
class BenchHost implements CorpusHost {
  readonly byName: Map<string, BenchDoc>;
  constructor(private readonly docs: BenchDoc[]) {
    this.byName = new Map(docs.map((d) => [d.name, d]));
  }
  async listFiles(): Promise<CorpusFile[]> {
    return this.docs.map((d) => ({ id: d.name, name: d.name }));
  }
  async readFile(file: CorpusFile): Promise<Uint8Array> {
    const d = this.byName.get(file.id)!;
    return readFileSync(d.path);
  }
  async stat(file: CorpusFile): Promise<{ size: number; mtime: number }> {
    return this.stamp(file.id);
  }
  stamp(id: string): { id: string; size: number; mtime: number } {
    const s = statSync(this.byName.get(id)!.path);
    return { id, size: s.size, mtime: s.mtimeMs };
  }
  text(id: string): string {
    return readFileSync(this.byName.get(id)!.path, 'utf8');
  }
}

/** A corpus file: its name (the id the corpus knows it by) and where it is. */
interface BenchDoc {
  name: string;
  path: string;
}

interface Run {
  articles: number;
  mb: number;
  /** The Summary panel's corpus view (model and HTML) over the indexed corpus: first, then again. */
  summaryFirstMs: number;
  summaryMs: number;
  /** Search index alone (documents already parsed and recognized). */
  indexMs: number;
  indexMBps: number;
  /** Parse + recognize + search index, from the files. */
  coldMs: number;
  coldMBps: number;
  /** Tokenizing and recognizing (known entities, patterns, discovery) fresh texts, one thread: median of three. */
  recognizeMs: number;
  recognizeMBps: number;
  warmStartMs: number;
  /** One file changed: parsed and recognized, the search index and the entity index brought up to date. */
  updateMs: number;
  /** The entity index built from every entry (once per load; updates are incremental). */
  entityIndexMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** Each query's first run after the warm start (expansions and entity matches not cached). */
  firstQueryP50Ms: number;
  firstQueryP95Ms: number;
  /** After the warm start, what the extension makes in idle slices before the first query (`prepareInSlices`). */
  prepareMs: number;
  hoverP95Ms: number;
  /** After the warm start (the reopened corpus alone). */
  rssMB: number;
  /** After the cold index (the first opening). */
  rssColdMB: number;
  cacheMB: number;
  snapshotMB: number;
  rssRatio: number;
  baselineQueryP95Ms: number | null;
  miniSearchIndexMs: number | null;
  miniSearchQueryP95Ms: number | null;
  /** FlexSearch over the same folded paragraphs: exact words ("strict"), and with prefixes ("forward"). */
  flexExactIndexMs: number | null;
  flexExactQueryP50Ms: number | null;
  flexExactQueryP95Ms: number | null;
  /** Heap it adds (after a GC). */
  flexExactMB: number | null;
  flexForwardIndexMs: number | null;
  flexForwardQueryP50Ms: number | null;
  flexForwardQueryP95Ms: number | null;
  flexForwardMB: number | null;
}

/**
 * The hover's work in core terms, as `src/vscode/features/hover.ts` does it: the mention under an offset (a
 * binary search, as `DocumentMentions.at`), then what the card reads of the entity index (the
 * articles naming it, the entities named with it, a statement of theirs in this article or the first).
 */
function hover(corpus: Corpus, id: string, offset: number): number {
  const entry = corpus.get(id);
  if (!entry) return 0;
  const ms = entry.mentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const m: Mention | undefined = ms[lo] && ms[lo]!.start <= offset ? ms[lo] : undefined;
  if (!m) return 0;
  const index = corpus.entities();
  const stats = index.get(m.entity);
  if (!stats) return 0;
  const articles = firstArticles(stats, 6).map((a) => `${a.entry.article.title.text || a.entry.file.name} ${a.mentions[0]!.range.start} ${a.mentions.length}`);
  const withThem = index.cooccurring(m.entity, 5).map((w) => `${w.stats.entity.nameAr} ${w.articles}`);
  let said = 0;
  if (stats.entity.type === 'person') {
    const x = index.statementFor(m.entity, id);
    if (x) said = x.statement.text.length + (x.entry.mentions.find((n) => n.start >= x.statement.start && n.entity === m.entity)?.start ?? 0);
  }
  return articles.length + withThem.length + said;
}

/**
 * Tokenizing and recognizing every text as `recognizeArticle` does, median of three runs: each run on freshly
 * folded texts, so that no tokens are kept from the run before (the table of words seen is, as in the extension).
 */
/** The Summary panel's corpus view as the extension builds it (the live entity index passed in): model and HTML. */
function summaryView(corpus: Corpus, recognizer: Recognizer): number {
  const t = process.hrtime.bigint();
  const entities = new Map(recognizer.entities);
  for (const s of corpus.entities().byId.values()) if (!entities.has(s.entity.id)) entities.set(s.entity.id, s.entity);
  renderBody({ kind: 'corpus' }, corpusSummary(corpus.all(), entities, { index: corpus.entities() }), false, undefined, 'en');
  return ms(t);
}

function recognition(recognizer: Recognizer, texts: readonly string[]): number {
  const runs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const folded = texts.map((t) => foldWithMap(t));
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) recognizeArticle(recognizer, texts[i]!, folded[i]!);
    runs.push(ms(t0));
  }
  return runs.sort((a, b) => a - b)[1]!;
}

interface FlexRun {
  indexMs: number;
  p50: number;
  p95: number;
  mb: number;
}

/**
 * FlexSearch as a baseline over the same folded paragraphs as MiniSearch: `strict` finds exact words only (no
 * clitics, no typos), `forward` also their prefixes. Its index time, query p50/p95 over the bench's queries (three
 * runs) and the heap it adds.
 */
function flexBaseline(tokenize: 'strict' | 'forward', passages: readonly string[]): FlexRun {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t = process.hrtime.bigint();
  const index = new FlexIndex({ tokenize, encoder: Charset.Exact });
  passages.forEach((p, id) => index.add(id, p));
  const indexMs = ms(t);
  gc();
  const mb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  const times: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const q of QUERIES) {
      const s = process.hrtime.bigint();
      index.search(foldedWords(q).join(' '), { limit: 50 });
      times.push(ms(s));
    }
  }
  times.sort((a, b) => a - b);
  return { indexMs, p50: percentile(times, 50), p95: percentile(times, 95), mb };
}

async function run(docs: BenchDoc[], baselineQueries: number): Promise<Run> {
  const mb = docs.reduce((s, d) => s + statSync(d.path).size, 0) / 1048576;
  const recognizer = new Recognizer(builtInEntities());
  // Cold: every file parsed and recognized (through the live corpus), then the search index.
  const host = new BenchHost(docs);
  const coldProfile = profiling('cold') ? await startProfile() : undefined;
  const t0 = process.hrtime.bigint();
  const corpus = new Corpus(host, { recognizer });
  await corpus.ready();
  const t1 = process.hrtime.bigint();
  const index = new SearchIndex([...recognizer.entities.values()]);
  for (const e of corpus.all()) index.add(searchDocument(e, host.text(e.file.id)));
  const indexMs = ms(t1);
  const coldMs = ms(t0);
  if (coldProfile) await coldProfile(profiling('cold')!);
  const recognizeMs = recognition(recognizer, docs.map((d) => host.text(d.name)));
  const [summaryFirstMs, summaryMs] = [summaryView(corpus, recognizer), summaryView(corpus, recognizer)];
  const rssCold = rssMB();
  // Warm start, as the extension reopens a corpus, in a process of its own (as VS Code starts one): its memory is
  // then the reopened corpus's, not also what the cold index above left behind (see `reopen`).
  const knowledge = knowledgeDigest([...recognizer.entities.values()]);
  const cacheBytes = writeCache(knowledge, corpus.cacheable());
  const snapshotBytes = index.toSnapshot(snapshotKey(corpus));
  const job = mkdtempSync(join(tmpdir(), 'corpus-nav-bench-reopen-'));
  let reopened: Reopened;
  try {
    writeFileSync(join(job, 'docs.json'), JSON.stringify(docs));
    writeFileSync(join(job, 'cache.bin'), cacheBytes);
    writeFileSync(join(job, 'snapshot.bin'), snapshotBytes);
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--reopen', job], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`the warm start's process failed (${child.status ?? child.signal})`);
    reopened = JSON.parse(readFileSync(join(job, 'result.json'), 'utf8')) as Reopened;
  } finally {
    if (process.env.BENCH_KEEP) cpSync(job, process.env.BENCH_KEEP, { recursive: true });
    rmSync(job, { recursive: true, force: true });
  }
  const { warmStartMs, entityIndexMs, updateMs, queryP50Ms, queryP95Ms, firstQueryP50Ms, firstQueryP95Ms, prepareMs, hoverP95Ms, rssMB: rss } = reopened;
  // Baselines over passages (paragraphs, folded): fuse.js (first few queries: seconds each), MiniSearch.
  let baselineQueryP95Ms: number | null = null;
  let miniSearchIndexMs: number | null = null;
  let miniSearchQueryP95Ms: number | null = null;
  const flex: Partial<Record<'strict' | 'forward', FlexRun>> = {};
  if (baselineQueries > 0) {
    const passages = docs.flatMap((d) => readFileSync(d.path, 'utf8').split(/\n+/).filter((p) => p.trim()).map((p) => ({ file: d.name, text: fold(p) })));
    const fuse = new Fuse(passages, { keys: ['text'], ignoreLocation: true, threshold: 0.3, includeScore: true });
    const n = docs.length > 10000 ? Math.min(2, baselineQueries) : baselineQueries;
    const bt: number[] = [];
    for (const q of QUERIES.slice(0, n)) {
      const t = process.hrtime.bigint();
      fuse.search(fold(q), { limit: 50 });
      bt.push(ms(t));
    }
    bt.sort((a, b) => a - b);
    baselineQueryP95Ms = percentile(bt, 95);
    const t = process.hrtime.bigint();
    const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize: (s) => foldedWords(s), processTerm: (w) => w });
    mini.addAll(passages.map((p, id) => ({ id, text: p.text })));
    miniSearchIndexMs = ms(t);
    const mt: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      for (const q of QUERIES) {
        const s = process.hrtime.bigint();
        mini.search(q, { fuzzy: 0.2, prefix: true, combineWith: 'AND' }).slice(0, 50);
        mt.push(ms(s));
      }
    }
    mt.sort((a, b) => a - b);
    miniSearchQueryP95Ms = percentile(mt, 95);
    for (const mode of ['strict', 'forward'] as const) flex[mode] = flexBaseline(mode, passages.map((p) => foldedWords(p.text).join(' ')));
  }
  return {
    articles: docs.length,
    mb: round(mb),
    indexMs: round(indexMs),
    indexMBps: round(mb / (indexMs / 1000)),
    coldMs: round(coldMs),
    coldMBps: round(mb / (coldMs / 1000)),
    recognizeMs: round(recognizeMs),
    summaryFirstMs: round(summaryFirstMs),
    summaryMs: round(summaryMs),
    recognizeMBps: round(mb / (recognizeMs / 1000)),
    warmStartMs: round(warmStartMs),
    updateMs: round(updateMs),
    entityIndexMs: round(entityIndexMs),
    queryP50Ms: round(queryP50Ms),
    queryP95Ms: round(queryP95Ms),
    firstQueryP50Ms: round(firstQueryP50Ms),
    firstQueryP95Ms: round(firstQueryP95Ms),
    prepareMs: round(prepareMs),
    hoverP95Ms: round(hoverP95Ms),
    rssMB: rss,
    rssColdMB: rssCold,
    cacheMB: round(cacheBytes.length / 1048576),
    snapshotMB: round(snapshotBytes.length / 1048576),
    rssRatio: round(rss / mb),
    baselineQueryP95Ms: baselineQueryP95Ms === null ? null : round(baselineQueryP95Ms),
    miniSearchIndexMs: miniSearchIndexMs === null ? null : round(miniSearchIndexMs),
    miniSearchQueryP95Ms: miniSearchQueryP95Ms === null ? null : round(miniSearchQueryP95Ms),
    flexExactIndexMs: flex.strict ? round(flex.strict.indexMs) : null,
    flexExactQueryP50Ms: flex.strict ? round(flex.strict.p50) : null,
    flexExactQueryP95Ms: flex.strict ? round(flex.strict.p95) : null,
    flexExactMB: flex.strict ? round(flex.strict.mb) : null,
    flexForwardIndexMs: flex.forward ? round(flex.forward.indexMs) : null,
    flexForwardQueryP50Ms: flex.forward ? round(flex.forward.p50) : null,
    flexForwardQueryP95Ms: flex.forward ? round(flex.forward.p95) : null,
    flexForwardMB: flex.forward ? round(flex.forward.mb) : null,
  };
}

/** What the reopened corpus measures (in a process of its own, `--reopen <job>`). */
interface Reopened {
  warmStartMs: number;
  entityIndexMs: number;
  updateMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  firstQueryP50Ms: number;
  firstQueryP95Ms: number;
  prepareMs: number;
  hoverP95Ms: number;
  rssMB: number;
}

/**
 * Reopening a corpus, as the extension does in a new window: the binary entry cache read back and each file stamped
 * (src/core/corpus/corpus.ts `loadCache`), the search index restored from its snapshot (CorpusSearch `loadSnapshot`) without
 * reading any text (a result's text is read when shown); then one-file updates, queries and hovers on it.
 */
async function reopen(job: string): Promise<Reopened> {
  const docs = JSON.parse(readFileSync(join(job, 'docs.json'), 'utf8')) as BenchDoc[];
  // The files read from the extension's storage as the extension reads them, before the clock starts (a read
  // just after the parent wrote 670 MB measures the disk's writeback, not us; the entry cache's front, 85 MB at
  // 20k, reads in ~45 ms from the page cache): the snapshot whole (let go once restored, below), the entry cache
  // through src/node/cacheFile.ts, its front read, the articles' bodies left on disk until read.
  let snapshotBytes: Uint8Array | undefined = readFileSync(join(job, 'snapshot.bin'));
  let front: SplitCache | undefined; // let go once read, as the extension's is
  const cacheFile = await (async () => {
    const opened = await CacheFile.open(join(job, 'cache.bin'));
    if (!opened) throw new Error('warm start: no entry cache file');
    front = opened.split;
    return opened.file;
  })();
  const recognizer = new Recognizer(builtInEntities());
  const host = new BenchHost(docs);
  let t0: bigint;
  const warmProfile = profiling('warm') ? await startProfile() : undefined;
  t0 = process.hrtime.bigint();
  // CPU time beside the wall clock (on a machine shared with other work, the steadier of the two; all of the
  // process's threads, the collector's helpers among them).
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const c = process.cpuUsage(since);
    return (c.user + c.system) / 1000;
  };
  const cpu0 = process.cpuUsage();
  const corpus = new Corpus(host, {
    recognizer,
    loadCache: async (k) => {
      const split = front;
      front = undefined;
      return EntryCache.read(split, k);
    },
  });
  const warmSearch = new CorpusSearch(corpus, async (f) => host.text(f.id), { readTextSync: (f) => host.text(f.id), loadSnapshot: async () => snapshotBytes });
  await corpus.ready();
  const corpusReadyMs = ms(t0);
  const corpusCpu = cpuMs(cpu0);
  // (The search index asks for the entity index, for the people discovered: built here first, to time it apart.)
  corpus.entities();
  const entitiesMs = ms(t0) - corpusReadyMs;
  const entitiesCpu = cpuMs(cpu0) - corpusCpu;
  let index = await warmSearch.ready();
  if (process.env.BENCH_DEBUG) {
    const searchCpu = cpuMs(cpu0) - corpusCpu - entitiesCpu;
    const entities = corpus.entities();
    const discovered = [...entities.byId.values()].filter((st) => st.entity.discovered).length;
    console.log(`warm: corpus ${corpusReadyMs.toFixed(0)} ms, entity index ${entitiesMs.toFixed(0)} ms, search ${(ms(t0) - corpusReadyMs - entitiesMs).toFixed(0)} ms; ${entities.byId.size} entities named (${discovered} discovered), ${index.vocabularySize} words`);
    console.log(`warm, CPU time: corpus ${corpusCpu.toFixed(0)} ms, entity index ${entitiesCpu.toFixed(0)} ms, search ${searchCpu.toFixed(0)} ms, in all ${(corpusCpu + entitiesCpu + searchCpu).toFixed(0)} ms`);
  }
  const warmStartMs = ms(t0);
  if (warmProfile) await warmProfile(profiling('warm')!);
  if (index.size !== docs.length) throw new Error(`warm start: ${index.size} of ${docs.length} documents (the snapshot was not used?)`);
  // The snapshot's buffer is on disk in the extension, not in its memory: let it go before measuring (its bytes
  // stay, as the restored index's arrays).
  snapshotBytes = undefined;
  gc();
  // A turn of the event loop first: buffers found dead are freed after the collection, not during it.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const rss = rssMB();
  if (process.env.BENCH_DEBUG) {
    const m = process.memoryUsage();
    console.log(`memory after the warm start: RSS ${rss} MB, heap ${Math.round(m.heapUsed / 1048576)} of ${Math.round(m.heapTotal / 1048576)} MB, array buffers ${Math.round(m.arrayBuffers / 1048576)} MB`);
  }
  if (process.env.BENCH_HEAP) console.log(`heap snapshot: ${writeHeapSnapshot(process.env.BENCH_HEAP)}`);
  // The entity index, built once from every entry.
  t0 = process.hrtime.bigint();
  corpus.entities();
  const entityIndexMs = ms(t0);
  // What the extension then makes in idle slices (the typo index, the entity names' index), so that first queries
  // need not: its time in all, as work done between the user's actions.
  t0 = process.hrtime.bigint();
  if (!(await warmSearch.prepareInSlices(() => new Promise((resolve) => setImmediate(resolve))))) throw new Error('warm start: the index changed while being prepared');
  const prepareMs = ms(t0);
  // One-file update, as the extension sees it: a file changes; the corpus parses and recognizes it, the
  // entity index takes it in and the live search index replaces it (both incrementally).
  const updates: number[] = [];
  const gcs: string[] = [];
  const observer = process.env.BENCH_DEBUG ? new PerformanceObserver((list) => list.getEntries().forEach((e) => gcs.push(`${e.duration.toFixed(1)} ms`))) : undefined;
  observer?.observe({ entryTypes: ['gc'] });
  const profile = profiling('update') ? await startProfile() : undefined;
  for (let i = 0; i < 7; i++) {
    const d = docs[(i * 7919) % docs.length]!;
    t0 = process.hrtime.bigint();
    await corpus.update({ id: d.name, name: d.name });
    const tParsed = ms(t0);
    corpus.entities();
    const tEntities = ms(t0);
    index = await warmSearch.ready();
    updates.push(ms(t0));
    if (process.env.BENCH_DEBUG) console.log(`update: corpus ${tParsed.toFixed(1)} ms, entity index ${(tEntities - tParsed).toFixed(1)} ms, search index ${(ms(t0) - tEntities).toFixed(1)} ms; GC ${gcs.splice(0).join(', ') || 'none'}`);
    await new Promise((resolve) => setImmediate(resolve)); // GC entries are delivered on a later tick
  }
  observer?.disconnect();
  if (profile) await profile(profiling('update')!);
  updates.sort((a, b) => a - b);
  // Queries, through the engine interface the quick pick and the CLI use (expansion caches are per query word; the
  // measured runs use them like a user retyping).
  const engine: SearchEngine = index;
  // Each query's first run, as a user's first keystrokes meet it: its words' expansions and entity matches are not
  // cached yet.
  const firsts: number[] = [];
  for (const q of QUERIES) {
    const t = process.hrtime.bigint();
    engine.search(q);
    firsts.push(ms(t));
  }
  firsts.sort((a, b) => a - b);
  const queryProfile = profiling('query') ? await startProfile() : undefined;
  const times: number[] = [];
  const slowest = new Map<string, number>();
  for (let rep = 0; rep < 5; rep++) {
    for (const q of QUERIES) {
      const t = process.hrtime.bigint();
      engine.search(q);
      times.push(ms(t));
      slowest.set(q, Math.max(slowest.get(q) ?? 0, times[times.length - 1]!));
    }
  }
  if (queryProfile) await queryProfile(profiling('query')!);
  times.sort((a, b) => a - b);
  if (process.env.BENCH_DEBUG) console.log(`queries, slowest of 5: ${[...slowest].sort((a, b) => b[1] - a[1]).map(([q, t]) => `${q} ${t.toFixed(1)} ms`).join(' · ')}`);
  // Hovers: offsets inside mentions (and a few outside) of articles across the corpus.
  corpus.entities();
  if (process.env.BENCH_DEBUG) {
    // An article's mentions made for the first time (the first hover on it): its body read from the cache file.
    const firsts: number[] = [];
    const pick = Random.mulberry32(11).float;
    for (let i = 0; i < 300; i++) {
      const e = corpus.get(docs[Math.floor(pick() * docs.length)]!.name)!;
      const t = process.hrtime.bigint();
      void e.mentions.length; // made here, from the body read off the file
      firsts.push(ms(t));
    }
    firsts.sort((a, b) => a - b);
    console.log(`an article's mentions made (its body read from the cache file the first time): p50 ${percentile(firsts, 50).toFixed(2)} ms, p95 ${percentile(firsts, 95).toFixed(2)} ms`);
  }
  const hovers: number[] = [];
  const r = Random.mulberry32(7).float;
  for (let i = 0; i < 300; i++) {
    const e = corpus.get(docs[Math.floor(r() * docs.length)]!.name)!;
    const m = e.mentions[Math.floor(r() * e.mentions.length)];
    const offset = m && i % 10 !== 0 ? m.start + Math.floor((m.end - m.start) / 2) : Math.floor(r() * e.article.length);
    const t = process.hrtime.bigint();
    hover(corpus, e.file.id, offset);
    hovers.push(ms(t));
  }
  hovers.sort((a, b) => a - b);
  await cacheFile.close();
  return {
    warmStartMs,
    entityIndexMs,
    updateMs: updates[updates.length >> 1]!,
    queryP50Ms: percentile(times, 50),
    queryP95Ms: percentile(times, 95),
    firstQueryP50Ms: percentile(firsts, 50),
    firstQueryP95Ms: percentile(firsts, 95),
    prepareMs,
    hoverP95Ms: percentile(hovers, 95),
    rssMB: rss,
  };
}

/** BENCH_PROFILE=<phase>:<file>, phase `cold`, `warm`, `update` or `query`: where to write a CPU profile of that phase. */
function profiling(phase: string): string | undefined {
  const [p, file] = (process.env.BENCH_PROFILE ?? '').split(/:(.*)/);
  return p === phase ? file : undefined;
}

/** A CPU profile from now until the returned function is called (open it in Chrome's or VS Code's profiler). */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return async (file) => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

async function main(): Promise<void> {
  const reopenJob = arg('--reopen');
  if (reopenJob) {
    const result = await reopen(reopenJob);
    writeFileSync(join(reopenJob, 'result.json'), JSON.stringify(result));
    return;
  }
  const json = process.argv.includes('--json');
  const folder = arg('--folder');
  const root = join(__dirname, '..');
  // Each corpus is made (or read) only when its turn comes, so resident memory is its own.
  const corpora: { label: string; docs: () => BenchDoc[] }[] = [];
  const readFolder = (dir: string): BenchDoc[] => listTxt(dir).map((p) => ({ name: p, path: p }));
  // Synthetic corpora are written to a temporary folder and read from there, as a corpus on disk (so the
  // process's memory is the corpus's, not also the benchmark's copy of every text).
  const scratch = mkdtempSync(join(tmpdir(), 'corpus-nav-bench-corpus-'));
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  const seeds = (): string[] => listTxt(join(root, 'seeds')).map((p) => readFileSync(p, 'utf8'));
  const writeSynthetic = (n: number): BenchDoc[] => {
    const dir = join(scratch, String(n));
    mkdirSync(dir, { recursive: true });
    return heapsArticles(seeds(), n).map((d) => {
      const path = join(dir, d.name);
      writeFileSync(path, d.text);
      return { name: d.name, path };
    });
  };
  if (process.argv.includes('--archive')) {
    const sizes = (arg('--sizes') ?? '20000,200000').split(',').filter(Boolean).map(Number);
    console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}; ${QUERIES.length} queries × 5 runs through a Sphinx cluster (2 RT agents + a distributed index)`);
    const runs = await benchArchive({ sizes, queries: QUERIES, seeds: seeds(), scratch, inProcessMax: Number(arg('--in-process-max') ?? 20_000), log: (l) => console.log(l) });
    if (json) console.log(JSON.stringify(runs));
    return;
  }
  if (folder) corpora.push({ label: folder, docs: () => readFolder(folder) });
  else {
    const sizes = (arg('--sizes') ?? '1000,5000,20000').split(',').filter(Boolean).map(Number);
    for (const n of sizes) corpora.push({ label: `synthetic ${n}`, docs: () => writeSynthetic(n) });
    const snn = join(root, '..', 'shared', 'corpora', 'snn-dev');
    if (!process.argv.includes('--no-snn') && existsSync(snn)) corpora.push({ label: 'snn-dev', docs: () => readFolder(snn) });
    // Real news at the size users bring: 9,428 articles.
    const scale = join(root, '..', 'shared', 'corpora', 'snn-scale');
    if (!process.argv.includes('--no-snn') && !process.argv.includes('--no-snn-scale') && existsSync(scale)) corpora.push({ label: 'snn-scale', docs: () => readFolder(scale) });
  }
  const baselineQueries = Number(arg('--baseline-queries') ?? 6);
  const results: { label: string; r: Run }[] = [];
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}; ${QUERIES.length} queries × 5 runs; baselines over paragraphs: fuse.js (first ${baselineQueries} queries, 2 above 10k articles), MiniSearch (fuzzy 0.2, prefix, AND), FlexSearch 0.8 (exact words; prefixes)`);
  for (const c of corpora) {
    const r = await run(c.docs(), baselineQueries);
    results.push({ label: c.label, r });
    const x = (b: number | null): string => (b === null ? '—' : `${b} ms (${round(b / Math.max(r.queryP95Ms, 0.001))}×)`);
    console.log(
      `${c.label.padEnd(16)} ${String(r.articles).padStart(6)} articles ${r.mb.toFixed(1).padStart(6)} MB | cold ${r.coldMs.toFixed(0)} ms ${r.coldMBps} MB/s (index alone ${r.indexMs.toFixed(0)} ms ${r.indexMBps} MB/s; recognition alone ${r.recognizeMs.toFixed(0)} ms ${r.recognizeMBps} MB/s) | warm ${r.warmStartMs.toFixed(0)} ms (cache ${r.cacheMB} MB, snapshot ${r.snapshotMB} MB) | update ${r.updateMs} ms (entity index built in ${r.entityIndexMs.toFixed(0)} ms) | query p50 ${r.queryP50Ms} p95 ${r.queryP95Ms} ms (first run p50 ${r.firstQueryP50Ms} p95 ${r.firstQueryP95Ms} ms; ${r.prepareMs} ms prepared in idle time) | hover p95 ${r.hoverP95Ms} ms | summary ${r.summaryFirstMs} ms, again ${r.summaryMs} ms | RSS ${r.rssMB} MB (${r.rssRatio}× text; ${r.rssColdMB} MB after cold) | fuse.js p95 ${x(r.baselineQueryP95Ms)} | MiniSearch p95 ${x(r.miniSearchQueryP95Ms)} | FlexSearch exact p50 ${r.flexExactQueryP50Ms ?? '—'} p95 ${x(r.flexExactQueryP95Ms)}, ${r.flexExactMB ?? '—'} MB; prefix p50 ${r.flexForwardQueryP50Ms ?? '—'} p95 ${x(r.flexForwardQueryP95Ms)}, ${r.flexForwardMB ?? '—'} MB`,
    );
  }
  // The JSON line: the largest corpus run.
  const largest = results.reduce<{ label: string; r: Run } | undefined>((a, b) => (!a || b.r.mb > a.r.mb ? b : a), undefined);
  if (json && largest) console.log(JSON.stringify(largest.r));
}

void main();
