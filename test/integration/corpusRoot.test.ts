/**
 * Issue #16, `npm start -- <folder>`: a workspace whose folder is the corpus itself (`corpusFolders: ["."]`, what
 * scripts/start.mjs and *Choose Corpus Folder…* on the workspace folder write) reads the articles in it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor } from './util';

describe('The workspace folder as the corpus', function () {
  this.timeout(90_000);

  it('corpusFolders ["."] reads the workspace folder\'s own articles, and back to seeds/', async () => {
    const { corpus } = await api();
    const settings = vscode.workspace.getConfiguration('corpusNavigator');
    const seeds = new Set(corpus.all().map((e) => e.file.name));
    assert.equal(seeds.size, 5);
    try {
      await settings.update('corpusFolders', ['.'], vscode.ConfigurationTarget.Workspace);
      // The test workspace holds seeds/: from its root, the same five articles, named by their path in it.
      let seen: string[] = [];
      const names = await waitFor(() => {
        seen = corpus.all().map((e) => e.file.name);
        return seen.length === 5 && seen.every((x) => x.startsWith('seeds/')) ? seen : undefined;
      }, 30_000, 'the five seeds read from the workspace folder').catch((e: Error) => {
        throw new Error(`${e.message}; read: ${seen.join(', ')}`);
      });
      assert.deepEqual(names.map((n) => n.slice('seeds/'.length)).sort(), [...seeds].sort());
      assert.ok(corpus.entities().get('sergey-lavrov'), 'and their entities');
    } finally {
      await settings.update('corpusFolders', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => corpus.size === 5 && corpus.all().every((e) => seeds.has(e.file.name)), 30_000, 'back to seeds/');
  });
});
