/**
 * `npm run bench -- --archive [--sizes 20000,200000]`: the bench's queries through a real archive cluster (two
 * searchd agents with real-time indexes and a distributed index over them, on loopback: test/support/sphinxCluster.ts)
 * at each size of synthetic articles (heapsArticles, written to a temporary folder): `index-to`'s rate (our parse,
 * recognition and folding, and the inserts; MB/s of UTF-8 text), query p50/p95 over the mix (5 runs each, after one
 * warm-up run), the result counts, and each searchd's resident memory (VmRSS). Beside it, where the corpus is at most
 * `--in-process-max` articles (default 20,000), the in-process engine on the same files: the same queries, default and
 * `fuzzy: false` (what the archive matches). Prints numbers; asserts nothing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { builtInEntities } from '../src/core/entities/kb';
import { Recognizer } from '../src/core/entities/recognizer';
import { buildSearchIndex } from '../src/core/search/corpusSearch';
import { ArchiveSearch } from '../src/node/archive/archiveSearch';
import { indexTo } from '../src/node/archive/loader';
import { parseServerAddress, type ServerAddress } from '../src/node/archive/sphinxql';
import { residentKb, startCluster } from '../test/support/sphinxCluster';
import { heapsArticles } from '../test/support/synthetic';

export interface ArchiveRun {
  articles: number;
  mb: number;
  loadSeconds: number;
  loadMBps: number;
  /** CPU seconds of index-to's load: this process (our parse, recognition, forms, the statements), and the agents. */
  loadCpuSeconds: number;
  agentsLoadCpuSeconds: number;
  /** Load average (1 min) when the load ended: the machine is shared. */
  loadAverage: number;
  /** CPU milliseconds of the query runs per query: this process, and every searchd. */
  queryCpuMs: number;
  searchdQueryCpuMs: number;
  rows: number;
  queryP50Ms: number;
  queryP95Ms: number;
  /** Articles found per query (the archive). */
  found: Record<string, number>;
  /** VmRSS of each agent, then of the distributed index's searchd, in MB. */
  agentsRssMB: number[];
  distRssMB: number;
  inProcess?: { queryP50Ms: number; queryP95Ms: number; exactP50Ms: number; exactP95Ms: number; found: Record<string, number> };
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number): number => Math.round(n * 100) / 100;

function address(text: string): ServerAddress {
  const a = parseServerAddress(text);
  if ('error' in a) throw new Error(a.error);
  return a;
}

