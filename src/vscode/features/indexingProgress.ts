/**
 * Indexing progress: a progress bar on the Articles view while the corpus is read ("1,200 / 20,000"), a
 * "Stop Indexing" button in the view's title bar (what was read so far stays; Reload Corpus reads the rest), and
 * the `corpusNavigator.indexing` context key.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import { Commands, ContextKeys, Views } from '../workspace/ids';
import { num } from './labels';

export function registerIndexingProgress(context: vscode.ExtensionContext, corpus: Corpus): void {
  let shown: { report(done: number, total: number): void; end(): void } | undefined;
  const show = (): void => {
    let last = 0;
    let end = (): void => {};
    const finished = new Promise<void>((resolve) => (end = resolve));
    shown = {
      report: (done, total) => {
        const increment = total > 0 ? ((done - last) / total) * 100 : 0;
        last = done;
        progress?.report({ message: `${num(done)} / ${num(total)}`, increment });
      },
      end,
    };
    let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    void vscode.window.withProgress({ location: { viewId: Views.articles }, title: vscode.l10n.t('Indexing the corpus') }, (p) => {
      progress = p;
      return finished;
    });
    void vscode.commands.executeCommand('setContext', ContextKeys.indexing, true);
  };
  const update = (): void => {
    const now = corpus.indexing;
    if (now) {
      if (!shown) show();
      shown?.report(now.done, now.total);
    } else if (shown) {
      shown.end();
      shown = undefined;
      void vscode.commands.executeCommand('setContext', ContextKeys.indexing, false);
    }
  };
  context.subscriptions.push(
    corpus.onDidChange(update),
    { dispose: () => shown?.end() },
    vscode.commands.registerCommand(Commands.cancelIndexing, () => corpus.cancel()),
  );
  update();
}
