/**
 * The Summary panel's HTML: pure functions from view models to HTML and SVG strings. Every text
 * from an article, a file name or the knowledge base goes through `esc` (or `json` for data
 * attributes), so an article holding `<script>` or `<img onerror=…>` shows those characters as text.
 * No inline script or style: the page's only script is media/summary.js (nonce), colours come from
 * media/summary.css (`--vscode-*` variables). Layout is right-to-left; Latin text and numbers are
 * isolated (`<bdi>`, `dir`) so they keep their order.
 */
import type { EntityType } from '../entities/recognizer';
import type { OpenTarget, SummaryView } from './messages';
import type {
  ArticleRef,
  ArticleSummary,
  CorpusSummary,
  DateRef,
  EntityCount,
  EntityRef,
  EntitySummary,
  Location,
  Network,
  ReaderLine,
  Timeline,
} from './model';
import { ENTITY_TYPES } from './model';

export type SummaryModel = CorpusSummary | ArticleSummary | EntitySummary;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A JSON value as an escaped attribute value (read back with `JSON.parse(el.dataset.x)`). */
const json = (value: unknown): string => esc(JSON.stringify(value));

export const TYPE_LABELS: Record<EntityType, { ar: string; en: string; topAr: string; topEn: string }> = {
  person: { ar: 'الشخصيات', en: 'People', topAr: 'أبرز الشخصيات', topEn: 'Top officials' },
  organisation: { ar: 'المنظمات', en: 'Organisations', topAr: 'أبرز المنظمات', topEn: 'Top organisations' },
  place: { ar: 'الأماكن', en: 'Places', topAr: 'أبرز الأماكن', topEn: 'Top places' },
  law: { ar: 'القوانين والاتفاقيات', en: 'Laws and agreements', topAr: 'أبرز القوانين والاتفاقيات', topEn: 'Top laws' },
};

/** An Arabic label with its English gloss, each in its own direction. */
function label(ar: string, en: string): string {
  return `<span class="ar">${esc(ar)}</span> <small class="en" lang="en" dir="ltr">${esc(en)}</small>`;
}

function heading(level: 2 | 3, ar: string, en: string, id?: string): string {
  return `<h${level}${id ? ` id="${esc(id)}"` : ''}>${label(ar, en)}</h${level}>`;
}

/** A number, isolated so it keeps its place beside Arabic words. */
const num = (n: number): string => `<bdi class="num">${esc(n.toLocaleString('en-US'))}</bdi>`;

function navLink(view: SummaryView, html: string, cls = 'link', title?: string): string {
  return `<a href="#" class="${esc(cls)}" data-nav="${json(view)}"${title ? ` title="${esc(title)}"` : ''}>${html}</a>`;
}

function openTarget(file: string, at: Location): OpenTarget {
  return { file, line: at.line, character: at.character, endLine: at.endLine, endCharacter: at.endCharacter };
}

function openLink(file: string, at: Location, html: string, cls = 'link', title = 'Open in the editor'): string {
  return `<a href="#" class="${esc(cls)}" data-open="${json(openTarget(file, at))}" title="${esc(title)}">${html}</a>`;
}

/** Icons drawn inline (no icon font to load): "open in the editor" and "entity card". */
const ICON_OPEN = '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M9 2.5h4.5V7M13.5 2.5l-6 6M12 9.5v4H2.5V4h4"/></svg>';
const ICON_CARD = '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6.3"/><path d="M8 7.2v4.3"/><circle class="dot" cx="8" cy="4.9" r="0.8"/></svg>';

const openButton = (file: string, at: Location): string => openLink(file, at, `${ICON_OPEN}<span class="sr">Open in the editor</span>`, 'icon-button');

/** A date as written in ISO, isolated left-to-right, with an inferred year marked. */
export function dateHtml(d: DateRef | undefined): string {
  if (!d) return `<span class="muted">${label('بلا تاريخ', 'undated')}</span>`;
  const how = d.inferred ? `year inferred: ${d.how ?? ''}` : d.how ?? '';
  const mark = d.inferred ? '<span class="inferred-mark" aria-label="year inferred">≈</span>' : '';
  return `<bdi dir="ltr" class="date${d.inferred ? ' inferred' : ''}" title="${esc(`${d.text}${how ? ` — ${how}` : ''}`)}">${mark}${esc(d.iso)}</bdi>`;
}

function entityName(e: EntityRef): string {
  return `<bdi class="name-ar" lang="ar">${esc(e.nameAr)}</bdi>`;
}

function entityEn(e: EntityRef): string {
  return e.nameEn ? ` <bdi class="name-en en" lang="en" dir="ltr">${esc(e.nameEn)}</bdi>` : '';
}

