/**
 * Issue #7 in a real VS Code: a hostile subfolder added to the corpus (binary, a 50 MB line, invalid UTF-8, UTF-16
 * LE and BE, UTF-8 with BOM, CRLF and CR, empty, whitespace only, a 100,000-letter word, Latin, mixed direction,
 * markup) and a user entity file whose names are markup. The Articles view lists the skipped files with their
 * reasons; the seeds keep working; markup shows as text in tree labels, tooltips, hovers, the quick pick and both
 * webviews, whose Content Security Policy and resource roots are checked. The folder is then deleted.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArticleNode } from '../../src/vscode/features/articlesTree';
import { rowLabel } from '../../src/vscode/features/labels';
import type { CorpusNavigatorApi } from '../../src/vscode/activate';
import { HOSTILE_FILES, INJECTION_TITLE, writeHostileCorpus } from '../unit/hostileFixtures';
import { api, EXTENSION_ID, screenshot, waitFor, workspaceDir } from './util';

const SKIPPED = HOSTILE_FILES.filter((f) => 'skipped' in f.expected);
const READ = HOSTILE_FILES.filter((f) => 'article' in f.expected);
const HOSTILE_ENTITY = {
  id: 'hostile-person',
  nameAr: '<img src=x onerror=alert(9)> الرابط',
  nameEn: '[quit](command:workbench.action.quit) $(zap)',
  descriptionEn: '<script>alert(10)</script> &lt;b&gt;',
  aliases: ['الرابط'],
};

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const markdownOf = (hovers: vscode.Hover[]): string => hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');

/** The CSP of a webview page as directive → sources, after checking its scripts all carry the nonce. */
function checkPage(html: string, cspSource: string, where: string): void {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(content, `${where}: a CSP meta tag`);
  const csp = content.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const ours = cspSource.split(/\s+/); // VS Code's own sources for the extension's files (e.g. 'self' https://*.vscode-cdn.net)
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => d.split(/\s+/)).map(([k, ...v]) => [k!, v]));
  assert.deepEqual(directives.get('default-src'), ["'none'"], `${where}: default-src 'none'`);
  assert.deepEqual(directives.get('base-uri'), ["'none'"], `${where}: base-uri 'none'`);
  assert.deepEqual(directives.get('form-action'), ["'none'"], `${where}: form-action 'none'`);
  const scriptSrc = directives.get('script-src') ?? [];
  assert.equal(scriptSrc.length, 1, `${where}: one script source`);
  const nonce = /^'nonce-([A-Za-z0-9]{16,})'$/.exec(scriptSrc[0]!)?.[1];
  assert.ok(nonce, `${where}: scripts only by nonce (${scriptSrc.join(' ')})`);
  for (const [name, sources] of directives) {
    for (const s of sources) assert.ok([...ours, "'none'", `'nonce-${nonce}'`, 'data:'].includes(s), `${where}: ${name} allows ${s}`);
  }
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1, `${where}: the page has its script`);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs!, new RegExp(`nonce="${nonce}"`), `${where}: every script has the nonce`);
    assert.match(attrs!, /src="[^"]+"/, `${where}: every script is a file`);
    assert.equal(body!.trim(), '', `${where}: no inline script`);
  }
  // Real tags only (text is escaped, so `<` in an article never starts one): no inline event handler.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `${where}: no inline event handler in ${tag}`);
}

function checkRoots(webview: vscode.Webview, where: string): void {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const roots = (webview.options.localResourceRoots ?? []).map((u) => u.toString());
  assert.deepEqual(roots, [vscode.Uri.joinPath(ext.extensionUri, 'media').toString()], `${where}: localResourceRoots is media/ only`);
  assert.equal(webview.options.enableCommandUris ?? false, false, `${where}: no command URIs`);
}

