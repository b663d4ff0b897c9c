/**
 * Restricted mode (issue #7): the harness's second phase (`npm run test:vscode:restricted`) opens the test
 * workspace untrusted. The extension declares `untrustedWorkspaces: { supported: true }` because it only reads
 * the corpus and runs nothing from it; here it must activate and work as in a trusted workspace. Its search server
 * settings are restricted: a workspace's values are not applied.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, screenshot, waitFor } from './util';

describe('Restricted mode (untrusted workspace)', function () {
  this.timeout(60_000);

  it('the workspace is untrusted, and the extension says it supports that', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness opened the workspace in restricted mode');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // A workspace may not send searches to a server of its choosing: only the user's setting counts here.
    assert.deepEqual(ext.packageJSON.capabilities.untrustedWorkspaces, { supported: true, restrictedConfigurations: ['corpusNavigator.searchServer', 'corpusNavigator.searchServerUpdates'] });
  });

  it('ignores a search server set by the untrusted workspace', async () => {
    const settings = () => vscode.workspace.getConfiguration('corpusNavigator');
    await settings().update('searchServer', '127.0.0.1:9/corpus', vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal(settings().inspect<string>('searchServer')?.workspaceValue, '127.0.0.1:9/corpus', 'the workspace holds the value');
      // (VS Code's own get() still returns it here; the extension reads only the user's value while untrusted.)
      const { search, archiveUpdates } = await api();
      assert.equal(search.server.active, false, 'the extension does not use it');
      assert.equal(search.server.source, '');
      // Nor does it send the workspace's files to agents the workspace names; the user's own values count.
      await settings().update('searchServer', '127.0.0.1:9/corpus', vscode.ConfigurationTarget.Global);
      await settings().update('searchServerUpdates', '127.0.0.1:9/corpus', vscode.ConfigurationTarget.Global);
      await waitFor(() => archiveUpdates.target === '127.0.0.1:9/corpus', 5_000, "the user's value turns live updates on");
      await settings().update('searchServerUpdates', undefined, vscode.ConfigurationTarget.Global);
      await settings().update('searchServerUpdates', '127.0.0.1:9/corpus', vscode.ConfigurationTarget.Workspace);
      assert.equal(settings().inspect<string>('searchServerUpdates')?.workspaceValue, '127.0.0.1:9/corpus');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(archiveUpdates.target, undefined, "the workspace's value does not");
    } finally {
      for (const target of [vscode.ConfigurationTarget.Workspace, vscode.ConfigurationTarget.Global]) {
        await settings().update('searchServer', undefined, target);
        await settings().update('searchServerUpdates', undefined, target);
      }
    }
  });

  it('activates by itself and lists the seeds in the Articles view', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(() => ext.isActive, 30_000, 'the extension activates in restricted mode');
    const { articles } = await api();
    const items = (await articles.getChildren()).map((n) => articles.getTreeItem(n));
    assert.equal(items.length, 5);
    // The whole title for screen readers; the label is its start, cut to fit the side bar.
    assert.ok(items.some((i) => i.accessibilityInformation?.label.startsWith('التواصل الروسي الأميركي في سوريا.. علاقة غير واضحة لهذه الأسباب')));
    await vscode.commands.executeCommand('corpusNavigator.articles.focus');
    await new Promise((r) => setTimeout(r, 800));
    await screenshot('restricted-mode');
  });

  it('hover cards and search work', async () => {
    const { corpus, search } = await api();
    const entry = corpus.all().find((e) => e.file.name === '000_7244c6ac2c0b5fe9.txt')!;
    const lavrov = entry.mentions.find((m) => m.entity === 'sergey-lavrov')!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.file.id));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(lavrov.start + 1));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(md, /Sergey Lavrov/);
    const index = await search.search.ready();
    assert.ok(index.searchAll('لافروف', 5).length > 0, 'search finds Lavrov');
  });
});
