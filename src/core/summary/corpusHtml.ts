/**
 * The corpus view of the Summary panel, bounded at any corpus size: counts, the timeline, the top entities of each
 * type (all of them on demand, in a box of its own), the network, the outlets as a table of counts (each filters the
 * view to its articles), and the articles a page at a time. What the page shows grows with nothing but the page.
 */
import type { EntityType } from '../entities/recognizer';
import { formatNumber } from '../text/numbers';
import type { SummarySection, SummaryView } from './messages';
import { NETWORK_SIZES } from './messages';
import type { ArticleRef, CorpusSummary, EntityCount, Timeline } from './model';
import { ENTITY_TYPES } from './model';
import { articleLink, bar, dateHtml, entityEn, entityName, esc, heading, json, label, navLink, num, openButton, rankedEntity, TYPE_LABELS } from './htmlParts';
import { networkSvg } from './networkSvg';

type CorpusView = Extract<SummaryView, { kind: 'corpus' }>;

/** Rows of the articles table per page. */
export const PAGE_ROWS = 50;
/** Outlets listed before "show all". */
export const TOP_OUTLETS = 10;
/** Articles named under the timeline (year unknown, undated) before the rest are counted. */
const TIMELINE_LISTED = 10;

/** The view with some of its fields changed (an undefined one removed), for a link that keeps the rest. */
function withView(view: CorpusView, change: Partial<CorpusView>): CorpusView {
  const next: CorpusView = { ...view, ...change };
  for (const k of Object.keys(next) as (keyof CorpusView)[]) if (next[k] === undefined) delete next[k];
  return next;
}

/** A link that keeps its place (and focus) when the view it leads to is shown: `data-key` names it. */
function keyedLink(key: string, view: SummaryView, html: string, cls = 'link', title?: string): string {
  return navLink(view, html, cls, title).replace('<a ', `<a data-key="${esc(key)}" `);
}

function expandToggle(view: CorpusView, section: SummarySection, total: number, shown: number, locale?: string): string {
  const expanded = view.expand?.includes(section) ?? false;
  if (!expanded && total <= shown) return '';
  const expand = expanded ? (view.expand ?? []).filter((s) => s !== section) : [...(view.expand ?? []), section];
  const text = expanded ? label('عرض الأبرز فقط', 'Show fewer') : `${label('عرض الكل', 'Show all')} <bdi class="num">(${esc(formatNumber(total, locale))})</bdi>`;
  return `<p class="more">${keyedLink(`expand-${section}`, withView(view, { expand: expand.length > 0 ? expand : undefined }), text, 'link', undefined)}</p>`;
}

// ---------------------------------------------------------------------------------------------
// Counts

function statCard(value: number, ar: string, en: string, locale?: string): string {
  return `<div class="stat">${num(value, locale)}<span class="stat-label">${label(ar, en)}</span></div>`;
}

function counts(m: CorpusSummary, locale?: string): string {
  const c = m.counts;
  return `<section class="stats" aria-label="Counts">${[
    statCard(c.articles, 'مقالات', 'articles', locale),
    statCard(c.words, 'كلمات', 'words', locale),
    statCard(c.outlets, 'مصادر', 'outlets', locale),
    statCard(c.entities.person, 'شخصيات', 'people', locale),
    statCard(c.entities.organisation, 'منظمات', 'organisations', locale),
    statCard(c.entities.place, 'أماكن', 'places', locale),
    statCard(c.entities.law, 'قوانين واتفاقيات', 'laws', locale),
  ].join('')}</section>`;
}

// ---------------------------------------------------------------------------------------------
// The timeline

/** Up to this many articles in a column, each is a block of its own (a link to its summary); beyond, a bar. */
const MAX_BLOCKS = 8;

/**
 * The timeline: one column per day, month or year; one block per article (a link to its summary),
 * or a bar when a column holds many, under a scale whose labels stand in a gutter of their own; a year
 * that was inferred, not written, is hatched.
 */
