/**
 * Live updates of an archive: the files the extension sees created, changed or deleted, sent to the agents that hold
 * the archive's rows (the `searchServerUpdates` setting) as `index-to` would write them (loader.ts's `writeFiles`:
 * the same rows, an unchanged hash skipped) or deleted (every row of the file). Events are coalesced: a file's latest
 * event wins, a burst is written once no event came for `quietMs` (or `maxWaitMs` after its first), in batches of
 * `batchFiles` parsed together. When a server fails, the batch goes back to the pending files (unless a newer event
 * replaced it), `onFailure` says so and the pending files are tried again after a growing delay until it answers.
 * `close(flushMs)` sends what still waits at once, for at most `flushMs`: what is not sent by then is dropped (a batch
 * cut short leaves its file without its article row, which `index-to` writes again).
 * Node only (mysql2); the extension loads it from dist/archive.js.
 */
import type { Recognizer } from '../../core/entities/recognizer';
import { deleteFiles, type Stored, writeFiles } from './loader';
import { KIND_ARTICLE, MAX_FILE_NO } from './schema';
import { describeAddress, parseServerAddress, type ServerAddress, SphinxClient, sqlString } from './sphinxql';

/** A file seen created or changed: its path under the corpus folder, and how to read its text now. */
export interface ChangedFile {
  name: string;
  /** The text as the corpus decodes it; undefined when it cannot be read (gone since, or not text): then nothing is sent. */
  read(): Promise<string | undefined>;
}

export interface BatchReport {
  written: number;
  replaced: number;
  unchanged: number;
  deleted: number;
}

export interface UpdaterOptions {
  /** The recognizer of the entities named (the extension's, asked at each batch). */
  recognizer?: () => Recognizer | undefined;
  /** Written once no event came for this long (ms; default 1000)… */
  quietMs?: number;
  /** …or this long after the first event of a burst that does not stop (ms; default 10000). */
  maxWaitMs?: number;
  /** Files per batch (parsed together and written in one go; default 200). */
  batchFiles?: number;
  /** Delays before each new try after a failure (ms); the last one repeats (default 2 s, 5 s, 15 s, 30 s). */
  retryMs?: readonly number[];
  /** Per connection and statement (ms; default 10000). */
  timeoutMs?: number;
  /** Every failed try: the error (its message starts with the server's address) and how many files wait. */
  onFailure?: (error: Error, pending: number, first: boolean) => void;
  /** The first batch written after failures. */
  onRecovery?: () => void;
  onBatch?: (report: BatchReport) => void;
}

