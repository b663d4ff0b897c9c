/**
 * Parsing in worker threads (Node only: the extension on the desktop and in remotes, not VS Code for the Web).
 * A small pool of dist/indexWorker.js workers, started on first use and stopped when idle; each batch goes to
 * the least busy one. A worker that cannot start or dies hands its batches, and every later one, to the
 * in-thread parser: indexing gets slower, never stuck.
 */
import { availableParallelism, cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseOptions } from '../core/article/article';
import type { Entity, Recognizer } from '../core/entities/recognizer';
import type { CorpusEntry } from '../core/corpus/corpus';
import { EntryParser, inThreadParser, ParsedFile, ParseJob } from '../core/corpus/entryParser';
import type { Mention } from '../core/entities/recognizer';
import { MentionRef, mentionsReceived, mentionsToSend } from '../core/persist/mentionText';

export type ToWorker =
  | { type: 'recognizer'; entities: readonly Entity[] | undefined }
  | { type: 'parse'; id: number; jobs: readonly ParseJob[]; options: ParseOptions };
/** A parsed file as the worker sends it: its mentions as `mentionsToSend` gives them. */
export type SentFile = { entry: Omit<CorpusEntry, 'mentions'> & { mentions: (Mention | MentionRef)[] }; problem?: undefined } | { entry?: undefined; problem: string };
export type FromWorker = { type: 'parsed'; id: number; results: SentFile[] } | { type: 'failed'; id: number; message: string };

/** A parsed file for sending back to the extension host. */
export function toSend(parsed: ParsedFile): SentFile {
  return parsed.entry ? { entry: { ...parsed.entry, mentions: mentionsToSend(parsed.entry.article, parsed.entry.mentions) } } : parsed;
}

/** A parsed file as the worker sent it, made whole. */
function received(sent: SentFile): ParsedFile {
  return sent.entry ? { entry: { ...sent.entry, mentions: mentionsReceived(sent.entry.article, sent.entry.mentions) } } : sent;
}

interface Pending {
  resolve(results: ParsedFile[]): void;
  reject(e: Error): void;
  jobs: readonly ParseJob[];
}

interface Lane {
  worker: Worker;
  pending: Map<number, Pending>;
  recognizer: Recognizer | undefined | null;
}

/** Stop idle workers after this long (ms): they hold a copy of the knowledge base. */
const IDLE_MS = 30_000;

export class WorkerParser implements EntryParser {
  private lanes: Lane[] = [];
  private nextId = 1;
  private broken: Error | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly size: number;

  /** `script`: the path of dist/indexWorker.js; `onFallback` hears once why parsing moved to this thread. */
  constructor(
    private readonly script: string,
    private readonly onFallback: (why: string) => void = () => {},
    size?: number,
  ) {
    const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
    // Leave a core to the extension host itself; at most 4 workers.
    this.size = size ?? Math.max(1, Math.min(4, cores - 1));
  }

  async parse(jobs: readonly ParseJob[], recognizer: Recognizer | undefined, options: ParseOptions): Promise<ParsedFile[]> {
    if (this.broken) return inThreadParser.parse(jobs, recognizer, options);
    try {
      const lane = this.lane();
      if (lane.recognizer !== recognizer) {
        lane.worker.postMessage({ type: 'recognizer', entities: recognizer && [...recognizer.entities.values()] } satisfies ToWorker);
        lane.recognizer = recognizer;
      }
      const id = this.nextId++;
      const done = new Promise<ParsedFile[]>((resolve, reject) => lane.pending.set(id, { resolve, reject, jobs }));
      lane.worker.ref(); // keeps the process alive while a batch is out
      lane.worker.postMessage({ type: 'parse', id, jobs, options } satisfies ToWorker);
      return await done;
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
      return inThreadParser.parse(jobs, recognizer, options);
    } finally {
      this.scheduleIdle();
    }
  }

  /** The least busy worker, starting one while the pool is not full. */
  private lane(): Lane {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const free = this.lanes.find((l) => l.pending.size === 0);
    if (free) return free;
    if (this.lanes.length < this.size) {
      const worker = new Worker(this.script);
      const lane: Lane = { worker, pending: new Map(), recognizer: null };
      worker.on('message', (m: FromWorker) => {
        const p = lane.pending.get(m.id);
        if (!p) return;
        lane.pending.delete(m.id);
        if (lane.pending.size === 0) lane.worker.unref();
        if (m.type !== 'parsed') return p.reject(new Error(m.message));
        try {
          p.resolve(m.results.map(received));
        } catch (e) {
          p.reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (this.lanes.includes(lane) && code !== 0) this.fail(new Error(`the indexing worker exited with code ${code}`));
      });
      worker.unref();
      this.lanes.push(lane);
      return lane;
    }
    return this.lanes.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  /** A worker failed: its batches are rejected (and parsed in this thread by `parse`), and so are all later ones. */
  private fail(e: Error): void {
    if (!this.broken) this.onFallback(e.message);
    this.broken ??= e;
    const lanes = this.lanes;
    this.lanes = [];
    for (const lane of lanes) {
      for (const p of lane.pending.values()) p.reject(e);
      lane.pending.clear();
      void lane.worker.terminate();
    }
  }

  private scheduleIdle(): void {
    if (this.idleTimer || this.lanes.some((l) => l.pending.size > 0)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.lanes.some((l) => l.pending.size > 0)) return;
      const lanes = this.lanes;
      this.lanes = [];
      for (const l of lanes) void l.worker.terminate();
    }, IDLE_MS);
  }

  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.broken ??= new Error('indexing stopped'); // later batches, if any, parse here, quietly
    const lanes = this.lanes;
    this.lanes = [];
    for (const lane of lanes) {
      for (const p of lane.pending.values()) p.reject(new Error('indexing stopped'));
      void lane.worker.terminate();
    }
  }
}