export function timelineSvg(t: Timeline, locale?: string): string {
  if (t.buckets.length === 0) return `<p class="muted">${label('لا توجد مقالات مؤرخة', 'No dated articles')}</p>`;
  const f = (n: number): string => formatNumber(n, locale);
  const W = 640;
  const n = t.buckets.length;
  const maxCount = Math.max(1, ...t.buckets.map((b) => b.articles.length));
  const blocks = maxCount <= MAX_BLOCKS;
  // Bars have a scale: its labels (up to "20,000") get a gutter on the left, clear of the first column.
  const padL = blocks ? 24 : 12 + 7 * f(maxCount).length;
  const padR = 24;
  const colW = (W - padL - padR) / n;
  const block = blocks ? Math.min(18, colW * 0.8) : 0;
  const top = blocks ? 0 : 10;
  const plotH = blocks ? Math.max(40, block * maxCount) : 100;
  const H = top + plotH + 44;
  const every = Math.max(1, Math.ceil(n / (t.unit === 'day' ? 8 : 12)));
  const base = top + plotH + 6;
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${padL}" y1="${base + 2}" x2="${W - padR}" y2="${base + 2}"/>`);
  if (!blocks) {
    const yMax = base - plotH;
    parts.push(
      `<line class="axis" x1="${padL}" y1="${yMax}" x2="${padL}" y2="${base + 2}"/>`,
      `<line class="grid-line" x1="${padL}" y1="${yMax}" x2="${W - padR}" y2="${yMax}"/>`,
      `<text class="tl-label tl-scale" x="${padL - 4}" y="${yMax + 4}" text-anchor="end">${esc(f(maxCount))}</text>`,
      `<text class="tl-label tl-scale" x="${padL - 4}" y="${base + 2}" text-anchor="end">${esc(f(0))}</text>`,
    );
  }
  t.buckets.forEach((b, i) => {
    const cx = padL + colW * (i + 0.5);
    if (blocks) {
      b.articles.forEach((a, k) => {
        const y = base - (k + 1) * block;
        const tip = `${a.title} — ${a.date.iso}${a.date.inferred ? ` (year inferred${a.date.how ? `: ${a.date.how}` : ''})` : ''}`;
        parts.push(
          `<a href="#" class="tl-item" data-nav="${json({ kind: 'article', file: a.file })}"><title>${esc(tip)}</title>` +
            `<rect class="tl-block${a.date.inferred ? ' inferred' : ''}" x="${(cx - block / 2 + 1).toFixed(1)}" y="${(y + 1).toFixed(1)}" width="${(block - 2).toFixed(1)}" height="${(block - 2).toFixed(1)}" rx="2"/></a>`,
        );
      });
    } else if (b.articles.length > 0) {
      const inferred = b.articles.filter((a) => a.date.inferred).length;
      const bw = Math.max(1, colW * 0.75);
      const hAll = (plotH * b.articles.length) / maxCount;
      const hInf = (plotH * inferred) / maxCount;
      const tip = `${b.key}: ${f(b.articles.length)} article${b.articles.length === 1 ? '' : 's'}${inferred ? ` (${f(inferred)} with the year inferred)` : ''}`;
      parts.push(
        `<g class="tl-bar"><title>${esc(tip)}</title>` +
          `<rect class="tl-block" x="${(cx - bw / 2).toFixed(1)}" y="${(base - hAll).toFixed(1)}" width="${bw.toFixed(1)}" height="${(hAll - hInf).toFixed(1)}"/>` +
          (inferred ? `<rect class="tl-block inferred" x="${(cx - bw / 2).toFixed(1)}" y="${(base - hInf).toFixed(1)}" width="${bw.toFixed(1)}" height="${hInf.toFixed(1)}"/>` : '') +
          `</g>`,
      );
    }
    if (i % every === 0 || i === n - 1) {
      parts.push(`<text class="tl-label" x="${cx.toFixed(1)}" y="${base + 18}" text-anchor="middle">${esc(b.key)}</text>`);
    }
  });
  return (
    `<figure class="chart" dir="ltr"><svg class="timeline" viewBox="0 0 ${W} ${H.toFixed(0)}" role="group" aria-label="Articles by ${t.unit}" direction="ltr">` +
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch" x1="0" y1="0" x2="0" y2="4"/></pattern></defs>` +
    parts.join('') +
    `</svg><figcaption>By ${esc(t.unit)}. <span class="legend"><svg viewBox="0 0 10 10" class="swatch" aria-hidden="true"><rect class="tl-block" width="10" height="10"/></svg> year written</span>` +
    `<span class="legend"><svg viewBox="0 0 10 10" class="swatch" aria-hidden="true"><rect class="tl-block inferred" width="10" height="10"/></svg> year inferred</span></figcaption></figure>`
  );
}

