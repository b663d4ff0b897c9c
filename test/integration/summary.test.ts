import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SummaryView } from '../../src/core/summary/messages';
import type { ArticleSummary, CorpusSummary, EntitySummary } from '../../src/core/summary/model';
import type { CorpusNavigatorApi } from '../../src/vscode/activate';
import { api, screenshot, screenshotSection, waitFor, workspaceDir } from './util';

const A000 = '000_7244c6ac2c0b5fe9.txt';


const same = (a: SummaryView, b: SummaryView): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Waits until the webview's own script reports showing `view`, and returns the page's visible text. */
async function shownText(a: CorpusNavigatorApi, view: SummaryView, what: string, predicate: (text: string) => boolean = () => true): Promise<string> {
  const shown = await waitFor(() => {
    const s = a.summary.lastShown;
    return s && same(s.view, view) && predicate(s.text) ? s : undefined;
  }, 20_000, `the Summary panel shows ${what}`);
  return shown.text;
}

/** Bidi isolates and line breaks aside, the page's text as a reader sees it. */
const flat = (text: string): string => text.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');

/** The relative luminance of a CSS `rgb(r, g, b)` colour (WCAG 2). */
function luminance(css: string): number {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  assert.ok(m, `a colour: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

async function setTheme(theme: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}

describe('Summary panel in VS Code', function () {
  this.timeout(90_000);
  let savedTheme: string | undefined;

  before(async () => {
    savedTheme = vscode.workspace.getConfiguration('workbench').inspect<string>('colorTheme')?.globalValue;
    await (await api()).corpus.ready();
  });

  after(async () => {
    await setTheme(savedTheme);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens from the command palette and shows the five articles and the top officials', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('corpusNavigator.showSummary');
    const model = (await waitFor(() => (a.summary.lastRender?.model?.kind === 'corpus' ? a.summary.lastRender.model : undefined), 20_000, 'the corpus summary renders')) as CorpusSummary;
    assert.equal(model.counts.articles, 5);
    const text = flat(await shownText(a, { kind: 'corpus' }, 'the corpus view'));
    assert.ok(a.summary.isScriptReady, 'the page script runs under the CSP');
    // The five titles, as the Articles view has them, are on the page.
    for (const e of a.corpus.all()) assert.ok(text.includes(e.article.title.text), `the page lists "${e.article.title.text}"`);
    // Top officials: most mentioned first, the same people the entity index ranks first.
    const people = a.corpus.entities().list('person').slice(0, 3).map((s) => s.entity.nameAr);
    assert.deepEqual(model.top.person.slice(0, 3).map((e) => e.nameAr), people);
    assert.equal(people[0], 'جو بايدن');
    const top = text.slice(text.indexOf('Top officials'));
    assert.ok(top.length > 0 && top.indexOf('جو بايدن') < top.indexOf('فلاديمير بوتين'), 'Biden before Putin under Top officials');
    assert.match(text, /Timeline/);
    assert.match(text, /Co-occurrence network/);
  });

  it('screenshots the corpus summary in a light, a dark and a high-contrast theme', async () => {
    const a = await api();
    // The Articles view beside the panel shows the title-bar button that opens it.
    await vscode.commands.executeCommand('corpusNavigator.articles.focus');
    await vscode.commands.executeCommand('corpusNavigator.showSummary');
    let previousCard: string | undefined;
    for (const [theme, name] of [
      ['Default Light Modern', 'summary-light'],
      ['Default High Contrast', 'summary-high-contrast'],
      ['Default Dark Modern', 'summary-dark'],
    ] as const) {
      await setTheme(theme);
      const kind = theme.includes('Light') ? vscode.ColorThemeKind.Light : theme.includes('High') ? vscode.ColorThemeKind.HighContrast : vscode.ColorThemeKind.Dark;
      await waitFor(() => vscode.window.activeColorTheme.kind === kind, 10_000, `${theme} is on`);
      await shownText(a, { kind: 'corpus' }, 'the corpus view');
      // The page measures its colours again when the theme changes: each type's colour against the cards'.
      // Measured in this theme: light or dark as it is, and other cards than the previous theme's.
      const light = kind === vscode.ColorThemeKind.Light;
      const metrics = await waitFor(() => {
        const m = a.summary.lastShown?.metrics;
        return m?.colors.card && (luminance(m.colors.card) > 0.5) === light && m.colors.card !== previousCard ? m : undefined;
      }, 10_000, `the page measured its colours in ${theme}`);
      previousCard = metrics.colors.card;
      for (const type of ['person', 'organisation', 'place', 'law'] as const) {
        const ratio = contrast(metrics.colors[type]!, metrics.colors.card!);
        console.log(`      ${theme}: ${type} ${metrics.colors[type]} on ${metrics.colors.card}: ${ratio.toFixed(2)}:1`);
        assert.ok(ratio >= 4.5, `${type} in ${theme}: contrast ${ratio.toFixed(2)}:1 (WCAG AA asks 4.5:1)`);
      }
      await new Promise((r) => setTimeout(r, 1500));
      const saved = await screenshot(name);
      if (process.env.CORPUS_NAV_SCREENSHOT_URL) assert.match(saved ?? '', new RegExp(`${name}\\.png$`));
    }
    // Further down the page in the dark theme: the network, the outlets and the articles.
    await screenshotSection(a.summary, 'h-network', 'summary-dark-network');
    await screenshotSection(a.summary, 'h-outlets', 'summary-dark-tables');
  });

  it("shows an article's summary (3–5 of its sentences) from the Articles tree node, with a reader", async () => {
    const a = await api();
    const entry = a.corpus.all().find((e) => e.file.name === A000)!;
    // The argument the Articles view's context menu passes: its tree node.
    await vscode.commands.executeCommand('corpusNavigator.showArticleSummary', { kind: 'article', id: entry.file.id });
    const view: SummaryView = { kind: 'article', file: entry.file.id };
    const model = (await waitFor(() => (a.summary.lastRender?.model?.kind === 'article' ? a.summary.lastRender.model : undefined), 20_000, 'the article summary renders')) as ArticleSummary;
    assert.equal(model.article.title, entry.article.title.text);
    assert.ok(model.summary.length >= 3 && model.summary.length <= 5, `${model.summary.length} sentences`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.file.id));
    for (const s of model.summary) {
      const range = new vscode.Range(s.line, s.character, s.endLine, s.endCharacter);
      assert.equal(doc.getText(range), s.text, 'each summary sentence is the very text of the file');
    }
    const text = flat(await shownText(a, view, 'the article view'));
    for (const s of model.summary) assert.ok(text.includes(flat(s.text)), `the page shows "${s.text.slice(0, 40)}…"`);
    assert.ok(text.includes('مدى بوست'), 'the outlet');
    assert.ok(text.includes('مصير قيصر'), 'the reader shows the subheadings');
    assert.equal(a.summary.lastRender?.title, `Summary: ${entry.article.title.text}`);
    await setTheme('Default Light Modern');
    await new Promise((r) => setTimeout(r, 1200));
    await screenshot('summary-article');
  });

  it('shows an entity at full size from a hover card link, and the corpus filtered to it', async () => {
    const a = await api();
    const entry = a.corpus.all().find((e) => e.file.name === A000)!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.file.id));
    const biden = entry.mentions.find((m) => m.entity === 'joe-biden')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(biden.start + 1));
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    const link = /\(command:corpusNavigator\.showEntitySummary\?([^)]+)\)/.exec(markdown);
    assert.ok(link, 'the hover card links to the entity summary');
    const args = JSON.parse(decodeURIComponent(link[1]!)) as unknown[];
    await vscode.commands.executeCommand('corpusNavigator.showEntitySummary', ...args);
    const model = (await waitFor(() => (a.summary.lastRender?.model?.kind === 'entity' ? a.summary.lastRender.model : undefined), 20_000, 'the entity summary renders')) as EntitySummary;
    assert.equal(model.entity.id, 'joe-biden');
    assert.equal(model.count, a.corpus.entities().get('joe-biden')!.count);
    const text = flat(await shownText(a, { kind: 'entity', id: 'joe-biden' }, 'the entity view'));
    assert.ok(text.includes('Joe Biden') && text.includes('Every mention'));
    assert.ok(a.summary.lastRender!.html.includes('data-back'), 'Back returns to the article');
    await screenshot('summary-entity');

    await vscode.commands.executeCommand('corpusNavigator.showSummary', { kind: 'corpus', entity: 'antony-blinken' });
    const filtered = (await waitFor(() => {
      const m = a.summary.lastRender?.model;
      return m?.kind === 'corpus' && m.filter ? m : undefined;
    }, 20_000, 'the filtered corpus view')) as CorpusSummary;
    const naming = a.corpus.all().filter((e) => e.mentions.some((m) => m.entity === 'antony-blinken'));
    assert.equal(filtered.counts.articles, naming.length);
    assert.ok(naming.length > 0 && naming.length < 5);
  });

  it('shows a hostile outlet line as text, and filters the view to that outlet', async () => {
    const a = await api();
    const outlet = '<img src=x onerror=alert(7)> "نت" & <b>بوست</b>';
    const file = path.join(workspaceDir(), 'seeds', '007_summary_outlet.txt');
    try {
      await fs.writeFile(file, `عنوان خبر عن سوريا اليوم\nقال جو بايدن إن الوضع في سوريا صعب جدا اليوم.\nالمصدر : ${outlet}\n`, 'utf8');
      await waitFor(() => a.corpus.all().some((e) => e.article.outlet?.text === outlet), 20_000, 'the corpus reads the outlet');
      const view: SummaryView = { kind: 'corpus', outlet };
      await vscode.commands.executeCommand('corpusNavigator.showSummary', view);
      // The page's visible text holds the markup as characters: it was not made into elements.
      const text = flat(await shownText(a, view, 'the view of the hostile outlet', (t) => t.includes(outlet)));
      assert.ok(text.includes(`Only the articles of ${outlet}`) || text.includes(outlet));
      assert.equal((a.summary.lastRender?.model as CorpusSummary).counts.articles, 1);
      assert.equal(a.summary.lastRender?.title, `Summary: ${outlet}`);
      await vscode.commands.executeCommand('corpusNavigator.showSummary', { kind: 'corpus' });
      const whole = flat(await shownText(a, { kind: 'corpus' }, 'the corpus view with the outlet', (t) => t.includes(outlet)));
      assert.ok(whole.includes('Outlets'));
    } finally {
      await fs.rm(file, { force: true });
    }
    await waitFor(() => !a.corpus.all().some((e) => e.article.outlet?.text === outlet), 20_000, 'the file is gone');
  });

  it('follows the corpus: an added article appears, a deleted one goes', async () => {
    const a = await api();
    await vscode.commands.executeCommand('corpusNavigator.showSummary', { kind: 'corpus' });
    await shownText(a, { kind: 'corpus' }, 'the corpus view');
    const file = path.join(workspaceDir(), 'seeds', '006_summary_added.txt');
    const title = 'لافروف يلتقي بلينكن في جنيف';
    try {
      await fs.writeFile(file, `${title}\nطيف بوست – فريق التحرير\nالتقى سيرغي لافروف أنتوني بلينكن في جنيف اليوم.\n`, 'utf8');
      await shownText(a, { kind: 'corpus' }, 'the added article', (t) => t.includes(title));
      assert.equal((a.summary.lastRender?.model as CorpusSummary).counts.articles, 6);
    } finally {
      await fs.rm(file, { force: true });
    }
    await shownText(a, { kind: 'corpus' }, 'the corpus without it', (t) => !t.includes(title));
    assert.equal((a.summary.lastRender?.model as CorpusSummary).counts.articles, 5);
  });
});