/** A bar for a count relative to the largest one (SVG attributes: no inline style under the CSP). */
function bar(value: number, max: number, type?: EntityType): string {
  const w = max > 0 ? Math.max(2, Math.round((100 * value) / max)) : 0;
  return `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="${type ? `t-${type}` : 'bar-fill'}" x="${100 - w}" y="0" width="${w}" height="8"/></svg>`;
}

// ---------------------------------------------------------------------------------------------
// Chrome around every view

function toolbar(view: SummaryView, canGoBack: boolean): string {
  const back = canGoBack
    ? `<button type="button" class="button secondary" data-back title="Back (Alt+Left)"><span aria-hidden="true">→</span> ${label('رجوع', 'Back')}</button>`
    : '';
  const home =
    view.kind === 'corpus' && view.entity === undefined
      ? ''
      : navLink({ kind: 'corpus' }, label('المدونة كاملة', 'Whole corpus'), 'button secondary');
  return `<nav class="toolbar" aria-label="Summary navigation">${back}${home}</nav>`;
}

// ---------------------------------------------------------------------------------------------
// The corpus view

function statCard(value: number, ar: string, en: string): string {
  return `<div class="stat">${num(value)}<span class="stat-label">${label(ar, en)}</span></div>`;
}

function counts(m: CorpusSummary): string {
  const c = m.counts;
  return `<section class="stats" aria-label="Counts">${[
    statCard(c.articles, 'مقالات', 'articles'),
    statCard(c.words, 'كلمات', 'words'),
    statCard(c.outlets, 'مصادر', 'outlets'),
    statCard(c.entities.person, 'شخصيات', 'people'),
    statCard(c.entities.organisation, 'منظمات', 'organisations'),
    statCard(c.entities.place, 'أماكن', 'places'),
    statCard(c.entities.law, 'قوانين واتفاقيات', 'laws'),
  ].join('')}</section>`;
}

/** Up to this many articles in a column, each is a block of its own (a link to its summary); beyond, a bar. */
const MAX_BLOCKS = 8;

/**
 * The timeline: one column per day, month or year; one block per article (a link to its summary),
 * or a bar when a column holds many; a year that was inferred, not written, is hatched.
 */