const sleep0 = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class ArchiveUpdater {
  /** The latest event per file: what to write, or null to delete it. */
  private readonly pending = new Map<string, ChangedFile | null>();
  /** The batch being written (not yet sent). */
  private current: readonly [string, ChangedFile | null][] = [];
  private clients: SphinxClient[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstEventAt = 0;
  private running: Promise<void> | undefined;
  private failures = 0;
  private closed = false;
  /** Closing: what waits is being sent one last time (no retry after a failure). */
  private flushing = false;
  private next = 0;
  private readonly waiters: (() => void)[] = [];
  readonly source: string;

  constructor(
    private readonly targets: readonly ServerAddress[],
    private readonly options: UpdaterOptions = {},
  ) {
    if (targets.length === 0) throw new Error('no server to update');
    this.source = targets.map((t) => `${describeAddress(t)}/${t.index}`).join(',');
  }

  /** Files created or changed. */
  changed(files: readonly ChangedFile[]): void {
    for (const f of files) {
      this.pending.delete(f.name); // the latest event goes last (batches follow the order of events)
      this.pending.set(f.name, f);
    }
    this.schedule();
  }

  /** Files deleted (paths under the corpus folder). */
  removed(names: readonly string[]): void {
    for (const n of names) {
      this.pending.delete(n);
      this.pending.set(n, null);
    }
    this.schedule();
  }

  /** Files waiting to be sent (the batch being written among them); after `close`, the files not sent. */
  get waiting(): number {
    return this.pending.size + this.current.length;
  }

  /** Resolves once nothing waits and nothing is being written (or the updater is closed). */
  idle(): Promise<void> {
    if (this.closed || (this.pending.size === 0 && !this.running)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Stops. With `flushMs` > 0, the files still waiting are sent first (at once, not after the quiet time), for at
   * most that long: then the connections are closed whatever is under way, and what still waits is dropped
   * (`waiting` tells how many). Resolves within about `flushMs`, even with a server that never answers.
   */
  async close(flushMs = 0): Promise<void> {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (flushMs > 0 && (this.pending.size > 0 || this.running)) {
      this.flushing = true;
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => (timeout = setTimeout(resolve, flushMs)));
      await Promise.race([this.flush(), deadline]);
      clearTimeout(timeout);
    }
    this.closed = true;
    if (flushMs > 0 && this.running) {
      // Past the deadline: the connections are cut, which ends a write under way (it fails and is not tried
      // again); one still connecting closes itself when it connects (see connect).
      const clients = this.clients;
      this.clients = undefined;
      for (const c of clients ?? []) c.destroy();
    } else {
      await this.running?.catch(() => undefined);
      await this.disconnect();
    }
    this.settle();
  }

  /** Sends what waits now, until nothing does or a try fails (closing: no retry). */
  private async flush(): Promise<void> {
    const failures = this.failures;
    while (!this.closed && (this.pending.size > 0 || this.running)) {
      if (this.failures > failures) return;
      if (!this.running) this.start();
      await this.running;
    }
  }

  private schedule(): void {
    if (this.closed || this.pending.size === 0) return;
    // While failing, the retry timer decides when to try again.
    if (this.failures > 0 && this.timer) return;
    const now = Date.now();
    if (!this.timer) this.firstEventAt = now;
    else clearTimeout(this.timer);
    const quiet = this.options.quietMs ?? 1000;
    const wait = Math.max(0, Math.min(quiet, this.firstEventAt + (this.options.maxWaitMs ?? 10_000) - now));
    this.timer = setTimeout(() => this.start(), wait);
  }

  private start(): void {
    this.timer = undefined;
    if (this.running) return; // the run under way takes the new files too
    this.running = this.run().finally(() => {
      this.running = undefined;
      this.settle();
    });
  }

  private settle(): void {
    if (!this.closed && (this.pending.size > 0 || this.running)) return;
    for (const w of this.waiters.splice(0)) w();
  }

  private async run(): Promise<void> {
    while (!this.closed && this.pending.size > 0) {
      const batch = [...this.pending].slice(0, this.options.batchFiles ?? 200);
      for (const [name] of batch) this.pending.delete(name);
      this.current = batch;
      try {
        const report = await this.write(batch);
        this.current = [];
        if (this.failures > 0) this.options.onRecovery?.();
        this.failures = 0;
        this.options.onBatch?.(report);
      } catch (e) {
        // Back to the pending files, unless a newer event replaced them meanwhile.
        this.current = [];
        for (const [name, f] of batch) if (!this.pending.has(name)) this.pending.set(name, f);
        await this.disconnect();
        const error = e instanceof Error ? e : new Error(String(e));
        this.failures++;
        if (this.closed) return; // cut short by close: dropped, as `waiting` said then
        this.options.onFailure?.(error, this.pending.size, this.failures === 1);
        if (!this.flushing) {
          const delays = this.options.retryMs ?? [2000, 5000, 15_000, 30_000];
          if (this.timer) clearTimeout(this.timer); // events during the try: the retry takes them
          this.timer = setTimeout(() => this.start(), delays[Math.min(this.failures, delays.length) - 1] ?? 30_000);
        }
        return;
      }
    }
  }

  private async connect(): Promise<SphinxClient[]> {
    if (this.clients) return this.clients;
    const clients: SphinxClient[] = [];
    try {
      for (const t of this.targets) clients.push(await SphinxClient.connect(t, { timeoutMs: this.options.timeoutMs ?? 10_000 }));
    } catch (e) {
      for (const c of clients) await c.close();
      throw e;
    }
    if (this.closed && this.flushing) {
      // Closed while connecting, past the deadline of a last flush: nothing more is sent.
      for (const c of clients) c.destroy();
      throw new Error('archive updates closed');
    }
    this.clients = clients;
    return clients;
  }

  private async disconnect(): Promise<void> {
    const clients = this.clients;
    this.clients = undefined;
    for (const c of clients ?? []) await c.close();
  }

  private async write(batch: readonly [string, ChangedFile | null][]): Promise<BatchReport> {
    const clients = await this.connect();
    const index = this.targets[0]!.index;
    const inputs: { name: string; text: string }[] = [];
    for (const [name, f] of batch) {
      const text = f ? await f.read() : undefined;
      if (text !== undefined) inputs.push({ name, text });
    }
    const gone = batch.filter(([, f]) => f === null).map(([name]) => name);
    const stored = await storedFiles(clients, index, [...gone, ...inputs.map((f) => f.name)]);
    const deleted = gone.flatMap((name) => stored.get(name) ?? []);
    await deleteFiles(clients, index, deleted);
    if (inputs.length === 0) return { written: 0, replaced: 0, unchanged: 0, deleted: deleted.length };
    // New files are numbered after the highest number on any agent (and any this updater gave).
    if (inputs.some((f) => !stored.has(f.name))) this.next = Math.max(this.next, (await highestFileNo(clients, index)) + 1);
    const done = await writeFiles(clients, index, inputs, {
      stored: (name) => stored.get(name),
      number: () => {
        if (this.next > MAX_FILE_NO) throw new Error(`the archive has ${MAX_FILE_NO} files, the most it can number`);
        return this.next++;
      },
      recognizer: this.options.recognizer?.(),
      batchRows: 500,
      pause: sleep0,
    });
    return { written: done.written, replaced: done.replaced, unchanged: done.unchanged, deleted: deleted.length };
  }
}

/** What the agents hold of these files (their article rows), by path. */
export async function storedFiles(clients: readonly SphinxClient[], index: string, names: readonly string[]): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  const unique = [...new Set(names)];
  for (let t = 0; t < clients.length; t++) {
    for (let i = 0; i < unique.length; i += 500) {
      const part = unique.slice(i, i + 500);
      const rows = await clients[t]!.select(
        `SELECT id, file, path, hash, lines FROM ${index} WHERE kind=${KIND_ARTICLE} AND path IN (${part.map(sqlString).join(',')}) LIMIT ${part.length * 2} OPTION max_matches=${part.length * 2}`,
      );
      for (const r of rows) out.set(String(r.path), { fileNo: Number(r.file), hash: String(r.hash), lines: Number(r.lines), target: t });
    }
  }
  return out;
}

/** The highest file number on any agent (0 when empty). */
async function highestFileNo(clients: readonly SphinxClient[], index: string): Promise<number> {
  let max = 0;
  for (const c of clients) {
    const rows = await c.select(`SELECT file FROM ${index} ORDER BY file DESC LIMIT 1`);
    if (rows[0]) max = Math.max(max, Number(rows[0].file));
  }
  return max;
}

/** `host:port/index[,host:port/index…]`: the agents, as `index-to` takes them; or why the list is wrong. */
export function parseTargets(text: string): ServerAddress[] | { error: string } {
  const targets: ServerAddress[] = [];
  for (const s of text.split(',')) {
    const a = parseServerAddress(s);
    if ('error' in a) return a;
    targets.push(a);
  }
  if (new Set(targets.map((t) => t.index)).size > 1) return { error: 'every agent must hold the same index name' };
  return targets;
}
