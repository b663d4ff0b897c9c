/**
 * Corpus articles get our language, `corpus-article` (grammar in syntaxes/, editor settings in
 * language-configuration.json and `configurationDefaults`). The extension sets it on `.txt` files under
 * the folders of `corpusNavigator.corpusFolders` as they open (and when that setting changes), so it
 * follows the setting and leaves the user's other `.txt` files plain — which a `filenamePatterns`
 * glob in package.json could not do. Only `plaintext` documents are switched, each once while it is
 * open: choosing another language for a file afterwards is respected.
 */
import * as vscode from 'vscode';
import { config } from '../workspace/config';
import { Languages } from '../workspace/ids';
import { toFile } from '../workspace/workspaceCorpus';

export function isCorpusArticle(uri: vscode.Uri): boolean {
  return uri.path.toLowerCase().endsWith('.txt') && toFile(uri) !== undefined;
}

export function registerArticleLanguage(context: vscode.ExtensionContext): void {
  /** Documents switched while open; forgotten when they close for good. */
  const switched = new Set<string>();

  const apply = async (document: vscode.TextDocument): Promise<void> => {
    const key = document.uri.toString();
    if (document.languageId !== 'plaintext' || switched.has(key) || !isCorpusArticle(document.uri)) return;
    switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, Languages.article);
    } catch {
      switched.delete(key); // closed meanwhile
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void apply(d)),
    // Changing a language closes and reopens the document at once; a real close leaves none open.
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((x) => x.uri.toString() === key)) switched.delete(key);
      }, 0);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (config.affectsCorpusFolders(e)) vscode.workspace.textDocuments.forEach((d) => void apply(d));
    }),
  );
  vscode.workspace.textDocuments.forEach((d) => void apply(d));
}
