import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Composition root: features are registered here (filled in by the foundation work).
}

export function deactivate(): void {}
