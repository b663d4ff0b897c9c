/**
 * The entry cache as a file on Node's file system, read in place: a warm start reads the front (stamps, heads,
 * mentions) and leaves the articles' bodies, most of the file, on disk; an article's body is read from the file
 * when first asked for. Used by the extension (src/vscode/workspace/cache.ts, through cacheFile.ts) and the benchmark.
 * No `vscode` import: it runs wherever Node does.
 */
import { readSync } from 'node:fs';
import { open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ByteParts } from '../core/persist/binary';
import { frontLength, splitCache, type CacheBodies, type SplitCache, type WrittenCache } from '../core/persist/cache';

/** An open cache file: its bodies, read a body at a time (synchronously: an article reads its body when asked). */
export class CacheFile implements CacheBodies {
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    /** Where the bodies start in the file. */
    private readonly base: number,
    /** The bodies' length. */
    readonly length: number,
  ) {}

  /**
   * Opens the cache file at `path` and reads its front; undefined when there is none, or it cannot be a cache of
   * this layout (the caller starts without one). The file stays open for its bodies until `close`.
   */
  static async open(path: string): Promise<{ split: SplitCache; file: CacheFile } | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch {
      return undefined; // no cache yet
    }
    try {
      const { size } = await handle.stat();
      const prefix = new Uint8Array(4);
      await handle.read(prefix, 0, 4, 0);
      const n = frontLength(prefix, size);
      if (n !== undefined) {
        const front = new Uint8Array(n);
        const { bytesRead } = await handle.read(front, 0, n, 4);
        if (bytesRead === n) {
          const file = new CacheFile(handle, 4 + n, size - 4 - n);
          return { split: { front, bodies: file }, file };
        }
      }
    } catch {
      // unreadable: no cache
    }
    await handle.close().catch(() => undefined);
    return undefined;
  }

  read(start: number, end: number): Uint8Array {
    if (this.closed) throw new Error('the cache file was closed');
    if (!(start >= 0 && start <= end && end <= this.length)) throw new Error('a body out of the cache file');
    const out = new Uint8Array(end - start);
    for (let at = 0; at < out.length; ) {
      const n = readSync(this.handle.fd, out, at, out.length - at, this.base + start + at);
      if (n === 0) throw new Error('the cache file was shortened');
      at += n;
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => undefined);
  }
}

/** Writes `parts` one after another from the handle's position (`writev`, a batch at a time; partial writes resumed). */
async function writeAll(handle: FileHandle, parts: readonly Uint8Array[]): Promise<void> {
  let queue = parts.filter((p) => p.length > 0);
  while (queue.length > 0) {
    const batch = queue.slice(0, 256);
    let { bytesWritten } = await handle.writev(batch);
    let k = 0;
    while (k < batch.length && bytesWritten >= batch[k]!.length) bytesWritten -= batch[k++]!.length;
    const rest = queue.slice(batch.length);
    queue = k < batch.length ? [batch[k]!.subarray(bytesWritten), ...batch.slice(k + 1), ...rest] : rest;
  }
}

/**
 * Writes `bytes` as the file at `path`: a temporary file renamed over it, so a reader never sees half of one (and
 * removes what a window closed mid-write left). When the system will not replace a file still open, `release` is
 * awaited (it lets go of the file) and the rename tried again.
 */
export async function writeFileAtomically(path: string, bytes: ByteParts, release?: () => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  // What a window closed mid-write left (hundreds of MB at 20k articles).
  const leftover = new RegExp(`^${basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.tmp$`);
  for (const name of await readdir(dirname(path)).catch(() => [])) if (leftover.test(name)) await rm(join(dirname(path), name), { force: true }).catch(() => undefined);
  try {
    const handle = await open(tmp, 'w');
    try {
      await writeAll(handle, bytes.parts);
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, path);
    } catch (e) {
      if (!release) throw e;
      await release();
      await rename(tmp, path);
    }
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Writes a cache as the file at `path` (`writeFileAtomically`), and points the articles written whose bodies were
 * never read at it. `previous`, the files they were read from, may be closed once this returns. Returns the new
 * file, open.
 */
export async function writeCacheFile(path: string, written: WrittenCache, previous: readonly CacheFile[] = []): Promise<CacheFile> {
  // A system that will not replace a file still open (one `previous` reads): the bodies from the bytes just
  // written, in memory, then `previous` closed and the rename tried again.
  const release =
    previous.length === 0
      ? undefined
      : async (): Promise<void> => {
          written.rebase(splitCache(written.bytes())!.bodies);
          await Promise.all(previous.map((f) => f.close()));
        };
  await writeFileAtomically(path, written.parts, release);
  const opened = await CacheFile.open(path);
  if (!opened) throw new Error(`${path} could not be read back`);
  written.rebase(opened.file);
  return opened.file;
}