export function timelineSvg(t: Timeline): string {
  if (t.buckets.length === 0) return `<p class="muted">${label('لا توجد مقالات مؤرخة', 'No dated articles')}</p>`;
  const W = 640;
  const pad = 24;
  const n = t.buckets.length;
  const colW = (W - 2 * pad) / n;
  const maxCount = Math.max(1, ...t.buckets.map((b) => b.articles.length));
  const blocks = maxCount <= MAX_BLOCKS;
  const block = blocks ? Math.min(18, colW * 0.8) : 0;
  const plotH = blocks ? Math.max(40, block * maxCount) : 100;
  const H = plotH + 44;
  const every = Math.max(1, Math.ceil(n / (t.unit === 'day' ? 8 : 12)));
  const base = plotH + 6;
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${pad}" y1="${base + 2}" x2="${W - pad}" y2="${base + 2}"/>`);
  t.buckets.forEach((b, i) => {
    const cx = pad + colW * (i + 0.5);
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
      const tip = `${b.key}: ${b.articles.length} article${b.articles.length === 1 ? '' : 's'}${inferred ? ` (${inferred} with the year inferred)` : ''}`;
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
  if (!blocks) parts.push(`<text class="tl-label" x="${pad}" y="12">${maxCount}</text>`);
  return (
    `<figure class="chart" dir="ltr"><svg class="timeline" viewBox="0 0 ${W} ${H.toFixed(0)}" role="group" aria-label="Articles by ${t.unit}" direction="ltr">` +
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch" x1="0" y1="0" x2="0" y2="4"/></pattern></defs>` +
    parts.join('') +
    `</svg><figcaption>By ${esc(t.unit)}. <span class="legend"><svg viewBox="0 0 10 10" class="swatch" aria-hidden="true"><rect class="tl-block" width="10" height="10"/></svg> year written</span>` +
    `<span class="legend"><svg viewBox="0 0 10 10" class="swatch" aria-hidden="true"><rect class="tl-block inferred" width="10" height="10"/></svg> year inferred</span></figcaption></figure>`
  );
}

function timelineSection(t: Timeline): string {
  const others: string[] = [];
  if (t.yearUnknown.length > 0) {
    others.push(`<p>${label('سنة غير معروفة', 'Year unknown')}: ${t.yearUnknown.map((a) => `${articleLink(a)} ${dateHtml(a.date)}`).join('، ')}</p>`);
  }
  if (t.undated.length > 0) others.push(`<p>${label('بلا تاريخ', 'Undated')}: ${t.undated.map((a) => articleLink(a)).join('، ')}</p>`);
  return `<section class="card wide" aria-labelledby="h-timeline">${heading(2, 'الخط الزمني', 'Timeline', 'h-timeline')}${timelineSvg(t)}${others.join('')}</section>`;
}

function articleLink(a: ArticleRef): string {
  return navLink({ kind: 'article', file: a.file }, `<bdi>${esc(a.title)}</bdi>`, 'link', `Summary of ${a.name}`);
}

/** One ranked entity: its Arabic name (filters the view), count and card link; the English name under it. */
function rankedEntity(e: EntityCount, count: number, max: number, countTitle: string): string {
  return (
    `<li><div class="row">${navLink({ kind: 'corpus', entity: e.id }, entityName(e), `link ent-link t-${e.type}`, `Filter the summary to ${e.nameEn || e.nameAr}`)}` +
    `<span class="count" title="${esc(countTitle)}">${num(count)}</span>` +
    `${navLink({ kind: 'entity', id: e.id }, `${ICON_CARD}<span class="sr">Entity card</span>`, 'icon-button', 'Entity card')}</div>` +
    (e.nameEn ? `<div class="sub en" lang="en" dir="ltr">${esc(e.nameEn)}</div>` : '') +
    `${bar(count, max, e.type)}</li>`
  );
}

function topList(type: EntityType, list: readonly EntityCount[], filter?: string): string {
  const max = Math.max(1, ...list.map((e) => e.count));
  const items = list.map((e) => rankedEntity(e, e.count, max, `${e.count} mentions in ${e.articles} articles`));
  const empty = `<p class="muted">${filter ? 'None named with it' : 'None named'}</p>`;
  return (
    `<section class="card top-${type}" aria-labelledby="h-top-${type}">${heading(3, TYPE_LABELS[type].topAr, TYPE_LABELS[type].topEn, `h-top-${type}`)}` +
    (items.length > 0 ? `<ol class="top-list">${items.join('')}</ol>` : empty) +
    `</section>`
  );
}

function outletsSection(m: CorpusSummary): string {
  const max = Math.max(1, ...m.outlets.map((o) => o.articles.length));
  const items = m.outlets.map(
    (o) =>
      `<li><bdi class="outlet">${esc(o.name)}</bdi> <span class="count">${num(o.articles.length)}</span>${bar(o.articles.length, max)}` +
      `<span class="outlet-articles">${o.articles.map((a) => articleLink(a)).join('، ')}</span></li>`,
  );
  const none = m.withoutOutlet > 0 ? `<p class="muted">${label('بلا مصدر معروف', 'Outlet unknown')}: ${num(m.withoutOutlet)}</p>` : '';
  return `<section class="card wide" aria-labelledby="h-outlets">${heading(2, 'المصادر', 'Outlets', 'h-outlets')}<ul class="outlets">${items.join('')}</ul>${none}</section>`;
}

/** Rows of the articles table (the rest are counted). */
const MAX_ROWS = 150;

function articlesTable(m: CorpusSummary): string {
  const more = m.articles.length - MAX_ROWS;
  const rows = m.articles.slice(0, MAX_ROWS).map(
    (a) =>
      `<tr><td class="title-cell">${articleLink(a)}${a.derived ? ` <small class="muted" lang="en" dir="ltr">(derived title)</small>` : ''}</td>` +
      `<td>${a.outlet ? `<bdi>${esc(a.outlet)}</bdi>` : '<span class="muted">—</span>'}</td>` +
      `<td>${dateHtml(a.date)}</td><td>${num(a.words)}</td><td>${num(a.entities)}</td><td>${openButton(a.file, a.at)}</td></tr>`,
  );
  return (
    `<section class="card wide" aria-labelledby="h-articles">${heading(2, 'المقالات', 'Articles', 'h-articles')}` +
    `<table class="articles"><thead><tr><th>${label('العنوان', 'Title')}</th><th>${label('المصدر', 'Outlet')}</th><th>${label('التاريخ', 'Date')}</th>` +
    `<th>${label('كلمات', 'Words')}</th><th>${label('كيانات', 'Entities')}</th><th><span class="sr">Open</span></th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    (more > 0 ? `<p class="muted">… ${num(more)} ${label('مقالات أخرى', 'more articles')}</p>` : '') +
    `</section>`
  );
}

/**
 * A force-directed layout (Fruchterman–Reingold), deterministic: nodes start on a circle in a fixed
 * order, linked nodes pull together (more for heavier edges), all push apart, a little gravity keeps
 * loners in view. Returns positions scaled into [0, 1]².
 */
const GRAVITY = 1.2;

export function layoutNetwork(ids: readonly string[], edges: readonly { a: string; b: string; weight: number }[], iterations = 300): Map<string, { x: number; y: number }> {
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = ids.map((_, i) => Math.cos((2 * Math.PI * i) / Math.max(1, n)));
  const y = ids.map((_, i) => Math.sin((2 * Math.PI * i) / Math.max(1, n)));
  const links = edges.flatMap((e) => {
    const i = index.get(e.a);
    const j = index.get(e.b);
    return i === undefined || j === undefined ? [] : [{ i, j, w: 1 + Math.log(e.weight) }];
  });
  const k = Math.sqrt(4 / Math.max(1, n));
  let t = 0.2;
  for (let it = 0; it < iterations; it++) {
    const dx = new Array<number>(n).fill(0);
    const dy = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ux = x[i]! - x[j]!;
        let uy = y[i]! - y[j]!;
        let d = Math.hypot(ux, uy);
        if (d < 1e-6) [ux, uy, d] = [1e-3 * (i - j), 1e-3, 1e-3];
        const f = (k * k) / d;
        dx[i]! += (ux / d) * f;
        dy[i]! += (uy / d) * f;
        dx[j]! -= (ux / d) * f;
        dy[j]! -= (uy / d) * f;
      }
    }
    for (const { i, j, w } of links) {
      const ux = x[i]! - x[j]!;
      const uy = y[i]! - y[j]!;
      const d = Math.max(1e-6, Math.hypot(ux, uy));
      const f = ((d * d) / k) * w;
      dx[i]! -= (ux / d) * f;
      dy[i]! -= (uy / d) * f;
      dx[j]! += (ux / d) * f;
      dy[j]! += (uy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity toward the centre, growing with the distance: keeps separate groups and loners close.
      const d0 = Math.hypot(x[i]!, y[i]!);
      dx[i]! -= x[i]! * GRAVITY * d0;
      dy[i]! -= y[i]! * GRAVITY * d0;
      const d = Math.hypot(dx[i]!, dy[i]!);
      if (d > 0) {
        x[i]! += (dx[i]! / d) * Math.min(d, t);
        y[i]! += (dy[i]! / d) * Math.min(d, t);
      }
    }
    t = Math.max(0.002, t * 0.985);
  }
  const [x0, x1, y0, y1] = [Math.min(...x), Math.max(...x), Math.min(...y), Math.max(...y)];
  const sx = x1 - x0 || 1;
  const sy = y1 - y0 || 1;
  return new Map(ids.map((id, i) => [id, { x: n === 1 ? 0.5 : (x[i]! - x0) / sx, y: n === 1 ? 0.5 : (y[i]! - y0) / sy }]));
}

/** Estimated width of a 12px label (Arabic letters run narrow): enough to keep labels apart. */
const labelWidth = (text: string): number => 6 * text.length + 6;

/**
 * Nudges nodes apart where a node's label (centred under it) overlaps another node's label or
 * circle: a few passes, each moving both halfway out along the cheaper axis, kept inside the box.
 */
function separateLabels(
  nodes: readonly { id: string; nameAr: string; count: number }[],
  pos: Map<string, { x: number; y: number }>,
  o: { W: number; H: number; margin: { x: number; top: number; bottom: number }; radius: (n: { count: number }) => number },
): void {
  const box = (n: { id: string; nameAr: string; count: number }) => {
    const p = pos.get(n.id)!;
    const r = o.radius(n);
    const w = Math.max(2 * r, labelWidth(n.nameAr));
    return { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - r, y1: p.y + r + 16 };
  };
  for (let pass = 0; pass < 60; pass++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = box(nodes[i]!);
        const b = box(nodes[j]!);
        const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (ox <= 0 || oy <= 0) continue;
        const pa = pos.get(nodes[i]!.id)!;
        const pb = pos.get(nodes[j]!.id)!;
        if (oy < ox) {
          const s = (pa.y <= pb.y ? -1 : 1) * (oy / 2 + 1);
          pa.y += s;
          pb.y -= s;
        } else {
          const s = (pa.x <= pb.x ? -1 : 1) * (ox / 2 + 1);
          pa.x += s;
          pb.x -= s;
        }
        moved = true;
      }
    }
    for (const p of pos.values()) {
      p.x = Math.min(o.W - o.margin.x, Math.max(o.margin.x, p.x));
      p.y = Math.min(o.H - o.margin.bottom, Math.max(o.margin.top, p.y));
    }
    if (!moved) break;
  }
}

/** The co-occurrence network: a force-directed layout, edge width from the weight, node size from mentions. */
export function networkSvg(net: Network): string {
  if (net.nodes.length === 0) return `<p class="muted">${label('لا توجد روابط', 'No entities named together')}</p>`;
  const W = 760;
  const H = 480;
  const margin = { x: 70, top: 24, bottom: 34 };
  const order = [...net.nodes].sort((a, b) => ENTITY_TYPES.indexOf(a.type) - ENTITY_TYPES.indexOf(b.type) || b.count - a.count || a.id.localeCompare(b.id));
  const maxCount = Math.max(1, ...order.map((n) => n.count));
  const maxWeight = Math.max(1, ...net.edges.map((e) => e.weight));
  const unitPos = layoutNetwork(
    order.map((n) => n.id),
    net.edges,
  );
  const pos = new Map(
    [...unitPos].map(([id, p]) => [id, { x: margin.x + p.x * (W - 2 * margin.x), y: margin.top + p.y * (H - margin.top - margin.bottom) }] as const),
  );
  separateLabels(order, pos, { W, H, margin, radius: (n) => 4 + 9 * Math.sqrt(n.count / maxCount) });
  const names = new Map(order.map((n) => [n.id, n]));
  const unit = net.by === 'sentence' ? 'sentence' : 'article';
  const edges = net.edges.map((e) => {
    const a = pos.get(e.a)!;
    const b = pos.get(e.b)!;
    const w = (1 + (4 * e.weight) / maxWeight).toFixed(1);
    const focus = net.focus !== undefined && (e.a === net.focus || e.b === net.focus) ? ' focus' : '';
    const tip = `${names.get(e.a)!.nameAr} — ${names.get(e.b)!.nameAr}: ${e.sentences} sentence${e.sentences === 1 ? '' : 's'}, ${e.articles} article${e.articles === 1 ? '' : 's'}`;
    return `<line class="edge${focus}" x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke-width="${w}" data-a="${esc(e.a)}" data-b="${esc(e.b)}"><title>${esc(tip)}</title></line>`;
  });
  // Nodes in reading order (top to bottom, right to left) so Tab and the arrow keys walk them sensibly.
  const reading = [...order].sort((a, b) => pos.get(a.id)!.y - pos.get(b.id)!.y || pos.get(b.id)!.x - pos.get(a.id)!.x);
  const nodes = reading.map((n) => {
    const p = pos.get(n.id)!;
    const r = 4 + 9 * Math.sqrt(n.count / maxCount);
    const focus = n.id === net.focus ? ' focus' : '';
    const tip = `${n.nameAr}${n.nameEn ? ` (${n.nameEn})` : ''}: ${n.count} mentions in ${n.articles} articles`;
    return (
      `<a href="#" class="node t-${n.type}${focus}" data-nav="${json({ kind: 'corpus', entity: n.id, networkTypes: net.types, networkBy: net.by })}" data-id="${esc(n.id)}"><title>${esc(tip)}</title>` +
      `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r.toFixed(1)}"/>` +
      `<text x="${p.x.toFixed(1)}" y="${(p.y + r + 12).toFixed(1)}" text-anchor="middle">${esc(n.nameAr)}</text></a>`
    );
  });
  return (
    `<figure class="chart network-figure" dir="ltr"><svg class="network" viewBox="0 0 ${W} ${H}" role="group" aria-label="Entities named in the same ${unit}" direction="ltr">` +
    `<g class="edges">${edges.join('')}</g><g class="nodes">${nodes.join('')}</g></svg>` +
    `<figcaption><span>${esc(`Edge width: ${unit}s naming both (widest: ${maxWeight}). Choose a name to filter the summary to it.`)}</span></figcaption></figure>`
  );
}

