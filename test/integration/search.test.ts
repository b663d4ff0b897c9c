import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SearchItem } from '../../src/vscode/features/search';
import { api, rendered, screenshot, waitFor } from './util';



const resultItems = (items: readonly SearchItem[]): SearchItem[] => items.filter((i) => i.result);

describe('Search quick pick in VS Code', function () {
  this.timeout(60_000);

  it('shows entity, article and passage items for لافروف; choosing a passage selects its exact text', async () => {
    const { search } = await api();
    await vscode.commands.executeCommand('corpusNavigator.search', 'لافروف');
    const picker = await waitFor(() => search.picker, 10_000, 'the quick pick opens');
    await waitFor(async () => {
      await picker.settled();
      return resultItems(picker.quickPick.items).length > 0;
    }, 20_000, 'the search shows results');
    const qp = picker.quickPick;
    assert.equal(qp.value, 'لافروف');
    assert.match(qp.placeholder ?? '', /"exact phrase".*-exclude.*type:person/);
    const separators = qp.items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label.replace(/ \(\d+\)$/, ''));
    assert.deepEqual(separators, ['Entities', 'Articles', 'Passages']);
    const items = resultItems(qp.items);
    // Plain text: no invisible characters between the letters (they reach screen readers and copied text).
    for (const i of items) assert.doesNotMatch(`${i.label}${i.description ?? ''}${i.detail ?? ''}`, /[\u034f\u200b-\u200d\u2060]/u, i.label);
    const counts = { entity: 0, article: 0, passage: 0 };
    for (const i of items) counts[i.result!.kind]++;
    const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    assert.equal(
      qp.title,
      `Search Corpus — ${plural(counts.entity, 'entity', 'entities')}, ${plural(counts.article, 'article', 'articles')}, ${plural(counts.passage, 'passage', 'passages')}`,
    );
    assert.match(qp.title ?? '', /— 1 entity, 1 article, /);
    const entity = items.find((i) => i.result!.kind === 'entity')!;
    assert.equal(entity.result!.entity!.id, 'sergey-lavrov');
    assert.equal(entity.label, '$(person) سيرغي لافروف');
    assert.equal(entity.description, '\u2068Sergey Lavrov\u2069');
    const article = items.find((i) => i.result!.kind === 'article');
    assert.ok(article, 'an article whose title names him');
    const passages = items.filter((i) => i.result!.kind === 'passage');
    assert.ok(passages.length >= 3);
    assert.ok(items.every((i) => i.alwaysShow), 'our matcher decides what shows');
    assert.ok(passages.every((p) => p.description === '$(search) \u2068لافروف\u2069' && p.detail), 'matched words, title and outlet shown');
    // An article: its title as the label, outlet and date as the description, each part isolated.
    assert.ok(article.label.startsWith('$(file-text) '));
    assert.match(article.description ?? '', /^\u2068[^\u2068\u2069]+\u2069( · \u2068[^\u2068\u2069]+\u2069)?$/);
    await new Promise((r) => setTimeout(r, 500));
    await screenshot('search-quick-pick');
    // As drawn: the group headings show while a query is typed, in our order, and each line's description
    // comes after its label instead of running into it.
    const drawn = await rendered('.quick-input-list .monaco-list-row');
    if (drawn) {
      const text = drawn.map((r) => r.text.replace(/[\u2066-\u2069]/g, ''));
      const heading = (h: string) => text.findIndex((t) => t.includes(h));
      const [e, a, p] = [heading(`Entities (${counts.entity})`), heading(`Articles (${counts.article})`), heading(`Passages (${counts.passage})`)];
      assert.ok(e >= 0 && a > e && p > a, `the group headings show, in order: ${JSON.stringify(text)}`);
      // Every line fits: an Arabic title or passage cut by VS Code would lose its start.
      for (const l of (await rendered('.quick-input-list .monaco-list-row .monaco-icon-label-container')) ?? []) assert.ok(!l.clipped, `"${l.text}" fits its ${l.width} px`);
      const labels = await rendered('.quick-input-list .monaco-list-row .monaco-icon-label');
      for (const l of labels ?? []) {
        if (l.name && l.description) assert.ok(l.description.left >= l.name.right - 1, `"${l.text}": the description after the label`);
      }
    }

    // Choose a passage the way a user does: make it active and accept.
    const chosen = passages[1]!;
    // Move down the list with the keyboard command, as a user would, until the passage is active.
    for (let i = 0; i < qp.items.length && qp.activeItems[0] !== chosen; i++) {
      const before = qp.activeItems[0];
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await waitFor(() => qp.activeItems[0] !== before, 5_000, 'the next item becomes active');
    }
    assert.equal(qp.activeItems[0], chosen);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && path.basename(e.document.uri.path) === path.basename(vscode.Uri.parse(chosen.result!.file).path) && !e.selection.isEmpty ? e : undefined;
    }, 10_000, 'the passage opens with a selection');
    assert.equal(editor.document.offsetAt(editor.selection.start), chosen.result!.start);
    assert.equal(editor.document.offsetAt(editor.selection.end), chosen.result!.end);
    assert.equal(editor.document.getText(editor.selection), 'لافروف');
    await waitFor(() => search.picker === undefined, 5_000, 'the quick pick closes');
  });

  it('a stale query is superseded by the next one, and English names work', async () => {
    const { search } = await api();
    const picker = search.open('بيدرسن');
    // The editor the last test opened may take the focus after this pick shows; a pick that loses the focus
    // closes, which is not what this test is about.
    picker.quickPick.ignoreFocusOut = true;
    // Typed before the first query's answer: VS Code reports the new value as a change, as it does a keystroke.
    picker.quickPick.value = 'Caesar Act';
    // While the corpus is still taking in changes (earlier suites add and delete files), the first answer may be
    // from the articles read so far; it is answered again once all are read.
    await waitFor(async () => {
      await picker.settled();
      return picker.answered === 'Caesar Act' && !picker.partial;
    }, 30_000, 'an answer to "Caesar Act" from the whole corpus');
    assert.equal(search.picker, picker, 'the quick pick is still open');
    const items = resultItems(picker.quickPick.items);
    assert.equal(items[0]?.result?.entity?.id, 'caesar-act', `first item of "${picker.quickPick.title}": ${JSON.stringify(picker.quickPick.items[0]?.label)}`);
    assert.ok(items.every((i) => !JSON.stringify(i.result).includes('بيدرسون')), 'nothing of the superseded query');
    picker.quickPick.hide();
  });

  it('a query already running when the next keystroke lands stops mid-way, not only its display', async () => {
    const { search } = await api();
    await search.search.ready();
    const picker = search.open('الأسد');
    picker.quickPick.ignoreFocusOut = true;
    // The keystroke lands at the running query's first pause between two slices (its cancellation can land only
    // there: a query is synchronous within a slice). On this small corpus a query takes less than a slice: a pause
    // after every step.
    picker.sliceMs = 0;
    const pause = picker.pause;
    let typed = false;
    picker.pause = async () => {
      if (!typed && picker.latestQuery === 'الأسد') {
        typed = true;
        picker.quickPick.value = 'Caesar Act';
        await waitFor(() => picker.latestQuery === 'Caesar Act', 5_000, 'VS Code reports the keystroke');
      }
      return pause();
    };
    await waitFor(async () => {
      await picker.settled();
      return (picker.answered === 'Caesar Act' || picker.answered === 'الأسد') && !picker.partial;
    }, 30_000, 'an answer');
    assert.ok(typed, 'the first query was running (it paused between slices) when the keystroke landed');
    assert.equal(picker.answered, 'Caesar Act');
    assert.deepEqual(picker.stopped, ['الأسد'], 'the superseded query stopped mid-way');
    const items = resultItems(picker.quickPick.items);
    assert.equal(items[0]?.result?.entity?.id, 'caesar-act');
    picker.quickPick.hide();
  });

  it('words found side by side show as one phrase, apart from the passage', async () => {
    const { search } = await api();
    const picker = search.open('مجلس الأمن');
    picker.quickPick.ignoreFocusOut = true;
    await waitFor(async () => {
      await picker.settled();
      return picker.answered === 'مجلس الأمن' && !picker.partial && resultItems(picker.quickPick.items).some((i) => i.result!.kind === 'passage');
    }, 20_000, 'passages for مجلس الأمن');
    const passages = resultItems(picker.quickPick.items).filter((i) => i.result!.kind === 'passage');
    assert.ok(passages.some((p) => p.description === '$(search) \u2068مجلس الأمن\u2069'), passages.map((p) => p.description).join(' | '));
    assert.ok(passages.every((p) => !/مجلس\u2069 · \u2068الأمن/.test(p.description ?? '')), 'not "مجلس · الأمن"');
    picker.quickPick.hide();
  });

  it('the concordance lists every mention of an entity, from the Entities view’s command', async () => {
    const { concordance } = await api();
    await vscode.commands.executeCommand('corpusNavigator.concordance', { kind: 'entity', id: 'sergey-lavrov' });
    const panel = await concordance.show({ entity: 'sergey-lavrov' });
    assert.ok(panel.lines.length >= 3);
    assert.ok(panel.lines.every((l) => l.keyword.includes('لافروف')));
    await waitFor(() => Promise.race([panel.rendered.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 200))]), 10_000, 'the webview loads its lines');
    await new Promise((r) => setTimeout(r, 500));
    await screenshot('concordance');
    // As drawn: no sideways scrolling; each line's article by its title, apart from the context beside it.
    const page = await rendered('html:has(#lines)');
    if (page) {
      assert.equal(page.length, 1, 'one concordance page');
      assert.ok(!page[0]!.clipped, `no horizontal scrollbar (${page[0]!.width} px wide)`);
      const sources = (await rendered('#lines td.source'))!;
      const after = (await rendered('#lines td.after'))!;
      assert.equal(sources.length, panel.lines.length);
      sources.forEach((s, i) => {
        assert.equal(s.text, panel.lines[i]!.title, 'the article’s title, not its file name');
        assert.ok(s.width >= 100, `the title has room: ${s.width} px`);
        assert.ok(s.box.right <= after[i]!.box.left, 'the title column stands apart from the context (left of it, right to left)');
      });
    }
    panel.dispose();
  });

  it('a concordance superseded while it runs stops its work; closing its panel stops it too', async () => {
    const { concordance } = await api();
    const panel = await concordance.show({ word: 'لافروف' });
    await panel.rendered;
    const lines = panel.lines.length;
    assert.ok(lines >= 3, `${lines} lines`);
    // Slow pauses between slices, one after every step: a refresh is caught between two of its steps.
    let pauses = 0;
    panel.sliceMs = 0;
    panel.pause = () => {
      pauses++;
      return new Promise((resolve) => setTimeout(resolve, 300));
    };
    const first = panel.refresh();
    await waitFor(() => pauses >= 1, 10_000, 'the first refresh pauses between two steps');
    const second = panel.refresh(); // a sort, or the same concordance asked for again
    assert.equal(await first, false, 'the first refresh sent nothing');
    assert.equal(panel.stopped, 1, 'its cancellation stopped it at its next step');
    assert.equal(await second, true);
    assert.equal(panel.lines.length, lines, 'the second listed every line');
    const before = pauses;
    const third = panel.refresh();
    await waitFor(() => pauses > before, 10_000, 'the third refresh pauses between two steps');
    panel.dispose();
    assert.equal(await third, false, 'closed: it sent nothing');
    assert.equal(panel.stopped, 2, 'closing the panel stopped it');
  });
});
