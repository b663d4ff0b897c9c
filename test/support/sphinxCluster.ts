/**
 * A real archive cluster on loopback for tests and the bench: `agents` searchd processes each holding a real-time
 * index, and one more holding a `distributed` index over them, on free ports, in a temporary folder. `stop()` asks
 * each to stop, waits for its pid to go and kills it if it lingers. Needs Debian's `sphinxsearch` (Sphinx 2.2) or a
 * `searchd` on PATH (SEARCHD=/path/to/searchd to choose one); without it `startCluster` throws saying how to install it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rtIndexConfig } from '../../src/node/archive/schema';

export interface Endpoint {
  host: string;
  /** The SphinxQL (mysql41) port. */
  port: number;
  index: string;
  /** `host:port/index`, as the CLI and the setting take it. */
  address: string;
  /** The searchd process. */
  pid: number;
}

export interface Cluster {
  agents: Endpoint[];
  /** The distributed index over the agents (what searches go to). */
  dist: Endpoint;
  dir: string;
  stop(): Promise<void>;
  /** Stops agent `i` alone (its index stays on disk: `startAgent(i)` brings it back on the same ports). */
  stopAgent(i: number): Promise<void>;
  startAgent(i: number): Promise<void>;
}

/** The searchd to run: $SEARCHD when set (and only it), else Debian's or a local one. */
export function searchdPath(): string | undefined {
  const candidates = process.env.SEARCHD ? [process.env.SEARCHD] : ['/usr/bin/searchd', '/usr/sbin/searchd', '/usr/local/bin/searchd'];
  return candidates.find((p) => existsSync(p));
}

export const SEARCHD_MISSING =
  'searchd (Sphinx 2.2 or Manticore) is not installed, so the archive tests cannot run: install it with ' +
  '`apt-get install -y sphinxsearch` (CI does, in .ci/run) or set SEARCHD to a searchd binary';

/** A port nobody listens on now (the OS's choice). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(500, () => done(false));
    s.once('error', () => done(false));
    s.connect(port, '127.0.0.1', () => done(true));
  });
}

/** Whether a process still runs (a zombie, exited but not reaped by a container's init, does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Daemon {
  config: string;
  pid: number;
  dir: string;
}

async function startDaemon(searchd: string, dir: string, index: string, apiPort: number, sqlPort: number): Promise<Daemon> {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'searchd.conf');
  writeFileSync(
    config,
    [
      index,
      'searchd',
      '{',
      `    listen = 127.0.0.1:${apiPort}`,
      `    listen = 127.0.0.1:${sqlPort}:mysql41`,
      `    log = ${join(dir, 'searchd.log')}`,
      `    query_log = ${join(dir, 'query.log')}`,
      `    pid_file = ${join(dir, 'searchd.pid')}`,
      `    binlog_path = ${dir}`,
      '    workers = threads',
      '    max_packet_size = 32M',
      '}',
      '',
    ].join('\n'),
  );
  const run = spawnSync(searchd, ['--config', config], { encoding: 'utf8', timeout: 30_000 });
  const pidFile = join(dir, 'searchd.pid');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (existsSync(pidFile) && (await canConnect(sqlPort))) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (pid > 0) return { config, pid, dir };
    }
    await sleep(100);
  }
  const log = existsSync(join(dir, 'searchd.log')) ? readFileSync(join(dir, 'searchd.log'), 'utf8').slice(-2000) : '';
  throw new Error(`searchd did not start on 127.0.0.1:${sqlPort} (exit ${run.status}): ${run.stdout}${run.stderr}${log}`);
}

async function stopDaemon(searchd: string, d: Daemon): Promise<void> {
  if (!alive(d.pid)) return;
  spawnSync(searchd, ['--config', d.config, '--stop'], { encoding: 'utf8', timeout: 15_000 });
  const deadline = Date.now() + 10_000;
  while (alive(d.pid) && Date.now() < deadline) await sleep(100);
  if (alive(d.pid)) {
    process.kill(d.pid, 'SIGKILL');
    const hard = Date.now() + 5_000;
    while (alive(d.pid) && Date.now() < hard) await sleep(50);
  }
}

/** Starts `agents` RT agents and a distributed index over them. */
export async function startCluster(agents = 2, index = 'corpus'): Promise<Cluster> {
  const searchd = searchdPath();
  if (!searchd) throw new Error(SEARCHD_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'corpus-nav-archive-'));
  const daemons: Daemon[] = [];
  const stop = async (): Promise<void> => {
    for (const d of [...daemons].reverse()) await stopDaemon(searchd, d);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const endpoints: Endpoint[] = [];
    const apiPorts: number[] = [];
    const sqlPorts: number[] = [];
    const startAgent = (i: number): Promise<Daemon> => startDaemon(searchd, join(dir, `agent${i}`), rtIndexConfig(index, join(dir, `agent${i}`, index)), apiPorts[i]!, sqlPorts[i]!);
    for (let i = 0; i < agents; i++) {
      const [api, sql] = [await freePort(), await freePort()];
      apiPorts.push(api);
      sqlPorts.push(sql);
      const d = await startAgent(i);
      daemons.push(d);
      endpoints.push({ host: '127.0.0.1', port: sql, index, address: `127.0.0.1:${sql}/${index}`, pid: d.pid });
    }
    const [api, sql] = [await freePort(), await freePort()];
    const distIndex = `index ${index}\n{\n    type = distributed\n${apiPorts.map((p) => `    agent = 127.0.0.1:${p}:${index}\n`).join('')}}\n`;
    const d = await startDaemon(searchd, join(dir, 'dist'), distIndex, api, sql);
    daemons.push(d);
    const dist = { host: '127.0.0.1', port: sql, index, address: `127.0.0.1:${sql}/${index}`, pid: d.pid };
    return {
      agents: endpoints,
      dist,
      dir,
      stop,
      stopAgent: (i) => stopDaemon(searchd, daemons[i]!),
      startAgent: async (i) => {
        if (alive(daemons[i]!.pid)) return;
        daemons[i] = await startAgent(i);
        endpoints[i]!.pid = daemons[i]!.pid;
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The resident memory of a process in kB (VmRSS of /proc/<pid>/status), or undefined. */
export function residentKb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
