/**
 * The composition root of the Node extension host (dist/extension.js): files parsed in worker threads
 * (dist/indexWorker.js), corpus texts read synchronously from disk when a search result shows them, the entry cache
 * read in place.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { CacheFile, writeCacheFile, writeFileAtomically } from '../node/cacheFile';
import { articleText } from '../core/text/decode';
import { WorkerParser } from '../node/workerParser';
import { join } from 'node:path';
import { activateCorpusNavigator, type CorpusNavigatorApi, deactivateCorpusNavigator } from './activate';
import type { Platform } from './platform';
import { fileUri } from './workspace/workspaceCorpus';

const node: Platform = {
  createEntryParser(context, log) {
    const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'indexWorker.js').fsPath;
    return new WorkerParser(script, (why) => log.warn(`indexing worker unavailable (${why}); parsing in the extension host instead`));
  },
  syncTextReader() {
    // Only for corpora on disk (`file:` workspace folders).
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0 || folders.some((f) => f.uri.scheme !== 'file')) return undefined;
    return (file) => {
      const uri = fileUri(file);
      if (uri.scheme !== 'file') return undefined;
      try {
        return articleText(readFileSync(uri.fsPath));
      } catch {
        return undefined; // gone since: the watcher brings the change
      }
    };
  },
  cacheFiles: { open: (path) => CacheFile.open(path), write: writeCacheFile, writeFile: writeFileAtomically },
  openArchive(server, timeoutMs) {
    // The archive client (mysql2) is a bundle of its own beside this one, loaded only when a server is set.
    const archive = require(join(__dirname, 'archive.js')) as typeof import('../node/archive/entry');
    return archive.openArchive(server, timeoutMs);
  },
  openArchiveWriter(agents, options) {
    const archive = require(join(__dirname, 'archive.js')) as typeof import('../node/archive/entry');
    return archive.openArchiveUpdater(agents, options);
  },
};

export function activate(context: vscode.ExtensionContext): CorpusNavigatorApi {
  return activateCorpusNavigator(context, node);
}

export function deactivate(): Promise<void> | undefined {
  return deactivateCorpusNavigator();
}
