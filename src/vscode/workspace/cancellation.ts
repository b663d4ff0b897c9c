/**
 * Cancellation for providers: VS Code cancels a hover, a definition or an outline request when the user moves on,
 * and a provider that sees it stops where it is (after each wait: the corpus being read, a document recognized)
 * by throwing `CancellationError`, which VS Code expects and does not report.
 */
import * as vscode from 'vscode';

/** Throws `CancellationError` when `token` has been cancelled. */
export function stopIfCancelled(token: vscode.CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new vscode.CancellationError();
}
