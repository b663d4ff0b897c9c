/**
 * The corpus over VS Code's workspace: lists `.txt` files under the corpus folders of every
 * workspace folder, reads them with `workspace.fs` (so remote and virtual workspaces work), and
 * follows files added, changed and deleted.
 */
import * as vscode from 'vscode';
import { Corpus, CorpusFile, CorpusHost } from '../core/corpus';
import type { Recognizer } from '../core/entities';
import { config } from './config';

/** Where a corpus file lives, for converting ids back to URIs at the edge. */
export function fileUri(file: CorpusFile): vscode.Uri {
  return vscode.Uri.parse(file.id);
}

function corpusRoots(): { folder: vscode.WorkspaceFolder; dir: string; root: vscode.Uri }[] {
  const roots = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const dir of config.corpusFolders()) roots.push({ folder, dir, root: vscode.Uri.joinPath(folder.uri, dir) });
  }
  return roots;
}

/** The corpus file at `uri`, or undefined when `uri` is not under a corpus folder. */
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
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `${dir}/**/*.txt`));
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
};

/** Creates the corpus and keeps it current; the returned disposable owns the watchers. */
export function createWorkspaceCorpus(recognizer: Recognizer): { corpus: Corpus; disposable: vscode.Disposable } {
  const corpus = new Corpus(vscodeHost, { recognizer });
  let watchers: vscode.Disposable[] = [];

  const watch = (): void => {
    watchers.forEach((w) => w.dispose());
    watchers = [];
    for (const { folder, dir } of corpusRoots()) {
      const files = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${dir}/**/*.txt`));
      const onFile = (uri: vscode.Uri): void => {
        const f = toFile(uri);
        if (f) void corpus.update(f);
      };
      files.onDidCreate(onFile, undefined, watchers);
      files.onDidChange(onFile, undefined, watchers);
      files.onDidDelete((uri) => void corpus.remove(uri.toString()), undefined, watchers);
      // A deleted folder reports only itself, not the files in it.
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${dir}/**`), true, true, false);
      folders.onDidDelete((uri) => void corpus.remove(uri.toString()), undefined, watchers);
      const rootWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, dir), true, true, false);
      rootWatcher.onDidDelete((uri) => void corpus.remove(uri.toString()), undefined, watchers);
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
    disposable: new vscode.Disposable(() => {
      watchers.forEach((w) => w.dispose());
      subscriptions.forEach((s) => s.dispose());
    }),
  };
}
