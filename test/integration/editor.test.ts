import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RangesByType } from '../../src/vscode/features/highlights';
import { api, screenshot, waitFor, workspaceDir } from './util';

const S000 = '000_7244c6ac2c0b5fe9.txt';
const S001 = '001_1f4fa77edfffa84d.txt';
const S003 = '003_3234aa2de2427313.txt';


const seedUri = (name: string): vscode.Uri => vscode.Uri.file(path.join(workspaceDir(), 'seeds', name));

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(seedUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position inside the `nth` occurrence (0-based) of `word` in the document. */
function positionOf(document: vscode.TextDocument, word: string, nth = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `"${word}" occurs ${nth + 1} times in ${path.basename(document.uri.path)}`);
  return document.positionAt(at + 2);
}

async function textAt(uri: vscode.Uri, range: vscode.Range): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText(range);
}

const base = (uri: vscode.Uri): string => path.basename(uri.path);

describe('Editor: references, definitions and symbols in VS Code', function () {
  this.timeout(60_000);

  it('Find All References on أنتونوف in seed 003 returns all seven mentions across three articles, both spellings', async () => {
    await api();
    const editor = await open(S003);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, 'أنتونوف'));
    assert.equal(refs.length, 7, refs.map((r) => `${base(r.uri)}:${r.range.start.line}`).join(', '));
    assert.deepEqual([...new Set(refs.map((r) => base(r.uri)))].sort(), [S000, S003, '004_6289974790d4febf.txt']);
    const texts = await Promise.all(refs.map((r) => textAt(r.uri, r.range)));
    for (const t of texts) assert.match(t, /^(أناتولي )?أن[تط]ونوف$/u, t);
    assert.ok(texts.some((t) => t.includes('أنتونوف')) && texts.some((t) => t.includes('أنطونوف')), `both spellings: ${texts.join(', ')}`);
  });

  it('Go to Definition on a short name leads to the first full-name mention in the earliest-dated article', async () => {
    await api();
    const editor = await open(S000);
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      positionOf(editor.document, 'أنطونوف', 1),
    );
    assert.equal(links.length, 1);
    const link = links[0]!;
    const [uri, range] = 'targetUri' in link ? [link.targetUri, link.targetSelectionRange ?? link.targetRange] : [link.uri, link.range];
    // 003 is dated 2021-07-28; 000 and 004, which also name him, carry no date.
    assert.equal(base(uri), S003);
    assert.equal(await textAt(uri, range), 'أناتولي أنتونوف');
    assert.deepEqual([range.start.line, range.start.character], [0, 40]);
    if ('originSelectionRange' in link && link.originSelectionRange) assert.equal(editor.document.getText(link.originSelectionRange), 'أنطونوف');
  });

  it('Document Highlights mark the other mentions of the same entity in the file', async () => {
    await api();
    const editor = await open(S003);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', editor.document.uri, positionOf(editor.document, 'أنتونوف'));
    assert.deepEqual(highlights.map((h) => editor.document.getText(h.range)), ['أناتولي أنتونوف', 'أنتونوف', 'أنتونوف']);
  });

  it('the Outline of seed 001 gives its title and its subheadings at their lines', async () => {
    const { corpus } = await api();
    const editor = await open(S001);
    const symbols = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri).then((s) => (s?.length ? s : undefined)),
      10_000,
      'document symbols of seed 001',
    );
    const article = corpus.get(editor.document.uri.toString())!.article;
    assert.equal(symbols.length, 1);
    const title = symbols[0]!;
    assert.equal(title.name, 'حراك دبلوماسي روسي مكثف للدفع بعملية التسوية السياسية في سوريا.. ما الجديد؟');
    assert.equal(editor.document.getText(title.selectionRange), title.name);
    const headings = title.children.filter((c) => c.kind === vscode.SymbolKind.String);
    assert.deepEqual(
      headings.map((h) => [h.name, h.selectionRange.start.line]),
      article.subheadings.map((s) => [s.text, s.range.line]),
    );
    assert.deepEqual(headings.map((h) => h.name), ['مباحثات روسية أمريكية حول الحل في سوريا', 'حديث أمريكي عن انهيار نظام الأسد']);
    for (const h of headings) assert.equal(editor.document.getText(h.selectionRange), h.name);
    // Entities named in a section are its children.
    assert.ok(headings[1]!.children.some((c) => c.name === 'بشار الأسد' || c.detail.startsWith('Bashar')), headings[1]!.children.map((c) => c.name).join(', '));
  });

  it('workspace symbols find Sergey Lavrov by "Lavrov" and by "لافروف", and articles by title', async () => {
    await api();
    for (const query of ['Lavrov', 'لافروف']) {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query);
      const lavrov = found.find((s) => `${s.name} ${s.containerName}`.includes('Sergey Lavrov'));
      assert.ok(lavrov, `${query}: ${found.map((s) => s.name).join(', ')}`);
      assert.ok(lavrov.name.toLowerCase().includes(query.toLowerCase()), `the name shown contains what was typed: ${lavrov.name}`);
      assert.equal(await textAt(lavrov.location.uri, lavrov.location.range), 'سيرغي لافروف');
    }
    const articles = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'التسوية السياسية');
    assert.ok(articles.some((s) => s.kind === vscode.SymbolKind.File && base(s.location.uri) === S001), articles.map((s) => s.name).join(', '));
  });

  it('Go to Definition leads to the entry of the user entity file when it names the entity', async () => {
    await api();
    const file = path.join(workspaceDir(), '.corpus', 'entities.json');
    const before = await fs.readFile(file, 'utf8').catch(() => undefined);
    const data = before ? (JSON.parse(before) as { people?: unknown[] }) : {};
    data.people = [...(data.people ?? []), { id: 'geir-pedersen', aliases: ['المبعوث بيدرسن'] }];
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify(data, null, 2), 'utf8');
    try {
      const editor = await open(S001);
      const link = await waitFor(async () => {
        const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'بيدرسون'));
        const l = links[0];
        return l && 'targetUri' in l && l.targetUri.path.endsWith('/.corpus/entities.json') ? l : undefined;
      }, 10_000, 'the definition moves to the user entity file');
      assert.equal(await textAt(link.targetUri, link.targetRange), 'geir-pedersen');
    } finally {
      if (before === undefined) await fs.rm(file, { force: true });
      else await fs.writeFile(file, before, 'utf8');
    }
  });

  it('definition, references, highlights and the outline stop on a cancelled request, and answer on a live one', async () => {
    const { navigation } = await api();
    const editor = await open(S003);
    const doc = editor.document;
    const at = positionOf(doc, 'أنتونوف');
    const live = new vscode.CancellationTokenSource();
    const cancelled = new vscode.CancellationTokenSource();
    cancelled.cancel();
    const links = await navigation.definition(doc, at, live.token);
    assert.ok(links && links.length === 1, 'a live request finds the definition');
    assert.ok(((await navigation.highlights(doc, at, live.token)) ?? []).length > 0, 'and the highlights');
    assert.ok(((await navigation.outline(doc, live.token)) ?? []).length > 0, 'and the outline');
    const stops = (p: Promise<unknown>, what: string) => assert.rejects(p, (e: unknown) => e instanceof vscode.CancellationError, `${what} stops with CancellationError`);
    await stops(navigation.definition(doc, at, cancelled.token), 'definition');
    await stops(navigation.references('anatoly-antonov', doc, cancelled.token), 'references');
    await stops(navigation.highlights(doc, at, cancelled.token), 'highlights');
    await stops(navigation.outline(doc, cancelled.token), 'the outline');
    await stops(navigation.workspaceSymbols('لافروف', cancelled.token), 'workspace symbols');
    live.dispose();
    cancelled.dispose();
  });
});