/** The first few of `list` as links, the rest counted. */
function someArticles(list: readonly ArticleRef[], withDate: boolean, locale?: string): string {
  const shown = list.slice(0, TIMELINE_LISTED).map((a) => `${articleLink(a)}${withDate ? ` ${dateHtml(a.date)}` : ''}`);
  const rest = list.length - shown.length;
  return shown.join('، ') + (rest > 0 ? ` <span class="muted">${label(`و${formatNumber(rest, locale)} غيرها`, `and ${formatNumber(rest, locale)} more`)}</span>` : '');
}

function timelineSection(t: Timeline, locale?: string): string {
  const others: string[] = [];
  if (t.yearUnknown.length > 0) others.push(`<p>${label('سنة غير معروفة', 'Year unknown')} (${num(t.yearUnknown.length, locale)}): ${someArticles(t.yearUnknown, true, locale)}</p>`);
  if (t.undated.length > 0) others.push(`<p>${label('بلا تاريخ', 'Undated')} (${num(t.undated.length, locale)}): ${someArticles(t.undated, false, locale)}</p>`);
  return `<section class="card wide" aria-labelledby="h-timeline">${heading(2, 'الخط الزمني', 'Timeline', 'h-timeline')}${timelineSvg(t, locale)}${others.join('')}</section>`;
}

// ---------------------------------------------------------------------------------------------
// Top entities

function topList(view: CorpusView, type: EntityType, list: readonly EntityCount[], total: number, top: number, locale?: string): string {
  const f = (n: number): string => formatNumber(n, locale);
  const max = Math.max(1, ...list.map((e) => e.count));
  const expanded = view.expand?.includes(type) ?? false;
  const items = list.slice(0, expanded ? list.length : top).map((e) => rankedEntity(e, e.count, max, `${f(e.count)} mentions in ${f(e.articles)} articles`, locale));
  const empty = `<p class="muted">${view.entity ? 'None named with it' : 'None named'}</p>`;
  return (
    `<section class="card top-${type}" aria-labelledby="h-top-${type}">${heading(3, TYPE_LABELS[type].topAr, TYPE_LABELS[type].topEn, `h-top-${type}`)}` +
    (items.length > 0 ? `<ol class="top-list${expanded ? ' scroll' : ''}">${items.join('')}</ol>` : empty) +
    expandToggle(view, type, total, top, locale) +
    `</section>`
  );
}

// ---------------------------------------------------------------------------------------------
// The network

function networkSection(m: CorpusSummary, view: CorpusView, locale?: string): string {
  const net = m.network;
  const boxes = ENTITY_TYPES.map(
    (t) =>
      `<label class="check"><input type="checkbox" data-network-type="${t}"${net.types.includes(t) ? ' checked' : ''}> <span class="swatch-dot t-${t}" aria-hidden="true"></span>${label(TYPE_LABELS[t].ar, TYPE_LABELS[t].en)}</label>`,
  );
  const by =
    `<label class="check">${label('الرابط', 'Linked by')} <select data-network-by>` +
    `<option value="sentence"${net.by === 'sentence' ? ' selected' : ''}>same sentence</option>` +
    `<option value="article"${net.by === 'article' ? ' selected' : ''}>same article</option></select></label>`;
  const size = view.networkSize ?? 24;
  const sizes =
    `<label class="check">${label('الكيانات', 'Entities')} <select data-network-size>` +
    NETWORK_SIZES.map((n) => `<option value="${n}"${n === size ? ' selected' : ''}>${esc(formatNumber(n, locale))}</option>`).join('') +
    `</select></label>`;
  return (
    `<section class="card wide" aria-labelledby="h-network">${heading(2, 'شبكة الكيانات', 'Co-occurrence network', 'h-network')}` +
    `<form class="filters" data-network-form>${boxes.join('')}${by}${sizes}</form>${networkSvg(net, locale)}</section>`
  );
}

