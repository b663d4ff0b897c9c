/**
 * An on-disk cache of parsed corpus entries (article, mentions, statements, discovered people), so
 * reopening a corpus skips parsing and recognition for the files that did not change. Pure: the host
 * reads and writes the bytes (VS Code: the extension's storage) and stats the files.
 *
 * A cache is valid for one engine version (the parser's and recognizer's behaviour) and one
 * knowledge base (a digest of the entities the recognizer knows); each entry is valid while its file
 * keeps the same path, size and mtime. A corrupt, foreign or outdated cache reads as empty, and the
 * caller rebuilds without a word.
 */
import type { CorpusEntry, CorpusFile } from './corpus';

/** Bump when parsing or recognition changes what an entry holds. */
export const ENGINE_VERSION = 1;
const MAGIC = 'corpus-navigator-cache';

/** What identifies a file's content without reading it. */
export interface FileStamp {
  /** The file's id (a URI string in VS Code, a path in Node). */
  id: string;
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
}

type Entry = Pick<CorpusEntry, 'file' | 'article' | 'mentions' | 'statements' | 'discovered'>;

/** The first line; then one JSON line per entry (a whole corpus in one string would pass V8's limit). */
interface CacheHeader {
  magic: string;
  engine: number;
  /** The recognizer's knowledge base (see `knowledgeDigest`). */
  knowledge: string;
  entries: number;
}

/** A short digest of anything JSON (the entities a recognizer knows), to key a cache on. */
export function knowledgeDigest(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  // FNV-1a, 32 bits, twice with different seeds: enough to notice a changed knowledge base.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Serializes entries with the stamps of their files. */
export function writeCache(knowledge: string, entries: readonly { stamp: FileStamp; entry: Entry }[]): Uint8Array {
  const lines: Uint8Array[] = [];
  for (const line of cacheLines(knowledge, entries)) lines.push(line);
  return concat(lines);
}

/**
 * `writeCache` a slice at a time: `pause` is awaited whenever a slice has run `sliceMs` (the caller yields to its
 * event loop there), so a large corpus is written without holding up the thread.
 */
export async function writeCacheInSlices(
  knowledge: string,
  entries: readonly { stamp: FileStamp; entry: Entry }[],
  pause: () => Promise<void>,
  sliceMs = 20,
): Promise<Uint8Array> {
  const lines: Uint8Array[] = [];
  let t0 = Date.now();
  for (const line of cacheLines(knowledge, entries)) {
    lines.push(line);
    if (Date.now() - t0 >= sliceMs) {
      await pause();
      t0 = Date.now();
    }
  }
  return concat(lines);
}

function* cacheLines(knowledge: string, entries: readonly { stamp: FileStamp; entry: Entry }[]): Generator<Uint8Array> {
  const header: CacheHeader = { magic: MAGIC, engine: ENGINE_VERSION, knowledge, entries: entries.length };
  const encoder = new TextEncoder();
  yield encoder.encode(JSON.stringify(header) + '\n');
  for (const { stamp, entry } of entries) {
    const line = {
      stamp: { id: stamp.id, size: stamp.size, mtime: stamp.mtime },
      entry: { file: entry.file, article: entry.article, mentions: entry.mentions, statements: entry.statements, discovered: entry.discovered },
    };
    yield encoder.encode(JSON.stringify(line) + '\n');
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of parts) {
    out.set(l, at);
    at += l.length;
  }
  return out;
}

/** A cache read back: the entry of a file whose stamp still matches. */
export class EntryCache {
  private constructor(private readonly byId: Map<string, { stamp: FileStamp; entry: Entry }>) {}

  /** An empty cache. */
  static empty(): EntryCache {
    return new EntryCache(new Map());
  }

  /** A cache of entries already checked (by the reader below). */
  static of(byId: Map<string, { stamp: FileStamp; entry: Entry }>): EntryCache {
    return new EntryCache(byId);
  }

  /**
   * Reads a cache; anything unreadable, of another engine version or another knowledge base gives
   * an empty cache (never an error).
   */
  static read(bytes: Uint8Array | undefined, knowledge: string): EntryCache {
    const lines = parseLines(bytes, knowledge);
    let result: IteratorResult<undefined, EntryCache> = lines.next();
    while (!result.done) result = lines.next();
    return result.value;
  }

  /** `read` a slice at a time: `pause` is awaited whenever a slice has run `sliceMs`. */
  static async readInSlices(bytes: Uint8Array | undefined, knowledge: string, pause: () => Promise<void>, sliceMs = 20): Promise<EntryCache> {
    const lines = parseLines(bytes, knowledge);
    let t0 = Date.now();
    for (;;) {
      const result = lines.next();
      if (result.done) return result.value;
      if (Date.now() - t0 >= sliceMs) {
        await pause();
        t0 = Date.now();
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** The cached entry of a file, if its path, size and mtime are unchanged. */
  get(stamp: FileStamp, file: CorpusFile = { id: stamp.id, name: stamp.id }): CorpusEntry | undefined {
    const hit = this.byId.get(stamp.id);
    if (!hit || hit.stamp.size !== stamp.size || hit.stamp.mtime !== stamp.mtime) return undefined;
    const { article, mentions, statements, discovered } = hit.entry;
    return { file: { id: file.id, name: hit.entry.file.name ?? file.name }, article, mentions, statements, discovered };
  }
}

/** Reads a cache line by line (yielding after each), ending with the cache; anything invalid ends with an empty one. */
function* parseLines(bytes: Uint8Array | undefined, knowledge: string): Generator<undefined, EntryCache> {
  if (!bytes || bytes.length === 0) return EntryCache.empty();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines: unknown[] = [];
  try {
    for (let at = 0; at < bytes.length; ) {
      let nl = bytes.indexOf(0x0a, at);
      if (nl < 0) nl = bytes.length;
      lines.push(JSON.parse(decoder.decode(bytes.subarray(at, nl))));
      at = nl + 1;
      // The header first: a cache of another engine or knowledge base is not read further.
      if (lines.length === 1 && !validHeader(lines[0], knowledge)) return EntryCache.empty();
      yield;
    }
  } catch {
    return EntryCache.empty();
  }
  const [header, ...entries] = lines;
  if (!validHeader(header, knowledge) || header.entries !== entries.length) return EntryCache.empty();
  const byId = new Map<string, { stamp: FileStamp; entry: Entry }>();
  for (const e of entries) if (isEntry(e)) byId.set(e.stamp.id, e);
  return EntryCache.of(byId);
}

function validHeader(x: unknown, knowledge: string): x is CacheHeader {
  return isHeader(x) && x.magic === MAGIC && x.engine === ENGINE_VERSION && x.knowledge === knowledge;
}

function isHeader(x: unknown): x is CacheHeader {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o['magic'] === 'string' && typeof o['engine'] === 'number' && typeof o['knowledge'] === 'string' && typeof o['entries'] === 'number';
}

function isEntry(x: unknown): x is { stamp: FileStamp; entry: Entry } {
  if (typeof x !== 'object' || x === null) return false;
  const { stamp, entry } = x as { stamp?: Partial<FileStamp>; entry?: Partial<Entry> };
  return (
    typeof stamp?.id === 'string' &&
    typeof stamp.size === 'number' &&
    typeof stamp.mtime === 'number' &&
    typeof entry?.file?.id === 'string' &&
    typeof entry.article?.title === 'object' &&
    Array.isArray(entry.mentions) &&
    Array.isArray(entry.statements) &&
    Array.isArray(entry.discovered)
  );
}