function networkSection(m: CorpusSummary): string {
  const net = m.network;
  const boxes = ENTITY_TYPES.map(
    (t) =>
      `<label class="check"><input type="checkbox" data-network-type="${t}"${net.types.includes(t) ? ' checked' : ''}> <span class="swatch-dot t-${t}" aria-hidden="true"></span>${label(TYPE_LABELS[t].ar, TYPE_LABELS[t].en)}</label>`,
  );
  const by =
    `<label class="check">${label('الرابط', 'Linked by')} <select data-network-by>` +
    `<option value="sentence"${net.by === 'sentence' ? ' selected' : ''}>same sentence</option>` +
    `<option value="article"${net.by === 'article' ? ' selected' : ''}>same article</option></select></label>`;
  return (
    `<section class="card wide" aria-labelledby="h-network">${heading(2, 'شبكة الكيانات', 'Co-occurrence network', 'h-network')}` +
    `<form class="filters" data-network-form data-entity="${esc(m.filter?.id ?? '')}">${boxes.join('')}${by}</form>${networkSvg(net)}</section>`
  );
}

export function renderCorpus(m: CorpusSummary): string {
  const f = m.filter;
  const title = f
    ? `<h1>${label('ملخص المدونة', 'Corpus summary')} — ${entityName(f)}${entityEn(f)}</h1>` +
      `<p class="filter-banner">${label('مقتصر على المقالات التي تذكر', 'Only the articles naming')} <bdi>${esc(f.nameAr)}</bdi> ` +
      `${navLink({ kind: 'entity', id: f.id }, label('بطاقة الكيان', 'Entity card'), 'button secondary')} ` +
      `${navLink({ kind: 'corpus' }, label('إزالة التصفية', 'Clear filter'), 'button secondary')}</p>`
    : `<h1>${label('ملخص المدونة', 'Corpus summary')}</h1>`;
  return (
    title +
    counts(m) +
    `<div class="grid">` +
    timelineSection(m.timeline) +
    `<section class="tops wide" aria-label="Top entities">${ENTITY_TYPES.map((t) => topList(t, m.top[t], f?.id)).join('')}</section>` +
    networkSection(m) +
    outletsSection(m) +
    articlesTable(m) +
    `</div>`
  );
}