const LANGUAGE = 'corpus-article';

async function openActive(name: string): Promise<vscode.TextEditor> {
  const editor = await open(name);
  await waitFor(() => editor.document.languageId === LANGUAGE, 10_000, `${name} gets the ${LANGUAGE} language`);
  return waitFor(() => (vscode.window.activeTextEditor?.document === editor.document ? vscode.window.activeTextEditor : undefined), 10_000, `${name} is the active editor`);
}

const setting = (value: boolean | undefined): Thenable<void> =>
  vscode.workspace.getConfiguration('corpusNavigator').update('highlightEntities', value, vscode.ConfigurationTarget.Global);

const total = (r: RangesByType): number => r.person.length + r.organisation.length + r.place.length + r.law.length;

describe('Editor: article language and entity highlights in VS Code', function () {
  this.timeout(60_000);

  it('a corpus file opens in the corpus-article language; a .txt outside the corpus folders stays plain text but is still navigable', async () => {
    const { corpus } = await api();
    const editor = await openActive(S000);
    assert.equal(editor.document.languageId, LANGUAGE);
    const note = path.join(workspaceDir(), 'note-outside-corpus.txt');
    await fs.writeFile(note, 'ملاحظة: التقى لافروف مع بلينكن.\n', 'utf8');
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(note));
      await vscode.window.showTextDocument(doc);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(doc.languageId, 'plaintext');
      // References from a note: every corpus mention of Lavrov, and the note's own.
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'لافروف'));
      assert.equal(refs.length, corpus.entities().get('sergey-lavrov')!.count + 1);
      assert.ok(refs.some((r) => r.uri.toString() === doc.uri.toString() && doc.getText(r.range) === 'لافروف'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await fs.rm(note, { force: true });
    }
  });

  it('highlights the entity mentions of the article by type, and none while the setting is off', async () => {
    const { corpus, highlights } = await api();
    const editor = await openActive(S000);
    const mentions = corpus.get(editor.document.uri.toString())!.mentions;
    const shown = await waitFor(() => {
      const r = highlights.rangesOf(editor);
      return total(r) === mentions.length ? r : undefined;
    }, 10_000, 'every mention is highlighted');
    for (const type of ['person', 'organisation', 'place', 'law'] as const) {
      assert.deepEqual(
        shown[type].map((r) => editor.document.getText(r)),
        mentions.filter((m) => m.type === type).map((m) => m.text),
        type,
      );
    }
    assert.ok(shown.person.some((r) => editor.document.getText(r) === 'سيرغي لافروف'));
    assert.ok(shown.law.some((r) => editor.document.getText(r).includes('قيصر')), 'the Caesar Act is highlighted as a law');
    try {
      await setting(false);
      await waitFor(() => total(highlights.rangesOf(editor)) === 0, 10_000, 'highlights disappear when turned off');
    } finally {
      await setting(undefined);
    }
    await waitFor(() => total(highlights.rangesOf(editor)) === mentions.length, 10_000, 'highlights come back when turned on');
  });

  it('shows seed 000 with its entities highlighted (screenshot)', async () => {
    const { highlights } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openActive(S000);
    await waitFor(() => total(highlights.rangesOf(editor)) > 0, 10_000, 'highlights are applied');
    // The Outline beside it: the title, its subheadings, the entities of each section.
    await Promise.resolve(vscode.commands.executeCommand('outline.focus')).catch(() => undefined);
    await vscode.window.showTextDocument(editor.document, { selection: new vscode.Range(0, 0, 0, 0) });
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await new Promise((r) => setTimeout(r, 1500));
    const saved = await screenshot('editor-highlights');
    if (process.env.CORPUS_NAV_SCREENSHOT_URL) assert.match(saved ?? '', /editor-highlights\.png$/);
  });
});

