/**
 * "Search Corpus": a quick pick over entities, articles and passages (src/core/search), grouped by
 * kind with separators, in our own order (every item is `alwaysShow`, and VS Code's re-sorting by
 * label is off: see `keepOurOrder`). VS Code's API has no custom highlights (vscode#83424), so the
 * label keeps VS Code's own highlight of the typed text and the words our matcher found (spelling
 * variants included) are named apart from the label. Each part of a line is a bidi isolate, so an
 * Arabic title and the Arabic words beside it never run together. Choosing an item opens the file
 * with the exact range selected; a button opens it to the side; another opens the concordance.
 * Each keystroke supersedes the search before it: the in-process engine runs a query a slice at a time, so that the
 * keystroke's cancellation lands between two slices and stops it.
 */
import * as vscode from 'vscode';
import type { Corpus } from '../../core/corpus/corpus';
import type { EntityType } from '../../core/entities/recognizer';
import { CorpusSearch, CorpusSearchOptions } from '../../core/search/corpusSearch';
import { isCancelled, QUERY_SYNTAX_HINT, searchInSlices, SearchResult, type SearchEngine, type SearchOptions, type SearchResults } from '../../core/search/index';
import type { SearchServer } from './searchServer';
import { escapeIcons as plain } from '../../core/text/markdown';
import { roughWidth, shortenAround, shortenEnd } from '../../core/text/shorten';
import { mentionsIn } from './entitiesView';
import { fitBeside, isolate, MIN_TITLE, num } from './labels';
import { Commands } from '../workspace/ids';
import { readCorpusText } from '../workspace/workspaceCorpus';
import { signalOf } from '../workspace/cancellation';

const TYPE_ICONS: Record<EntityType, string> = { person: 'person', organisation: 'organization', place: 'globe', law: 'law' };

/**
 * What a line of the quick pick shows at its usual width (about 600 px), in `roughWidth` units, less the room of the
 * buttons an active item shows.
 * A title too long for it would be cut by VS Code at the right, which for Arabic is the title's start, and the
 * outlet and date after it would not show: titles are cut here at whole words to fit beside them.
 */
export const PICK_ROOM = 62;

/** A group's separator label with its count. */
function kindLabel(kind: SearchResult['kind'], count: number): string {
  switch (kind) {
    case 'entity':
      return vscode.l10n.t('Entities ({0})', num(count));
    case 'article':
      return vscode.l10n.t('Articles ({0})', num(count));
    case 'passage':
      return vscode.l10n.t('Passages ({0})', num(count));
  }
}

/** "3 entities, 1 article, 12 passages": each count singular or plural. */
export function countsTitle(entities: number, articles: number, passages: number): string {
  const e = entities === 1 ? vscode.l10n.t('{0} entity', num(entities)) : vscode.l10n.t('{0} entities', num(entities));
  const a = articles === 1 ? vscode.l10n.t('{0} article', num(articles)) : vscode.l10n.t('{0} articles', num(articles));
  const p = passages === 1 ? vscode.l10n.t('{0} passage', num(passages)) : vscode.l10n.t('{0} passages', num(passages));
  return vscode.l10n.t('Search Corpus — {0}, {1}, {2}', e, a, p);
}

export interface SearchItem extends vscode.QuickPickItem {
  result?: SearchResult;
}

/** The items' buttons, made on first use: their tooltips are in the display language, whose bundle may load after this module. */
let itemButtons: { openToSide: vscode.QuickInputButton; concordance: vscode.QuickInputButton } | undefined;
function buttons(): { openToSide: vscode.QuickInputButton; concordance: vscode.QuickInputButton } {
  return (itemButtons ??= {
    openToSide: { iconPath: new vscode.ThemeIcon('split-horizontal'), tooltip: vscode.l10n.t('Open to the Side') },
    concordance: { iconPath: new vscode.ThemeIcon('list-flat'), tooltip: vscode.l10n.t('Concordance (every occurrence in context)') },
  });
}

