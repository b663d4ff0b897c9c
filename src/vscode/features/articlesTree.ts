/**
 * The Articles view: one node per article (its title, cut at whole words to fit a sidebar row: `rowLabel`;
 * outlet and date as description; the whole title and the opening lines as tooltip), its subheadings as children. Choosing a node opens the file at that place.
 * Files that could not be read are listed last, under "Skipped files", each with the reason.
 * A large corpus (more than GROUP_THRESHOLD articles) is grouped by month or by outlet (a setting and a
 * title-bar toggle), and a group shows PAGE articles at a time, then "Show N more…". The view fills in
 * while the corpus is indexed.
 */
import * as vscode from 'vscode';
import type { Article, Part } from '../../core/article/article';
import { Corpus, CorpusEntry, CorpusProblem, LISTING_PROBLEM_ID } from '../../core/corpus/corpus';
import { WEEKDAY_NAMES_EN } from '../../core/article/dates';
import { escapeMarkdown } from '../../core/text/markdown';
import { ArticleGroup, ArticleSort, config } from '../workspace/config';
import { Commands, ContextKeys, Views } from '../workspace/ids';
import { fileUri } from '../workspace/workspaceCorpus';
import { isolate, num, rowLabel } from './labels';
import { openLocationArgs } from './openLocation';
import { showMoreItem } from './showMore';

export type ArticleNode =
  | { kind: 'article'; id: string }
  | { kind: 'subheading'; id: string; index: number }
  | { kind: 'skipped' }
  | { kind: 'skippedFile'; id: string }
  /** A month ("2020-07", or "" when undated) or an outlet ("" when none), in a large corpus. */
  | { kind: 'group'; key: string }
  /** "Show N more…" at the end of a group's page. */
  | { kind: 'more'; key: string };

const SORT_STATE_KEY = 'corpusNavigator.articlesSort';
const GROUP_STATE_KEY = 'corpusNavigator.articlesGroupBy';
/** Above this many articles the view groups them. */
export const GROUP_THRESHOLD = 200;
/** Articles shown per page of a group. */
export const PAGE = 100;
const collator = new Intl.Collator('ar');

/**
 * The description beside a title: "outlet · date" (a derived title is marked by its icon, its tooltip and its
 * accessible label, which leaves the row's room to the title). Each part is a bidi isolate, so
 * an Arabic outlet does not run into the Arabic title beside it and "2020-07-17" is not shown
 * reordered as "17-07-2020" in a right-to-left run.
 */
