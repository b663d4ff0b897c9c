/**
 * An in-memory workspace for the corpus (a `CorpusHost`): files by name, put, changed, deleted and renamed by the
 * test, which then tells the corpus as a file watcher would (`corpus.update(file)`, `corpus.remove(id)`). Reads can
 * be made to fail (a file listed but unreadable, a folder that cannot be listed) and to wait, and are counted.
 * Pure TypeScript (no `vscode`, no file system).
 */
import type { CorpusFile, CorpusHost, FileStat } from '../../src/core/corpus/corpus';

export interface MemoryHostOptions {
  /** A file's id is this and its name (default `mem:/`; `''` makes ids the names). */
  idPrefix?: string;
  /** List files sorted by name (default: in the order they were first put). */
  sorted?: boolean;
  /**
   * Give each file's size and modification time (`stat`), as a real workspace does: the corpus then keys its entry
   * cache with them. Every put moves the time on. Default: no `stat`, as a host that cannot tell.
   */
  stat?: boolean;
  /** Wait this long (ms) before each read, so a test can act while a load runs (default: no wait). */
  readDelayMs?: number;
}

interface MemoryFile {
  bytes: Uint8Array;
  /** The text it was put as, if it was (else decoded when asked for). */
  text: string | undefined;
  mtime: number;
}

/** The error a read of a missing file throws: Node's "no such file", which the corpus takes for a file gone. */
function notFound(name: string): Error {
  return Object.assign(new Error(`ENOENT: no such file, ${name}`), { code: 'ENOENT' });
}

export class MemoryHost implements CorpusHost {
  /** Reads so far (a test may set it back to 0). */
  reads = 0;
  /** When set, listing throws it (a folder that cannot be listed). */
  failListing: Error | undefined;
  readonly stat?: (file: CorpusFile) => Promise<FileStat>;
  private readonly files = new Map<string, MemoryFile>();
  /** Listed, but each read throws its error (a file that cannot be read). */
  private readonly failing = new Map<string, Error>();
  /** Modification times outlive deletion, so a file put back is newer than the one that went. */
  private readonly mtimes = new Map<string, number>();
  private readonly idPrefix: string;

  constructor(files: Iterable<{ name: string; text: string }> = [], private readonly options: MemoryHostOptions = {}) {
    this.idPrefix = options.idPrefix ?? 'mem:/';
    if (options.stat) {
      this.stat = async (file: CorpusFile): Promise<FileStat> => {
        const f = this.files.get(file.name);
        if (!f) throw notFound(file.name);
        return { size: f.bytes.length, mtime: f.mtime };
      };
    }
    for (const f of files) this.put(f.name, f.text);
  }

  /** The file of this name, as the host lists it (whether it exists or not). */
  file(name: string): CorpusFile {
    return { id: `${this.idPrefix}${name}`, name };
  }

  /** The files listed, in listing order, without counting as a listing. */
  list(): CorpusFile[] {
    const names = [...this.files.keys(), ...[...this.failing.keys()].filter((n) => !this.files.has(n))];
    if (this.options.sorted) names.sort();
    return names.map((n) => this.file(n));
  }

  async listFiles(): Promise<CorpusFile[]> {
    if (this.failListing) throw this.failListing;
    return this.list();
  }

  async readFile(file: CorpusFile): Promise<Uint8Array> {
    this.reads++;
    if (this.options.readDelayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, this.options.readDelayMs));
    const failure = this.failing.get(file.name);
    if (failure) throw failure;
    const f = this.files.get(file.name);
    if (!f) throw notFound(file.name);
    return f.bytes;
  }

  /** Creates or changes a file (text as UTF-8, or bytes as they are); its modification time moves on. */
  put(name: string, content: string | Uint8Array): CorpusFile {
    const mtime = (this.mtimes.get(name) ?? 1) + 1;
    this.mtimes.set(name, mtime);
    const text = typeof content === 'string' ? content : undefined;
    this.files.set(name, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, text, mtime });
    return this.file(name);
  }

  /** Deletes a file; reads of it then throw "no such file". True when it was there. */
  delete(name: string): boolean {
    return this.files.delete(name);
  }

  /** Renames a file, its content and modification time unchanged; gives the new file. */
  rename(from: string, to: string): CorpusFile {
    const f = this.files.get(from);
    if (!f) throw notFound(from);
    this.files.delete(from);
    this.files.set(to, f);
    this.mtimes.set(to, f.mtime);
    return this.file(to);
  }

  /** Lists the file (if it is not there) and makes every read of it throw `error`. */
  failReads(name: string, error: Error): CorpusFile {
    this.failing.set(name, error);
    return this.file(name);
  }

  /** A file's text (decoded as UTF-8 when it was put as bytes), or undefined when there is no such file. */
  text(file: CorpusFile): string | undefined {
    const f = this.files.get(file.name);
    return f && (f.text ?? new TextDecoder().decode(f.bytes));
  }
}
