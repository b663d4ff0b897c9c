/**
 * The Summary panel's HTML: pure functions from view models to HTML and SVG strings. Every text
 * from an article, a file name or the knowledge base goes through `esc` (or `json` for data
 * attributes), so an article holding `<script>` or `<img onerror=…>` shows those characters as text.
 * No inline script or style: the page's only script is media/summary.js (nonce), colours come from
 * media/summary.css (`--vscode-*` variables). Layout is right-to-left; Latin text and numbers are
 * isolated (`<bdi>`, `dir`) so they keep their order.
 */
import type { SummaryView } from './messages';
import type { ArticleSummary, CorpusSummary, EntitySummary, Location, ReaderLine } from './model';
import { ENTITY_TYPES } from './model';
import { renderCorpus } from './corpusHtml';
import { formatNumber } from '../text/numbers';
import { articleLink, dateHtml, entityName, esc, heading, json, label, navLink, num, openButton, openLink, rankedEntity, TYPE_LABELS } from './htmlParts';

export { esc, dateHtml, TYPE_LABELS } from './htmlParts';
export { renderCorpus, timelineSvg } from './corpusHtml';
export { layoutNetwork, networkSvg } from './networkSvg';

export type SummaryModel = CorpusSummary | ArticleSummary | EntitySummary;

// ---------------------------------------------------------------------------------------------
// Chrome around every view