// ---------------------------------------------------------------------------------------------
// Outlets and articles

function outletsSection(m: CorpusSummary, view: CorpusView, locale?: string): string {
  const f = (n: number): string => formatNumber(n, locale);
  const expanded = view.expand?.includes('outlets') ?? false;
  const shown = expanded ? m.outlets : m.outlets.slice(0, TOP_OUTLETS);
  const max = Math.max(1, ...m.outlets.map((o) => o.articles.length));
  const total = Math.max(1, m.counts.articles);
  const rows = shown.map(
    (o, i) =>
      `<tr><td class="rank">${num(i + 1, locale)}</td>` +
      `<td class="outlet-cell">${navLink(withView({ kind: 'corpus' }, { outlet: o.name, entity: view.entity }), `<bdi class="outlet">${esc(o.name)}</bdi>`, 'link', `The ${f(o.articles.length)} articles of this outlet`)}</td>` +
      `<td class="count-cell">${num(o.articles.length, locale)}</td>` +
      `<td class="share-cell"><bdi class="num">${esc(`${formatNumber(Math.round((1000 * o.articles.length) / total) / 10, locale)}%`)}</bdi></td>` +
      `<td class="bar-cell">${bar(o.articles.length, max)}</td></tr>`,
  );
  const none = m.withoutOutlet > 0 ? `<p class="muted">${label('بلا مصدر معروف', 'Outlet unknown')}: ${num(m.withoutOutlet, locale)}</p>` : '';
  const table =
    rows.length > 0
      ? `<div class="${expanded ? 'scroll' : ''}"><table class="outlets"><thead><tr><th><span class="sr">Rank</span></th><th>${label('المصدر', 'Outlet')}</th><th>${label('مقالات', 'Articles')}</th><th>${label('النسبة', 'Share')}</th><th><span class="sr">Bar</span></th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
      : `<p class="muted">${label('لا توجد مصادر معروفة', 'No outlet known')}</p>`;
  return (
    `<section class="card wide" aria-labelledby="h-outlets">${heading(2, 'المصادر', 'Outlets', 'h-outlets')}${table}` +
    expandToggle(view, 'outlets', m.outlets.length, TOP_OUTLETS, locale) +
    none +
    `</section>`
  );
}

/** The page of the articles table a view asks for, within the pages there are. */
export function pageOf(view: CorpusView, articles: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(articles / PAGE_ROWS));
  return { page: Math.min(pages - 1, Math.max(0, view.page ?? 0)), pages };
}

function pager(view: CorpusView, page: number, pages: number, total: number, locale?: string): string {
  const f = (n: number): string => formatNumber(n, locale);
  const from = page * PAGE_ROWS + 1;
  const to = Math.min(total, (page + 1) * PAGE_ROWS);
  const where = `<span class="pager-status">${label(`المقالات ${f(from)}–${f(to)} من ${f(total)}`, `${f(from)}–${f(to)} of ${f(total)}`)}</span>`;
  if (pages <= 1) return `<p class="pager">${where}</p>`;
  const go = (key: string, p: number, ar: string, en: string, arrow: string): string =>
    p === page || p < 0 || p >= pages
      ? `<span class="button secondary disabled" aria-disabled="true"><span aria-hidden="true">${arrow}</span> ${label(ar, en)}</span>`
      : keyedLink(key, withView(view, { page: p > 0 ? p : undefined }), `<span aria-hidden="true">${arrow}</span> ${label(ar, en)}`, 'button secondary');
  // Right to left: "previous" stands on the right, pointing right.
  return (
    `<nav class="pager" aria-label="Pages of articles">` +
    go('page-first', 0, 'الأولى', 'First', '⇥') +
    go('page-previous', page - 1, 'السابقة', 'Previous', '→') +
    where +
    `<span class="muted">${label(`صفحة ${f(page + 1)} من ${f(pages)}`, `page ${f(page + 1)} of ${f(pages)}`)}</span>` +
    go('page-next', page + 1, 'التالية', 'Next', '←') +
    go('page-last', pages - 1, 'الأخيرة', 'Last', '⇤') +
    `</nav>`
  );
}

function articlesTable(m: CorpusSummary, view: CorpusView, locale?: string): string {
  const { page, pages } = pageOf(view, m.articles.length);
  const rows = m.articles.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS).map(
    (a) =>
      `<tr><td class="title-cell">${articleLink(a)}${a.derived ? ` <small class="muted" lang="en" dir="ltr">(derived title)</small>` : ''}</td>` +
      `<td class="outlet-cell">${a.outlet ? `<bdi class="outlet">${esc(a.outlet)}</bdi>` : '<span class="muted">—</span>'}</td>` +
      `<td>${dateHtml(a.date)}</td><td>${num(a.words, locale)}</td><td>${num(a.entities, locale)}</td><td>${openButton(a.file, a.at)}</td></tr>`,
  );
  return (
    `<section class="card wide" aria-labelledby="h-articles">${heading(2, 'المقالات', 'Articles', 'h-articles')}` +
    `<table class="articles"><thead><tr><th>${label('العنوان', 'Title')}</th><th>${label('المصدر', 'Outlet')}</th><th>${label('التاريخ', 'Date')}</th>` +
    `<th>${label('كلمات', 'Words')}</th><th>${label('كيانات', 'Entities')}</th><th><span class="sr">Open</span></th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    pager(view, page, pages, m.articles.length, locale) +
    `</section>`
  );
}

