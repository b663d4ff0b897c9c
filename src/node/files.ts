/**
 * Corpus files on Node's file system, for the command line and the tests: every `.txt` file under a folder,
 * following symbolic links but never into a folder already listed (so a link loop is listed once, as a problem),
 * and a `CorpusHost` over them. Not bundled into the extension (which reads through `vscode.workspace.fs`).
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CorpusFile, CorpusHost, readErrorMessage } from '../core/corpus/corpus';

export interface ListedFile {
  /** The file's path. */
  path: string;
  /** Its path relative to the listed folder, with '/' separators. */
  name: string;
  /** Why it cannot be read, found while listing (a link loop, an unreadable folder). */
  problem?: string;
}

/**
 * Every `.txt` file under `root`, sorted by name, and the entries that could not be followed. Throws only when
 * `root` itself cannot be read (no such folder, not a folder, permission denied).
 */
export function listTextFiles(root: string): ListedFile[] {
  const out: ListedFile[] = [];
  const seen = new Set<string>([realpathSync(root)]);
  const nameOf = (p: string): string => relative(root, p).split('\\').join('/');
  const walk = (dir: string, entries: Dirent[]): void => {
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(dir, entry.name);
      const isText = entry.name.toLowerCase().endsWith('.txt');
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = statSync(p).isDirectory();
        } catch (e) {
          // A link to itself or a missing target: a .txt one is reported; others are not corpus files anyway.
          if (isText) out.push({ path: p, name: nameOf(p), problem: readErrorMessage(e) });
          continue;
        }
      }
      if (!isDir) {
        if (isText) out.push({ path: p, name: nameOf(p) });
        continue;
      }
      let real: string;
      let children: Dirent[];
      try {
        real = realpathSync(p);
        if (seen.has(real)) {
          out.push({ path: p, name: `${nameOf(p)}/`, problem: `symbolic link loop (it leads back to ${nameOf(real) || '.'}, already read)` });
          continue;
        }
        children = readdirSync(p, { withFileTypes: true });
      } catch (e) {
        out.push({ path: p, name: `${nameOf(p)}/`, problem: `folder cannot be read: ${readErrorMessage(e)}` });
        continue;
      }
      seen.add(real);
      walk(p, children);
    }
  };
  walk(root, readdirSync(root, { withFileTypes: true }));
  return out;
}

/** A corpus host over a folder of Node's file system (ids are paths). */
export class NodeCorpusHost implements CorpusHost {
  private problems = new Map<string, string>();

  constructor(readonly root: string) {}

  async listFiles(): Promise<CorpusFile[]> {
    let listed: ListedFile[];
    try {
      listed = listTextFiles(this.root);
    } catch (e) {
      // A corpus folder that is gone holds no articles.
      if ((e as { code?: unknown }).code === 'ENOENT') return [];
      throw e;
    }
    this.problems = new Map(listed.flatMap((f) => (f.problem === undefined ? [] : [[f.path, f.problem] as const])));
    return listed.map((f) => ({ id: f.path, name: f.name }));
  }

  async readFile(file: CorpusFile): Promise<Uint8Array> {
    const problem = this.problems.get(file.id);
    if (problem !== undefined) throw new Error(problem);
    return readFile(file.id);
  }

  /** The file at `path` under the root, as the corpus names it (for a watcher's events). */
  file(path: string): CorpusFile {
    return { id: path, name: relative(this.root, path).split('\\').join('/') };
  }
}
