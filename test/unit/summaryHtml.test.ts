import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { Entity, Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { contentSecurityPolicy, esc, makeNonce, renderArticle, renderBody, renderCorpus, renderEntity, renderPage } from '../../src/core/summary/html';
import { isSummaryView, OpenTarget } from '../../src/core/summary/messages';
import { articleSummary, corpusSummary, entitySummary } from '../../src/core/summary/model';
import { MemoryHost } from '../support/memoryHost';
import { readSeeds, TODAY } from './helpers';

/** An entity whose names are markup, as a user's entity file could hold. */
const EVIL: Entity = {
  id: 'evil"><b>x',
  type: 'person',
  nameAr: '<img src=x onerror=alert(3)>',
  nameEn: '</bdi><script>alert(4)</script>',
  aliases: ['الشريرون'],
  descriptionEn: '<iframe src="https://example.com"></iframe>',
};
const recognizer = new Recognizer([...builtInEntities(), EVIL]);

const HOSTILE_NAME = 'evil"><script>alert(5)</script>.txt';
const HOSTILE = [
  '<script>alert("t")</script> عنوان خبيث عن سوريا',
  'طيف بوست – فريق التحرير',
  'قال جو بايدن إن <img src=x onerror=alert(1)> نص "مقتبس" & رمز في سوريا اليوم.',
  "وأضاف فلاديمير بوتين أن '<svg onload=alert(2)>' هنا في سوريا وروسيا. ثم قال الشريرون إن جو بايدن وبوتين التقيا في جنيف.",
  'وتابعت المصادر أن الرئيسين بوتين وبايدن بحثا الملف السوري <style>body{display:none}</style> في جنيف.',
  'اقرأ أيضاً: <a href="javascript:alert(6)">رابط</a>',
].join('\n');

async function corpusOf(files: { name: string; text: string }[]): Promise<Corpus> {
  const corpus = new Corpus(new MemoryHost(files), { recognizer, today: TODAY });
  await corpus.ready();
  return corpus;
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/**
 * The tags of an HTML string. Our renderer escapes every `<` of text, so each `<` that is left
 * opens a real tag; attribute values are double-quoted (or absent).
 */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs = new Map<string, string>();
    for (const a of m[2]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) attrs.set(a[1]!.toLowerCase(), a[2] ?? '');
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  // Nothing that looks like a tag may be left over: every '<' must have been one of the tags above.
  const opened = (html.match(/<(?!\/?[a-zA-Z!])/g) ?? []).length;
  assert.equal(opened, 0, 'a stray "<" in the HTML');
  assert.equal((html.match(/<[a-zA-Z]/g) ?? []).length, out.length, 'every tag is well-formed');
  return out;
}

const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const FORBIDDEN_TAGS = new Set(['script', 'img', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'svg:script', 'foreignobject']);

/** The checks every rendered body must pass. */
function assertSafe(html: string, where: string): void {
  for (const t of tags(html)) {
    assert.ok(!FORBIDDEN_TAGS.has(t.name), `${where}: <${t.name}> in the body`);
    for (const [name, value] of t.attrs) {
      assert.ok(!name.startsWith('on'), `${where}: event handler attribute ${name}`);
      assert.notEqual(name, 'style', `${where}: inline style (the CSP forbids it)`);
      assert.ok(!/^\s*(javascript|https?):/i.test(unescape(value)), `${where}: ${name}="${value}"`);
      if (name === 'href') assert.equal(value, '#', `${where}: links only run through the script`);
      if (name === 'data-nav') assert.ok(isSummaryView(JSON.parse(unescape(value))), `${where}: data-nav ${value}`);
      if (name === 'data-open') {
        const t2 = JSON.parse(unescape(value)) as OpenTarget;
        assert.ok(typeof t2.file === 'string' && Number.isInteger(t2.line), `${where}: data-open ${value}`);
      }
    }
  }
}

describe('summary HTML: all article and entity text is escaped', () => {
  it('esc escapes the five HTML characters', () => {
    assert.equal(esc(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('a hostile article renders as text in the corpus, article and entity views', async () => {
    const corpus = await corpusOf([{ name: HOSTILE_NAME, text: HOSTILE }, ...readSeeds()]);
    const hostile = corpus.get(`mem:/${HOSTILE_NAME}`)!;
    assert.ok(hostile.mentions.some((m) => m.entity === EVIL.id), 'the hostile entity is named in the hostile article');

    const article = renderArticle(articleSummary(hostile, HOSTILE, recognizer.entities));
    assertSafe(article, 'article view');
    // The markup shows as the characters it is made of.
    assert.ok(article.includes('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;'));
    assert.ok(article.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(article.includes('&#39;&lt;svg onload=alert(2)&gt;&#39;'));
    assert.ok(article.includes('&lt;style&gt;body{display:none}&lt;/style&gt;'));
    assert.ok(article.includes('&lt;a href=&quot;javascript:alert(6)&quot;&gt;'));
    assert.ok(article.includes('نص &quot;مقتبس&quot; &amp; رمز'));

    const corpusView = renderCorpus(corpusSummary(corpus.all(), recognizer.entities));
    assertSafe(corpusView, 'corpus view');
    assert.ok(corpusView.includes('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; عنوان خبيث'), 'the hostile title, escaped');

    const filtered = renderCorpus(corpusSummary(corpus.all(), recognizer.entities, { entity: EVIL.id }));
    assertSafe(filtered, 'corpus view filtered to the hostile entity');
    assert.ok(filtered.includes('&lt;img src=x onerror=alert(3)&gt;'));

    const entity = renderEntity(entitySummary(corpus.all(), recognizer.entities, EVIL.id)!);
    assertSafe(entity, 'entity view');
    assert.ok(entity.includes('&lt;/bdi&gt;&lt;script&gt;alert(4)&lt;/script&gt;'));
    assert.ok(entity.includes('&lt;iframe src=&quot;https://example.com&quot;&gt;'));

    // The ids and file names in data attributes survive the round trip exactly.
    const navs = tags(filtered).flatMap((t) => (t.attrs.has('data-nav') ? [JSON.parse(unescape(t.attrs.get('data-nav')!))] : []));
    assert.ok(navs.some((v) => v.kind === 'entity' && v.id === EVIL.id));
    assert.ok(navs.some((v) => v.kind === 'article' && v.file === `mem:/${HOSTILE_NAME}`));
  });

  it("a hostile outlet line shows as text: in the outlets table, the articles' outlet cells, the outlet filter and the article", async () => {
    const OUTLET = '<img src=x onerror=alert(7)> "نت" & <b>بوست</b>';
    const text = ['عنوان خبر عن سوريا اليوم', 'قال جو بايدن إن الوضع في سوريا صعب جدا اليوم.', `المصدر : ${OUTLET}`, ''].join('\n');
    const corpus = await corpusOf([{ name: 'outlet.txt', text }, ...readSeeds()]);
    const entry = corpus.get('mem:/outlet.txt')!;
    assert.equal(entry.article.outlet?.text, OUTLET, 'the parser takes the source line as the outlet');
    const shown = '&lt;img src=x onerror=alert(7)&gt; &quot;نت&quot; &amp; &lt;b&gt;بوست&lt;/b&gt;';
    const model = corpusSummary(corpus.all(), recognizer.entities);
    const html = renderCorpus(model);
    assertSafe(html, 'corpus view with a hostile outlet');
    const articles = html.slice(html.indexOf('id="h-articles"'));
    assert.ok(articles.includes(`<td class="outlet-cell"><bdi class="outlet">${shown}</bdi></td>`), "the article's outlet cell");
    const outlets = html.slice(html.indexOf('id="h-outlets"'), html.indexOf('id="h-articles"'));
    assert.ok(outlets.includes(`<bdi class="outlet">${shown}</bdi>`), 'the outlets table');
    const view = { kind: 'corpus' as const, outlet: OUTLET };
    const filtered = renderBody(view, corpusSummary(corpus.all(), recognizer.entities, { outlet: OUTLET }), true);
    assertSafe(filtered, 'corpus view filtered to the hostile outlet');
    assert.ok(filtered.includes(`— <bdi class="outlet">${shown}</bdi></h1>`), 'the title of the filtered view');
    const article = renderArticle(articleSummary(entry, text, recognizer.entities));
    assertSafe(article, 'article view with a hostile outlet');
    assert.ok(article.includes(`<bdi>${shown}</bdi>`));
  });

  it('the seed views are safe too, with dates and numbers isolated from the Arabic around them', async () => {
    const corpus = await corpusOf(readSeeds());
    const body = renderBody({ kind: 'corpus' }, corpusSummary(corpus.all(), recognizer.entities), false);
    assertSafe(body, 'seed corpus view');
    assert.match(body, /<bdi dir="ltr" class="date inferred" title="[^"]*">.*?2020-07-17<\/bdi>/, 'a date keeps its left-to-right order');
    for (const e of corpus.all()) {
      const text = readSeeds().find((s) => s.name === e.file.name)!.text;
      const html = renderArticle(articleSummary(e, text, recognizer.entities));
      assertSafe(html, e.file.name);
      assert.ok(/<p dir="auto">/.test(html), 'each reader line takes the direction of its own text');
    }
    const missing = renderBody({ kind: 'article', file: 'gone' }, undefined, true, '<b>gone</b>');
    assertSafe(missing, 'missing view');
    assert.ok(missing.includes('data-back'), 'a back button when there is history');
  });
});

describe('summary HTML: the page and its Content Security Policy', () => {
  const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
  const nonce = makeNonce();

  it('allows nothing by default, the one script by nonce, styles only from the extension', () => {
    const csp = contentSecurityPolicy(cspSource, nonce);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(directives.get('style-src'), [cspSource]);
    for (const [name, sources] of directives) {
      for (const s of sources) {
        assert.ok(s === cspSource || s === "'none'" || s === `'nonce-${nonce}'` || s === 'data:', `${name} allows ${s}`);
      }
    }
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval') && !csp.includes('*'));
  });

  it('nonces are fresh and of a safe alphabet', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, b);
  });

  it('the page: right-to-left Arabic, the CSP first, one external script with the nonce, no inline script', async () => {
    const corpus = await corpusOf([{ name: HOSTILE_NAME, text: HOSTILE }]);
    const scriptUri = `${cspSource}/ext/media/summary.js`;
    const styleUri = `${cspSource}/ext/media/summary.css`;
    const view = { kind: 'article' as const, file: `mem:/${HOSTILE_NAME}` };
    const body = renderBody(view, articleSummary(corpus.all()[0]!, HOSTILE, recognizer.entities), false);
    const page = renderPage({ cspSource, nonce, scriptUri, styleUri, view, body });
    assert.match(page, /^<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+">/);
    const all = tags(page);
    const scripts = all.filter((t) => t.name === 'script');
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0]!.attrs.get('nonce'), nonce);
    assert.equal(scripts[0]!.attrs.get('src'), scriptUri);
    assert.match(page, /<script nonce="[A-Za-z0-9]+" src="[^"]+"><\/script><\/body><\/html>$/, 'the script tag is empty');
    const links = all.filter((t) => t.name === 'link');
    assert.deepEqual(links.map((l) => l.attrs.get('href')), [styleUri]);
    // Every URL in an attribute is one of ours.
    for (const t of all) for (const [, v] of t.attrs) if (/https?:/.test(v)) assert.ok(v === scriptUri || v === styleUri || unescape(v).includes(`default-src 'none'`), v);
    assert.equal(JSON.parse(unescape(all.find((t) => t.name === 'main')!.attrs.get('data-view')!)).file, view.file);
    assertSafe(body, 'page body');
  });
});