async function timeQueries(queries: readonly string[], run: (q: string) => Promise<unknown> | unknown): Promise<{ p50: number; p95: number }> {
  for (const q of queries) await run(q);
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    for (const q of queries) {
      const t0 = process.hrtime.bigint();
      await run(q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

export async function benchArchive(options: { sizes: number[]; queries: readonly string[]; seeds: string[]; scratch: string; inProcessMax: number; log: (line: string) => void }): Promise<ArchiveRun[]> {
  const out: ArchiveRun[] = [];
  const recognizer = new Recognizer(builtInEntities());
  for (const n of options.sizes) {
    const dir = join(options.scratch, `archive-${n}`);
    mkdirSync(dir, { recursive: true });
    let bytes = 0;
    // Written one by one (200k articles are not kept in memory).
    heapsArticles(options.seeds, n).forEach((d) => {
      writeFileSync(join(dir, d.name), d.text);
      bytes += Buffer.byteLength(d.text, 'utf8');
    });
    const cluster = await startCluster(2);
    try {
      const t0 = Date.now();
      const cpu0 = ownCpuSeconds();
      const agentsCpu = (): number => cluster.agents.reduce((sum, a) => sum + cpuSeconds(a.pid), 0);
      const agentsCpu0 = agentsCpu();
      let shown = 0;
      const loaded = await indexTo(cluster.agents.map((a) => address(a.address)), dir, {
        recognizer,
        onProgress: (p) => {
          if (Date.now() - shown < 30_000) return;
          shown = Date.now();
          options.log(`  index-to ${p.files}/${p.total} files, ${(p.bytes / 1e6).toFixed(0)} MB, ${((p.bytes / 1e6) / ((Date.now() - t0) / 1000)).toFixed(2)} MB/s`);
        },
      });
      const loadSeconds = (Date.now() - t0) / 1000;
      const loadCpuSeconds = ownCpuSeconds() - cpu0;
      const agentsLoadCpuSeconds = agentsCpu() - agentsCpu0;
      const loadAverage = loadavg()[0]!;
      const archive = new ArchiveSearch(address(cluster.dist.address), { timeoutMs: 60_000 });
      const found: Record<string, number> = {};
      for (const q of options.queries) found[q] = (await archive.search(q, { limit: { entity: 0, article: 10_000, passage: 0 } })).articles.length;
      const allCpu = (): number => agentsCpu() + cpuSeconds(cluster.dist.pid);
      const [qcpu0, scpu0] = [ownCpuSeconds(), allCpu()];
      const t = await timeQueries(options.queries, (q) => archive.search(q));
      const runs = options.queries.length * 6;
      const queryCpuMs = round(((ownCpuSeconds() - qcpu0) * 1000) / runs);
      const searchdQueryCpuMs = round(((allCpu() - scpu0) * 1000) / runs);
      await archive.close();
      const mb = (kb: number | undefined): number => round((kb ?? 0) / 1024);
      const run: ArchiveRun = {
        articles: n,
        mb: round(bytes / 1e6),
        loadSeconds: round(loadSeconds),
        loadMBps: round(loaded.bytes / 1e6 / loadSeconds),
        loadCpuSeconds: round(loadCpuSeconds),
        agentsLoadCpuSeconds: round(agentsLoadCpuSeconds),
        loadAverage: round(loadAverage),
        queryCpuMs,
        searchdQueryCpuMs,
        rows: loaded.rows,
        queryP50Ms: t.p50,
        queryP95Ms: t.p95,
        found,
        agentsRssMB: cluster.agents.map((a) => mb(residentKb(a.pid))),
        distRssMB: mb(residentKb(cluster.dist.pid)),
      };
      await cluster.stop();
      if (n <= options.inProcessMax) {
        const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
        const index = buildSearchIndex(names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })), recognizer);
        const foundIn: Record<string, number> = {};
        for (const q of options.queries) foundIn[q] = new Set(index.search(q, { fuzzy: false, limit: { entity: 0, article: 0, passage: 1_000_000 } }).passages.map((p) => p.file)).size;
        const fuzzy = await timeQueries(options.queries, (q) => index.search(q));
        const exact = await timeQueries(options.queries, (q) => index.search(q, { fuzzy: false }));
        run.inProcess = { queryP50Ms: fuzzy.p50, queryP95Ms: fuzzy.p95, exactP50Ms: exact.p50, exactP95Ms: exact.p95, found: foundIn };
      }
      out.push(run);
      const ip = run.inProcess;
      options.log(
        `archive ${String(n).padStart(7)} articles ${run.mb.toFixed(1).padStart(7)} MB | index-to ${run.loadSeconds} s, ${run.loadMBps} MB/s, ${run.rows} rows; CPU ours ${run.loadCpuSeconds} s (${round(run.mb / Math.max(0.01, run.loadCpuSeconds))} MB per CPU-second), agents ${run.agentsLoadCpuSeconds} s; load average ${run.loadAverage} | query p50 ${run.queryP50Ms} p95 ${run.queryP95Ms} ms, CPU per query ours ${run.queryCpuMs} ms, searchd ${run.searchdQueryCpuMs} ms | RSS agents ${run.agentsRssMB.join(' + ')} MB, distributed ${run.distRssMB} MB` +
          (ip ? ` | in-process p50 ${ip.queryP50Ms} p95 ${ip.queryP95Ms} ms (fuzzy: false p50 ${ip.exactP50Ms} p95 ${ip.exactP95Ms} ms)` : ''),
      );
      options.log(`  articles found (archive${ip ? ' / in-process, fuzzy: false' : ''}): ${options.queries.map((q) => `${q} ${found[q]}${ip ? `/${ip.found[q]}` : ''}`).join(' · ')}`);
    } finally {
      await cluster.stop();
    }
  }
  return out;
}
