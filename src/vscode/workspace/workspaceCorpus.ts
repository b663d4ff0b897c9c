/**
 * The corpus over VS Code's workspace: lists `.txt` files under the corpus folders of every
 * workspace folder, reads them with `workspace.fs` (so remote and virtual workspaces work), and
 * follows files added, changed, deleted and renamed. Watcher events are coalesced: a burst (a
 * checkout touching thousands of files) becomes one batch of changes, one file changed costs that file.
 */
import * as vscode from 'vscode';
import { Corpus, CorpusFile, CorpusHost, CorpusOptions } from '../../core/corpus/corpus';
import { articleText } from '../../core/text/decode';
import type { Recognizer } from '../../core/entities/recognizer';
import { config } from './config';

/** Where a corpus file lives, for converting ids back to URIs at the edge. */
export function fileUri(file: CorpusFile): vscode.Uri {
  return vscode.Uri.parse(file.id);
}

/** A glob under a corpus folder `dir` of a workspace folder: "." is the workspace folder itself ("./x" matches nothing). */
function under(dir: string, glob: string): string {
  return dir === '.' ? glob : `${dir}/${glob}`;
}

function corpusRoots(): { folder: vscode.WorkspaceFolder; dir: string; root: vscode.Uri }[] {
  const roots = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const dir of config.corpusFolders()) roots.push({ folder, dir, root: vscode.Uri.joinPath(folder.uri, dir) });
  }
  return roots;
}

/** The corpus file at `uri`, or undefined when `uri` is not under a corpus folder. */
/** A corpus file's text read the way the corpus reads it (same decoding, so offsets agree); undefined if unreadable. */
export async function readCorpusText(file: CorpusFile): Promise<string | undefined> {
  return articleText(await vscode.workspace.fs.readFile(fileUri(file)));
}

export function toFile(uri: vscode.Uri): CorpusFile | undefined {
  for (const { root } of corpusRoots()) {
    const prefix = root.toString() + '/';
    const id = uri.toString();
    if (id.startsWith(prefix)) return { id, name: decodeURIComponent(id.slice(prefix.length)) };
  }
  return undefined;
}

const vscodeHost: CorpusHost = {
  async listFiles() {
    const files: CorpusFile[] = [];
    for (const { folder, dir } of corpusRoots()) {
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, under(dir, '**/*.txt')));
      for (const uri of uris) {
        const f = toFile(uri);
        if (f) files.push(f);
      }
    }
    return files.sort((a, b) => a.name.localeCompare(b.name));
  },
  async readFile(file) {
    return vscode.workspace.fs.readFile(fileUri(file));
  },
  async stat(file) {
    const { size, mtime } = await vscode.workspace.fs.stat(fileUri(file));
    return { size, mtime };
  },
};

/** A batch of watcher events: files created or changed, and ids of files or folders deleted. */
export interface SeenChanges {
  changed: readonly CorpusFile[];
  removed: readonly string[];
}

/** Watcher events are applied once none came for this long (ms)… */
const QUIET_MS = 60;
/** …or after this long (ms) in a burst that does not stop. */
const MAX_WAIT_MS = 1000;
/** While indexing, views are told of new articles at most this often (ms). */
const PROGRESS_INTERVAL_MS = 500;

/** Creates the corpus and keeps it current; the returned disposable owns the watchers. */
export function createWorkspaceCorpus(
  recognizer: Recognizer,
  options: Pick<CorpusOptions, 'parser' | 'loadCache'> = {},
): { corpus: Corpus; onDidSeeChanges: vscode.Event<SeenChanges>; disposable: vscode.Disposable } {
  const corpus = new Corpus(vscodeHost, { recognizer, progressIntervalMs: PROGRESS_INTERVAL_MS, ...options });
  const seen = new vscode.EventEmitter<SeenChanges>();
  let watchers: vscode.Disposable[] = [];

  // Changes waiting to be applied as one batch: a rename arrives as a delete and a create, and is applied as one step.
  const changed = new Map<string, CorpusFile>();
  const removed = new Set<string>();
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let firstEventAt = 0;
  const flush = (): void => {
    if (quiet) clearTimeout(quiet);
    quiet = undefined;
    const batch = { changed: [...changed.values()], removed: [...removed] };
    changed.clear();
    removed.clear();
    if (batch.changed.length === 0 && batch.removed.length === 0) return;
    // Told before the corpus applies the batch: a removed folder's files are still the corpus's entries.
    seen.fire(batch);
    void corpus.applyChanges(batch);
  };
  const schedule = (): void => {
    const now = Date.now();
    if (!quiet) firstEventAt = now;
    else clearTimeout(quiet);
    quiet = setTimeout(flush, now - firstEventAt >= MAX_WAIT_MS ? 0 : QUIET_MS);
  };
  const onChanged = (file: CorpusFile): void => {
    removed.delete(file.id);
    changed.set(file.id, file);
    schedule();
  };
  /** A folder that appears (moved or renamed in) may be reported alone: its files are looked up. */
  const addFolder = async (uri: vscode.Uri): Promise<void> => {
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
      for (const f of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.txt'))) {
        const file = toFile(f);
        if (file) onChanged(file);
      }
    } catch {
      // gone again already
    }
  };
  const onRemoved = (id: string): void => {
    const prefix = id.endsWith('/') ? id : id + '/';
    for (const key of [...changed.keys()]) if (key === id || key.startsWith(prefix)) changed.delete(key);
    removed.add(id);
    schedule();
  };

  const watch = (): void => {
    watchers.forEach((w) => w.dispose());
    watchers = [];
    for (const { folder, dir } of corpusRoots()) {
      const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, under(dir, '**/*.txt')));
      const onFile = (uri: vscode.Uri): void => {
        const f = toFile(uri);
        if (f) onChanged(f);
      };
      const onDelete = (uri: vscode.Uri): void => onRemoved(uri.toString());
      files.onDidCreate(onFile, undefined, watchers);
      files.onDidChange(onFile, undefined, watchers);
      files.onDidDelete(onDelete, undefined, watchers);
      // A deleted (or renamed) folder reports only itself, not the files in it; a renamed one's files come as created.
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, under(dir, '**')), false, true, false);
      folders.onDidDelete(onDelete, undefined, watchers);
      folders.onDidCreate((uri) => void addFolder(uri), undefined, watchers);
      const rootWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, dir), true, true, false);
      rootWatcher.onDidDelete(onDelete, undefined, watchers);
      watchers.push(files, folders, rootWatcher);
    }
  };

  watch();
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (config.affectsCorpusFolders(e)) {
        watch();
        void corpus.reload();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      void corpus.reload();
    }),
  ];
  return {
    corpus,
    onDidSeeChanges: seen.event,
    disposable: new vscode.Disposable(() => {
      seen.dispose();
      if (quiet) clearTimeout(quiet);
      watchers.forEach((w) => w.dispose());
      subscriptions.forEach((s) => s.dispose());
    }),
  };
}
