/**
 * The status bar item: articles · entities, and the indexing state ("indexing…" with a spinner until the
 * corpus is read, a warning when files were skipped). Choosing it shows the Articles view.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../core/corpus';
import { Views } from './ids';

export function statusText(articles: number, entities: number, skipped: number, indexing: boolean): string {
  const parts = [`$(book) ${articles} article${articles === 1 ? '' : 's'}`, `${entities} entit${entities === 1 ? 'y' : 'ies'}`];
  if (skipped > 0) parts.push(`$(warning) ${skipped} skipped`);
  return indexing ? `$(sync~spin) ${parts.join(' · ')}` : parts.join(' · ');
}

export function registerStatusBar(context: vscode.ExtensionContext, corpus: Corpus): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('corpusNavigator.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Corpus Navigator';
  item.command = { command: `${Views.articles}.focus`, title: 'Show the Articles view' };
  let indexing = true;
  const update = (): void => {
    const skipped = corpus.problems().length;
    item.text = statusText(corpus.size, corpus.entities().byId.size, skipped, indexing);
    item.tooltip = indexing
      ? 'Corpus Navigator: reading the corpus…'
      : `Corpus Navigator: ${corpus.size} articles, ${corpus.entities().byId.size} entities named${skipped ? `, ${skipped} file(s) skipped (see the Articles view)` : ''}`;
    item.accessibilityInformation = { label: item.tooltip };
  };
  update();
  item.show();
  context.subscriptions.push(item, corpus.onDidChange(update));
  corpus.ready().then(
    () => {
      indexing = false;
      update();
    },
    () => {
      indexing = false;
      update();
    },
  );
  return item;
}
