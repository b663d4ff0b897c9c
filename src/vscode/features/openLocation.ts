/** The internal command that opens a corpus file with a range selected (trees, and later hovers, use it). */
import * as vscode from 'vscode';
import type { TextRange } from '../../core/text/ranges';
import { Commands } from '../workspace/ids';

/** Serializable arguments (a URI string and line/character positions), safe in command links. */
export type OpenLocationArgs = [uri: string, line: number, character: number, endLine: number, endCharacter: number];

export function openLocationArgs(uri: vscode.Uri, r: TextRange): OpenLocationArgs {
  return [uri.toString(), r.line, r.character, r.endLine, r.endCharacter];
}

export function toVscodeRange(r: Pick<TextRange, 'line' | 'character' | 'endLine' | 'endCharacter'>): vscode.Range {
  return new vscode.Range(r.line, r.character, r.endLine, r.endCharacter);
}

export function registerOpenLocation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openLocation, async (...args: unknown[]) => {
      const [uri, line, character, endLine, endCharacter] = args;
      if (typeof uri !== 'string' || ![line, character, endLine, endCharacter].every((n) => typeof n === 'number' && n >= 0)) {
        throw new Error('corpusNavigator.openLocation expects (uri, line, character, endLine, endCharacter)');
      }
      const selection = new vscode.Range(line as number, character as number, endLine as number, endCharacter as number);
      try {
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Corpus Navigator: cannot open {0}: {1}', vscode.Uri.parse(uri).fsPath, (e as Error).message));
      }
    }),
  );
}
