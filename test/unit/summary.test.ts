import * as assert from 'node:assert/strict';
import { Corpus, CorpusEntry } from '../../src/core/corpus/corpus';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { articleSummary, corpusSummary, entitySummary, timeline } from '../../src/core/summary/model';
import { contentWords, splitSentences, summarize, summaryLength, textRank } from '../../src/core/summary/textrank';
import { isFromWebview, isSummaryView } from '../../src/core/summary/messages';
import { MemoryHost } from '../support/memoryHost';
import { readSeeds, TODAY } from './helpers';

const recognizer = new Recognizer(builtInEntities());
const seeds = readSeeds();
const textOf = new Map(seeds.map((s) => [s.name, s.text]));

async function seedCorpus(): Promise<Corpus> {
  const corpus = new Corpus(new MemoryHost(seeds), { recognizer, today: TODAY });
  await corpus.ready();
  return corpus;
}

const entry = (corpus: Corpus, name: string): CorpusEntry => corpus.get(`mem:/${name}`)!;
const a002Boilerplate = (corpus: Corpus): string[] => entry(corpus, '002_05a3987f59bbebcb.txt').article.boilerplate.map((b) => b.text);
/** Whitespace-separated words holding a letter or digit. */
const wsWords = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe('summary: corpus view model on the seeds', () => {
  let corpus: Corpus;
  before(async () => (corpus = await seedCorpus()));

  it('counts articles, outlets, body words and distinct entities by type', () => {
    const m = corpusSummary(corpus.all(), recognizer.entities);
    assert.equal(m.counts.articles, 5);
    assert.deepEqual(
      m.outlets.map((o) => [o.name, o.articles.map((a) => a.name).sort()]),
      [
        ['طيف بوست', ['001_1f4fa77edfffa84d.txt', '002_05a3987f59bbebcb.txt']],
        ['الحل نت', ['004_6289974790d4febf.txt']],
        ['مدى بوست', ['000_7244c6ac2c0b5fe9.txt']],
      ],
    );
    assert.equal(m.counts.outlets, 3);
    assert.equal(m.withoutOutlet, 1, '003 names no outlet');
    // Body words: boilerplate, titles and bylines are left out, so fewer than the files hold in all…
    const allWords = seeds.reduce((s, x) => s + wsWords(x.text), 0);
    assert.ok(m.counts.words < allWords, `${m.counts.words} < ${allWords}`);
    // …but about as many as the paragraph and subheading lines hold.
    const bodyWords = corpus.all().reduce((s, e) => s + [...e.article.paragraphs, ...e.article.subheadings].reduce((t, p) => t + wsWords(p.text), 0), 0);
    assert.ok(Math.abs(m.counts.words - bodyWords) / bodyWords < 0.1, `${m.counts.words} ≈ ${bodyWords}`);
    for (const type of ['person', 'organisation', 'place', 'law'] as const) {
      const distinct = new Set(corpus.all().flatMap((e) => e.mentions.filter((x) => x.type === type).map((x) => x.entity)));
      assert.equal(m.counts.entities[type], distinct.size, type);
      assert.ok(distinct.size > 0, `the seeds name some ${type}`);
    }
    assert.equal(m.counts.mentions, corpus.all().reduce((s, e) => s + e.mentions.length, 0));
  });

  it('ranks the top officials by mentions: Biden, then Putin', () => {
    const m = corpusSummary(corpus.all(), recognizer.entities);
    const people = m.top.person;
    assert.deepEqual(people.slice(0, 2).map((e) => e.id), ['joe-biden', 'vladimir-putin']);
    const mentionsOf = (id: string): number => corpus.all().reduce((s, e) => s + e.mentions.filter((x) => x.entity === id).length, 0);
    for (const e of people) assert.equal(e.count, mentionsOf(e.id), e.id);
    assert.ok(people.every((e, i) => i === 0 || people[i - 1]!.count >= e.count), 'most mentioned first');
    assert.ok(m.top.law.some((e) => e.id === 'caesar-act'), 'the Caesar Act is among the laws');
    assert.ok(people.length <= 8);
  });

  it('puts dated articles on a month timeline, marks inferred years, lists undated ones', () => {
    const m = corpusSummary(corpus.all(), recognizer.entities);
    const t = m.timeline;
    assert.equal(t.unit, 'month');
    assert.equal(t.buckets[0]!.key, '2020-07');
    assert.equal(t.buckets[t.buckets.length - 1]!.key, '2021-07');
    assert.equal(t.buckets.length, 13, 'every month in between, empty ones included');
    const placed = t.buckets.flatMap((b) => b.articles.map((a) => [b.key, a.name, a.date.iso, a.date.inferred]));
    assert.deepEqual(placed, [
      ['2020-07', '001_1f4fa77edfffa84d.txt', '2020-07-17', true],
      ['2021-07', '003_3234aa2de2427313.txt', '2021-07-28', true],
    ]);
    // "اليوم الجمعة 17 تموز/ يوليو": no year written; the weekday gave it, and the model says how.
    const a001 = t.buckets[0]!.articles[0]!;
    assert.match(a001.date.text, /17 تموز/);
    assert.ok(a001.date.how && a001.date.how.length > 0, 'the inference is explained');
    assert.deepEqual(t.undated.map((a) => a.name).sort(), ['000_7244c6ac2c0b5fe9.txt', '002_05a3987f59bbebcb.txt', '004_6289974790d4febf.txt']);
  });

  it('chooses day, month or year buckets from the span of dates', () => {
    const ref = (name: string, year: number, month: number, day: number) => ({
      file: name,
      name,
      title: name,
      derived: false,
      at: { start: 0, end: 0, line: 0, character: 0, endLine: 0, endCharacter: 0 },
      date: { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, year, month, day, text: '', inferred: false },
    });
    const days = timeline([ref('a', 2015, 7, 21), ref('b', 2015, 7, 22), ref('c', 2015, 8, 2)]);
    assert.equal(days.unit, 'day');
    assert.equal(days.buckets.length, 13);
    assert.deepEqual(days.buckets.filter((b) => b.articles.length).map((b) => b.key), ['2015-07-21', '2015-07-22', '2015-08-02']);
    const years = timeline([ref('a', 2010, 1, 1), ref('b', 2021, 3, 4)]);
    assert.equal(years.unit, 'year');
    assert.equal(years.buckets.length, 12);
  });

  it('links entities named in the same sentence or article, filtered by type', () => {
    const bySentence = corpusSummary(corpus.all(), recognizer.entities);
    const net = bySentence.network;
    assert.deepEqual(net.types, ['person', 'organisation', 'law']);
    assert.ok(net.nodes.every((n) => net.types.includes(n.type)));
    const ids = new Set(net.nodes.map((n) => n.id));
    assert.ok(net.edges.every((e) => ids.has(e.a) && ids.has(e.b) && e.a < e.b && e.weight === e.sentences && e.weight > 0));
    // Putin and Biden: "ما تم الاتفاق عليه بين بوتين وبايدن بشأن سوريا" is one sentence naming both.
    const pb = net.edges.find((e) => e.a === 'joe-biden' && e.b === 'vladimir-putin');
    assert.ok(pb, 'an edge between Biden and Putin');
    // The sentences naming both, from the text: body sentences, titles and subheadings (not repeats or boilerplate).
    const together = corpus.all().flatMap((e) => {
      const text = textOf.get(e.file.name)!;
      const a = e.article;
      const units = [...splitSentences(a), ...(a.title.derived ? [] : [a.title.range]), ...a.subheadings.map((p) => p.range), ...a.alternativeTitles.map((p) => p.range)];
      return units.map((u) => text.slice(u.start, u.end)).filter((s) => /بوتين/.test(s) && /بايدن/.test(s));
    });
    assert.equal(pb.sentences, together.length);
    assert.ok(together.some((s) => s.includes('بين بوتين وبايدن')));
    assert.ok(!together.some((s) => a002Boilerplate(corpus).includes(s)));
    // By article: the weight is the number of articles naming both.
    const byArticle = corpusSummary(corpus.all(), recognizer.entities, { networkBy: 'article' }).network;
    const pbA = byArticle.edges.find((e) => e.a === 'joe-biden' && e.b === 'vladimir-putin')!;
    const both = corpus.all().filter((e) => ['joe-biden', 'vladimir-putin'].every((id) => e.mentions.some((m) => m.entity === id))).length;
    assert.equal(pbA.weight, both);
    assert.ok(both >= 2, 'Biden and Putin share articles');
    // Laws only.
    const laws = corpusSummary(corpus.all(), recognizer.entities, { networkTypes: ['law'] }).network;
    assert.ok(laws.nodes.length > 0 && laws.nodes.every((n) => n.type === 'law'));
  });

  it('filters the whole view to the articles naming an entity', () => {
    const m = corpusSummary(corpus.all(), recognizer.entities, { entity: 'antony-blinken' });
    const naming = seeds.filter((s) => s.text.includes('بلينكن')).map((s) => s.name).sort();
    assert.ok(naming.length > 0 && naming.length < 5);
    assert.deepEqual(m.articles.map((a) => a.name).sort(), naming);
    assert.equal(m.counts.articles, naming.length);
    assert.equal(m.filter?.id, 'antony-blinken');
    assert.ok(!m.top.person.some((e) => e.id === 'antony-blinken'), 'the filter entity is not listed among the others');
    assert.equal(m.network.focus, 'antony-blinken');
    assert.ok(m.network.nodes.some((n) => n.id === 'antony-blinken'));
    // An unknown id does not filter.
    assert.equal(corpusSummary(corpus.all(), recognizer.entities, { entity: 'nobody' }).counts.articles, 5);
  });
});