describe('Hostile corpus in VS Code (issue #7)', function () {
  this.timeout(120_000);
  let a: CorpusNavigatorApi;
  const dir = (): string => path.join(workspaceDir(), 'seeds', 'hostile');
  const userFile = (): string => path.join(workspaceDir(), '.corpus', 'entities.json');
  const entry = (name: string) => a.corpus.all().find((e) => e.file.name === `hostile/${name}`);

  before(async () => {
    a = await api();
    await fs.mkdir(path.dirname(userFile()), { recursive: true });
    await fs.writeFile(userFile(), JSON.stringify({ version: 1, people: [HOSTILE_ENTITY] }, null, 2));
    writeHostileCorpus(dir(), { links: false, seeds: false });
    await waitFor(
      () => SKIPPED.every((f) => a.corpus.problems().some((p) => p.file.name === `hostile/${f.name}`)) && READ.every((f) => entry(f.name)) && a.corpus.entities().get(HOSTILE_ENTITY.id),
      60_000,
      'the hostile files are read or skipped, and the hostile entity is known',
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fs.rm(dir(), { recursive: true, force: true });
    await fs.rm(path.dirname(userFile()), { recursive: true, force: true });
    // The folder disappearing: its articles and its skipped files go; the seeds stay.
    await waitFor(() => a.corpus.size === 5 && a.corpus.problems().length === 0 && !a.corpus.entities().get(HOSTILE_ENTITY.id), 30_000, 'the hostile folder is gone from the corpus');
  });

  it('the Articles view lists the skipped files under "Skipped files", each with its reason; the rest are articles', async () => {
    const top = await a.articles.getChildren();
    const last = top[top.length - 1]!;
    assert.equal(last.kind, 'skipped', 'the last node is "Skipped files"');
    const node = a.articles.getTreeItem(last);
    assert.equal(labelOf(node), 'Skipped files');
    assert.equal(node.description, String(SKIPPED.length));
    const children = (await a.articles.getChildren(last)).map((n: ArticleNode) => a.articles.getTreeItem(n));
    assert.deepEqual(children.map(labelOf), SKIPPED.map((f) => `hostile/${f.name}`).sort((x, y) => x.localeCompare(y)));
    for (const f of SKIPPED) {
      const item = children.find((c) => labelOf(c) === `hostile/${f.name}`)!;
      assert.match(String(item.description), 'skipped' in f.expected ? f.expected.skipped : /x^/, f.name);
      assert.match(String(item.tooltip), new RegExp(`^hostile/${f.name.replace('.', '\\.')}: .*Skipped`));
    }
    assert.equal(a.articlesView.message, `${SKIPPED.length} files skipped: each is listed under Skipped files, with the reason.`);
    // The files that could be read are articles, UTF-16 ones saying so in their tooltip.
    const articles = top.filter((n) => n.kind === 'article').map((n) => a.articles.getTreeItem(n));
    // Each with its title: whole for screen readers, its start (cut at whole words, to fit the side bar) as the label.
    const titled = (title: string) =>
      articles.find((i) => {
        const said = i.accessibilityInformation?.label ?? '';
        return said === title || said.startsWith(`${title}, `);
      });
    for (const f of READ) {
      const title = 'article' in f.expected ? f.expected.article.title : '';
      const item = titled(title);
      assert.ok(item, f.name);
      assert.equal(labelOf(item), rowLabel(title, String(item.description ?? ''), 0), f.name);
    }
    const utf16 = titled('خبر بترميز يو تي إف ١٦ كبير')!;
    assert.match((utf16.tooltip as vscode.MarkdownString).value, /decoded as UTF\\-16 BE/);
    await vscode.commands.executeCommand('corpusNavigator.articles.focus');
    const firstSkipped = (await a.articles.getChildren(last))[0]!;
    await a.articlesView.reveal(firstSkipped, { select: false, focus: false });
    await new Promise((r) => setTimeout(r, 800));
    await screenshot('hostile-skipped-files');
  });

  it('the seeds keep working: titles, entities, a hover card', async () => {
    const seeds = a.corpus.all().filter((e) => !e.file.name.startsWith('hostile/'));
    assert.equal(seeds.length, 5);
    const a000 = seeds.find((e) => e.file.name === '000_7244c6ac2c0b5fe9.txt')!;
    assert.equal(a000.article.title.text, 'سوريا .. أول خطوة أمريكية روسية مشتركة بعد تسلم بايدن الرئاسة');
    const lavrov = a000.mentions.find((m) => m.entity === 'sergey-lavrov')!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(a000.file.id));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(lavrov.start + 1));
    assert.match(markdownOf(hovers), /Sergey Lavrov/);
    // And a UTF-16 article opens in the editor with its title where the corpus says it is.
    const utf16 = entry('utf16le.txt')!;
    const u = await vscode.workspace.openTextDocument(vscode.Uri.parse(utf16.file.id));
    const r = utf16.article.title.range;
    assert.equal(u.getText(new vscode.Range(r.line, r.character, r.endLine, r.endCharacter)), utf16.article.title.text);
  });

  it('markup in article text and in the user entity file shows as text: tree label, tooltip, hover', async () => {
    const node = (await a.articles.getChildren()).find((n) => n.kind === 'article' && n.id === entry('injection.txt')!.file.id)!;
    const item = a.articles.getTreeItem(node);
    assert.ok(item.accessibilityInformation?.label.startsWith(INJECTION_TITLE), 'the title exactly, for screen readers');
    assert.equal(labelOf(item), rowLabel(INJECTION_TITLE, String(item.description ?? ''), 0), 'a tree label is plain text: the title’s start as written');
    assert.ok(INJECTION_TITLE.startsWith(labelOf(item).replace(/…$/, '')));
    const tip = item.tooltip as vscode.MarkdownString;
    assert.ok(!tip.isTrusted && !tip.supportHtml, 'the tooltip runs nothing and renders no HTML');
    assert.ok(tip.value.includes('\\<script\\>alert\\("x"\\)\\</script\\>'), `the title's markup is escaped, so it shows: ${tip.value.slice(0, 200)}`);
    assert.doesNotMatch(tip.value, /(^|[^\\])<(script|img|a)\b|[^\\]\]\(command:/, 'no raw markup, no link in the tooltip');

    const injection = entry('injection.txt')!;
    const mention = injection.mentions.find((m) => m.entity === HOSTILE_ENTITY.id);
    assert.ok(mention, 'the alias from the user entity file is recognized in the article');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(injection.file.id));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(mention.start + 1));
    const md = markdownOf(hovers);
    assert.ok(md.includes('\\<img src=x onerror=alert\\(9\\)\\>'), `the name is escaped: ${md.slice(0, 300)}`);
    assert.doesNotMatch(md, /(^|[^\\])(<(img|script)|\$\(zap\))/, 'no raw markup, no icon');
    // The only links are our two commands; the article's and the entity file's "links" are text.
    const links = [...md.matchAll(/(^|[^\\])\]\(([a-z]+):([^?)]*)/g)].map((m) => `${m[2]}:${m[3]}`);
    assert.ok(links.length > 0);
    assert.deepEqual([...new Set(links)].sort(), ['command:corpusNavigator.openLocation', 'command:corpusNavigator.showEntitySummary']);
    const trusted = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string');
    for (const c of trusted) assert.notEqual(c.isTrusted, true, 'never trusted for every command');
  });

  it('markup shows as text in the quick pick (no icon from article text)', async () => {
    await vscode.commands.executeCommand('corpusNavigator.search', 'الرابط');
    const picker = await waitFor(() => a.search.picker, 10_000, 'the quick pick opens');
    await waitFor(async () => {
      await picker.settled();
      return picker.quickPick.items.some((i) => i.result?.file === injection().file.id);
    }, 20_000, 'the injection article is found');
    const ours = picker.quickPick.items.filter((i) => i.result?.file === injection().file.id);
    for (const i of ours) {
      for (const text of [i.label, i.description ?? '', i.detail ?? '']) {
        const icons = [...text.matchAll(/(^|[^\\])\$\(([^)]*)\)/g)].map((m) => m[2]);
        assert.ok(icons.every((name) => ['file-text', 'search', 'person', 'organization', 'globe', 'law'].includes(name!)), `only our icons: ${text}`);
      }
    }
    picker.quickPick.hide();
    function injection() {
      return entry('injection.txt')!;
    }
  });

  it('markup shows as text in the Summary panel; its page allows only its own script and styles from media/', async () => {
    const injection = entry('injection.txt')!;
    await vscode.commands.executeCommand('corpusNavigator.showArticleSummary', injection.file.id);
    const shown = await waitFor(() => (a.summary.lastShown?.view.kind === 'article' && a.summary.lastShown.text.includes('alert') ? a.summary.lastShown.text : undefined), 20_000, 'the article summary is shown');
    assert.ok(shown.includes('<script>alert("x")</script>'), 'the title shows as the characters it is made of');
    assert.ok(shown.includes('<a href="javascript:alert(2)">'), 'so does a javascript: link');
    await vscode.commands.executeCommand('corpusNavigator.showEntitySummary', HOSTILE_ENTITY.id);
    const entityText = await waitFor(() => (a.summary.lastShown?.view.kind === 'entity' ? a.summary.lastShown.text : undefined), 20_000, 'the entity summary is shown');
    assert.ok(entityText.includes(HOSTILE_ENTITY.nameAr), 'the entity name from the user file shows as text');
    const webview = a.summary.webview!;
    checkPage(webview.html, webview.cspSource, 'Summary panel');
    checkRoots(webview, 'Summary panel');
    await screenshot('hostile-summary');
  });

  it('the Concordance panel gets the text as data; its page allows only its own script and styles from media/', async () => {
    const panel = await a.concordance.show({ word: 'الرابط' });
    await panel.rendered;
    const line = panel.lines.find((l) => l.name === 'hostile/injection.txt');
    assert.ok(line, 'the injection article has a concordance line');
    assert.match(`${line.left}${line.keyword}${line.right}`, /<a href="javascript:alert\(2\)">/);
    checkPage(panel.webview.html, panel.webview.cspSource, 'Concordance panel');
    checkRoots(panel.webview, 'Concordance panel');
    panel.dispose();
  });
});
