import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ArticleNode, withoutIsolates } from '../../src/vscode/features/articlesTree';
import { rowLabel, rowRoom } from '../../src/vscode/features/labels';
import type { CorpusNavigatorApi } from '../../src/vscode/activate';
import { api, assertRowsShow, rendered, screenshot, waitFor, workspaceDir } from './util';


const EXPECTED_TITLES: Record<string, string> = {
  '000_7244c6ac2c0b5fe9.txt': 'سوريا .. أول خطوة أمريكية روسية مشتركة بعد تسلم بايدن الرئاسة',
  '001_1f4fa77edfffa84d.txt': 'حراك دبلوماسي روسي مكثف للدفع بعملية التسوية السياسية في سوريا.. ما الجديد؟',
  '002_05a3987f59bbebcb.txt': 'مصدر روسي ينشر تفاصيل جديدة و يكشف ما تم الاتفاق عليه بين بوتين وبايدن بشأن سوريا',
  '003_3234aa2de2427313.txt': 'قال السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف، إن موسكو وواشنطن تجريان حوارًا…',
  '004_6289974790d4febf.txt': 'التواصل الروسي الأميركي في سوريا.. علاقة غير واضحة لهذه الأسباب',
};


async function items(provider: CorpusNavigatorApi['articles'], node?: ArticleNode): Promise<{ node: ArticleNode; item: vscode.TreeItem }[]> {
  const nodes = await provider.getChildren(node);
  return nodes.map((n) => ({ node: n, item: provider.getTreeItem(n) }));
}

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const nameOf = (item: vscode.TreeItem): string => path.basename(item.resourceUri!.path);

