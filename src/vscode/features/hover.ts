/**
 * Hover cards on names in corpus files and other plaintext and markdown files. An official: Arabic
 * and English name, roles, mentions across the corpus with links to each article, who is named with
 * them, and a statement of theirs. A law: its names, when and by whom adopted, a summary, the articles
 * citing it. An entity found in the text rather than the knowledge base: the name as written, how it was
 * found, and for a person each role with the sentence stating it and its article. In an article with a year, the
 * roles held that year come first and the others are set apart as held at other times. Arabic paragraphs are
 * right-aligned and laid out right to left (`rtlParagraph`). Article text is escaped; links run only our own
 * command, trusted by name.
 */
import * as vscode from 'vscode';
import type { SearchServer } from './searchServer';
import type { Corpus } from '../../core/corpus/corpus';
import type { Entity, Role } from '../../core/entities/recognizer';
import { firstArticles, type EntityIndex, type EntityStats } from '../../core/corpus/entityIndex';
import type { DocumentMentions } from '../workspace/documentMentions';
import { Commands, Languages } from '../workspace/ids';
import { openLocationArgs } from './openLocation';
import { fileUri } from '../workspace/workspaceCorpus';
import { escapeMarkdown, rtlInline, rtlParagraph } from '../../core/text/markdown';
import { rolesInYear } from '../../core/entities/roles';
import { discoveredNote } from './entitiesView';

export { escapeMarkdown };

/** Articles listed in a card before "and N more". */
const MAX_ARTICLES = 6;