/** Opens a corpus file with [start, end) (UTF-16 offsets) selected. */
export async function openRange(file: string, start: number, end: number, toSide = false): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
  const selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(end));
  const editor = await vscode.window.showTextDocument(doc, { selection, preview: !toSide, viewColumn: toSide ? vscode.ViewColumn.Beside : undefined });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * VS Code filters the items by its own match of the typed text in the label (items that are `alwaysShow` stay)
 * and, by default, sorts the matching ones first by label and drops the separators while a query is typed.
 * `sortByLabel` turns that off: our order and our separators stay, and VS Code still highlights the typed text
 * where the label holds it. It is proposed API (vscode.proposed.quickPickSortByLabel.d.ts, vscode#73904) that
 * the extension host applies without asking for the proposal; where a VS Code ignores it, the items are only
 * re-sorted, never hidden. `matchOnLabel` is not exposed to extensions at all.
 */
export function keepOurOrder<T extends vscode.QuickPickItem>(qp: vscode.QuickPick<T>): void {
  (qp as vscode.QuickPick<T> & { sortByLabel?: boolean }).sortByLabel = false;
}

/** Article text, isolated, with `$(…)` shown as written (quick pick items render it as an icon otherwise). */
function bidi(s: string): string {
  return isolate(plain(s));
}

/** Quick pick items for a search's results; `archive`: the search server they come from (entity counts are its). */
export function itemsFor(results: { entities: SearchResult[]; articles: SearchResult[]; passages: SearchResult[] }, archive?: string): SearchItem[] {
  const items: SearchItem[] = [];
  for (const kind of ['entity', 'article', 'passage'] as const) {
    const list = kind === 'entity' ? results.entities : kind === 'article' ? results.articles : results.passages;
    if (list.length === 0) continue;
    items.push({ label: kindLabel(kind, list.length), kind: vscode.QuickPickItemKind.Separator });
    for (const r of list) items.push(itemFor(r, archive));
  }
  return items;
}

/**
 * The words our matcher found in the snippet, each once: ranges only white space apart make one phrase
 * ("مجلس الأمن", not "مجلس · الأمن"). Each is isolated, and they are set apart by " · ".
 */
export function matchedWords(r: SearchResult): string {
  const phrases: string[] = [];
  let from = -1;
  let to = -1;
  const flush = (): void => {
    if (from >= 0) phrases.push(r.snippet.slice(from, to));
  };
  for (const [s, e] of [...r.highlights].sort((x, y) => x[0] - y[0])) {
    if (from >= 0 && /^\s*$/.test(r.snippet.slice(to, s))) to = Math.max(to, e);
    else {
      flush();
      from = s;
      to = e;
    }
  }
  flush();
  return [...new Set(phrases)].map(bidi).join(' · ');
}

/** "outlet · date", each isolated ("" when neither is known). */
function outletAndDate(r: SearchResult): string {
  return [r.outlet, r.date].filter((s): s is string => !!s).map(bidi).join(' · ');
}

function itemFor(r: SearchResult, archive?: string): SearchItem {
  const found = matchedWords(r);
  if (r.kind === 'entity' && r.entity) {
    const e = r.entity;
    const counts = mentionsIn(e.mentions, e.articles);
    const firstIn = vscode.l10n.t('{0} · first in {1}', counts, '');
    return {
      label: `$(${TYPE_ICONS[e.type]}) ${plain(e.nameAr)}`,
      description: bidi(e.nameEn),
      detail:
        archive === undefined
          ? vscode.l10n.t('{0} · first in {1}', isolate(counts), bidi(fitBeside(r.title, firstIn, PICK_ROOM)))
          : e.articles === 1
            ? vscode.l10n.t('named in {0} paragraphs of {1} article of {2}', num(e.mentions), num(e.articles), archive)
            : vscode.l10n.t('named in {0} paragraphs of {1} articles of {2}', num(e.mentions), num(e.articles), archive),
      alwaysShow: true,
      buttons: [buttons().concordance, buttons().openToSide],
      result: r,
    };
  }
  if (r.kind === 'article') {
    const where = outletAndDate(r);
    return {
      // Less the icon's room.
      label: `$(file-text) ${plain(fitBeside(r.snippet, where, PICK_ROOM - 2))}`,
      description: where || undefined,
      detail: [found ? `$(search) ${found}` : '', bidi(r.name)].filter(Boolean).join('  ·  '),
      alwaysShow: true,
      buttons: [buttons().openToSide],
      result: r,
    };
  }
  // The passage around its first matched word, leaving room for the words named beside it (and the search icon).
  const [first] = [...r.highlights].sort((x, y) => x[0] - y[0]);
  const room = Math.max(MIN_TITLE, PICK_ROOM - (found ? roughWidth(found) + 3 : 0));
  return {
    label: plain(first ? shortenAround(r.snippet, first[0], first[1], room) : shortenEnd(r.snippet, room)),
    description: found ? `$(search) ${found}` : undefined,
    detail: [bidi(fitBeside(r.title, outletAndDate(r), PICK_ROOM - 2)), outletAndDate(r)].filter(Boolean).join('  ·  '),
    alwaysShow: true,
    buttons: [buttons().concordance, buttons().openToSide],
    result: r,
  };
}

/** The quick pick while it is open; tests read its items and wait for a search to settle. */
export class SearchPicker implements vscode.Disposable {
  readonly quickPick = vscode.window.createQuickPick<SearchItem>();
  /** The latest search's: cancelled when a keystroke supersedes it or the picker closes. */
  private running: vscode.CancellationTokenSource | undefined;
  /** Whether the items shown answer from a corpus still being read (they are refreshed once it is all read). */
  partial = false;
  /** The query the items shown answer (undefined until the first answer). */
  answered: string | undefined;
  /** The query of the latest search, shown or still running. */
  private latest: string | undefined;
  private settledPromise: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [this.quickPick];

  /** Where the items shown came from: "in-process", or a search server's address. */
  source = 'in-process';
  /** The queries the in-process engine stopped mid-way, superseded (the latest few; tests read them). */
  readonly stopped: string[] = [];
  /** How a query's run lets the extension host do other work between two slices (tests may wrap it)… */
  pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  /** …and how long a slice runs, in milliseconds (0: a pause after every step). */
  sliceMs = 10;

  constructor(
    private readonly search: CorpusSearch,
    private readonly onDispose: () => void,
    private readonly server?: SearchServer,
  ) {
    const qp = this.quickPick;
    qp.title = vscode.l10n.t('Search Corpus');
    qp.placeholder = QUERY_SYNTAX_HINT;
    qp.matchOnDescription = false;
    qp.matchOnDetail = false;
    keepOurOrder(qp);
    qp.ignoreFocusOut = false;
    this.disposables.push(
      // VS Code echoes a value set from here (show's query) back as a change: the same query is not run twice.
      qp.onDidChangeValue((v) => {
        if (v !== this.latest) void this.update(v);
      }),
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0] ?? qp.activeItems[0];
        if (item) void this.accept(item);
      }),
      qp.onDidTriggerItemButton((e) => void this.button(e.item, e.button)),
      qp.onDidHide(() => this.dispose()),
    );
  }

  show(value = ''): void {
    this.quickPick.value = value;
    this.quickPick.show();
    void this.update(value);
  }

  /** Resolves when the latest search has shown its items. */
  settled(): Promise<void> {
    return this.settledPromise;
  }

  update(value: string): Promise<void> {
    this.running?.cancel();
    this.running?.dispose();
    const running = (this.running = new vscode.CancellationTokenSource());
    const token = running.token;
    const qp = this.quickPick;
    this.latest = value;
    this.settledPromise = (async () => {
      if (!value.trim()) {
        qp.items = [];
        qp.busy = false;
        qp.title = vscode.l10n.t('Search Corpus');
        this.answered = value;
        this.partial = false;
        return;
      }
      qp.busy = true;
      // Let the next keystroke arrive first: a superseded query is never run.
      await new Promise((r) => setTimeout(r, 25));
      if (token.isCancellationRequested) return;
      // A search server, when one is set; the in-process engine when it is not, or does not answer.
      let unreachable: string | undefined;
      if (this.server?.active) {
        const answer = await this.server.search(value);
        if (token.isCancellationRequested) return;
        if ('results' in answer) {
          // The entities the query names (our matcher, over the workspace's), counted in the archive by the server.
          const found = await this.inProcess((await this.search.current()).engine, value, token, { article: 0, passage: 0 });
          if (!found) return;
          const named = found.entities;
          const counts = await this.server.entityCounts(named.map((r) => r.entity!.id));
          if (token.isCancellationRequested) return;
          answer.results.entities = named.flatMap((r) => {
            const c = counts?.get(r.entity!.id);
            return c ? [{ ...r, entity: { ...r.entity!, mentions: c.lines, articles: c.articles } }] : [];
          });
          qp.title = vscode.l10n.t('{0} · server {1}', this.display(value, answer.results, answer.source), answer.source);
          this.partial = false;
          qp.busy = false;
          return;
        }
        unreachable = answer.source;
      }
      // While the corpus is still being read, answer from what is read so far, then again once it is all read.
      const { engine, partial } = await this.search.current();
      if (token.isCancellationRequested) return;
      const results = await this.inProcess(engine, value, token);
      if (!results) return;
      let title = this.display(value, results, 'in-process');
      if (unreachable !== undefined) title = qp.title = vscode.l10n.t('{0} (server {1} unreachable: results of this workspace)', title, unreachable);
      this.partial = partial;
      if (partial) {
        qp.title = vscode.l10n.t('{0} (indexing: {1} articles so far)', title, num(engine.size));
        void this.search.ready().then(() => {
          if (!token.isCancellationRequested) void this.update(value);
        });
      }
      qp.busy = partial;
    })();
    return this.settledPromise;
  }

  /** The query the latest search answers, shown or still running. */
  get latestQuery(): string | undefined {
    return this.latest;
  }

  /**
   * The in-process engine's answer, a slice at a time: undefined when `token` is cancelled before it ends (the
   * query stops at the next slice). A query ended by another on the same index (the concordance's) or by a change
   * of the index is run again, at once after a few tries.
   */
  private async inProcess(engine: SearchEngine, value: string, token: vscode.CancellationToken, limit?: SearchOptions['limit']): Promise<SearchResults | undefined> {
    const signal = signalOf(token);
    for (let attempt = 1; ; attempt++) {
      try {
        if (attempt > 3) return engine.search(value, { limit, signal });
        return await searchInSlices(engine, value, { limit, signal, pause: this.pause, sliceMs: this.sliceMs });
      } catch (e) {
        if (!isCancelled(e)) throw e;
        if (token.isCancellationRequested) {
          this.stopped.push(value);
          if (this.stopped.length > 20) this.stopped.shift();
          return undefined;
        }
      }
    }
  }

  /** Shows a search's results; returns the title it gave the quick pick. */
  private display(value: string, results: SearchResults, source: string): string {
    const qp = this.quickPick;
    qp.items = itemsFor(results, source === 'in-process' ? undefined : source);
    this.answered = value;
    this.source = source;
    const problems = results.query.problems;
    const title =
      problems.length > 0
        ? vscode.l10n.t('Search Corpus — {0}', problems.join('; '))
        : countsTitle(results.entities.length, results.articles.length, results.passages.length);
    qp.title = title;
    return title;
  }

  async accept(item: SearchItem, toSide = false): Promise<vscode.TextEditor | undefined> {
    const r = item.result;
    if (!r) return undefined;
    if (!toSide) this.quickPick.hide();
    return openRange(r.file, r.start, r.end, toSide);
  }

  private async button(item: SearchItem, button: vscode.QuickInputButton): Promise<void> {
    const r = item.result;
    if (!r) return;
    if (button === buttons().openToSide) await this.accept(item, true);
    else if (button === buttons().concordance) {
      this.quickPick.hide();
      const target = r.kind === 'entity' && r.entity ? { entity: r.entity.id } : { word: this.search.engine.search(this.quickPick.value).query.words.join(' ') || r.snippet };
      await vscode.commands.executeCommand(Commands.concordance, target);
    }
  }

  dispose(): void {
    this.running?.cancel();
    this.running?.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.onDispose();
  }
}