// ---------------------------------------------------------------------------------------------
// The article view

function readerLine(file: string, l: ReaderLine): string {
  const spans = l.segments
    .map((s) => {
      let html = esc(s.text);
      if (s.entity) html = navLink({ kind: 'entity', id: s.entity.id }, html, `ent t-${s.entity.type}`);
      if (s.summary !== undefined) html = `<mark class="in-summary" data-rank="${s.summary}">${html}</mark>`;
      return html;
    })
    .join('');
  const first = l.segments[0];
  const last = l.segments[l.segments.length - 1];
  const at: Location | undefined = first && last ? { start: first.start, end: first.start, line: l.line, character: 0, endLine: l.line, endCharacter: 0 } : undefined;
  const ln = at ? openLink(file, at, esc(l.line + 1), 'ln', `Open line ${l.line + 1}`) : '';
  const tag = l.role === 'title' ? 'h2' : l.role === 'subheading' ? 'h3' : 'p';
  const kind = l.boilerplate ? ` data-boilerplate="${esc(l.boilerplate)}" title="${esc(`boilerplate: ${l.boilerplate}`)}"` : '';
  return `<div class="r-line r-${l.role}"${kind}>${ln}<${tag} dir="auto">${spans}</${tag}></div>`;
}

export function renderArticle(m: ArticleSummary): string {
  const a = m.article;
  const byType = ENTITY_TYPES.map((t) => {
    const list = m.entities.filter((e) => e.type === t);
    if (list.length === 0) return '';
    const chips = list.map((e) => `<li>${navLink({ kind: 'entity', id: e.id }, `${entityName(e)} ${num(e.count)}`, `chip t-${t}`, e.nameEn || e.nameAr)}</li>`);
    return `<div class="chips-group"><h3>${label(TYPE_LABELS[t].ar, TYPE_LABELS[t].en)}</h3><ul class="chips">${chips.join('')}</ul></div>`;
  });
  const summary = m.summary.map((s) => `<li>${openLink(a.file, s, esc(s.text), 'sentence', `Open line ${s.line + 1}`)}</li>`);
  const meta = [
    a.outlet ? `<div><dt>${label('المصدر', 'Outlet')}</dt><dd><bdi>${esc(a.outlet)}</bdi>${m.outletSource ? ` <small class="muted en" lang="en" dir="ltr">(${esc(m.outletSource)})</small>` : ''}</dd></div>` : '',
    `<div><dt>${label('التاريخ', 'Date')}</dt><dd>${dateHtml(a.date)}${a.date ? ` <small class="muted">(<bdi>${esc(a.date.text)}</bdi>)</small>` : ''}${a.date?.inferred && a.date.how ? `<br><small class="muted en" lang="en" dir="ltr">${esc(a.date.how)}</small>` : ''}</dd></div>`,
    `<div><dt>${label('الملف', 'File')}</dt><dd><bdi dir="ltr" class="file">${esc(a.name)}</bdi></dd></div>`,
    `<div><dt>${label('الحجم', 'Size')}</dt><dd><span>${num(m.words)} كلمة · ${num(m.paragraphs)} فقرة · ${num(m.sentences)} جملة</span> <small class="en" lang="en" dir="ltr">(${m.words} words, ${m.paragraphs} paragraphs, ${m.sentences} sentences)</small></dd></div>`,
  ];
  return (
    `<header class="article-header"><h1 dir="auto"><bdi>${esc(a.title)}</bdi></h1>` +
    (a.derived ? `<p class="muted">${label('عنوان مشتق من الجملة الأولى', 'Title derived from the first sentence')}</p>` : '') +
    m.alternativeTitles.map((t) => `<p class="alt-title" dir="auto">${esc(t)}</p>`).join('') +
    `<p class="actions">${openLink(a.file, a.at, label('فتح في المحرر', 'Open in the editor'), 'button')} ${navLink({ kind: 'corpus' }, label('ملخص المدونة', 'Corpus summary'), 'button secondary')}</p></header>` +
    `<dl class="meta">${meta.join('')}</dl>` +
    `<div class="grid">` +
    `<section class="card wide" aria-labelledby="h-summary">${heading(2, 'الملخص', 'Summary', 'h-summary')}` +
    (summary.length > 0 ? `<ol class="summary">${summary.join('')}</ol>` : `<p class="muted">No sentences</p>`) +
    `<p class="muted small" lang="en" dir="ltr">The ${m.summary.length} most central of ${m.sentences} sentences (TextRank), in reading order.</p></section>` +
    `<section class="card wide" aria-labelledby="h-entities">${heading(2, 'الكيانات', 'Entities', 'h-entities')}${byType.join('') || '<p class="muted">None named</p>'}</section>` +
    `<section class="card wide" aria-labelledby="h-reader">${heading(2, 'النص', 'Reader', 'h-reader')}` +
    `<p class="muted small">${label('الأسماء المعروفة روابط؛ جمل الملخص مظللة؛ النصوص الزائدة باهتة.', 'Names are links; summary sentences highlighted; boilerplate dimmed.')}</p>` +
    `<article class="reader" lang="ar">${m.reader.map((l) => readerLine(a.file, l)).join('')}</article></section>` +
    `</div>`
  );
}

