/**
 * What every view of the Summary panel's HTML is made of: escaping, bilingual labels, numbers in the display
 * language's format, links that navigate or open the editor, dates, entity names, bars. Every text from an article,
 * a file name or the knowledge base goes through `esc` (or `json` for data attributes).
 */
import type { EntityType } from '../entities/recognizer';
import { formatNumber } from '../text/numbers';
import type { OpenTarget, SummaryView } from './messages';
import type { ArticleRef, DateRef, EntityCount, EntityRef, Location } from './model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A JSON value as an escaped attribute value (read back with `JSON.parse(el.dataset.x)`). */
export const json = (value: unknown): string => esc(JSON.stringify(value));

export const TYPE_LABELS: Record<EntityType, { ar: string; en: string; topAr: string; topEn: string }> = {
  person: { ar: 'الشخصيات', en: 'People', topAr: 'أبرز الشخصيات', topEn: 'Top officials' },
  organisation: { ar: 'المنظمات', en: 'Organisations', topAr: 'أبرز المنظمات', topEn: 'Top organisations' },
  place: { ar: 'الأماكن', en: 'Places', topAr: 'أبرز الأماكن', topEn: 'Top places' },
  law: { ar: 'القوانين والاتفاقيات', en: 'Laws and agreements', topAr: 'أبرز القوانين والاتفاقيات', topEn: 'Top laws' },
};

/** An Arabic label with its English gloss, each in its own direction. */
export function label(ar: string, en: string): string {
  return `<span class="ar">${esc(ar)}</span> <small class="en" lang="en" dir="ltr">${esc(en)}</small>`;
}

export function heading(level: 2 | 3, ar: string, en: string, id?: string): string {
  return `<h${level}${id ? ` id="${esc(id)}"` : ''}>${label(ar, en)}</h${level}>`;
}

/** A number in the display language's format, isolated so it keeps its place beside Arabic words. */
export const num = (n: number, locale?: string): string => `<bdi class="num">${esc(formatNumber(n, locale))}</bdi>`;

export function navLink(view: SummaryView, html: string, cls = 'link', title?: string): string {
  return `<a href="#" class="${esc(cls)}" data-nav="${json(view)}"${title ? ` title="${esc(title)}"` : ''}>${html}</a>`;
}

function openTarget(file: string, at: Location): OpenTarget {
  return { file, line: at.line, character: at.character, endLine: at.endLine, endCharacter: at.endCharacter };
}

export function openLink(file: string, at: Location, html: string, cls = 'link', title = 'Open in the editor'): string {
  return `<a href="#" class="${esc(cls)}" data-open="${json(openTarget(file, at))}" title="${esc(title)}">${html}</a>`;
}

/** Icons drawn inline (no icon font to load): "open in the editor" and "entity card". */
const ICON_OPEN = '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M9 2.5h4.5V7M13.5 2.5l-6 6M12 9.5v4H2.5V4h4"/></svg>';
export const ICON_CARD = '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.3"/><path d="M8 7.2v4.3"/><circle class="dot" cx="8" cy="4.9" r="0.8"/></svg>';

export const openButton = (file: string, at: Location): string => openLink(file, at, `${ICON_OPEN}<span class="sr">Open in the editor</span>`, 'icon-button');

/** A date as written in ISO, isolated left-to-right, with an inferred year marked. */
export function dateHtml(d: DateRef | undefined): string {
  if (!d) return `<span class="muted">${label('بلا تاريخ', 'undated')}</span>`;
  const how = d.inferred ? `year inferred: ${d.how ?? ''}` : d.how ?? '';
  const mark = d.inferred ? '<span class="inferred-mark" aria-label="year inferred">≈</span>' : '';
  return `<bdi dir="ltr" class="date${d.inferred ? ' inferred' : ''}" title="${esc(`${d.text}${how ? ` — ${how}` : ''}`)}">${mark}${esc(d.iso)}</bdi>`;
}

export function entityName(e: EntityRef): string {
  return `<bdi class="name-ar" lang="ar">${esc(e.nameAr)}</bdi>`;
}

export function entityEn(e: EntityRef): string {
  return e.nameEn ? ` <bdi class="name-en en" lang="en" dir="ltr">${esc(e.nameEn)}</bdi>` : '';
}

/** A bar for a count relative to the largest one (SVG attributes: no inline style under the CSP). */
export function bar(value: number, max: number, type?: EntityType): string {
  const w = max > 0 ? Math.max(2, Math.round((100 * value) / max)) : 0;
  return `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="${type ? `t-${type}` : 'bar-fill'}" x="${100 - w}" y="0" width="${w}" height="8"/></svg>`;
}


export function articleLink(a: ArticleRef): string {
  return navLink({ kind: 'article', file: a.file }, `<bdi>${esc(a.title)}</bdi>`, 'link', `Summary of ${a.name}`);
}

/** One ranked entity: its Arabic name (filters the view), count and card link; the English name under it. */
export function rankedEntity(e: EntityCount, count: number, max: number, countTitle: string, locale?: string): string {
  return (
    `<li><div class="row">${navLink({ kind: 'corpus', entity: e.id }, entityName(e), `link ent-link t-${e.type}`, `Filter the summary to ${e.nameEn || e.nameAr}`)}` +
    `<span class="count" title="${esc(countTitle)}">${num(count, locale)}</span>` +
    `${navLink({ kind: 'entity', id: e.id }, `${ICON_CARD}<span class="sr">Entity card</span>`, 'icon-button', 'Entity card')}</div>` +
    (e.nameEn ? `<div class="sub en" lang="en" dir="ltr">${esc(e.nameEn)}</div>` : '') +
    `${bar(count, max, e.type)}</li>`
  );
}
