/**
 * Where the corpus parses files, in the Node extension host: worker threads running dist/indexWorker.js, so
 * indexing never holds up the window. The web bundle has no worker_threads: scripts/build.mjs swaps this module
 * for entryParser.web.ts (parsing in the extension host's own thread, between which it yields).
 */
import * as vscode from 'vscode';
import type { EntryParser } from '../core/entryParser';
import { WorkerParser } from '../workerParser';

export function createEntryParser(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): EntryParser {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'indexWorker.js').fsPath;
  return new WorkerParser(script, (why) => log.warn(`indexing worker unavailable (${why}); parsing in the extension host instead`));
}
