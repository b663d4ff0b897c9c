import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { builtInEntities } from '../../src/core/entities/kb';
import { Recognizer } from '../../src/core/entities/recognizer';
import type { SearchItem } from '../../src/vscode/features/search';
import { indexTo } from '../../src/node/archive/loader';
import { parseServerAddress, type ServerAddress } from '../../src/node/archive/sphinxql';
import { type Cluster, startCluster } from '../support/sphinxCluster';
import { api, screenshot, screenshotHover, waitFor, workspaceDir } from './util';

const resultItems = (items: readonly SearchItem[]): SearchItem[] => items.filter((i) => i.result);

function address(text: string): ServerAddress {
  const a = parseServerAddress(text);
  if ('error' in a) throw new Error(a.error);
  return a;
}

describe('Search server (corpusNavigator.searchServer): the archive in VS Code', function () {
  this.timeout(180_000);
  let cluster: Cluster | undefined;
  const settings = () => vscode.workspace.getConfiguration('corpusNavigator');

  before(async () => {
    // Two agents and a distributed index on loopback, loaded with the workspace's seeds by our own loader.
    cluster = await startCluster(2);
    const seeds = path.join(workspaceDir(), 'seeds');
    const loaded = await indexTo(cluster.agents.map((a) => address(a.address)), seeds, { recognizer: new Recognizer(builtInEntities()) });
    assert.ok(loaded.written >= 5, `loaded ${loaded.written} files`);
  });

  after(async () => {
    await settings().update('searchServer', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('searchServerUpdates', undefined, vscode.ConfigurationTarget.Workspace);
    await cluster?.stop();
  });

  it('answers the quick pick from the cluster, with the in-process engine\'s articles and exact ranges', async () => {
    const { search } = await api();
    await settings().update('searchServer', cluster!.dist.address, vscode.ConfigurationTarget.Workspace);
    const picker = search.open('لافروف');
    await waitFor(async () => {
      await picker.settled();
      return picker.source === cluster!.dist.address && resultItems(picker.quickPick.items).length > 0;
    }, 20_000, 'the server answers');
    const qp = picker.quickPick;
    assert.match(qp.title ?? '', new RegExp(`server ${cluster!.dist.address.replace(/\./g, '\\.')}`));
    const items = resultItems(qp.items);
    const passages = items.filter((i) => i.result!.kind === 'passage');
    // The same passages' files and match ranges as the in-process engine with words in their clitic forms only.
    const local = (await search.search.ready()).search('لافروف', { fuzzy: false, limit: { entity: 0, article: 0, passage: 1000 } }).passages;
    const ranges = (rs: { file: string; matches: [number, number][] }[]) => rs.flatMap((r) => r.matches.map(([s, e]) => `${r.file}:${s}-${e}`)).sort();
    assert.deepEqual(ranges(passages.map((p) => p.result!)), ranges(local));
    // The entity the query names, counted by the server (GROUP BY on the entities MVA): the articles and lines
    // naming him, as the workspace's own index has them.
    const entity = items.find((i) => i.result!.kind === 'entity');
    assert.ok(entity, 'an entity item');
    assert.equal(entity.result!.entity!.id, 'sergey-lavrov');
    const occ = (await search.search.ready()).occurrences({ entity: 'sergey-lavrov' });
    const docs = new Map(occ.map((o) => [o.doc.id, o.doc.text]));
    assert.equal(entity.result!.entity!.articles, docs.size);
    assert.equal(entity.result!.entity!.mentions, new Set(occ.map((o) => `${o.doc.id}:${docs.get(o.doc.id)!.lastIndexOf('\n', o.start)}`)).size);
    assert.match(entity.detail ?? '', new RegExp(`of ${docs.size} articles? of ${cluster!.dist.address.replace(/\./g, '\\.')}`));
    await screenshot('search-server-quick-pick');
    picker.dispose();

    // The hover card on his name gives the archive's counts too, from the same GROUP BY.
    const lavrovFile = [...docs.keys()][0]!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(lavrovFile));
    const shown = await vscode.window.showTextDocument(doc, { preview: false });
    const at = doc.positionAt(occ.find((o) => o.doc.id === lavrovFile)!.start + 2);
    const archiveLine = new RegExp(`In the archive ${cluster!.dist.address.replace(/\./g, '\\.')}: named in (\\d+) paragraphs of (\\d+) articles?`);
    const hoverText = await waitFor(async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const text = hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return archiveLine.test(text.replace(/\\/g, '')) ? text.replace(/\\/g, '') : undefined;
    }, 15_000, 'a hover card with the archive\'s counts');
    const [, lines, articles] = archiveLine.exec(hoverText)!;
    assert.equal(Number(articles), entity.result!.entity!.articles);
    assert.equal(Number(lines), entity.result!.entity!.mentions);
    await screenshotHover(shown, at, 'search-server-hover');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // The Entities view: each entity listed also shows the archive's article count (asked once, then shown).
    const { entities, entitiesView } = await api();
    await vscode.commands.executeCommand('corpusNavigator.entities.focus');
    await entities.getChildren({ kind: 'type', type: 'person' });
    const described = await waitFor(() => {
      const d = entities.getTreeItem({ kind: 'entity', id: 'sergey-lavrov' }).description;
      return typeof d === 'string' && d.includes('archive:') ? d : undefined;
    }, 15_000, 'the Entities view shows the archive\'s count');
    assert.match(described, new RegExp(`archive: ${docs.size}\u2069 · `));
    await entitiesView.reveal({ kind: 'entity', id: 'sergey-lavrov' }, { select: true, focus: true });
    await new Promise((r) => setTimeout(r, 800));
    await screenshot('search-server-entities-view');

    const again = search.open('لافروف');
    await waitFor(async () => {
      await again.settled();
      return again.source === cluster!.dist.address && resultItems(again.quickPick.items).length > 0;
    }, 20_000, 'the server answers again');

    // Choosing a passage opens the workspace's file with the word selected.
    const chosen = resultItems(again.quickPick.items).find((i) => i.result!.kind === 'passage')!;
    await again.accept(chosen);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === chosen.result!.file && !e.selection.isEmpty ? e : undefined;
    }, 10_000, 'the passage opens with a selection');
    assert.equal(editor.document.getText(editor.selection), 'لافروف');
  });

  it('sends the files it sees added, changed and deleted to the agents (searchServerUpdates)', async () => {
    const { search, archiveUpdates } = await api();
    await settings().update('searchServer', cluster!.dist.address, vscode.ConfigurationTarget.Workspace);
    await settings().update('searchServerUpdates', cluster!.agents.map((a) => a.address).join(','), vscode.ConfigurationTarget.Workspace);
    await waitFor(() => archiveUpdates.target !== undefined, 5_000, 'updates are on');
    /** The files the server's answer names (through the quick pick), once the server itself answered. */
    const serverFiles = async (q: string): Promise<string[]> => {
      const picker = search.open(q);
      try {
        await waitFor(async () => {
          await picker.settled();
          return picker.answered === q;
        }, 20_000, `the quick pick answers ${q}`);
        assert.equal(picker.source, cluster!.dist.address, 'the server answered');
        return [...new Set(resultItems(picker.quickPick.items).filter((i) => i.result!.kind !== 'entity').map((i) => i.result!.file))];
      } finally {
        picker.dispose();
      }
    };
    const dir = vscode.Uri.file(path.join(workspaceDir(), 'seeds', 'live'));
    const file = vscode.Uri.joinPath(dir, 'archive-live.txt');
    const write = (text: string) => vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    try {
      assert.deepEqual(await serverFiles('كركديه'), []);
      await write('الكركديه في السوق\n\nارتفع سعر الكركديه هذا الأسبوع.\n');
      await waitFor(async () => (await serverFiles('كركديه')).includes(file.toString()), 30_000, 'the new file is in the archive');
      await write('التمرهندي في السوق\n\nارتفع سعر التمرهندي هذا الأسبوع.\n');
      await waitFor(async () => (await serverFiles('تمرهندي')).includes(file.toString()), 30_000, 'the changed file is in the archive');
      assert.deepEqual(await serverFiles('كركديه'), [], 'its old version is gone');
      await vscode.workspace.fs.delete(dir, { recursive: true });
      await waitFor(async () => (await serverFiles('تمرهندي')).length === 0, 30_000, 'the deleted file is gone from the archive');
      // The seeds the archive was loaded with are still there.
      assert.ok((await serverFiles('لافروف')).length > 0);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true }).then(undefined, () => undefined);
      await settings().update('searchServerUpdates', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('falls back to the in-process engine, saying so, when the server is down', async () => {
    const { search } = await api();
    await settings().update('searchServer', cluster!.dist.address, vscode.ConfigurationTarget.Workspace);
    await cluster!.stop();
    const picker = search.open('بوتين');
    await waitFor(async () => {
      await picker.settled();
      return picker.answered === 'بوتين' && resultItems(picker.quickPick.items).length > 0;
    }, 30_000, 'the search answers');
    assert.equal(picker.source, 'in-process');
    assert.match(picker.quickPick.title ?? '', /unreachable: results of this workspace/);
    // The in-process engine's own answer, fuzzy and all: entities come back too.
    assert.ok(resultItems(picker.quickPick.items).some((i) => i.result!.kind === 'entity'));
    await screenshot('search-server-fallback');
    picker.dispose();
  });
});
