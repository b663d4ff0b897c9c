/**
 * The Entities view. Entity recognition is not built yet: the view is registered with no items, so
 * VS Code shows its welcome text (package.json `viewsWelcome`) saying so.
 */
import * as vscode from 'vscode';
import { Views } from './ids';

export function registerEntitiesView(context: vscode.ExtensionContext): void {
  const provider: vscode.TreeDataProvider<never> = {
    getChildren: () => [],
    getTreeItem: (n: never) => n,
  };
  context.subscriptions.push(vscode.window.createTreeView(Views.entities, { treeDataProvider: provider }));
}
