/**
 * The Summary panel's corpus view at any size: every section bounded (top items with "show all", outlets as a table
 * of counts, articles a page at a time), numbers in the display language's format, a network whose labels are placed
 * clear of its links.
 */
import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { EntityIndex } from '../../src/core/corpus/entityIndex';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { words } from '../../src/core/text/arabic';
import { formatNumber } from '../../src/core/text/numbers';
import { countWords } from '../../src/core/text/wordCount';
import { PAGE_ROWS, pageOf, renderCorpus, TOP_OUTLETS } from '../../src/core/summary/corpusHtml';
import { isSummaryView, SummaryView } from '../../src/core/summary/messages';
import { sentenceSets } from '../../src/core/summary/entryFacts';
import { corpusSummary, sentenceUnits } from '../../src/core/summary/model';
import { labelBox, layoutNetwork, placeLabels, segmentHitsBox, strongestEdges } from '../../src/core/summary/networkSvg';
import { MemoryHost } from '../support/memoryHost';
import { readSeeds, syntheticArticles, TODAY } from './helpers';

const recognizer = new Recognizer(builtInEntities());
const FIRST = ['نور', 'سلام', 'أمل', 'فجر', 'ندى', 'رواد', 'صدى', 'بيان'];
const SECOND = ['الشمال', 'الجنوب', 'الشرق', 'الغرب', 'الوسط'];
/** 40 outlets, named in each article's byline ("صدى الشمال – فريق التحرير"). */
const OUTLETS = FIRST.flatMap((a) => SECOND.map((b) => `${a} ${b}`));

/** `count` generated articles: a third from the first outlet, the rest from outlet i mod 40. */
async function corpusOf(count: number): Promise<Corpus> {
  const files = syntheticArticles(count).map((a, i) => {
    const [title, ...rest] = a.text.split('\n');
    const outlet = OUTLETS[(i % 3 === 0 ? 0 : i) % OUTLETS.length]!;
    return { name: a.name, text: [title, `${outlet} – فريق التحرير`, ...rest].join('\n') };
  });
  const corpus = new Corpus(new MemoryHost(files), { recognizer, today: TODAY });
  await corpus.ready();
  return corpus;
}