export function describeArticle(a: Article): string {
  const parts = [
    a.outlet ? isolate(a.outlet.text) : undefined,
    a.date ? `\u2066${a.date.iso}\u2069` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Text without the bidi isolates the view adds (for screen readers and tests). */
export const withoutIsolates = (s: string): string => s.replace(/[\u2066-\u2069]/g, '');

/**
 * Article text as tooltip markdown: every markdown character escaped, raw HTML included (VS Code drops HTML it
 * does not render, so `appendText`, which leaves `<` alone, would hide `<b>` instead of showing it).
 */
const plain = (md: vscode.MarkdownString, text: string): vscode.MarkdownString => md.appendMarkdown(escapeMarkdown(text));

function tooltip(entry: CorpusEntry): vscode.MarkdownString {
  const a = entry.article;
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  plain(md, a.title.text);
  md.appendMarkdown('**\n\n');
  if (a.title.derived) md.appendMarkdown(`*${escapeMarkdown(vscode.l10n.t('Title derived from the first sentence: the file has no title line.'))}*\n\n`);
  if (entry.notice) {
    md.appendMarkdown('*');
    plain(md, `${entry.file.name}: ${entry.notice}`);
    md.appendMarkdown('*\n\n');
  }
  for (const alt of a.alternativeTitles) {
    plain(md, alt.text);
    md.appendMarkdown('\n\n');
  }
  const facts: string[] = [];
  if (a.outlet) facts.push(vscode.l10n.t('Outlet: {0} ({1})', a.outlet.text, a.outlet.source));
  if (a.date) {
    const weekday = a.date.weekday !== undefined ? ` (${WEEKDAY_NAMES_EN[a.date.weekday]})` : '';
    const how = a.date.inference ? ` — ${a.date.inference}` : a.date.role === 'file-name' ? ` — ${vscode.l10n.t('from the file name')}` : '';
    facts.push(vscode.l10n.t('Date: {0}', `${a.date.iso}${weekday}${how}`));
  }
  facts.push(vscode.l10n.t('{0} paragraphs · {1} subheadings · {2}', num(a.paragraphs.length), num(a.subheadings.length), entry.file.name));
  for (const f of facts) {
    plain(md, f);
    md.appendMarkdown('  \n');
  }
  md.appendMarkdown('\n---\n\n');
  // The opening lines, as the article has them (escaped: article text is never markdown nor HTML).
  let shown = 0;
  for (const p of a.paragraphs) {
    if (shown >= 2) break;
    plain(md, p.text.length > 400 ? p.text.slice(0, 400) + '…' : p.text);
    md.appendMarkdown('\n\n');
    shown++;
  }
  return md;
}

export class ArticlesTreeProvider implements vscode.TreeDataProvider<ArticleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ArticleNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private sort: ArticleSort;
  private group: ArticleGroup;
  /** The articles in view order and by group, computed once per change. */
  private view: { sorted: CorpusEntry[]; groups: Map<string, CorpusEntry[]> | undefined } | undefined;
  /** How many articles each group shows (pages opened with "Show more"). */
  private readonly shown = new Map<string, number>();

  constructor(
    private readonly corpus: Corpus,
    private readonly state: vscode.Memento,
  ) {
    this.sort = state.get<ArticleSort>(SORT_STATE_KEY) ?? config.articlesSortBy();
    this.group = state.get<ArticleGroup>(GROUP_STATE_KEY) ?? config.articlesGroupBy();
    void vscode.commands.executeCommand('setContext', ContextKeys.articlesSort, this.sort);
    this.disposables.push(
      corpus.onDidChange(() => {
        this.view = undefined;
        this.changed.fire(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affectsRowLength(e)) this.changed.fire(undefined);
      }),
    );
  }

  get sortBy(): ArticleSort {
    return this.sort;
  }

  async setSort(sort: ArticleSort): Promise<void> {
    this.sort = sort;
    this.view = undefined;
    await this.state.update(SORT_STATE_KEY, sort);
    await vscode.commands.executeCommand('setContext', ContextKeys.articlesSort, sort);
    this.changed.fire(undefined);
  }

  get groupBy(): ArticleGroup {
    return this.group;
  }

  /** Groups a large corpus by month or by outlet. */
  async setGroupBy(group: ArticleGroup): Promise<void> {
    this.group = group;
    this.view = undefined;
    this.shown.clear();
    await this.state.update(GROUP_STATE_KEY, group);
    this.changed.fire(undefined);
  }

  /** True when the view groups the articles (the corpus is large). */
  get grouped(): boolean {
    return this.corpus.size > GROUP_THRESHOLD;
  }

  /** Shows the next page of a group. */
  showMore(key: string): void {
    this.shown.set(key, (this.shown.get(key) ?? PAGE) + PAGE);
    this.changed.fire({ kind: 'group', key });
  }

  /** The group an article is in: its month ("" undated) or its outlet ("" none). */
  groupOf(entry: CorpusEntry): string {
    const a = entry.article;
    if (this.group === 'outlet') return a.outlet?.text ?? '';
    return a.date?.year !== undefined ? a.date.iso.slice(0, 7) : '';
  }

  private currentView(): { sorted: CorpusEntry[]; groups: Map<string, CorpusEntry[]> | undefined } {
    if (this.view) return this.view;
    const sorted = this.sorted();
    let groups: Map<string, CorpusEntry[]> | undefined;
    if (this.grouped) {
      groups = new Map();
      for (const e of sorted) {
        const key = this.groupOf(e);
        const list = groups.get(key);
        if (list) list.push(e);
        else groups.set(key, [e]);
      }
      // Months newest first, outlets by name; undated or outlet-less last.
      const keys = [...groups.keys()].sort((x, y) => (x === '' ? 1 : y === '' ? -1 : this.group === 'month' ? y.localeCompare(x) : collator.compare(x, y)));
      groups = new Map(keys.map((k) => [k, groups!.get(k)!]));
    }
    return (this.view = { sorted, groups });
  }

  /** While the corpus is read for the first time, waits for its first articles rather than all of them. */
  private async started(): Promise<void> {
    if (this.corpus.indexing) return;
    let subscription: { dispose(): void } | undefined;
    const firstChange = new Promise<void>((resolve) => (subscription = this.corpus.onDidChange(resolve)));
    try {
      await Promise.race([this.corpus.ready(), firstChange]);
    } finally {
      subscription?.dispose();
    }
  }

  /** Articles in the order the view shows them. */
  sorted(): CorpusEntry[] {
    const byTitle = (x: CorpusEntry, y: CorpusEntry): number =>
      collator.compare(x.article.title.text, y.article.title.text) || x.file.name.localeCompare(y.file.name);
    const entries = this.corpus.all();
    if (this.sort === 'title') return entries.sort(byTitle);
    // Newest first; a date whose year is unknown sorts after dated ones, undated articles last.
    const key = (e: CorpusEntry): string => (e.article.date?.year !== undefined ? e.article.date.iso : '');
    return entries.sort((x, y) => key(y).localeCompare(key(x)) || byTitle(x, y));
  }

  async getChildren(node?: ArticleNode): Promise<ArticleNode[]> {
    await this.started();
    if (!node) {
      const { sorted, groups } = this.currentView();
      const top: ArticleNode[] = groups ? [...groups.keys()].map((key) => ({ kind: 'group', key })) : sorted.map((e) => ({ kind: 'article', id: e.file.id }));
      return this.corpus.problems().length > 0 ? [...top, { kind: 'skipped' }] : top;
    }
    if (node.kind === 'group') {
      const list = this.currentView().groups?.get(node.key) ?? [];
      const limit = this.shown.get(node.key) ?? PAGE;
      const page: ArticleNode[] = list.slice(0, limit).map((e) => ({ kind: 'article', id: e.file.id }));
      return list.length > limit ? [...page, { kind: 'more', key: node.key }] : page;
    }
    if (node.kind === 'skipped') return this.skipped().map((p) => ({ kind: 'skippedFile', id: p.file.id }));
    if (node.kind === 'article') {
      const entry = this.corpus.get(node.id);
      return entry ? entry.article.subheadings.map((_, index) => ({ kind: 'subheading', id: node.id, index })) : [];
    }
    return [];
  }

  getParent(node: ArticleNode): ArticleNode | undefined {
    if (node.kind === 'skippedFile') return { kind: 'skipped' };
    if (node.kind === 'more') return { kind: 'group', key: node.key };
    if (node.kind === 'article' && this.grouped) {
      const entry = this.corpus.get(node.id);
      return entry ? { kind: 'group', key: this.groupOf(entry) } : undefined;
    }
    return node.kind === 'subheading' ? { kind: 'article', id: node.id } : undefined;
  }

  /** The files skipped, by name. */
  skipped(): CorpusProblem[] {
    return this.corpus.problems().sort((x, y) => x.file.name.localeCompare(y.file.name));
  }

  getTreeItem(node: ArticleNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const n = this.currentView().groups?.get(node.key)?.length ?? 0;
      const label =
        node.key !== '' ? node.key : this.group === 'month' ? vscode.l10n.t('Undated') : vscode.l10n.t('No outlet');
      const item = new vscode.TreeItem(this.group === 'month' ? label : `\u2068${label}\u2069`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${this.group}:${node.key}`;
      item.description = n === 1 ? vscode.l10n.t('{0} article', num(n)) : vscode.l10n.t('{0} articles', num(n));
      item.iconPath = new vscode.ThemeIcon(this.group === 'month' ? 'calendar' : 'broadcast');
      item.contextValue = 'articleGroup';
      item.accessibilityInformation = { label: `${label}, ${item.description}` };
      return item;
    }
    if (node.kind === 'more') {
      const shown = this.shown.get(node.key) ?? PAGE;
      const left = (this.currentView().groups?.get(node.key)?.length ?? 0) - shown;
      return showMoreItem(`more:${this.group}:${node.key}:${shown}`, left, PAGE, Commands.articlesShowMore, [node.key]);
    }
    if (node.kind === 'skipped') {
      const n = this.corpus.problems().length;
      const item = new vscode.TreeItem(vscode.l10n.t('Skipped files'), vscode.TreeItemCollapsibleState.Expanded);
      item.id = 'skipped';
      item.description = num(n);
      item.tooltip =
        n === 1
          ? vscode.l10n.t('1 file in the corpus folders could not be read as an article; it is listed with the reason.')
          : vscode.l10n.t('{0} files in the corpus folders could not be read as articles; each is listed with the reason.', num(n));
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'skipped';
      return item;
    }
    if (node.kind === 'skippedFile') {
      const problem = this.corpus.problems().find((p) => p.file.id === node.id);
      if (!problem) return new vscode.TreeItem(vscode.l10n.t('(no longer skipped)'));
      // Names and reasons are plain text here: a label and a string tooltip are never rendered as markdown.
      const item = new vscode.TreeItem(problem.file.name, vscode.TreeItemCollapsibleState.None);
      item.id = `skipped:${node.id}`;
      item.description = problem.message;
      item.tooltip = vscode.l10n.t('{0}: {1}. Skipped: it is not in the Articles, Entities, search or summary.', problem.file.name, problem.message);
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'skippedFile';
      if (node.id !== LISTING_PROBLEM_ID) {
        const uri = fileUri(problem.file);
        item.resourceUri = uri;
        item.command = { command: 'revealInExplorer', title: vscode.l10n.t('Reveal in Explorer'), arguments: [uri] };
      }
      item.accessibilityInformation = { label: vscode.l10n.t('Skipped {0}: {1}', problem.file.name, problem.message) };
      return item;
    }
    const entry = this.corpus.get(node.id);
    if (!entry) return new vscode.TreeItem(vscode.l10n.t('(removed)'));
    const uri = fileUri(entry.file);
    if (node.kind === 'article') {
      const a = entry.article;
      const description = describeArticle(a);
      const item = new vscode.TreeItem(
        rowLabel(a.title.text || entry.file.name, description, this.grouped ? 1 : 0),
        a.subheadings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.id = `article:${node.id}`;
      item.resourceUri = uri;
      item.description = description;
      item.tooltip = tooltip(entry);
      item.iconPath = new vscode.ThemeIcon(a.title.derived ? 'note' : 'file-text');
      item.contextValue = 'article';
      item.command = { command: Commands.openLocation, title: vscode.l10n.t('Open Article'), arguments: openLocationArgs(uri, a.title.range) };
      const derived = a.title.derived ? vscode.l10n.t('derived title') : '';
      item.accessibilityInformation = { label: [a.title.text || entry.file.name, derived, withoutIsolates(description)].filter(Boolean).join(', ') };
      return item;
    }
    const heading: Part = entry.article.subheadings[node.index]!;
    const section = entry.article.sections.find((s) => s.heading === heading) ?? entry.article.sections.find((s) => s.heading?.range.start === heading.range.start);
    const from = heading.range.line + 1;
    const to = (section?.range.endLine ?? heading.range.line) + 1;
    const lines = from === to ? vscode.l10n.t('line {0}', num(from)) : vscode.l10n.t('lines {0}–{1}', num(from), num(to));
    const item = new vscode.TreeItem(rowLabel(heading.text, lines, this.grouped ? 2 : 1), vscode.TreeItemCollapsibleState.None);
    item.id = `subheading:${node.id}:${node.index}`;
    item.description = isolate(lines);
    item.tooltip = `${heading.text}\n${entry.file.name}, ${lines}`;
    item.accessibilityInformation = { label: `${heading.text}, ${lines}` };
    item.iconPath = new vscode.ThemeIcon('symbol-string');
    item.contextValue = 'subheading';
    item.command = { command: Commands.openLocation, title: vscode.l10n.t('Go to Subheading'), arguments: openLocationArgs(uri, heading.range) };
    return item;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Registers the Articles view and its commands; everything created is owned by `context`. */
export function registerArticlesView(
  context: vscode.ExtensionContext,
  corpus: Corpus,
): { provider: ArticlesTreeProvider; view: vscode.TreeView<ArticleNode> } {
  const provider = new ArticlesTreeProvider(corpus, context.workspaceState);
  const view = vscode.window.createTreeView(Views.articles, { treeDataProvider: provider, showCollapseAll: true });
  /** Whether the view groups (the context key shows the title-bar toggle); undefined: not told yet. */
  let grouped: boolean | undefined;

  const updateViewState = (): void => {
    const n = corpus.size;
    view.description = n === 1 ? vscode.l10n.t('{0} article', num(n)) : vscode.l10n.t('{0} articles', num(n));
    const problems = corpus.problems();
    // One short line: the files and reasons are listed under "Skipped files", at the end of the view.
    view.message =
      problems.length === 0
        ? undefined
        : problems.length === 1
          ? vscode.l10n.t('Skipped {0}: {1} (see Skipped files).', problems[0]!.file.name, problems[0]!.message)
          : vscode.l10n.t('{0} files skipped: each is listed under Skipped files, with the reason.', num(problems.length));
    void vscode.commands.executeCommand('setContext', ContextKeys.articleCount, n);
    void vscode.commands.executeCommand('setContext', ContextKeys.indexed, corpus.indexing === undefined);
    if (provider.grouped !== grouped) {
      grouped = provider.grouped;
      void vscode.commands.executeCommand('setContext', ContextKeys.articlesGrouped, grouped ? provider.groupBy : false);
    }
  };

  context.subscriptions.push(
    provider,
    view,
    corpus.onDidChange(updateViewState),
    vscode.commands.registerCommand(Commands.sortByDate, () => provider.setSort('date')),
    vscode.commands.registerCommand(Commands.sortByTitle, () => provider.setSort('title')),
    vscode.commands.registerCommand(Commands.articlesGroupBy, async () => {
      await provider.setGroupBy(provider.groupBy === 'month' ? 'outlet' : 'month');
      grouped = undefined;
      updateViewState();
    }),
    vscode.commands.registerCommand(Commands.articlesShowMore, (key: unknown) => {
      if (typeof key === 'string') provider.showMore(key);
    }),
  );
  return { provider, view };
}
