/** Where the corpus parses files in VS Code for the Web: in the extension host's own thread (no worker_threads). */
import type * as vscode from 'vscode';
import { EntryParser, inThreadParser } from '../core/entryParser';

export function createEntryParser(_context: vscode.ExtensionContext, _log: vscode.LogOutputChannel): EntryParser {
  return inThreadParser;
}
