/**
 * The status bar item: articles · entities, and the indexing state ("indexing…" with a spinner until the
 * corpus is read, a warning when files were skipped). Choosing it shows the Articles view.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../core/corpus';
import { Views } from './ids';

/** The item's text; the codicons stay outside the localised strings. */
export function statusText(articles: number, entities: number, skipped: number, indexing: boolean): string {
  const parts = [
    `$(book) ${articles === 1 ? vscode.l10n.t('{0} article', articles) : vscode.l10n.t('{0} articles', articles)}`,
    entities === 1 ? vscode.l10n.t('{0} entity', entities) : vscode.l10n.t('{0} entities', entities),
  ];
  if (skipped > 0) parts.push(`$(warning) ${vscode.l10n.t('{0} skipped', skipped)}`);
  return indexing ? `$(sync~spin) ${parts.join(' · ')}` : parts.join(' · ');
}

export function registerStatusBar(context: vscode.ExtensionContext, corpus: Corpus): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('corpusNavigator.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Corpus Navigator';
  item.command = { command: `${Views.articles}.focus`, title: vscode.l10n.t('Show the Articles view') };
  let indexing = true;
  const update = (): void => {
    const skipped = corpus.problems().length;
    const entities = corpus.entities().byId.size;
    item.text = statusText(corpus.size, entities, skipped, indexing);
    item.tooltip = indexing
      ? vscode.l10n.t('Corpus Navigator: reading the corpus…')
      : skipped
        ? vscode.l10n.t('Corpus Navigator: {0} articles, {1} entities named, {2} file(s) skipped (see the Articles view)', corpus.size, entities, skipped)
        : vscode.l10n.t('Corpus Navigator: {0} articles, {1} entities named', corpus.size, entities);
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