// ---------------------------------------------------------------------------------------------
// The view

function filterBanner(m: CorpusSummary): string {
  const f = m.filter;
  const parts: string[] = [];
  if (f) parts.push(`${label('مقتصر على المقالات التي تذكر', 'Only the articles naming')} <bdi>${esc(f.nameAr)}</bdi> ${navLink({ kind: 'entity', id: f.id }, label('بطاقة الكيان', 'Entity card'), 'button secondary')}`);
  if (m.outlet !== undefined) parts.push(`${label('مقتصر على مقالات', 'Only the articles of')} <bdi class="outlet">${esc(m.outlet)}</bdi>`);
  if (parts.length === 0) return '';
  return `<p class="filter-banner">${parts.join(' · ')} ${navLink({ kind: 'corpus' }, label('إزالة التصفية', 'Clear filter'), 'button secondary')}</p>`;
}

export function renderCorpus(m: CorpusSummary, view: CorpusView = { kind: 'corpus' }, locale?: string): string {
  const f = m.filter;
  const title =
    `<h1>${label('ملخص المدونة', 'Corpus summary')}` +
    (f ? ` — ${entityName(f)}${entityEn(f)}` : '') +
    (m.outlet !== undefined ? ` — <bdi class="outlet">${esc(m.outlet)}</bdi>` : '') +
    `</h1>` +
    filterBanner(m);
  const TOP = 8;
  return (
    title +
    counts(m, locale) +
    `<div class="grid">` +
    timelineSection(m.timeline, locale) +
    `<section class="tops wide" aria-label="Top entities">${ENTITY_TYPES.map((t) => topList(view, t, m.top[t], m.counts.entities[t] - (f?.type === t ? 1 : 0), TOP, locale)).join('')}</section>` +
    networkSection(m, view, locale) +
    outletsSection(m, view, locale) +
    articlesTable(m, view, locale) +
    `</div>`
  );
}