describe('Articles view in VS Code', function () {
  this.timeout(60_000);

  it('lists the five seed articles with their titles, outlets and dates', async () => {
    const { articles } = await api();
    const top = await items(articles);
    const byFile = Object.fromEntries(top.map(({ item }) => [nameOf(item), item]));
    assert.deepEqual(Object.keys(byFile).sort(), Object.keys(EXPECTED_TITLES));
    for (const [file, title] of Object.entries(EXPECTED_TITLES)) {
      // The title's start, cut at whole words to fit the sidebar; the whole title for screen readers.
      const label = labelOf(byFile[file]!);
      assert.equal(label, rowLabel(title, String(byFile[file]!.description), 0), file);
      assert.ok(title.startsWith(label.replace(/…$/, '')), `${file}: "${label}" is the start of its title`);
      assert.ok(byFile[file]!.accessibilityInformation?.label.startsWith(title), file);
    }
    // At the default rowLength (30), beside "طيف بوست · 2020-07-17" (a long outlet), one word.
    assert.equal(labelOf(byFile['001_1f4fa77edfffa84d.txt']!), 'حراك…');
    const description = (file: string): string => withoutIsolates(String(byFile[file]!.description));
    assert.equal(description('001_1f4fa77edfffa84d.txt'), 'طيف بوست · 2020-07-17');
    assert.equal(description('003_3234aa2de2427313.txt'), '2021-07-28');
    assert.match(byFile['003_3234aa2de2427313.txt']!.accessibilityInformation?.label ?? '', /, derived title, 2021-07-28$/);
    assert.equal(description('004_6289974790d4febf.txt'), 'الحل نت');
    assert.equal(byFile['001_1f4fa77edfffa84d.txt']!.description, 'طيف بوست · 2020-07-17'.replace('طيف بوست', '\u2068طيف بوست\u2069').replace('2020-07-17', '\u20662020-07-17\u2069'));
    const tip = byFile['000_7244c6ac2c0b5fe9.txt']!.tooltip as vscode.MarkdownString;
    // appendText escapes markdown and writes spaces as &nbsp;.
    assert.match(tip.value.replace(/&nbsp;/g, ' '), /مع تسلم إدارة الرئيس الأمريكي الجديد جو بايدن الرئاسة/, 'the tooltip shows the opening lines');
  });

  it('the rowLength setting gives titles more room, and 0 shows them whole', async () => {
    const { articles } = await api();
    const settings = vscode.workspace.getConfiguration('corpusNavigator');
    const label001 = async (): Promise<string> => labelOf((await items(articles)).find(({ item }) => nameOf(item) === '001_1f4fa77edfffa84d.txt')!.item);
    try {
      await settings.update('rowLength', 60, vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await label001()) === 'حراك دبلوماسي روسي مكثف للدفع بعملية…', 5_000, 'a longer title at rowLength 60');
      await settings.update('rowLength', 0, vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await label001()) === EXPECTED_TITLES['001_1f4fa77edfffa84d.txt'], 5_000, 'the whole title at rowLength 0');
    } finally {
      await settings.update('rowLength', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(await label001(), 'حراك…');
  });

  it('sorts by date (newest first, undated last) and by title from the title bar commands', async () => {
    const { articles } = await api();
    await vscode.commands.executeCommand('corpusNavigator.sortByDate');
    const byDate = (await items(articles)).map(({ item }) => nameOf(item));
    assert.deepEqual(byDate.slice(0, 2), ['003_3234aa2de2427313.txt', '001_1f4fa77edfffa84d.txt']);
    await vscode.commands.executeCommand('corpusNavigator.sortByTitle');
    const byTitle = (await items(articles)).map(({ item }) => labelOf(item));
    assert.deepEqual(byTitle, [...byTitle].sort(new Intl.Collator('ar').compare));
    assert.equal(articles.sortBy, 'title');
    await vscode.commands.executeCommand('corpusNavigator.sortByDate');
    assert.equal(articles.sortBy, 'date');
  });

  it('choosing a subheading opens the article with that line selected and visible', async () => {
    const { articles } = await api();
    const top = await items(articles);
    const a000 = top.find(({ item }) => nameOf(item) === '000_7244c6ac2c0b5fe9.txt')!;
    const subs = await items(articles, a000.node);
    assert.deepEqual(subs.map(({ item }) => labelOf(item)), ['لقاء أمريكي روسي', 'حوار بناء', 'روسيا تعيد حساباتها', 'مصير قيصر']);
    const qaisar = subs[3]!.item;
    assert.equal(qaisar.description, '\u2068lines 24–27\u2069');
    await vscode.commands.executeCommand(qaisar.command!.command, ...(qaisar.command!.arguments ?? []));
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && path.basename(e.document.uri.path) === '000_7244c6ac2c0b5fe9.txt' ? e : undefined;
    }, 10_000, 'the article opens in an editor');
    assert.equal(editor.selection.start.line, 23);
    assert.equal(editor.document.getText(editor.selection), 'مصير قيصر');
    assert.ok(editor.visibleRanges.some((r) => r.contains(editor.selection.start)), 'the selected line is visible');
  });

  it('at the default sidebar width each row shows its title’s start, then outlet and date beside it (screenshot)', async () => {
    const { articles, articlesView } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('corpusNavigator.articles.focus');
    await vscode.commands.executeCommand('corpusNavigator.sortByDate');
    const top = await items(articles);
    const a000 = top.find(({ item }) => nameOf(item) === '000_7244c6ac2c0b5fe9.txt')!;
    await articlesView.reveal(a000.node, { expand: true, select: false, focus: false });
    const sidebar = await rendered('.part.sidebar');
    if (!sidebar) return; // test-electron: no page to read (the assertions above and in the first test still ran).
    console.log(`      sidebar ${sidebar[0]?.width} px wide`);
    const rows = await waitFor(async () => {
      const r = await rendered('.part.sidebar .monaco-list-row .monaco-icon-label-container');
      return r && r.some((x) => x.text.includes('مصير قيصر')) ? r : undefined;
    }, 10_000, 'the rows are drawn');
    await screenshot('articles-tree-default-width');
    const shown = [...top.map((t) => ({ ...t, depth: 0 })), ...(await items(articles, a000.node)).map((t) => ({ ...t, depth: 1 }))];
    assertRowsShow(
      rows,
      shown.map(({ item, depth }) => ({ label: labelOf(item), description: withoutIsolates(String(item.description ?? '')), room: rowRoom(depth) })),
    );
  });

  it('shows the tree in the sidebar, an article expanded (screenshot)', async () => {
    const { articles, articlesView } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('corpusNavigator.articles.focus');
    // A wide side bar, and titles given its room (the rowLength setting).
    await vscode.workspace.getConfiguration('corpusNavigator').update('rowLength', 80, vscode.ConfigurationTarget.Workspace);
    const a000 = (await items(articles)).find(({ item }) => nameOf(item) === '000_7244c6ac2c0b5fe9.txt')!;
    await articlesView.reveal(a000.node, { expand: true, select: true, focus: true });
    // Widen the side bar so whole titles show. In this workbench the resize commands act on the editor
    // part even with the side bar focused: shrinking the editor widens the side bar.
    await vscode.commands.executeCommand('workbench.action.focusSideBar');
    for (let k = 0; k < 6; k++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    // And show the article beside it, at its last subheading.
    const [qaisar] = (await items(articles, a000.node)).slice(-1);
    await vscode.commands.executeCommand(qaisar!.item.command!.command, ...(qaisar!.item.command!.arguments ?? []));
    assert.equal(articlesView.visible, true, 'the Articles view is visible');
    assert.equal(articlesView.description, '5 articles');
    await new Promise((r) => setTimeout(r, 1500));
    const saved = await screenshot('articles-tree');
    if (process.env.CORPUS_NAV_SCREENSHOT_URL) assert.match(saved ?? '', /articles-tree\.png$/);
    // The side bar back to its width and the setting to its default, for the suites after this one.
    await vscode.workspace.getConfiguration('corpusNavigator').update('rowLength', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.focusSideBar');
    for (let k = 0; k < 6; k++) await vscode.commands.executeCommand('workbench.action.increaseViewWidth');
  });

  it('follows files added, changed and deleted in the corpus folder', async () => {
    const { articles } = await api();
    const seeds = path.join(workspaceDir(), 'seeds');
    const file = path.join(seeds, '005_added.txt');
    const titles = async (): Promise<string[]> => (await items(articles)).map(({ item }) => labelOf(item));
    await fs.writeFile(file, 'بيدرسون يزور دمشق\nطيف بوست – فريق التحرير\nوصل المبعوث الأممي إلى دمشق اليوم.\n', 'utf8');
    await waitFor(async () => ((await titles()).includes('بيدرسون يزور دمشق') ? true : undefined), 20_000, 'the added article appears');
    await fs.writeFile(file, 'بيدرسون يغادر دمشق\nطيف بوست – فريق التحرير\nغادر المبعوث الأممي دمشق اليوم.\n', 'utf8');
    await waitFor(async () => ((await titles()).includes('بيدرسون يغادر دمشق') ? true : undefined), 20_000, 'the changed title shows');
    await fs.rm(file);
    await waitFor(async () => ((await titles()).length === 5 ? true : undefined), 20_000, 'the deleted article goes');
  });
});
