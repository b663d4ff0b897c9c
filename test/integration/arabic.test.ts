/**
 * VS Code in Arabic (the harness's --arabic phase: the server's --locale ar). Our own strings come from
 * l10n/bundle.l10n.ar.json and package.nls.ar.json; VS Code's own stay English here (no language pack offline).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { withoutIsolates } from '../../src/vscode/features/articlesTree';
import { api, screenshot, screenshotHover, waitFor } from './util';

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('VS Code in Arabic', function () {
  this.timeout(60_000);

  it('the display language is Arabic', () => {
    assert.equal(vscode.env.language, 'ar');
  });

  it('the Entities view, the status bar and the commands speak Arabic (screenshot)', async () => {
    const { entities, status, corpus } = await api();
    const groups = (await entities.getChildren()).map((g) => labelOf(entities.getTreeItem(g)));
    assert.ok(groups.includes('الشخصيات'), `groups: ${groups.join(', ')}`);
    const named = corpus.entities().byId.size;
    await waitFor(() => withoutIsolates(status.text).includes(String(named)) && /[\u0600-\u06ff]/.test(status.text), 10_000, `status "${status.text}"`);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('corpusNavigator.search'));

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('corpusNavigator.entities.focus');
    await new Promise((r) => setTimeout(r, 500));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(corpus.all().find((e) => e.file.name.startsWith('000'))!.file.id));
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('corpusNavigator.search');
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot('arabic-interface');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('a hover card\'s own words are Arabic paragraphs, right-aligned and right to left (screenshot)', async () => {
    const { corpus } = await api();
    const entry = corpus.all().find((e) => e.file.name.startsWith('000'))!;
    const lavrov = entry.mentions.find((m) => m.entity === 'sergey-lavrov')!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.file.id));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const position = doc.positionAt(lavrov.start + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    // "مرات الذكر: 3 · المقالات: 1:" and "أكثر من يُذكر معه:" each in a right-aligned right-to-left isolate.
    assert.match(md, /<div align="right">\n\n\u2067مرات الذكر\\: 3 · المقالات\\: 1:\u2069\n\n<\/div>/);
    assert.match(md, /<div align="right">\n\n\u2067أكثر من يُذكر معه\\:\u2069\n\n<\/div>/);
    assert.match(md, /<div align="right">\n\n\u2067\[فتح في لوحة الملخص\]\(command:corpusNavigator\.showEntitySummary\?/);
    await screenshotHover(editor, position, 'arabic-hover');
    await vscode.commands.executeCommand('editor.action.hideHover');
  });
});