export interface SearchApi {
  search: CorpusSearch;
  /** The search server of the setting (asked first when set). */
  server: SearchServer;
  /** Opens the quick pick (with a query) and returns it. */
  open(query?: string): SearchPicker;
  /** The open quick pick, if any. */
  readonly picker: SearchPicker | undefined;
}

/** `server`: the search server of the setting (made, and disposed, by the caller). */
export function registerSearch(context: vscode.ExtensionContext, corpus: Corpus, options: CorpusSearchOptions, server: SearchServer): SearchApi {
  const search = new CorpusSearch(corpus, readCorpusText, options);
  context.subscriptions.push(search);
  // Once the corpus is read: the index loaded (from its snapshot, or made), then, in idle slices, what the first
  // queries would make (the typo index, the entity names' index), so that the user's first keystrokes do not.
  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  void corpus
    .ready()
    .then(() => search.ready())
    .then(() => search.prepareInSlices(pause))
    .catch(() => undefined); // a query makes what is missing, and reports what fails
  let picker: SearchPicker | undefined;
  const open = (query?: string): SearchPicker => {
    picker?.dispose();
    const p = new SearchPicker(
      search,
      () => {
        if (picker === p) picker = undefined;
      },
      server,
    );
    picker = p;
    p.show(query ?? '');
    return p;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.search, (query?: unknown) => {
      // From the editor: the selected text as the query.
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      open(typeof query === 'string' ? query : selected.length <= 100 ? selected : '');
    }),
    { dispose: () => picker?.dispose() },
  );
  return {
    search,
    server,
    open,
    get picker() {
      return picker;
    },
  };
}