// ---------------------------------------------------------------------------------------------
// The entity view

function overTimeSvg(m: EntitySummary): string {
  const b = m.overTime.buckets;
  if (b.length === 0) return `<p class="muted">${label('لا توجد إشارات مؤرخة', 'No dated mentions')}</p>`;
  const W = 640;
  const pad = 24;
  const plotH = 90;
  const colW = (W - 2 * pad) / b.length;
  const max = Math.max(1, ...b.map((x) => x.mentions));
  const every = Math.max(1, Math.ceil(b.length / 12));
  const parts = [`<line class="axis" x1="${pad}" y1="${plotH + 2}" x2="${W - pad}" y2="${plotH + 2}"/>`];
  b.forEach((x, i) => {
    const h = (plotH * x.mentions) / max;
    const bw = Math.min(28, colW * 0.7);
    const cx = pad + colW * (i + 0.5);
    if (x.mentions > 0) {
      parts.push(
        `<rect class="tl-block t-${m.entity.type}${x.inferred ? ' inferred' : ''}" x="${(cx - bw / 2).toFixed(1)}" y="${(plotH + 2 - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}">` +
          `<title>${esc(`${x.key}: ${x.mentions} mention${x.mentions === 1 ? '' : 's'}${x.inferred ? ' (year inferred)' : ''}`)}</title></rect>`,
        `<text class="tl-value" x="${cx.toFixed(1)}" y="${(plotH - h - 2).toFixed(1)}" text-anchor="middle">${x.mentions}</text>`,
      );
    }
    if (i % every === 0 || i === b.length - 1) parts.push(`<text class="tl-label" x="${cx.toFixed(1)}" y="${plotH + 18}" text-anchor="middle">${esc(x.key)}</text>`);
  });
  return (
    `<figure class="chart" dir="ltr"><svg class="timeline" viewBox="0 0 ${W} ${plotH + 26}" role="img" aria-label="Mentions by ${m.overTime.unit}" direction="ltr">` +
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch" x1="0" y1="0" x2="0" y2="4"/></pattern></defs>${parts.join('')}</svg>` +
    (m.overTime.undated > 0 ? `<figcaption><span>${esc(`${m.overTime.undated} mention${m.overTime.undated === 1 ? '' : 's'} in undated articles.`)}</span></figcaption>` : '') +
    `</figure>`
  );
}