const count = (html: string, re: RegExp): number => (html.match(re) ?? []).length;
/** The part of the page between a section's heading id and the next section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `section ${id}`);
  const end = html.indexOf('<section', start);
  return html.slice(start, end < 0 ? undefined : end);
}

describe('summary at scale: the corpus view is bounded', function () {
  this.timeout(60_000);
  let small: Corpus;
  let large: Corpus;
  before(async () => {
    [small, large] = await Promise.all([corpusOf(120), corpusOf(480)]);
  });

  it('shows one page of articles, the top outlets and the top entities, whatever the size', () => {
    const sizes = [small, large].map((c) => {
      const m = corpusSummary(c.all(), recognizer.entities);
      const html = renderCorpus(m);
      assert.equal(count(section(html, 'h-articles'), /<tr><td class="title-cell">/g), PAGE_ROWS, 'one page of articles');
      assert.equal(count(section(html, 'h-outlets'), /<tr><td class="rank">/g), TOP_OUTLETS, 'the top outlets');
      assert.ok(m.outlets.length >= 30, `${m.outlets.length} outlets`);
      for (const t of ['person', 'organisation', 'place', 'law']) assert.ok(count(section(html, `h-top-${t}`), /<li>/g) <= 8, `top ${t}`);
      // No section lists every article's title: titles appear once each (table, timeline tips aside), 50 of them.
      const outlets = section(html, 'h-outlets');
      assert.ok(!outlets.includes('data-nav="{&quot;kind&quot;:&quot;article&quot;'), 'the outlets list no articles');
      return html.length;
    });
    // Four times the articles, about the same page (the timeline's and network's few differences aside).
    assert.ok(sizes[1]! < sizes[0]! * 1.25, `page size ${sizes[0]} → ${sizes[1]} characters`);
  });

  it('pages the articles table: the second page holds articles 51–100, a page past the end shows the last', () => {
    const m = corpusSummary(large.all(), recognizer.entities);
    const titles = (view: Extract<SummaryView, { kind: 'corpus' }>): string[] =>
      [...section(renderCorpus(m, view), 'h-articles').matchAll(/<td class="title-cell"><a [^>]*data-nav="([^"]*)"/g)].map((x) => x[1]!);
    const second = titles({ kind: 'corpus', page: 1 });
    const files = m.articles.slice(PAGE_ROWS, 2 * PAGE_ROWS).map((a) => JSON.stringify({ kind: 'article', file: a.file }).replace(/"/g, '&quot;'));
    assert.deepEqual(second, files);
    const pages = Math.ceil(480 / PAGE_ROWS);
    assert.deepEqual(pageOf({ kind: 'corpus', page: 99 }, 480), { page: pages - 1, pages });
    assert.equal(titles({ kind: 'corpus', page: 99 }).length, 480 - (pages - 1) * PAGE_ROWS);
    const html = renderCorpus(m, { kind: 'corpus', page: 1 });
    assert.match(html, /51–100 of 480/);
    // The pager's links keep the rest of the view and are keyed so the page keeps its place.
    const next = /data-key="page-next" href="#" class="button secondary" data-nav="([^"]*)"/.exec(html);
    assert.ok(next);
    assert.deepEqual(JSON.parse(next[1]!.replace(/&quot;/g, '"')), { kind: 'corpus', page: 2 });
  });

  it('"show all" lists every outlet and the top 500 of a type, each in a box that scrolls', () => {
    const view: SummaryView = { kind: 'corpus', expand: ['outlets', 'person'] };
    const m = corpusSummary(large.all(), recognizer.entities, { expand: ['person'] });
    const html = renderCorpus(m, view);
    assert.equal(count(section(html, 'h-outlets'), /<tr><td class="rank">/g), m.outlets.length);
    assert.ok(m.outlets.length > TOP_OUTLETS);
    assert.match(section(html, 'h-outlets'), /<div class="scroll"><table class="outlets">/);
    assert.equal(count(section(html, 'h-top-person'), /<li>/g), Math.min(500, m.counts.entities.person));
    assert.match(section(html, 'h-top-person'), /<ol class="top-list scroll">/);
    assert.match(section(html, 'h-outlets'), /Show fewer/);
    const collapsed = renderCorpus(corpusSummary(large.all(), recognizer.entities), { kind: 'corpus' });
    assert.ok(section(collapsed, 'h-outlets').includes(`Show all</small> <bdi class="num">(${m.outlets.length})</bdi>`));
  });

  it("an outlet's row filters the view to its articles", () => {
    const m = corpusSummary(large.all(), recognizer.entities);
    const top = m.outlets[0]!;
    const html = section(renderCorpus(m), 'h-outlets');
    const link = new RegExp(`data-nav="([^"]*)" title="The ${top.articles.length} articles of this outlet"><bdi class="outlet">${top.name}</bdi>`).exec(html);
    assert.ok(link, 'the outlet links to its articles');
    const view = JSON.parse(link[1]!.replace(/&quot;/g, '"')) as Extract<SummaryView, { kind: 'corpus' }>;
    assert.ok(isSummaryView(view));
    assert.deepEqual(view, { kind: 'corpus', outlet: top.name });
    const filtered = corpusSummary(large.all(), recognizer.entities, { outlet: top.name });
    assert.equal(filtered.counts.articles, top.articles.length);
    assert.ok(filtered.articles.every((a) => a.outlet === top.name));
    assert.equal(filtered.outlet, top.name);
    assert.match(renderCorpus(filtered, view), /Only the articles of<\/small> <bdi class="outlet">/);
  });

  it("takes each article's entities and mentions from the live entity index, as counting them again would give", () => {
    const entities = new Map(recognizer.entities);
    for (const s of large.entities().byId.values()) if (!entities.has(s.entity.id)) entities.set(s.entity.id, s.entity);
    const counted = corpusSummary(large.all(), entities);
    assert.ok(counted.articles.every((a) => a.entities > 0) && counted.counts.mentions > counted.counts.articles);
    assert.deepEqual(corpusSummary(large.all(), entities, { index: large.entities() }), counted);
    // An index that holds only some of the entries (one made before a load ended): the others are counted here.
    const some = new EntityIndex(large.all().slice(0, 100), entities);
    const partly = corpusSummary(large.all(), entities, { index: some });
    assert.deepEqual(partly.articles, counted.articles);
    assert.equal(partly.counts.mentions, counted.counts.mentions);
  });
});

describe('summary at scale: what is kept per entry', function () {
  this.timeout(30_000);
  it('the entities named together per sentence are those of the sentences splitSentences cuts', async () => {
    const corpus = await corpusOf(120);
    // Sentences naming nobody between two that name someone; a sentence naming two.
    const made = {
      name: 'made.txt',
      text: 'عنوان عن لقاء في جنيف\nقال جو بايدن كلاما كثيرا. لا أحد هنا. ولا هنا أيضا. ثم التقى فلاديمير بوتين وسيرغي لافروف في جنيف.\n',
    };
    const seeds = new Corpus(new MemoryHost([made, ...readSeeds()]), { recognizer, today: TODAY });
    await seeds.ready();
    let compared = 0;
    for (const entry of [...seeds.all(), ...corpus.all()]) {
      const naive = sentenceUnits(entry.article)
        .map((u) => [...new Set(entry.mentions.filter((m) => u.start <= m.start && m.end <= u.end).map((m) => m.entity))].sort().join(' '))
        .filter((x) => x.includes(' '))
        .sort();
      const kept = sentenceSets(entry).map((x) => [...x].sort().join(' ')).sort();
      assert.deepEqual(kept, naive, entry.file.name);
      compared += naive.length;
    }
    assert.ok(compared > 100, `${compared} sentences naming two entities compared`);
    assert.deepEqual(sentenceSets(seeds.get('mem:/made.txt')!).map((x) => [...x].sort()), [['geneva', 'sergey-lavrov', 'vladimir-putin']]);
  });
});

describe('summary at scale: numbers in the display language', () => {
  it('formats as the language does, English for an unknown language', () => {
    assert.equal(formatNumber(1699, 'en'), '1,699');
    assert.equal(formatNumber(1699, 'de'), '1.699');
    assert.equal(formatNumber(1699, 'fr'), '1\u202f699');
    assert.equal(formatNumber(1699, 'not a language!'), '1,699');
    assert.equal(formatNumber(1699), '1,699');
  });

  it('every count of the corpus view is in that format', async () => {
    const corpus = new Corpus(new MemoryHost(readSeeds()), { recognizer, today: TODAY });
    await corpus.ready();
    const m = corpusSummary(corpus.all(), recognizer.entities);
    assert.ok(m.counts.words >= 1000);
    const de = renderCorpus(m, { kind: 'corpus' }, 'de');
    assert.ok(de.includes(`<bdi class="num">${formatNumber(m.counts.words, 'de')}</bdi>`), 'the word count as German writes it');
    assert.ok(!de.includes(formatNumber(m.counts.words, 'en')), 'and not as English does');
    assert.ok(!de.includes(String(m.counts.words)), 'nor bare');
  });
});

describe('summary at scale: word counts', () => {
  it('counts the runs of letters and digits words() finds, with marks, digits, Latin and astral letters', () => {
    const samples = [
      ...readSeeds().map((s) => s.text),
      'مُحَمَّدٌ قالَ 2021 و٢٠٢١ — “نعم”… x-ray A1',
      '\u{1D400}\u{1D401} بين \u{1F600} و\uD800 وحيد',
      '',
    ];
    for (const s of samples) assert.equal(countWords(s), words(s).length, s.slice(0, 30));
  });
});

describe('summary at scale: a readable network', () => {
  it('keeps each node its strongest links and no more than a few per node in all', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const edges = ids.flatMap((a, i) => ids.slice(i + 1).map((b, j) => ({ a, b, weight: 1 + ((i * 7 + j * 3) % 11) })));
    const kept = strongestEdges(edges, ids.length);
    assert.ok(kept.length < edges.length / 4, `${kept.length} of ${edges.length} links`);
    for (const id of ids) assert.ok(kept.some((e) => e.a === id || e.b === id), `${id} keeps a link`);
    for (const id of ids) {
      const best = Math.max(...edges.filter((e) => e.a === id || e.b === id).map((e) => e.weight));
      assert.ok(kept.some((e) => (e.a === id || e.b === id) && e.weight === best), `${id} keeps its strongest link`);
    }
  });

  it('places labels where fewer links cross them than under every node', () => {
    const ids = Array.from({ length: 24 }, (_, i) => `n${i}`);
    const edges = strongestEdges(
      ids.flatMap((a, i) => ids.slice(i + 1).map((b, j) => ({ a, b, weight: 1 + ((i * 5 + j * 3) % 7) }))),
      ids.length,
    );
    const unit = layoutNetwork(ids, edges);
    const pos = new Map([...unit].map(([id, p]) => [id, { x: 70 + p.x * 620, y: 24 + p.y * 420 }]));
    const nodes = ids.map((id) => ({ id, width: 60, r: 8 }));
    const crossings = (box: (id: string) => ReturnType<typeof labelBox>): number =>
      ids.reduce((n, id) => {
        const b = box(id);
        return n + edges.filter((e) => e.a !== id && e.b !== id && segmentHitsBox(pos.get(e.a)!.x, pos.get(e.a)!.y, pos.get(e.b)!.x, pos.get(e.b)!.y, b)).length;
      }, 0);
    const placed = placeLabels(nodes, pos, edges, { W: 760, H: 480 });
    const below = crossings((id) => labelBox(pos.get(id)!.x, pos.get(id)!.y, 8, 60, 'below'));
    const chosen = crossings((id) => placed.get(id)!.box);
    assert.ok(below > 0, 'the test network has labels crossed when all stand below');
    assert.ok(chosen < below / 2, `links crossing labels: ${chosen} placed, ${below} all below`);
  });

  it('draws the labels after (above) every link, each on a backing', async () => {
    const corpus = new Corpus(new MemoryHost(readSeeds()), { recognizer, today: TODAY });
    await corpus.ready();
    const html = renderCorpus(corpusSummary(corpus.all(), recognizer.entities));
    const svg = /<svg class="network"[\s\S]*?<\/svg>/.exec(html)![0];
    assert.ok(svg.lastIndexOf('class="edge') < svg.indexOf('<g class="labels"'), 'every link before the labels');
    const labels = count(svg, /<g class="label /g);
    assert.equal(labels, count(svg, /<a href="#" class="node /g));
    assert.equal(count(svg, /<rect class="label-bg"/g), labels);
  });
});
