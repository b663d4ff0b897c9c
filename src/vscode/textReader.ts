/**
 * Reading a corpus file's text at once (synchronously), in the Node extension host: what lets the search index
 * keep no copy of every text (a result's text is read when it is shown, the last few kept). Only for corpora on
 * disk (`file:` workspace folders); otherwise, and in the web bundle (textReader.web.ts: scripts/build.mjs swaps
 * the module), there is none and the index keeps the texts.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CorpusFile } from '../core/corpus';
import { decodeArticleBytes } from '../core/decode';
import { fileUri } from './workspaceCorpus';

export function syncTextReader(): ((file: CorpusFile) => string | undefined) | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0 || folders.some((f) => f.uri.scheme !== 'file')) return undefined;
  return (file) => {
    const uri = fileUri(file);
    if (uri.scheme !== 'file') return undefined;
    try {
      const decoded = decodeArticleBytes(readFileSync(uri.fsPath));
      return decoded.error === undefined ? decoded.text : undefined;
    } catch {
      return undefined; // gone since: the watcher brings the change
    }
  };
}