/** The snippet with the mention itself marked (its first occurrence; the snippet holds it as written). */
function snippetHtml(snippet: string, text: string): string {
  const i = snippet.indexOf(text);
  if (i < 0) return esc(snippet);
  return `${esc(snippet.slice(0, i))}<mark class="hit">${esc(text)}</mark>${esc(snippet.slice(i + text.length))}`;
}

function years(from?: number, to?: number): string {
  if (from === undefined) return '';
  return ` <bdi dir="ltr" class="years">(${from === to ? from : `${from}–${to ?? ''}`})</bdi>`;
}

export function renderEntity(m: EntitySummary): string {
  const e = m.entity;
  const facts: string[] = [];
  for (const r of e.roles ?? []) {
    facts.push(`<li>${r.titleAr ? `<bdi>${esc(r.titleAr)}</bdi>` : ''}${r.titleEn ? ` <small class="en" lang="en" dir="ltr">${esc(r.titleEn)}</small>` : ''}${years(r.from, r.to)}</li>`);
  }
  const texts = [
    e.descriptionAr ? `<p dir="auto">${esc(e.descriptionAr)}</p>` : '',
    e.descriptionEn ? `<p class="en" lang="en" dir="ltr">${esc(e.descriptionEn)}</p>` : '',
    e.adopted || e.issuer ? `<p class="en" lang="en" dir="ltr">${esc([e.adopted ? `Adopted ${e.adopted}` : '', e.issuer ? `by ${e.issuer}` : ''].filter(Boolean).join(' '))}</p>` : '',
    e.summaryAr ? `<p dir="auto">${esc(e.summaryAr)}</p>` : '',
    e.summaryEn ? `<p class="en" lang="en" dir="ltr">${esc(e.summaryEn)}</p>` : '',
  ];
  const articles = m.articles.map(
    ({ article: a, mentions }) =>
      `<li class="mention-article"><h3>${articleLink(a)} ${dateHtml(a.date)} <span class="count">${num(mentions.length)}</span> ${openButton(a.file, a.at)}</h3>` +
      `<ul class="mentions">${mentions.map((x) => `<li>${openLink(a.file, x, `<span class="ln-badge" dir="ltr">${x.line + 1}</span> <span dir="auto">${snippetHtml(x.snippet, x.text)}</span>`, 'snippet', `Open line ${x.line + 1}`)}</li>`).join('')}</ul></li>`,
  );
  const maxShared = Math.max(1, ...m.coMentioned.map((c) => c.shared));
  const co = m.coMentioned.map((c) => rankedEntity(c, c.shared, maxShared, `${c.shared} shared articles`));
  const statements = m.statements.map(
    (s) => `<li><blockquote dir="auto">${esc(s.text)}</blockquote><p class="cite">— ${openLink(s.article.file, s, `<bdi>${esc(s.article.title)}</bdi>`, 'link')}</p></li>`,
  );
  return (
    `<header class="entity-header t-${e.type}"><h1>${entityName(e)}</h1>${e.nameEn ? `<p class="name-en-big en" lang="en" dir="ltr">${esc(e.nameEn)}</p>` : ''}` +
    `<p class="muted">${label(TYPE_LABELS[e.type].ar, TYPE_LABELS[e.type].en)}${e.kind ? ` · <small class="en" lang="en" dir="ltr">${esc(e.kind)}</small>` : ''}${e.country ? ` · <bdi>${esc(e.country)}</bdi>` : ''}</p>` +
    (facts.length > 0 ? `<ul class="roles">${facts.join('')}</ul>` : '') +
    texts.join('') +
    `<p class="actions"><span>${num(m.count)} إشارة في ${num(m.articles.length)} مقالات</span> <small class="en" lang="en" dir="ltr">(${m.count} mentions in ${m.articles.length} articles)</small> ` +
    `${navLink({ kind: 'corpus', entity: e.id }, label('تصفية ملخص المدونة', 'Filter the corpus summary'), 'button')}</p></header>` +
    `<div class="grid">` +
    `<section class="card wide" aria-labelledby="h-time">${heading(2, 'الإشارات عبر الزمن', 'Mentions over time', 'h-time')}${overTimeSvg(m)}</section>` +
    `<section class="card" aria-labelledby="h-co">${heading(2, 'يُذكر مع', 'Named with', 'h-co')}${co.length > 0 ? `<ol class="top-list">${co.join('')}</ol>` : '<p class="muted">Nobody else</p>'}</section>` +
    `<section class="card" aria-labelledby="h-statements">${heading(2, 'تصريحات', 'Statements', 'h-statements')}${statements.length > 0 ? `<ul class="statements">${statements.join('')}</ul>` : '<p class="muted">None found</p>'}</section>` +
    `<section class="card wide" aria-labelledby="h-mentions">${heading(2, 'كل الإشارات', 'Every mention', 'h-mentions')}<ul class="mention-articles">${articles.join('')}</ul></section>` +
    `</div>`
  );
}

