/**
 * The entry cache in a real VS Code: written to the extension's storage, read back by a reload (every article from
 * it, each body left in the file until read), and written again after a change while articles not yet read take
 * their bodies from the new file.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusEntry } from '../../src/core/corpus/corpus';
import { api, waitFor, workspaceDir } from './util';

/** What an article's body gives: paragraphs, sections, and the mentions read off them. */
function body(e: CorpusEntry): string {
  const { paragraphs, sections, boilerplate } = e.article;
  return JSON.stringify({ paragraphs, sections, boilerplate, mentions: e.mentions.map((m) => [m.entity, m.start, m.end, m.text, m.snippet, m.range.line]) });
}

describe('Entry cache in VS Code', function () {
  this.timeout(60_000);

  it('a reload reads every article from the cache file, bodies when asked, also after the cache is written again', async () => {
    const { corpus, cache } = await api();
    await corpus.ready();
    const before = new Map(corpus.all().map((e) => [e.file.id, body(e)]));
    assert.ok(before.size >= 5);
    await cache.writeNow();
    assert.ok((await vscode.workspace.fs.stat(cache.uri)).size > 0, 'the cache is in the extension storage');

    const revision = corpus.revision;
    await vscode.commands.executeCommand('corpusNavigator.refresh');
    await corpus.ready();
    assert.equal(corpus.revision, revision, 'every article from the cache: none parsed again');
    const entries = corpus.all();
    assert.deepEqual(entries.map((e) => e.file.id).sort(), [...before.keys()].sort());
    const [some, rest] = [entries.slice(0, 2), entries.slice(2)];
    for (const e of some) assert.equal(body(e), before.get(e.file.id), `${e.file.name}: its body read from the cache file`);

    // A new file: the cache written again, a new file in place of the one the others have not read their bodies from.
    const added = path.join(workspaceDir(), 'seeds', 'cache-test.txt');
    await fs.writeFile(added, 'لافروف يلتقي بلينكن\n\nقال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار.\n');
    try {
      await waitFor(() => corpus.all().some((e) => e.file.name === 'cache-test.txt'), 20_000, 'the new file is read');
      await corpus.ready();
      await cache.writeNow();
      assert.ok(corpus.revision > revision);
      for (const e of rest) assert.equal(body(e), before.get(e.file.id), `${e.file.name}: its body read from the cache written since`);
      const lavrov = corpus.all().find((e) => e.file.name === 'cache-test.txt')!.mentions.filter((m) => m.entity === 'sergey-lavrov');
      assert.deepEqual(lavrov.map((m) => m.text), ['لافروف', 'سيرغي لافروف']);
    } finally {
      await fs.rm(added, { force: true });
      await waitFor(() => !corpus.all().some((e) => e.file.name === 'cache-test.txt'), 20_000, 'the new file is gone from the corpus');
    }
  });
});
