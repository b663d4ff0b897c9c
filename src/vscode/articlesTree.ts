/**
 * The Articles view: one node per article (title; outlet and date as description; the opening
 * lines as tooltip), its subheadings as children. Choosing a node opens the file at that place.
 */
import * as vscode from 'vscode';
import type { Article, Part } from '../core/article';
import type { Corpus, CorpusEntry } from '../core/corpus';
import { WEEKDAY_NAMES_EN } from '../core/dates';
import { ArticleSort, config } from './config';
import { Commands, ContextKeys, Views } from './ids';
import { fileUri } from './workspaceCorpus';
import { openLocationArgs } from './openLocation';

export type ArticleNode = { kind: 'article'; id: string } | { kind: 'subheading'; id: string; index: number };

const SORT_STATE_KEY = 'corpusNavigator.articlesSort';
const collator = new Intl.Collator('ar');

/**
 * The description beside a title: "derived title · outlet · date". Each part is a bidi isolate, so
 * an Arabic outlet does not run into the Arabic title beside it and "2020-07-17" is not shown
 * reordered as "17-07-2020" in a right-to-left run.
 */
export function describeArticle(a: Article): string {
  const parts = [
    a.title.derived ? 'derived title' : undefined,
    a.outlet ? `\u2068${a.outlet.text}\u2069` : undefined,
    a.date ? `\u2066${a.date.iso}\u2069` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Text without the bidi isolates the view adds (for screen readers and tests). */
export const withoutIsolates = (s: string): string => s.replace(/[\u2066-\u2069]/g, '');

function tooltip(entry: CorpusEntry): vscode.MarkdownString {
  const a = entry.article;
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(a.title.text);
  md.appendMarkdown('**\n\n');
  if (a.title.derived) md.appendMarkdown('*Title derived from the first sentence: the file has no title line.*\n\n');
  for (const alt of a.alternativeTitles) {
    md.appendText(alt.text);
    md.appendMarkdown('\n\n');
  }
  const facts: string[] = [];
  if (a.outlet) facts.push(`Outlet: ${a.outlet.text} (${a.outlet.source})`);
  if (a.date) {
    const weekday = a.date.weekday !== undefined ? ` (${WEEKDAY_NAMES_EN[a.date.weekday]})` : '';
    facts.push(`Date: ${a.date.iso}${weekday}${a.date.inference ? ` — ${a.date.inference}` : a.date.role === 'file-name' ? ' — from the file name' : ''}`);
  }
  facts.push(`${a.paragraphs.length} paragraphs · ${a.subheadings.length} subheadings · ${entry.file.name}`);
  for (const f of facts) {
    md.appendText(f);
    md.appendMarkdown('  \n');
  }
  md.appendMarkdown('\n---\n\n');
  // The opening lines, as the article has them (escaped: article text is never markdown).
  let shown = 0;
  for (const p of a.paragraphs) {
    if (shown >= 2) break;
    md.appendText(p.text.length > 400 ? p.text.slice(0, 400) + '…' : p.text);
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

  constructor(
    private readonly corpus: Corpus,
    private readonly state: vscode.Memento,
  ) {
    this.sort = state.get<ArticleSort>(SORT_STATE_KEY) ?? config.articlesSortBy();
    void vscode.commands.executeCommand('setContext', ContextKeys.articlesSort, this.sort);
    this.disposables.push(corpus.onDidChange(() => this.changed.fire(undefined)));
  }

  get sortBy(): ArticleSort {
    return this.sort;
  }

  async setSort(sort: ArticleSort): Promise<void> {
    this.sort = sort;
    await this.state.update(SORT_STATE_KEY, sort);
    await vscode.commands.executeCommand('setContext', ContextKeys.articlesSort, sort);
    this.changed.fire(undefined);
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
    await this.corpus.ready();
    if (!node) return this.sorted().map((e) => ({ kind: 'article', id: e.file.id }));
    if (node.kind === 'article') {
      const entry = this.corpus.get(node.id);
      return entry ? entry.article.subheadings.map((_, index) => ({ kind: 'subheading', id: node.id, index })) : [];
    }
    return [];
  }

  getParent(node: ArticleNode): ArticleNode | undefined {
    return node.kind === 'subheading' ? { kind: 'article', id: node.id } : undefined;
  }

  getTreeItem(node: ArticleNode): vscode.TreeItem {
    const entry = this.corpus.get(node.id);
    if (!entry) return new vscode.TreeItem('(removed)');
    const uri = fileUri(entry.file);
    if (node.kind === 'article') {
      const a = entry.article;
      const item = new vscode.TreeItem(
        a.title.text || entry.file.name,
        a.subheadings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.id = `article:${node.id}`;
      item.resourceUri = uri;
      item.description = describeArticle(a);
      item.tooltip = tooltip(entry);
      item.iconPath = new vscode.ThemeIcon(a.title.derived ? 'note' : 'file-text');
      item.contextValue = 'article';
      item.command = { command: Commands.openLocation, title: 'Open Article', arguments: openLocationArgs(uri, a.title.range) };
      item.accessibilityInformation = { label: `${a.title.text}, ${withoutIsolates(describeArticle(a))}` };
      return item;
    }
    const heading: Part = entry.article.subheadings[node.index]!;
    const section = entry.article.sections.find((s) => s.heading === heading) ?? entry.article.sections.find((s) => s.heading?.range.start === heading.range.start);
    const item = new vscode.TreeItem(heading.text, vscode.TreeItemCollapsibleState.None);
    item.id = `subheading:${node.id}:${node.index}`;
    const from = heading.range.line + 1;
    const to = (section?.range.endLine ?? heading.range.line) + 1;
    item.description = from === to ? `line ${from}` : `lines ${from}–${to}`;
    item.tooltip = `${heading.text}\n${entry.file.name}, ${item.description}`;
    item.iconPath = new vscode.ThemeIcon('symbol-string');
    item.contextValue = 'subheading';
    item.command = { command: Commands.openLocation, title: 'Go to Subheading', arguments: openLocationArgs(uri, heading.range) };
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

  const updateViewState = (): void => {
    const n = corpus.size;
    view.description = `${n} article${n === 1 ? '' : 's'}`;
    const problems = corpus.problems();
    view.message =
      problems.length === 0
        ? undefined
        : `${problems.length} file${problems.length === 1 ? '' : 's'} skipped: ${problems
            .slice(0, 3)
            .map((p) => `${p.file.name} (${p.message})`)
            .join('; ')}${problems.length > 3 ? '…' : ''}`;
    void vscode.commands.executeCommand('setContext', ContextKeys.articleCount, n);
    void vscode.commands.executeCommand('setContext', ContextKeys.indexed, true);
  };

  context.subscriptions.push(
    provider,
    view,
    corpus.onDidChange(updateViewState),
    vscode.commands.registerCommand(Commands.sortByDate, () => provider.setSort('date')),
    vscode.commands.registerCommand(Commands.sortByTitle, () => provider.setSort('title')),
  );
  return { provider, view };
}