// ---------------------------------------------------------------------------------------------
// The page

/** What the panel shows when the view cannot be built (an article or entity that went away). */
export function renderMissing(message: string): string {
  return `<h1>${label('غير متاح', 'Not available')}</h1><p class="en" lang="en" dir="ltr">${esc(message)}</p><p>${navLink({ kind: 'corpus' }, label('ملخص المدونة', 'Corpus summary'), 'button')}</p>`;
}

/** The view's body: toolbar and content. */
export function renderBody(view: SummaryView, model: SummaryModel | undefined, canGoBack: boolean, missing = 'It is no longer in the corpus.'): string {
  let content: string;
  if (!model) content = renderMissing(missing);
  else if (model.kind === 'corpus') content = renderCorpus(model);
  else if (model.kind === 'article') content = renderArticle(model);
  else content = renderEntity(model);
  return toolbar(view, canGoBack) + content;
}

export interface PageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `asWebviewUri` of media/summary.js and media/summary.css. */
  scriptUri: string;
  styleUri: string;
  view: SummaryView;
  body: string;
}

/**
 * The Content Security Policy: nothing by default; styles, images and fonts only from the
 * extension's own resources; the one script by nonce. No inline style, no remote source.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

export function renderPage(o: PageOptions): string {
  return (
    `<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(o.cspSource, o.nonce))}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<link rel="stylesheet" href="${esc(o.styleUri)}"><title>Corpus Summary</title></head>` +
    `<body><main id="root" data-view="${json(o.view)}" tabindex="-1">${o.body}</main>` +
    `<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script></body></html>`
  );
}

/** A fresh nonce: 32 characters from A–Z a–z 0–9, from the platform's cryptographic random source. */
export function makeNonce(bytes: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(32))): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (const b of bytes) s += chars[b % chars.length];
  return s;
}
