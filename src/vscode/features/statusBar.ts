/**
 * The status bar item: articles · entities, and the indexing state ("indexing…" with a spinner until the
 * corpus is read, a warning when files were skipped). Choosing it shows the Articles view.
 */
import * as vscode from 'vscode';
import type { Corpus, IndexingProgress } from '../../core/corpus/corpus';
import { Views } from '../workspace/ids';
import { num } from './labels';

/**
 * The item's text; the codicons stay outside the localised strings. While indexing, `progress` (files done and
 * in all) replaces the entity count, which would have to read every article at each step.
 */
export function statusText(articles: number, entities: number, skipped: number, indexing: boolean, progress?: IndexingProgress): string {
  const parts = [
    `$(book) ${articles === 1 ? vscode.l10n.t('{0} article', num(articles)) : vscode.l10n.t('{0} articles', num(articles))}`,
    indexing && progress
      ? vscode.l10n.t('indexing {0} / {1}', num(progress.done), num(progress.total))
      : entities === 1
        ? vscode.l10n.t('{0} entity', num(entities))
        : vscode.l10n.t('{0} entities', num(entities)),
  ];
  if (skipped > 0) parts.push(`$(warning) ${vscode.l10n.t('{0} skipped', num(skipped))}`);
  return indexing ? `$(sync~spin) ${parts.join(' · ')}` : parts.join(' · ');
}

export function registerStatusBar(context: vscode.ExtensionContext, corpus: Corpus): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('corpusNavigator.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Corpus Navigator';
  item.command = { command: `${Views.articles}.focus`, title: vscode.l10n.t('Show the Articles view') };
  let firstLoad = true;
  const update = (): void => {
    const progress = corpus.indexing;
    const indexing = firstLoad || progress !== undefined;
    const skipped = corpus.problems().length;
    const entities = progress ? 0 : corpus.entities().byId.size;
    item.text = statusText(corpus.size, entities, skipped, indexing, progress);
    item.tooltip = indexing
      ? vscode.l10n.t('Corpus Navigator: reading the corpus…')
      : skipped
        ? vscode.l10n.t('Corpus Navigator: {0} articles, {1} entities named, {2} file(s) skipped (see the Articles view)', num(corpus.size), num(entities), num(skipped))
        : vscode.l10n.t('Corpus Navigator: {0} articles, {1} entities named', num(corpus.size), num(entities));
    item.accessibilityInformation = { label: item.tooltip };
  };
  update();
  item.show();
  context.subscriptions.push(item, corpus.onDidChange(update));
  corpus.ready().then(
    () => {
      firstLoad = false;
      update();
    },
    () => {
      firstLoad = false;
      update();
    },
  );
  return item;
}
