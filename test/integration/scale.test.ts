/**
 * A large corpus in the real VS Code (harness phase --scale: 5,000 generated articles in big/, the workspace's
 * corpus folder; nothing else activates the extension). Activation returns before the corpus is read (indexing
 * runs in a worker thread); the Articles view fills in, grouped by month and paged, while indexing goes on; a search
 * issued meanwhile answers; the times are printed for the report.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ENTITY_PAGE } from '../../src/vscode/features/entitiesView';
import type { CorpusNavigatorApi } from '../../src/vscode/activate';
import type { SummaryView } from '../../src/core/summary/messages';
import type { CorpusSummary } from '../../src/core/summary/model';
import { api, assertRowsShow, EXTENSION_ID, rendered, screenshot, screenshotSection, waitFor } from './util';
import { withoutIsolates } from '../../src/vscode/features/articlesTree';
import { rowRoom } from '../../src/vscode/features/labels';

const ARTICLES = Number(process.env.CORPUS_NAV_SCALE ?? 0);

describe(`A corpus of ${ARTICLES} articles`, function () {
  this.timeout(150_000);
  let exports: CorpusNavigatorApi;
  let activatedAt = 0;

  it('activation returns at once: the corpus is still being read when activate() returns', async () => {
    const ext = vscode.extensions.getExtension<CorpusNavigatorApi>(EXTENSION_ID);
    assert.ok(ext);
    assert.equal(ext.isActive, false, 'nothing activated the extension before this test');
    const t0 = Date.now();
    exports = await ext.activate();
    activatedAt = Date.now();
    console.log(`      activate() returned in ${activatedAt - t0} ms`);
    // Not a timing assertion: the first load cannot have finished (it has not even listed 5,000 files).
    let ready = false;
    void exports.corpus.ready().then(() => (ready = true));
    await Promise.resolve();
    assert.equal(ready, false, 'activate() did not wait for indexing');
    assert.ok(exports.corpus.size < ARTICLES);
  });

  it('the Articles view fills in, grouped by month and paged, before indexing ends; a search answers meanwhile', async () => {
    const { corpus, articles, search } = exports;
    await vscode.commands.executeCommand('workbench.view.extension.corpusNavigator');
    // First articles, while the worker is still reading the rest.
    const firstItems = await waitFor(async () => {
      const top = await articles.getChildren();
      return top.length > 0 && corpus.indexing ? top : undefined;
    }, 60_000, 'articles in the view while indexing');
    const tFirst = Date.now() - activatedAt;
    console.log(`      first tree items ${tFirst} ms after activation (${corpus.size} articles read, ${JSON.stringify(corpus.indexing)})`);
    assert.ok(firstItems.length > 0);

    // A search issued while indexing answers.
    const picker = search.open('سوريا');
    const tSearch = Date.now();
    await waitFor(async () => {
      await picker.settled();
      return picker.quickPick.items.some((i) => i.result);
    }, 120_000, 'the search answers');
    const stillIndexing = corpus.indexing !== undefined;
    console.log(`      a search issued while indexing answered in ${Date.now() - tSearch} ms (indexing ${stillIndexing ? 'still under way' : 'done by then'}; partial answer: ${picker.partial})`);
    // It answers from the articles read so far, says so, and answers again once all are read.
    if (stillIndexing) assert.match(picker.quickPick.title ?? '', /indexing: \d+ articles so far/);
    await corpus.ready();
    await waitFor(async () => {
      await picker.settled();
      return !picker.partial && !/so far/.test(picker.quickPick.title ?? '') ? true : undefined;
    }, 60_000, 'the search answers again from the whole corpus');
    picker.dispose();

    await corpus.ready();
    console.log(`      indexed ${corpus.size} articles ${Date.now() - activatedAt} ms after activation`);
    assert.equal(corpus.size, ARTICLES);
    const top = await articles.getChildren();
    assert.ok(articles.grouped);
    assert.ok(top.length >= 24 && top.every((n) => n.kind === 'group'), `grouped by month: ${top.length} groups`);
    const keys = top.map((n) => (n.kind === 'group' ? n.key : ''));
    const dated = keys.filter((k) => k !== '');
    assert.deepEqual(dated, [...dated].sort().reverse(), 'newest month first');
    const months = new Map<string, number>();
    for (const e of corpus.all()) months.set(articles.groupOf(e), (months.get(articles.groupOf(e)) ?? 0) + 1);
    // The largest month, to see its pages.
    const biggest = [...months.entries()].sort((x, y) => y[1] - x[1])[0]![0];
    const first = top.find((n) => n.kind === 'group' && n.key === biggest)!;
    const page = await articles.getChildren(first);
    const inFirst = months.get(biggest)!;
    assert.equal(page.filter((n) => n.kind === 'article').length, Math.min(100, inFirst));
    if (inFirst > 100) {
      const more = page.at(-1)!;
      assert.equal(more.kind, 'more');
      await vscode.commands.executeCommand('corpusNavigator.articles.showMore', first.kind === 'group' ? first.key : '');
      assert.equal((await articles.getChildren(first)).filter((n) => n.kind === 'article').length, Math.min(200, inFirst));
    }
    await screenshot('scale-articles-grouped');
  });

  it('an entity named in thousands of articles opens on a page of them, then the next', async () => {
    const { corpus, entities } = exports;
    await corpus.ready();
    const [top] = [...corpus.entities().byId.values()].sort((a, b) => b.articles.length - a.articles.length);
    assert.ok(top && top.articles.length > 2 * ENTITY_PAGE, `an entity in many articles (${top?.articles.length})`);
    const node = { kind: 'entity' as const, id: top.entity.id };
    const t0 = Date.now();
    let children = await entities.getChildren(node);
    // The tree items of a page, as the view asks for them (each article found through its file, not a scan).
    children.forEach((c) => entities.getTreeItem(c));
    console.log(`      ${top.entity.nameEn}: ${top.articles.length} articles, a page and its items in ${Date.now() - t0} ms`);
    assert.equal(children.length, ENTITY_PAGE + 1);
    assert.deepEqual(
      children.slice(0, ENTITY_PAGE).map((c) => (c.kind === 'article' ? c.file : '')),
      top.articles.slice(0, ENTITY_PAGE).map((a) => a.entry.file.id),
      'the articles naming it most first',
    );
    const more = entities.getTreeItem(children.at(-1)!);
    assert.equal(more.command?.command, 'corpusNavigator.entities.showMore');
    await vscode.commands.executeCommand('corpusNavigator.entities.showMore', top.entity.id);
    children = await entities.getChildren(node);
    assert.equal(children.filter((c) => c.kind === 'article').length, 2 * ENTITY_PAGE);
    const article = children[ENTITY_PAGE + 5]!;
    assert.equal(article.kind, 'article');
    const n = top.articles[ENTITY_PAGE + 5]!.mentions.length;
    assert.equal(entities.getTreeItem(article).description, `\u2068${n} mention${n === 1 ? '' : 's'}\u2069`);
  });

  it('a name query ranks the articles naming that person first, in the quick pick (screenshot)', async () => {
    const { corpus, search } = exports;
    await corpus.ready();
    await vscode.commands.executeCommand('corpusNavigator.search', 'سيرغي لافروف');
    const picker = await waitFor(() => search.picker, 10_000, 'the quick pick opens');
    await waitFor(async () => {
      await picker.settled();
      return !picker.partial && picker.quickPick.items.some((i) => i.result?.kind === 'article');
    }, 60_000, 'the search answers from the whole corpus');
    const results = picker.quickPick.items.flatMap((i) => (i.result ? [i.result] : []));
    assert.equal(results.find((r) => r.kind === 'entity')?.entity?.id, 'sergey-lavrov');
    const articles = results.filter((r) => r.kind === 'article').slice(0, 10);
    assert.ok(articles.length >= 5, `articles listed (${articles.length})`);
    for (const a of articles) {
      const named = corpus.get(a.file)?.mentions.some((m) => m.entity === 'sergey-lavrov');
      assert.ok(named, `${a.name} names Sergey Lavrov`);
    }
    await screenshot('scale-search-name');
    picker.dispose();
  });

  it('labels at the default side bar width: a month’s rows show each title’s start, outlet and date; counts formatted (screenshot)', async () => {
    const { corpus, articles, articlesView, status } = exports;
    await corpus.ready();
    // Numbers as English writes them, in the status bar and the view's title.
    const size = new Intl.NumberFormat('en').format(ARTICLES);
    assert.ok(size.includes(','), size);
    await waitFor(() => status.text.startsWith(`$(book) ${size} articles · `), 10_000, `status "${status.text}"`);
    assert.equal(articlesView.description, `${size} articles`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('corpusNavigator.articles.focus');
    const [month] = await articles.getChildren();
    assert.equal(month?.kind, 'group');
    await articlesView.reveal(month!, { expand: true, select: true, focus: true });
    const page = (await articles.getChildren(month)).filter((n) => n.kind === 'article').slice(0, 12);
    const rows = await waitFor(async () => {
      const r = await rendered('.pane:has(.pane-header[aria-label^="Articles"]) .monaco-list-row .monaco-icon-label-container');
      return r === undefined || r.length > page.length ? r ?? [] : undefined;
    }, 10_000, 'the month’s rows are drawn');
    await screenshot('scale-articles-labels');
    if (rows.length > 0) {
      // The rows in view (the first of the month): each label whole, its outlet and date after it.
      const shown = page.slice(0, 8).map((n) => articles.getTreeItem(n));
      assertRowsShow(
        rows,
        shown.map((item) => ({ label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''), description: withoutIsolates(String(item.description ?? '')), room: rowRoom(1) })),
      );
      for (const item of shown) assert.match(withoutIsolates(String(item.description)), /\d{4}-\d{2}-\d{2}$/, 'each row has its date');
    }
  });

  it('the summary panel stays bounded: a page of articles, the top outlets and entities; all on demand (screenshots)', async () => {
    const a = await api();
    /** Shows `view` and waits until the page reports it with its measures. */
    const show = async (view: SummaryView, what: string) => {
      const t0 = Date.now();
      await vscode.commands.executeCommand('corpusNavigator.showSummary', view);
      const built = Date.now() - t0;
      const shown = await waitFor(() => {
        const s = a.summary.lastShown;
        return s && JSON.stringify(s.view) === JSON.stringify(view) && s.metrics ? { ...s, metrics: s.metrics } : undefined;
      }, 60_000, `the summary shows ${what}`);
      console.log(`      ${what}: built and sent in ${built} ms, shown ${Date.now() - t0} ms after the command; page ${shown.metrics.height} px, ${a.summary.lastRender!.html.length} characters`);
      return shown;
    };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const first = await show({ kind: 'corpus' }, 'the corpus');
    const model = a.summary.lastRender!.model as CorpusSummary;
    assert.equal(model.counts.articles, ARTICLES);
    // The page holds one page of the articles table, not thousands of rows: its height is bounded.
    assert.ok(first.metrics.height < 6000, `page height ${first.metrics.height} px`);
    assert.match(first.text, new RegExp(`1–50 of ${ARTICLES.toLocaleString('en')}`));
    await screenshot('scale-summary');
    await screenshotSection(a.summary, 'h-network', 'scale-summary-network');
    await screenshotSection(a.summary, 'h-outlets', 'scale-summary-articles');

    // The next page, and every outlet with every person up to 500: the page grows by the boxes, which scroll.
    const second = await show({ kind: 'corpus', page: 1 }, 'the second page of articles');
    assert.match(second.text, new RegExp(`51–100 of ${ARTICLES.toLocaleString('en')}`));
    const all = await show({ kind: 'corpus', expand: ['outlets', 'person'] }, 'every outlet and person');
    assert.ok(all.metrics.height < first.metrics.height + 1200, `page height with every outlet and person: ${all.metrics.height} px`);
    // The largest network, in the dark theme.
    const theme = vscode.workspace.getConfiguration('workbench').inspect<string>('colorTheme')?.globalValue;
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    try {
      await show({ kind: 'corpus', networkSize: 48 }, 'a network of 48 entities');
      const c = (a.summary.lastRender!.model as CorpusSummary).counts.entities;
      assert.equal((a.summary.lastRender!.model as CorpusSummary).network.nodes.length, Math.min(48, c.person + c.organisation + c.law));
      await screenshotSection(a.summary, 'h-network', 'scale-summary-network-48-dark', 1200);
    } finally {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
  });
});

