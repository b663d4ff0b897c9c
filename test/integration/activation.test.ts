import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceDir } from './util';

describe('Activation', function () {
  this.timeout(60_000);

  it('opens the test workspace, which holds seeds/ with the five articles', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'one workspace folder is open');
    assert.equal(folders[0]!.uri.fsPath, workspaceDir());
    const seeds = path.join(workspaceDir(), 'seeds');
    const txt = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    assert.equal(txt.length, 5, `seeds/ has 5 .txt files (found: ${txt.join(', ')})`);
  });

  it('the extension is installed and activates by itself (workspaceContains:seeds/*.txt)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    assert.ok(ext.packageJSON.activationEvents.includes('workspaceContains:seeds/*.txt'));
    // No ext.activate() here: the workspaceContains event alone must activate it.
    await waitFor(() => ext.isActive, 30_000, `${EXTENSION_ID} becomes active`);
    assert.equal(ext.isActive, true);
  });

  it('registers every command its manifest contributes', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 5);
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !all.has(c));
    assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
  });
});