describe('summary: TextRank extractive summaries', () => {
  let corpus: Corpus;
  before(async () => (corpus = await seedCorpus()));

  it('splits a paragraph into sentences at full stops, not at evasion dots or headline ".."', () => {
    const p = { text: 'قالت المصادر إن الإرهـ.اب مستمر. وأضافت أن الحل قريب؟ سوريا .. أول خطوة', range: { start: 10, end: 0, line: 2, character: 0, endLine: 2, endCharacter: 0 } };
    const s = splitSentences({ paragraphs: [p] });
    assert.deepEqual(s.map((x) => x.text), ['قالت المصادر إن الإرهـ.اب مستمر.', 'وأضافت أن الحل قريب؟', 'سوريا .. أول خطوة']);
    assert.equal(s[1]!.start, 10 + p.text.indexOf('وأضافت'));
  });

  it('ranks a sentence that shares words with the others above an unrelated one', () => {
    const scores = textRank([
      'الرئيس الروسي بوتين التقى الرئيس الأمريكي بايدن في جنيف',
      'بوتين وبايدن ناقشا الملف السوري في جنيف',
      'الطقس مشمس اليوم والحرارة معتدلة على الساحل',
      'القمة بين بوتين وبايدن في جنيف بحثت الملف السوري والمساعدات',
    ]);
    assert.equal(scores.length, 4);
    assert.ok(Math.abs(scores.reduce((s, x) => s + x, 0) - 1) < 1e-6, 'scores sum to 1');
    assert.ok(scores[2]! < Math.min(scores[0]!, scores[1]!, scores[3]!), `unrelated sentence last: ${scores.map((x) => x.toFixed(3))}`);
  });

  it('picks 3–5 sentences of each seed, as written in the file, in reading order, from the body only', () => {
    for (const e of corpus.all()) {
      const text = textOf.get(e.file.name)!;
      const picked = summarize(e.article);
      const all = splitSentences(e.article);
      assert.ok(picked.length >= 3 && picked.length <= 5, `${e.file.name}: ${picked.length}`);
      assert.equal(picked.length, summaryLength(all.length));
      for (const s of picked) {
        assert.equal(text.slice(s.start, s.end), s.text, 'offsets point at the original text');
        const line = text.split(/\r?\n/)[s.line]!;
        assert.equal(line.slice(s.character, s.endCharacter), s.text, 'line/character too');
        assert.ok(e.article.paragraphs.some((p) => p.text.includes(s.text)), 'a sentence of a body paragraph');
        assert.ok(!e.article.boilerplate.some((b) => b.text.includes(s.text)), 'not boilerplate');
        assert.ok(/[.!?؟…”"»)]$/u.test(s.text) || e.article.paragraphs.some((p) => p.text.endsWith(s.text)), `ends a sentence: ${s.text.slice(-20)}`);
      }
      assert.deepEqual(picked.map((s) => s.index), [...picked.map((s) => s.index)].sort((a, b) => a - b));
      // The picks are the best-scored long sentences.
      const worstPicked = Math.min(...picked.map((s) => s.score));
      const scores = textRank(all.map((s) => s.text));
      const better = all.filter((s, i) => scores[i]! > worstPicked && !picked.some((p) => p.index === s.index));
      assert.ok(better.every((s) => contentWords(s.text).length < 4), `${e.file.name}: only short sentences outrank a pick`);
    }
  });
});

describe('summary: article view model', () => {
  let corpus: Corpus;
  before(async () => (corpus = await seedCorpus()));

  it('renders the article line by line as written, with entity spans, summary sentences and boilerplate marked', () => {
    for (const e of corpus.all()) {
      const text = textOf.get(e.file.name)!;
      const m = articleSummary(e, text, recognizer.entities);
      const lines = text.split(/\r\n|\n|\r/);
      for (const l of m.reader) {
        assert.equal(l.segments.map((s) => s.text).join(''), lines[l.line]!.trim(), `${e.file.name}:${l.line + 1}`);
        for (const s of l.segments) assert.equal(text.slice(s.start, s.end), s.text);
      }
      const marked = m.reader.flatMap((l) => l.segments.filter((s) => s.entity));
      const inBody = e.mentions.filter((x) => m.reader.some((l) => l.line === x.range.line));
      assert.equal(marked.length, inBody.length, 'one span per mention');
      for (const x of inBody) assert.ok(marked.some((s) => s.start === x.start && s.end === x.end && s.entity!.id === x.entity), `mention ${x.text}`);
      // Every summary sentence is highlighted, whole.
      for (const [k, s] of m.summary.entries()) {
        const spans = m.reader.flatMap((l) => l.segments.filter((g) => g.summary === k + 1));
        assert.equal(spans.map((g) => g.text).join(''), s.text);
      }
      assert.equal(m.entities.reduce((s, x) => s + x.count, 0), e.mentions.length);
    }
    const a002 = articleSummary(entry(corpus, '002_05a3987f59bbebcb.txt'), textOf.get('002_05a3987f59bbebcb.txt')!, recognizer.entities);
    const boiler = a002.reader.filter((l) => l.role === 'boilerplate').map((l) => l.segments.map((s) => s.text).join(''));
    assert.ok(boiler.includes('زر الذهاب إلى الأعلى') && boiler.includes('close'), boiler.join(' | '));
    assert.equal(a002.reader.find((l) => l.role === 'title')?.segments.map((s) => s.text).join(''), a002.article.title);
    const a003 = articleSummary(entry(corpus, '003_3234aa2de2427313.txt'), textOf.get('003_3234aa2de2427313.txt')!, recognizer.entities);
    assert.equal(a003.article.derived, true);
    assert.ok(!a003.reader.some((l) => l.role === 'title'), 'a derived title is the first paragraph, not a title line');
    assert.equal(a003.reader[0]!.role, 'paragraph');
  });

  it('shows a changed text without misplaced marks', () => {
    const e = entry(corpus, '000_7244c6ac2c0b5fe9.txt');
    const m = articleSummary(e, 'نص آخر تماما', recognizer.entities);
    assert.ok(m.reader.every((l) => l.segments.every((s) => !s.entity && s.summary === undefined)));
  });
});

describe('summary: entity view model (the hover card at full size)', () => {
  let corpus: Corpus;
  before(async () => (corpus = await seedCorpus()));

  it('lists every mention with its context, mentions over time, who is named with it, and statements', () => {
    const m = entitySummary(corpus.all(), recognizer.entities, 'anatoly-antonov')!;
    const mentions = corpus.all().flatMap((e) => e.mentions.filter((x) => x.entity === 'anatoly-antonov').map((x) => ({ e, x })));
    assert.equal(m.count, mentions.length);
    assert.equal(m.articles.reduce((s, a) => s + a.mentions.length, 0), m.count);
    for (const a of m.articles) {
      const text = textOf.get(a.article.name)!;
      for (const x of a.mentions) {
        assert.equal(text.slice(x.start, x.end), x.text);
        assert.ok(x.snippet.includes(x.text), 'the snippet holds the mention');
      }
    }
    assert.equal(m.overTime.buckets.reduce((s, b) => s + b.mentions, 0) + m.overTime.undated, m.count);
    assert.ok(m.overTime.buckets.some((b) => b.key === '2021-07' && b.mentions > 0 && b.inferred), '003 (July 2021, inferred) names him');
    // "قال السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف، إن موسكو وواشنطن …"
    assert.ok(m.statements.some((s) => s.article.name === '003_3234aa2de2427313.txt' && s.text.startsWith('قال السفير الروسي')));
    for (const s of m.statements) assert.ok(textOf.get(s.article.name)!.includes(s.text.replace(/…$/, '')));
    assert.ok(m.coMentioned.length > 0 && m.coMentioned.every((c) => c.id !== 'anatoly-antonov' && c.shared > 0));
    assert.equal(entitySummary(corpus.all(), recognizer.entities, 'no-such-entity'), undefined);
  });
});

describe('summary: messages from the webview are checked', () => {
  it('accepts the shapes the script sends and rejects anything else', () => {
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'navigate', view: { kind: 'corpus', entity: 'joe-biden', networkTypes: ['law'], networkBy: 'article' } }));
    assert.ok(isFromWebview({ type: 'open', target: { file: 'mem:/a', line: 1, character: 0, endLine: 1, endCharacter: 4 } }));
    assert.ok(!isFromWebview({ type: 'open', target: { file: 'mem:/a', line: -1, character: 0, endLine: 1, endCharacter: 4 } }));
    assert.ok(!isFromWebview({ type: 'navigate', view: { kind: 'corpus', networkTypes: ['weapon'] } }));
    assert.ok(!isFromWebview({ type: 'eval', code: 'x' }));
    assert.ok(!isFromWebview(null));
    assert.ok(isSummaryView({ kind: 'article', file: 'x' }));
    assert.ok(!isSummaryView({ kind: 'article', file: 3 }));
  });
});
