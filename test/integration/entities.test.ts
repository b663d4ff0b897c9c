import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { withoutIsolates } from '../../src/vscode/features/articlesTree';
import type { EntityNode } from '../../src/vscode/features/entitiesView';
import { api, assertRowsShow, hoverCard, rendered, screenshot, screenshotHover, waitFor, workspaceDir } from './util';
import { rowRoom } from '../../src/vscode/features/labels';



const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const seedUri = (name: string): vscode.Uri => vscode.Uri.file(path.join(workspaceDir(), 'seeds', name));

/** The hover's markdown at the first occurrence of `word` in a seed `file`, and the editor showing it. */
async function hoverAt(file: string, word: string): Promise<{ text: string; editor: vscode.TextEditor; position: vscode.Position }> {
  const { markdown, editor, position } = await hoverCard(seedUri(file), word);
  return { text: markdown, editor, position };
}

describe('Entities in VS Code', function () {
  this.timeout(90_000);

  it('hovering لافروف in the first seed shows a card naming Sergey Lavrov with his mention count (screenshot)', async () => {
    const { text, editor, position } = await hoverAt('000_7244c6ac2c0b5fe9.txt', 'لافروف');
    assert.match(text, /Sergey Lavrov/);
    assert.match(text, /سيرغي لافروف/);
    assert.match(text, /Mentioned 3 times in 1 article/);
    assert.match(text, /Minister of Foreign Affairs/);
    // Links run only our own command.
    const links = [...text.matchAll(/\]\((\w+):([^)?]*)/g)].map((l) => `${l[1]}:${l[2]}`);
    assert.ok(links.includes('command:corpusNavigator.openLocation'), 'links to the articles');
    for (const link of links) assert.match(link, /^command:corpusNavigator\.[\w.]+$/);
    await screenshotHover(editor, position, 'hover-lavrov');
  });

  it('a law has its card: the Caesar Act with its adoption and the articles citing it', async () => {
    const { text } = await hoverAt('000_7244c6ac2c0b5fe9.txt', 'قانون قيصر');
    assert.match(text, /Caesar Syria Civilian Protection Act/);
    assert.match(text, /Adopted 2019/);
    assert.match(text, /Cited 4 times in 2 articles/);
  });

  it('the Entities view lists the officials with counts, and each mention selects its characters (screenshot)', async () => {
    const { entities, entitiesView } = await api();
    const groups = await entities.getChildren();
    const people = groups.find((g) => g.kind === 'type' && g.type === 'person' && !g.discovered);
    assert.ok(people, 'a People group');
    assert.equal(labelOf(entities.getTreeItem(people)), 'People');
    const officials = (await entities.getChildren(people)).map((n) => entities.getTreeItem(n));
    const byName = new Map(officials.map((i) => [labelOf(i), withoutIsolates(String(i.description))]));
    assert.match(byName.get('جو بايدن') ?? '', /^21 · 4 articles · Joe Biden/);
    assert.match(byName.get('أناتولي أنطونوف') ?? '', /^7 · 3 articles · Anatoly Antonov/);
    assert.match(byName.get('سيرغي لافروف') ?? '', /^3 · 1 article · Sergey Lavrov/);
    // Most mentioned first.
    const counts = officials.map((i) => Number(withoutIsolates(String(i.description)).split(' ')[0]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));

    // Antonov → his three articles → a mention: choosing it selects exactly the name.
    const antonov: EntityNode = { kind: 'entity', id: 'anatoly-antonov' };
    const articles = await entities.getChildren(antonov);
    assert.equal(articles.length, 3);
    const mentions = await entities.getChildren(articles[0]);
    const item = entities.getTreeItem(mentions[0]!);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor, 10_000, 'an editor opens');
    assert.match(editor.document.getText(editor.selection), /^(أناتولي )?أن[طت]ونوف$/);

    // Under an entity, each article's title with its mention count beside it, not glued to it.
    const first = entities.getTreeItem(articles[0]!);
    const count = (await entities.getChildren(articles[0])).length;
    assert.equal(first.description, `\u2068${count} mention${count === 1 ? '' : 's'}\u2069`);
    assert.ok(first.accessibilityInformation?.label.endsWith(`, ${count} mention${count === 1 ? '' : 's'}`));

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('corpusNavigator.entities.focus');
    await entitiesView.reveal(people, { expand: true, select: false, focus: true });
    await entitiesView.reveal(antonov, { expand: 2, select: true, focus: true });
    await new Promise((r) => setTimeout(r, 1500));
    await screenshot('entities-tree');
    // As drawn at the default side bar width: the titles' start and the counts, the mentions with their line.
    const rows = await rendered('.pane:has(.pane-header[aria-label^="Entities"]) .monaco-list-row .monaco-icon-label-container');
    if (rows) {
      const shown = [];
      for (const a of articles) {
        const item = entities.getTreeItem(a);
        shown.push({ label: labelOf(item), description: withoutIsolates(String(item.description)), room: rowRoom(2) });
        for (const m of await entities.getChildren(a)) {
          const mention = entities.getTreeItem(m);
          shown.push({ label: labelOf(mention), description: withoutIsolates(String(mention.description)), room: rowRoom(3) });
        }
      }
      assertRowsShow(rows, shown);
    }
  });

  it('the status bar counts articles and entities once indexed', async () => {
    const { status, corpus } = await api();
    const named = corpus.entities().byId.size;
    assert.ok(named > 40, `${named} entities named in the seeds`);
    await waitFor(() => status.text === `$(book) 5 articles · ${named} entities`, 10_000, `status "${status.text}"`);
  });

  it('filters by any spelling, and sorts by name', async () => {
    const { entities } = await api();
    await vscode.commands.executeCommand('corpusNavigator.entities.filter', 'انتونوف');
    const groups = await entities.getChildren();
    const shown = (await Promise.all(groups.map((g) => entities.getChildren(g)))).flat().map((n) => labelOf(entities.getTreeItem(n)));
    assert.deepEqual(shown, ['أناتولي أنطونوف']);
    await vscode.commands.executeCommand('corpusNavigator.entities.clearFilter');
    await vscode.commands.executeCommand('corpusNavigator.entities.sortByName');
    const people = (await entities.getChildren()).find((g) => g.kind === 'type' && g.type === 'person')!;
    const names = (await entities.getChildren(people)).map((n) => labelOf(entities.getTreeItem(n)));
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'ar')));
    await vscode.commands.executeCommand('corpusNavigator.entities.sortByCount');
  });

  it('a person outside the knowledge base is discovered from a title cue, and Add to Entity File makes them known', async () => {
    const { corpus, entities } = await api();
    const article = path.join(workspaceDir(), 'seeds', '006_discovered.txt');
    const entityFile = path.join(workspaceDir(), '.corpus', 'entities.json');
    try {
      await fs.writeFile(article, 'لقاء في جنيف\nطيف بوست – فريق التحرير\nقال نائب وزير الخارجية الأردني، سامر الخطيب، إن المحادثات مستمرة. وأضاف الخطيب أن الحل سياسي.\n', 'utf8');
      const found = await waitFor(
        () => corpus.entities().list('person').find((s) => s.entity.discovered && s.entity.nameAr === 'سامر الخطيب'),
        20_000,
        'سامر الخطيب is discovered',
      );
      assert.equal(found.count, 2, 'the full name and the surname alone');
      // The role as the text states it, with the sentence stating it and the file it stands in.
      const role = { titleAr: 'نائب وزير الخارجية الأردني', sentence: 'قال نائب وزير الخارجية الأردني، سامر الخطيب، إن المحادثات مستمرة.', file: '006_discovered.txt' };
      assert.deepEqual(found.entity.roles, [role]);
      const group = (await entities.getChildren()).find((g) => g.kind === 'type' && g.type === 'person' && g.discovered);
      assert.ok(group, 'a Discovered people group');
      assert.equal(labelOf(entities.getTreeItem(group)), 'Discovered people (not in the knowledge base)');
      const item = entities.getTreeItem({ kind: 'entity', id: found.entity.id });
      assert.equal(item.contextValue, 'entity.person.discovered');
      assert.match(withoutIsolates(String(item.description)), /discovered: نائب وزير الخارجية الأردني/);
      const tooltip = (item.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, /Found after a title in the text/);
      assert.match(tooltip, /> قال نائب وزير الخارجية الأردني، سامر الخطيب، إن المحادثات مستمرة\\./, 'the sentence, escaped');
      assert.match(tooltip, /006\\_discovered\\.txt/, 'the file, escaped');
      // The hover card: the role, its sentence, and the file as a link to the name in that article.
      const { text, editor, position } = await hoverAt('006_discovered.txt', 'سامر الخطيب');
      assert.match(text, /Found after a title in the text; not in the knowledge base/);
      // The title and the sentence right-aligned and laid out right to left (`align` survives VS Code's sanitiser).
      assert.match(text, /<div align="right">\n\n\u2067نائب وزير الخارجية الأردني\u2069\n\n<\/div>\n\n<div align="right">\n\n> \u2067قال نائب وزير الخارجية الأردني، سامر الخطيب، إن المحادثات مستمرة\\.\u2069/);
      assert.match(text, /\[006\\_discovered\\\.txt\]\(command:corpusNavigator\.openLocation\?/, 'the file, a link to the name in it');
      for (const [, link] of text.matchAll(/\]\((\w+:[^)?]*)/g)) assert.match(link!, /^command:corpusNavigator\.[\w.]+$/);
      await screenshotHover(editor, position, 'hover-discovered-person');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      await vscode.commands.executeCommand('corpusNavigator.entities.addToKnowledgeBase', found.entity.id);
      const saved = JSON.parse(await fs.readFile(entityFile, 'utf8')) as { people: { id: string; nameAr: string; roles: unknown }[] };
      assert.deepEqual(saved.people, [{ id: 'samr-alkhtyb', nameAr: 'سامر الخطيب', aliases: [], roles: [role] }], 'the role is kept with its sentence and file');
      const known = await waitFor(() => corpus.entities().get('samr-alkhtyb'), 20_000, 'the person is known under the new id');
      assert.equal(known.entity.discovered, undefined);
      assert.equal(known.count, 2, 'the full name, and the surname alone after it');
      assert.deepEqual(known.entity.roles, [role]);
    } finally {
      await fs.rm(article, { force: true });
      await fs.rm(path.dirname(entityFile), { recursive: true, force: true });
    }
    await waitFor(() => !corpus.entities().get('samr-alkhtyb') && corpus.size === 5, 20_000, 'back to the seeds');
  });

  it('organisations and laws outside the knowledge base are found by pattern, listed, hovered, and added to the entity file (screenshots)', async () => {
    const { corpus, entities, entitiesView } = await api();
    const article = path.join(workspaceDir(), 'seeds', '007_patterns.txt');
    const entityFile = path.join(workspaceDir(), '.corpus', 'entities.json');
    try {
      await fs.writeFile(
        article,
        'الأمن الغذائي في نواكشوط\nطيف بوست – فريق التحرير\nوأعلنت وزارة الزراعة الموريتانية أنها ستلتزم بالقرار 2799 الصادر عن مجلس الأمن الدولي. وقال المتحدث إن القرار 2799 يخص الأمن الغذائي.\n',
        'utf8',
      );
      const ministry = await waitFor(
        () => corpus.entities().list('organisation').find((s) => s.entity.discovered && s.entity.nameAr === 'وزارة الزراعة الموريتانية'),
        20_000,
        'وزارة الزراعة الموريتانية is discovered',
      );
      const resolution = await waitFor(() => corpus.entities().list('law').find((s) => s.entity.discovered && s.entity.nameAr === 'القرار 2799'), 20_000, 'القرار 2799 is discovered');
      assert.equal(ministry.entity.kind, 'ministry');
      assert.equal(resolution.entity.kind, 'un-resolution');
      assert.equal(resolution.count, 2, '"بالقرار 2799" and "القرار 2799"');

      // Their own groups, after the known types; each with its kind as description and a tooltip saying how it was found.
      const groups = await entities.getChildren();
      const labels = groups.map((g) => labelOf(entities.getTreeItem(g)));
      assert.ok(labels.includes('Discovered organisations (not in the knowledge base)'), labels.join(' | '));
      assert.ok(labels.includes('Discovered laws and agreements (not in the knowledge base)'), labels.join(' | '));
      const organisations = groups.find((g) => g.kind === 'type' && g.type === 'organisation' && g.discovered)!;
      const laws = groups.find((g) => g.kind === 'type' && g.type === 'law' && g.discovered)!;
      assert.deepEqual(await entities.getChildren(organisations), [{ kind: 'entity', id: ministry.entity.id }]);
      assert.deepEqual(await entities.getChildren(laws), [{ kind: 'entity', id: resolution.entity.id }]);
      // Not among the known ones.
      const known = groups.find((g) => g.kind === 'type' && g.type === 'law' && !g.discovered)!;
      assert.ok(!(await entities.getChildren(known)).some((n) => n.kind === 'entity' && n.id === resolution.entity.id));
      const item = entities.getTreeItem({ kind: 'entity', id: resolution.entity.id });
      assert.equal(item.contextValue, 'entity.law.discovered');
      assert.match(withoutIsolates(String(item.description)), /^2 · 1 article · discovered by pattern: un-resolution$/);
      assert.match((item.tooltip as vscode.MarkdownString).value, /Found by pattern in the text; not in the knowledge base/);
      assert.match(withoutIsolates(String(entities.getTreeItem({ kind: 'entity', id: ministry.entity.id }).description)), /discovered by pattern: ministry$/);
      assert.equal(entities.getParent({ kind: 'entity', id: ministry.entity.id })?.kind, 'type');

      // The known groups collapsed, so that both discovered groups show open with their entity.
      await vscode.commands.executeCommand('corpusNavigator.entities.focus');
      await vscode.commands.executeCommand('workbench.actions.treeView.corpusNavigator.entities.collapseAll');
      await new Promise((r) => setTimeout(r, 500));
      await entitiesView.reveal({ kind: 'entity', id: ministry.entity.id }, { select: false, focus: false });
      await entitiesView.reveal({ kind: 'entity', id: resolution.entity.id }, { select: true, focus: true });
      await new Promise((r) => setTimeout(r, 1500));
      await screenshot('entities-discovered');

      // The hover card: the name as written, how it was found, its kind, the articles citing it (links to our command only).
      const { text, editor, position } = await hoverAt('007_patterns.txt', 'القرار 2799');
      assert.match(text, /\*\*القرار 2799\*\*/);
      assert.match(text, /Found by pattern in the text; not in the knowledge base/);
      assert.match(text, /un\\-resolution/);
      assert.match(text, /Cited 2 times in 1 article/);
      assert.match(text, /الأمن الغذائي في نواكشوط\u2069\]\(command:corpusNavigator\.openLocation\?/, 'the article citing it');
      for (const [, link] of text.matchAll(/\]\((\w+:[^)?]*)/g)) assert.match(link!, /^command:corpusNavigator\.[\w.]+$/);
      await screenshotHover(editor, position, 'hover-discovered-law');
      const { text: ministryCard } = await hoverAt('007_patterns.txt', 'وزارة الزراعة');
      assert.match(ministryCard, /Found by pattern in the text/);
      assert.match(ministryCard, /Mentioned 1 time in 1 article/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      // Add to Entity File: into "laws" and "organisations", each with its kind; then known under the new ids.
      await vscode.commands.executeCommand('corpusNavigator.entities.addToKnowledgeBase', resolution.entity.id);
      await vscode.commands.executeCommand('corpusNavigator.entities.addToKnowledgeBase', ministry.entity.id);
      const saved = JSON.parse(await fs.readFile(entityFile, 'utf8')) as Record<string, unknown>;
      assert.deepEqual(saved, {
        version: 1,
        laws: [{ id: 'alqrar-2799', nameAr: 'القرار 2799', aliases: [], kind: 'un-resolution' }],
        organisations: [{ id: 'wzarh-alzraah-almwrytanyh', nameAr: 'وزارة الزراعة الموريتانية', aliases: [], kind: 'ministry' }],
      });
      const law = await waitFor(() => corpus.entities().get('alqrar-2799'), 20_000, 'the resolution is known under the new id');
      assert.equal(law.entity.discovered, undefined);
      assert.equal(law.count, 2);
      await waitFor(() => corpus.entities().get('wzarh-alzraah-almwrytanyh'), 20_000, 'the ministry is known under the new id');
      assert.equal(corpus.entities().get(resolution.entity.id), undefined, 'no longer discovered');
    } finally {
      await fs.rm(article, { force: true });
      await fs.rm(path.dirname(entityFile), { recursive: true, force: true });
    }
    await waitFor(() => !corpus.entities().get('alqrar-2799') && corpus.size === 5, 20_000, 'back to the seeds');
  });

  it('the user entity file is validated against the contributed schema', async () => {
    const dir = path.join(workspaceDir(), '.corpus');
    const file = path.join(dir, 'entities.json');
    await fs.mkdir(dir, { recursive: true });
    try {
      await fs.writeFile(file, JSON.stringify({ people: [{ id: 'Not An Id', nameAr: 'اسم' }] }, null, 2), 'utf8');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc);
      const diagnostics = await waitFor(() => {
        const d = vscode.languages.getDiagnostics(doc.uri);
        return d.length > 0 ? d : undefined;
      }, 20_000, 'a diagnostic from the JSON schema');
      const line = doc.lineAt(diagnostics[0]!.range.start.line).text;
      assert.match(line, /Not An Id/, `the diagnostic is on the bad id: ${diagnostics.map((d) => d.message).join('; ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('Add Alias writes the user entity file (atomically, previous version kept) and the alias is recognized live', async () => {
    const { corpus } = await api();
    const file = path.join(workspaceDir(), '.corpus', 'entities.json');
    const count = (): number => corpus.entities().get('vladimir-putin')?.count ?? 0;
    const before = count();
    try {
      // "الرئيس الروسي" stands before Putin's name in the seeds: as an alias of his, each becomes a mention.
      await vscode.commands.executeCommand('corpusNavigator.entities.addAlias', 'vladimir-putin', 'الرئيس الروسي');
      const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { people: { id: string; aliases: string[] }[] };
      assert.deepEqual(saved.people, [{ id: 'vladimir-putin', aliases: ['الرئيس الروسي'] }]);
      await waitFor(() => count() > before, 20_000, 'the alias is recognized');
      await vscode.commands.executeCommand('corpusNavigator.entities.addAlias', 'vladimir-putin', 'سيد الكرملين');
      const previous = JSON.parse(await fs.readFile(`${file}.bak`, 'utf8')) as unknown;
      assert.deepEqual(previous, saved, 'the previous version is kept');
      const entries = await fs.readdir(path.dirname(file));
      assert.deepEqual(entries.sort(), ['entities.json', 'entities.json.bak'], 'no temporary file is left');
    } finally {
      await fs.rm(path.dirname(file), { recursive: true, force: true });
    }
    await waitFor(() => count() === before, 20_000, 'the built-in base alone again');
  });

  it('a .corpus folder moved into the workspace with its entity file inside is loaded (a checkout, a copy)', async () => {
    const { corpus } = await api();
    const count = (): number => corpus.entities().get('vladimir-putin')?.count ?? 0;
    const before = count();
    // Written beside the workspace, then renamed into it: the watcher sees the folder come, not the file.
    const staged = path.join(path.dirname(workspaceDir()), `staged-corpus-${Date.now()}`);
    const target = path.join(workspaceDir(), '.corpus');
    await fs.mkdir(staged, { recursive: true });
    await fs.writeFile(path.join(staged, 'entities.json'), JSON.stringify({ version: 1, people: [{ id: 'vladimir-putin', aliases: ['الرئيس الروسي'] }] }));
    try {
      await fs.rename(staged, target);
      await waitFor(() => count() > before, 20_000, 'the moved entity file is loaded');
    } finally {
      await fs.rm(staged, { recursive: true, force: true });
      await fs.rm(target, { recursive: true, force: true });
    }
    await waitFor(() => count() === before, 20_000, 'the built-in base alone again');
  });
});
