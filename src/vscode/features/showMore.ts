/** The "Show N more…" item that ends a page of a tree (the Articles view's groups, the Entities view's entities). */
import * as vscode from 'vscode';

/** `left` items not shown yet, pages of `page`; choosing it runs `command` with `args`. `id` names the page shown. */
export function showMoreItem(id: string, left: number, page: number, command: string, args: unknown[]): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Show {0} more…', Math.min(page, left)), vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = vscode.l10n.t('{0} not shown', left);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'showMore';
  item.command = { command, title: vscode.l10n.t('Show More'), arguments: args };
  return item;
}
