/**
 * Cancellation for providers: VS Code cancels a hover, a definition or an outline request when the user moves on,
 * and a provider that sees it stops where it is (after each wait: the corpus being read, a document recognized)
 * by throwing `CancellationError`, which VS Code expects and does not report. Core work that takes a cancellation
 * (a query: src/core/search/cancel.ts) reads a `CancelSignal`, made here from a token.
 */
import * as vscode from 'vscode';
import type { CancelSignal } from '../../core/search/cancel';

/** Throws `CancellationError` when `token` has been cancelled. */
export function stopIfCancelled(token: vscode.CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new vscode.CancellationError();
}

/** The core's cancellation signal, set when `token` is cancelled. */
export function signalOf(token: vscode.CancellationToken): CancelSignal {
  return {
    get cancelled() {
      return token.isCancellationRequested;
    },
  };
}
