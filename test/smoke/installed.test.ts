/**
 * Smoke test of the packaged extension: scripts/vscode-test.mjs --vsix packages dist/ with vsce, installs the .vsix
 * into an empty extensions folder of the VS Code server and opens a copy of seeds/ without loading the repository
 * as a development extension. These tests check that what users install is what runs, and that it works.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusNavigatorApi } from '../../src/vscode/activate';
import { EXTENSION_ID, screenshot, waitFor } from '../integration/util';

/** Where the harness installed the .vsix (the server's --extensions-dir) and the repository it was built from. */
function harnessPaths(): { extensionsDir: string; repo: string; version: string } {
  const { CORPUS_NAV_EXTENSIONS_DIR: extensionsDir, CORPUS_NAV_REPO: repo, CORPUS_NAV_VERSION: version } = process.env;
  assert.ok(extensionsDir && repo && version, 'the harness passes CORPUS_NAV_EXTENSIONS_DIR, CORPUS_NAV_REPO and CORPUS_NAV_VERSION');
  return { extensionsDir, repo, version };
}

const inside = (dir: string, p: string): boolean => {
  const rel = path.relative(dir, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

describe('Installed .vsix', function () {
  this.timeout(60_000);

  it('is the extension installed from the package, not the repository', () => {
    const { extensionsDir, repo, version } = harnessPaths();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const where = ext.extensionUri.fsPath;
    assert.ok(inside(fs.realpathSync(extensionsDir), fs.realpathSync(where)), `${where} is inside the extensions folder ${extensionsDir}`);
    assert.ok(!inside(repo, where) && path.resolve(where) !== path.resolve(repo), `${where} is not the repository`);
    assert.equal(path.basename(where), `${EXTENSION_ID}-${version}`);
    assert.equal(ext.packageJSON.version, version);
    // The package holds the bundle and no sources, tests or node_modules.
    assert.ok(fs.existsSync(path.join(where, 'dist', 'extension.js')), 'dist/extension.js is installed');
    for (const absent of ['src', 'test', 'node_modules', 'seeds', 'out']) {
      assert.ok(!fs.existsSync(path.join(where, absent)), `${absent}/ is not in the package`);
    }
  });

  it('activates by itself on the workspace and registers every contributed command', async () => {
    const ext = vscode.extensions.getExtension<CorpusNavigatorApi>(EXTENSION_ID)!;
    await waitFor(() => ext.isActive, 30_000, `${EXTENSION_ID} becomes active without being asked`);
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((c) => !all.has(c)),
      [],
    );
  });

  it('its views list the five seed articles and the entities they name', async () => {
    const { articles, entities, corpus } = vscode.extensions.getExtension<CorpusNavigatorApi>(EXTENSION_ID)!.exports;
    await corpus.ready();
    const files = (await articles.getChildren()).map((n) => path.basename(articles.getTreeItem(n).resourceUri!.path)).sort();
    assert.deepEqual(files, ['000_7244c6ac2c0b5fe9.txt', '001_1f4fa77edfffa84d.txt', '002_05a3987f59bbebcb.txt', '003_3234aa2de2427313.txt', '004_6289974790d4febf.txt']);
    const types = await entities.getChildren();
    assert.ok(types.length >= 4, `the Entities view has its type groups (got ${types.length})`);
    assert.ok(corpus.entities().get('sergey-lavrov'), 'the built-in knowledge base is packaged: Lavrov is recognised');
    await vscode.commands.executeCommand('corpusNavigator.articles.focus');
    await screenshot('vsix-articles');
  });

  it('opens its first-use walkthrough', async () => {
    const walkthrough = `${EXTENSION_ID}#corpusNavigator.gettingStarted`;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthrough, false);
    const tab = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab, 10_000, 'an editor tab opens');
    assert.match(tab.label, /Welcome|Walkthrough|Get Started/i, `the walkthrough is open (tab: ${tab.label})`);
    // Let the step's markdown page (with its screenshot from docs/) render before the screenshot.
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot('vsix-walkthrough');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