function toolbar(view: SummaryView, canGoBack: boolean): string {
  const back = canGoBack
    ? `<button type="button" class="button secondary" data-back title="Back (Alt+Left)"><span aria-hidden="true">→</span> ${label('رجوع', 'Back')}</button>`
    : '';
  const home =
    view.kind === 'corpus' && view.entity === undefined && view.outlet === undefined
      ? ''
      : navLink({ kind: 'corpus' }, label('المدونة كاملة', 'Whole corpus'), 'button secondary');
  return `<nav class="toolbar" aria-label="Summary navigation">${back}${home}</nav>`;
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

export function renderArticle(m: ArticleSummary, locale?: string): string {
  const f = (n: number): string => formatNumber(n, locale);
  const a = m.article;
  const byType = ENTITY_TYPES.map((t) => {
    const list = m.entities.filter((e) => e.type === t);
    if (list.length === 0) return '';
    const chips = list.map((e) => `<li>${navLink({ kind: 'entity', id: e.id }, `${entityName(e)} ${num(e.count, locale)}`, `chip t-${t}`, e.nameEn || e.nameAr)}</li>`);
    return `<div class="chips-group"><h3>${label(TYPE_LABELS[t].ar, TYPE_LABELS[t].en)}</h3><ul class="chips">${chips.join('')}</ul></div>`;
  });
  const summary = m.summary.map((s) => `<li>${openLink(a.file, s, esc(s.text), 'sentence', `Open line ${s.line + 1}`)}</li>`);
  const meta = [
    a.outlet ? `<div><dt>${label('المصدر', 'Outlet')}</dt><dd><bdi>${esc(a.outlet)}</bdi>${m.outletSource ? ` <small class="muted en" lang="en" dir="ltr">(${esc(m.outletSource)})</small>` : ''}</dd></div>` : '',
    `<div><dt>${label('التاريخ', 'Date')}</dt><dd>${dateHtml(a.date)}${a.date ? ` <small class="muted">(<bdi>${esc(a.date.text)}</bdi>)</small>` : ''}${a.date?.inferred && a.date.how ? `<br><small class="muted en" lang="en" dir="ltr">${esc(a.date.how)}</small>` : ''}</dd></div>`,
    `<div><dt>${label('الملف', 'File')}</dt><dd><bdi dir="ltr" class="file">${esc(a.name)}</bdi></dd></div>`,
    `<div><dt>${label('الحجم', 'Size')}</dt><dd><span>${num(m.words, locale)} كلمة · ${num(m.paragraphs, locale)} فقرة · ${num(m.sentences, locale)} جملة</span> <small class="en" lang="en" dir="ltr">(${esc(`${f(m.words)} words, ${f(m.paragraphs)} paragraphs, ${f(m.sentences)} sentences`)})</small></dd></div>`,
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
    `<p class="muted small" lang="en" dir="ltr">The ${esc(f(m.summary.length))} most central of ${esc(f(m.sentences))} sentences (TextRank), in reading order.</p></section>` +
    `<section class="card wide" aria-labelledby="h-entities">${heading(2, 'الكيانات', 'Entities', 'h-entities')}${byType.join('') || '<p class="muted">None named</p>'}</section>` +
    `<section class="card wide" aria-labelledby="h-reader">${heading(2, 'النص', 'Reader', 'h-reader')}` +
    `<p class="muted small">${label('الأسماء المعروفة روابط؛ جمل الملخص مظللة؛ النصوص الزائدة باهتة.', 'Names are links; summary sentences highlighted; boilerplate dimmed.')}</p>` +
    `<article class="reader" lang="ar">${m.reader.map((l) => readerLine(a.file, l)).join('')}</article></section>` +
    `</div>`
  );
}

// ---------------------------------------------------------------------------------------------
// The entity view

function overTimeSvg(m: EntitySummary, locale?: string): string {
  const f = (n: number): string => formatNumber(n, locale);
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
          `<title>${esc(`${x.key}: ${f(x.mentions)} mention${x.mentions === 1 ? '' : 's'}${x.inferred ? ' (year inferred)' : ''}`)}</title></rect>`,
        `<text class="tl-value" x="${cx.toFixed(1)}" y="${(plotH - h - 2).toFixed(1)}" text-anchor="middle">${esc(f(x.mentions))}</text>`,
      );
    }
    if (i % every === 0 || i === b.length - 1) parts.push(`<text class="tl-label" x="${cx.toFixed(1)}" y="${plotH + 18}" text-anchor="middle">${esc(x.key)}</text>`);
  });
  return (
    `<figure class="chart" dir="ltr"><svg class="timeline" viewBox="0 0 ${W} ${plotH + 26}" role="img" aria-label="Mentions by ${m.overTime.unit}" direction="ltr">` +
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch" x1="0" y1="0" x2="0" y2="4"/></pattern></defs>${parts.join('')}</svg>` +
    (m.overTime.undated > 0 ? `<figcaption><span>${esc(`${f(m.overTime.undated)} mention${m.overTime.undated === 1 ? '' : 's'} in undated articles.`)}</span></figcaption>` : '') +
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

export function renderEntity(m: EntitySummary, locale?: string): string {
  const f = (n: number): string => formatNumber(n, locale);
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
      `<li class="mention-article"><h3>${articleLink(a)} ${dateHtml(a.date)} <span class="count">${num(mentions.length, locale)}</span> ${openButton(a.file, a.at)}</h3>` +
      `<ul class="mentions">${mentions.map((x) => `<li>${openLink(a.file, x, `<span class="ln-badge" dir="ltr">${x.line + 1}</span> <span dir="auto">${snippetHtml(x.snippet, x.text)}</span>`, 'snippet', `Open line ${x.line + 1}`)}</li>`).join('')}</ul></li>`,
  );
  const maxShared = Math.max(1, ...m.coMentioned.map((c) => c.shared));
  const co = m.coMentioned.map((c) => rankedEntity(c, c.shared, maxShared, `${f(c.shared)} shared articles`, locale));
  const statements = m.statements.map(
    (s) => `<li><blockquote dir="auto">${esc(s.text)}</blockquote><p class="cite">— ${openLink(s.article.file, s, `<bdi>${esc(s.article.title)}</bdi>`, 'link')}</p></li>`,
  );
  return (
    `<header class="entity-header t-${e.type}"><h1>${entityName(e)}</h1>${e.nameEn ? `<p class="name-en-big en" lang="en" dir="ltr">${esc(e.nameEn)}</p>` : ''}` +
    `<p class="muted">${label(TYPE_LABELS[e.type].ar, TYPE_LABELS[e.type].en)}${e.kind ? ` · <small class="en" lang="en" dir="ltr">${esc(e.kind)}</small>` : ''}${e.country ? ` · <bdi>${esc(e.country)}</bdi>` : ''}</p>` +
    (facts.length > 0 ? `<ul class="roles">${facts.join('')}</ul>` : '') +
    texts.join('') +
    `<p class="actions"><span>${num(m.count, locale)} إشارة في ${num(m.articles.length, locale)} مقالات</span> <small class="en" lang="en" dir="ltr">(${esc(`${f(m.count)} mentions in ${f(m.articles.length)} articles`)})</small> ` +
    `${navLink({ kind: 'corpus', entity: e.id }, label('تصفية ملخص المدونة', 'Filter the corpus summary'), 'button')}</p></header>` +
    `<div class="grid">` +
    `<section class="card wide" aria-labelledby="h-time">${heading(2, 'الإشارات عبر الزمن', 'Mentions over time', 'h-time')}${overTimeSvg(m, locale)}</section>` +
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
export function renderBody(view: SummaryView, model: SummaryModel | undefined, canGoBack: boolean, missing = 'It is no longer in the corpus.', locale?: string): string {
  let content: string;
  if (!model) content = renderMissing(missing);
  else if (model.kind === 'corpus') content = renderCorpus(model, view.kind === 'corpus' ? view : { kind: 'corpus' }, locale);
  else if (model.kind === 'article') content = renderArticle(model, locale);
  else content = renderEntity(model, locale);
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
