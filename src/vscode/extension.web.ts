/**
 * The composition root of VS Code for the Web (dist/web/extension.js, a web worker with no Node modules): files
 * parsed in the extension host's own thread, no synchronous file reader (the search index keeps the texts), the
 * entry cache read whole through `vscode.workspace.fs`. The web bundle fails to build if anything it imports
 * needs Node.
 */
import type * as vscode from 'vscode';
import { inThreadParser } from '../core/corpus/entryParser';
import { activateCorpusNavigator, type CorpusNavigatorApi, deactivateCorpusNavigator } from './activate';
import type { Platform } from './platform';

const web: Platform = {
  createEntryParser: () => inThreadParser,
  syncTextReader: () => undefined,
  cacheFiles: undefined,
};

export function activate(context: vscode.ExtensionContext): CorpusNavigatorApi {
  return activateCorpusNavigator(context, web);
}

export function deactivate(): Promise<void> | undefined {
  return deactivateCorpusNavigator();
}
