/** Commands on the corpus as a whole: reload, and choose the corpus folder. */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import { Commands, Settings } from '../workspace/ids';

export function registerCorpusCommands(context: vscode.ExtensionContext, corpus: Corpus): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.refresh, () =>
      vscode.window.withProgress({ location: { viewId: 'corpusNavigator.articles' }, title: vscode.l10n.t('Reloading corpus') }, () => corpus.reload()),
    ),
    vscode.commands.registerCommand(Commands.chooseCorpusFolder, async () => {
      const folders = vscode.workspace.workspaceFolders;
      if (!folders || folders.length === 0) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Corpus Navigator: open a folder first; the corpus is a folder inside it.'));
        return;
      }
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: false,
        defaultUri: folders[0]!.uri,
        openLabel: vscode.l10n.t('Use as Corpus Folder'),
      });
      if (!picked?.[0]) return;
      const folder = vscode.workspace.getWorkspaceFolder(picked[0]);
      if (!folder) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Corpus Navigator: the corpus folder must be inside the workspace.'));
        return;
      }
      const relative = vscode.workspace.asRelativePath(picked[0], false) || '.';
      await vscode.workspace.getConfiguration(Settings.section, folder.uri).update(Settings.corpusFolders, [relative], vscode.ConfigurationTarget.Workspace);
    }),
  );
}