function commandLink(label: string, command: string, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** A link whose label (an article's title) is laid out right to left within its line. */
function rtlCommandLink(label: string, command: string, args: unknown[]): string {
  return `[${rtlInline(escapeMarkdown(label))}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

function years(r: Role): string {
  if (r.from === undefined) return '';
  return r.to === undefined ? ` (${r.from}–)` : r.from === r.to ? ` (${r.from})` : ` (${r.from}–${r.to})`;
}

/** "Mentioned 3 times in 1 article" (or "Cited …" for a law), in the display language. */
function citedOrMentioned(verb: 'cited' | 'mentioned', count: number, articles: number): string {
  if (verb === 'cited') {
    if (count === 1) return vscode.l10n.t('Cited {0} time in {1} article', count, articles);
    return articles === 1 ? vscode.l10n.t('Cited {0} times in {1} article', count, articles) : vscode.l10n.t('Cited {0} times in {1} articles', count, articles);
  }
  if (count === 1) return vscode.l10n.t('Mentioned {0} time in {1} article', count, articles);
  return articles === 1 ? vscode.l10n.t('Mentioned {0} times in {1} article', count, articles) : vscode.l10n.t('Mentioned {0} times in {1} articles', count, articles);
}

/**
 * Where a role stated in an article comes from: the file's name, a link to the entity's first mention in that
 * article when the corpus holds it (by name: a role keeps the file's name, not its place).
 */
function roleSource(stats: EntityStats, r: Role): string {
  if (r.file === undefined) return '';
  const a = stats.articles.find((x) => x.entry.file.name === r.file);
  const first = a?.mentions[0];
  return a && first ? commandLink(r.file, Commands.openLocation, openLocationArgs(fileUri(a.entry.file), first.range)) : escapeMarkdown(r.file);
}

/**
 * A paragraph of our own words (markdown): right-aligned and right to left when VS Code speaks Arabic, since they
 * are then Arabic ("…، وليس في قاعدة المعرفة." ends on the left); else a plain paragraph.
 */
function uiParagraph(markdown: string): string {
  return /^ar\b/.test(vscode.env.language) ? rtlParagraph(markdown) : `${markdown}\n\n`;
}

/** A role's title (English, else Arabic laid out right to left) with its years. */
function roleTitle(r: Role): string | undefined {
  if (r.titleEn) return `${escapeMarkdown(r.titleEn)}${years(r)}`;
  return r.titleAr ? `${rtlInline(escapeMarkdown(r.titleAr))}${years(r)}` : undefined;
}

/** A person's roles: with the article's year, those held then first and those held at other times set apart. */
function appendRoles(md: vscode.MarkdownString, stats: EntityStats, roles: readonly Role[], year: number | undefined): void {
  const appendAll = (list: readonly Role[]): void => {
    for (const r of list) {
      const title = roleTitle(r);
      if (!title) continue;
      if (r.sentence === undefined) {
        md.appendMarkdown(`${title}  \n`);
        continue;
      }
      // A role the text states: the title, the sentence stating it (a right-to-left paragraph), and the file it
      // stands in, a link to the name in that article when the corpus has it.
      const heading = r.titleEn || !r.titleAr ? `\n${title}\n\n` : `\n${rtlParagraph(`${escapeMarkdown(r.titleAr)}${years(r)}`)}`;
      md.appendMarkdown(`${heading}${rtlParagraph(escapeMarkdown(r.sentence), true)}${roleSource(stats, r)}\n\n`);
    }
  };
  const byYear = year === undefined ? undefined : rolesInYear(roles, year);
  if (year === undefined || !byYear || byYear.held.length + byYear.other.length === 0) return appendAll(roles);
  // Only a role the base's years say was held in the article's year is shown as one held then.
  const heading = byYear.held.length > 0 ? vscode.l10n.t('In {0}, the year of this article:', String(year)) : vscode.l10n.t('No role on record in {0}, the year of this article', String(year));
  md.appendMarkdown(uiParagraph(`*${escapeMarkdown(heading)}*`));
  appendAll(byYear.held);
  appendAll(byYear.undated);
  if (byYear.other.length > 0) {
    md.appendMarkdown(`\n${uiParagraph(`*${escapeMarkdown(vscode.l10n.t('At other times:'))}*`)}`);
    appendAll(byYear.other);
  }
}

/** The archive's counts of an entity (the search server's GROUP BY), shown under the workspace's. */
export interface ArchiveCounts {
  source: string;
  articles: number;
  lines: number;
}

/**
 * The card of an entity, as markdown (exported for tests). `year` is the year of the article hovered, when it is
 * known: a person's roles are given as of that year. `archive`: the search server's counts, when one is set.
 */
export function entityCard(stats: EntityStats, index: EntityIndex, currentFile?: string, year?: number, archive?: ArchiveCounts): vscode.MarkdownString {
  const e: Entity = stats.entity;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [Commands.openLocation, Commands.showEntitySummary] };
  // `<div align="right">` only (rtlParagraph); every text is escaped, so no other HTML can come in.
  md.supportHtml = true;
  // Arabic and Latin in separate paragraphs, each aligned and laid out in its own direction.
  md.appendMarkdown(rtlParagraph(`**${escapeMarkdown(e.nameAr)}**`));
  if (e.nameEn) md.appendMarkdown(`**${escapeMarkdown(e.nameEn)}**\n\n`);
  if (e.discovered) md.appendMarkdown(uiParagraph(`*${escapeMarkdown(discoveredNote(e))}*`));
  if (e.type === 'person') {
    appendRoles(md, stats, e.roles ?? [], year);
    if (e.descriptionEn) md.appendMarkdown(`\n${escapeMarkdown(e.descriptionEn)}\n`);
  } else if (e.type === 'law') {
    const adopted =
      e.adopted && e.issuer ? vscode.l10n.t('Adopted {0} by {1}', e.adopted, e.issuer) : e.adopted ? vscode.l10n.t('Adopted {0}', e.adopted) : e.issuer ? vscode.l10n.t('By {0}', e.issuer) : '';
    if (adopted) md.appendMarkdown(uiParagraph(escapeMarkdown(adopted)));
    if (e.summaryEn) md.appendMarkdown(`${escapeMarkdown(e.summaryEn)}\n\n`);
    if (e.summaryAr) md.appendMarkdown(rtlParagraph(escapeMarkdown(e.summaryAr)));
  } else if (e.descriptionEn) {
    md.appendMarkdown(`${escapeMarkdown(e.descriptionEn)}\n`);
  }
  // The kind of organisation or law its pattern names ("ministry", "un-resolution"), in Latin on its own line.
  if (e.discovered && e.type !== 'person' && e.kind) md.appendMarkdown(`${escapeMarkdown(e.kind)}\n`);

  md.appendMarkdown(`\n${uiParagraph(commandLink(vscode.l10n.t('Open in the Summary panel'), Commands.showEntitySummary, [e.id]))}`);
  md.appendMarkdown('\n---\n\n');
  const n = stats.articleCount ?? stats.articles.length;
  md.appendMarkdown(uiParagraph(`${escapeMarkdown(citedOrMentioned(e.type === 'law' ? 'cited' : 'mentioned', stats.count, n))}:`));
  for (const a of firstArticles(stats, MAX_ARTICLES)) {
    const first = a.mentions[0]!;
    const title = a.entry.article.title.text || a.entry.file.name;
    const here = a.entry.file.id === currentFile ? ` ${escapeMarkdown(vscode.l10n.t('(this article)'))}` : '';
    md.appendMarkdown(`- ${rtlCommandLink(title, Commands.openLocation, openLocationArgs(fileUri(a.entry.file), first.range))} — ${a.mentions.length}${here}\n`);
  }
  if (n > MAX_ARTICLES) md.appendMarkdown(`- ${escapeMarkdown(vscode.l10n.t('… and {0} more', n - MAX_ARTICLES))}\n`);
  if (archive) {
    const counted =
      archive.articles === 1
        ? vscode.l10n.t('In the archive {0}: named in {1} paragraphs of {2} article', archive.source, archive.lines, archive.articles)
        : vscode.l10n.t('In the archive {0}: named in {1} paragraphs of {2} articles', archive.source, archive.lines, archive.articles);
    md.appendMarkdown(`\n${uiParagraph(escapeMarkdown(counted))}`);
  }

  const withThem = index.cooccurring(e.id, 5);
  if (withThem.length > 0) {
    md.appendMarkdown(`\n${uiParagraph(escapeMarkdown(vscode.l10n.t('Most often named with them:')))}`);
    for (const w of withThem) md.appendMarkdown(`- ${rtlInline(escapeMarkdown(w.stats.entity.nameAr))} — ${w.articles}\n`);
  }

  if (e.type === 'person') {
    // A statement of theirs: in this article if there is one, else the first in the corpus.
    const { entry, statement } = index.statementFor(e.id, currentFile) ?? {};
    if (entry && statement) {
      md.appendMarkdown('\n---\n\n');
      md.appendMarkdown(rtlParagraph(escapeMarkdown(statement.text), true));
      const title = entry.article.title.text || entry.file.name;
      const range = entry.mentions.find((m) => m.start >= statement.start && m.entity === e.id)?.range ?? entry.article.title.range;
      md.appendMarkdown(`${rtlCommandLink(title, Commands.openLocation, openLocationArgs(fileUri(entry.file), range))}\n`);
    }
  }
  return md;
}

/** `server`: the search server of the setting; when one is set, the card also gives the archive's counts. */
export function registerHover(context: vscode.ExtensionContext, corpus: Corpus, mentions: DocumentMentions, server?: SearchServer): void {
  const selector: vscode.DocumentSelector = [
    { language: Languages.article },
    { language: 'plaintext' },
    { language: 'markdown' },
  ];
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position, token) {
        const m = await mentions.at(document, position, token);
        if (!m) return undefined;
        const index = corpus.entities();
        const entity = index.get(m.entity)?.entity ?? corpus.entityRecognizer?.entities.get(m.entity);
        if (!entity) return undefined;
        // A name in a file outside the corpus may be one the corpus never mentions.
        const stats = index.get(m.entity) ?? { entity, count: 0, articles: [] };
        const range = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
        // The year of the article hovered (a corpus file with a dated article), for the roles held then.
        const year = corpus.get(document.uri.toString())?.article.date?.year;
        const counts = server?.active ? (await server.entityCounts([entity.id]))?.get(entity.id) : undefined;
        const archive = counts && server ? { source: server.source, ...counts } : undefined;
        return new vscode.Hover(entityCard(stats, index, document.uri.toString(), year, archive), range);
      },
    }),
  );
}
