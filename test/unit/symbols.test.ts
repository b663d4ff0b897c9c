import * as assert from 'node:assert/strict';
import { Corpus } from '../../src/core/corpus/corpus';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { articleOutline, compareByDate, definitionMention, OutlineSymbol, userEntityIdSpan, workspaceSymbols, WorkspaceSymbolSources } from '../../src/core/corpus/symbols';
import { MemoryHost } from '../support/memoryHost';
import { readSeeds, TODAY } from './helpers';

const seeds = readSeeds();
const textOf = (name: string): string => seeds.find((s) => s.name === name)!.text;

async function seedCorpus(): Promise<Corpus> {
  // Ids are the names, as the symbols' file paths are.
  const corpus = new Corpus(new MemoryHost(seeds, { idPrefix: '' }), { today: TODAY, recognizer: new Recognizer(builtInEntities()) });
  await corpus.ready();
  return corpus;
}

function sources(corpus: Corpus): WorkspaceSymbolSources {
  const index = corpus.entities();
  return {
    entities: index.list().map((stats) => {
      const d = definitionMention(stats)!;
      return { stats, file: d.entry.file.id, range: d.mention.range };
    }),
    articles: corpus.all(),
  };
}

/** name → children names, recursively, for readable assertions. */
const shape = (s: OutlineSymbol): unknown => (s.children.length ? { [s.name]: s.children.map(shape) } : s.name);

describe('navigation symbols', () => {
  let corpus: Corpus;
  before(async () => {
    corpus = await seedCorpus();
  });

  it('orders articles dated first (oldest first), then undated by file name', () => {
    const order = corpus.all().sort(compareByDate).map((e) => [e.file.name.slice(0, 3), e.article.date?.iso]);
    assert.deepEqual(order, [
      ['001', '2020-07-17'],
      ['003', '2021-07-28'],
      ['000', undefined],
      ['002', undefined],
      ['004', undefined],
    ]);
  });

  it('defines Antonov at his first full-name mention in the earliest-dated article naming him', () => {
    const stats = corpus.entities().get('anatoly-antonov')!;
    // Seven mentions in three articles, both spellings: the references.
    assert.equal(stats.count, 7);
    assert.deepEqual(stats.articles.map((a) => a.entry.file.name.slice(0, 3)).sort(), ['000', '003', '004']);
    assert.deepEqual([...new Set(stats.articles.flatMap((a) => a.mentions.map((m) => m.text)))].sort(), ['أناتولي أنتونوف', 'أناتولي أنطونوف', 'أنتونوف', 'أنطونوف']);
    const d = definitionMention(stats)!;
    assert.equal(d.entry.file.name, '003_3234aa2de2427313.txt');
    assert.equal(d.mention.text, 'أناتولي أنتونوف');
    assert.equal(textOf(d.entry.file.name).slice(d.mention.start, d.mention.end), 'أناتولي أنتونوف');
    assert.deepEqual([d.mention.range.line, d.mention.range.character], [0, 40]);
  });

  it('defines Lavrov at a full-name mention, not at the short "لافروف"', () => {
    const stats = corpus.entities().get('sergey-lavrov')!;
    const d = definitionMention(stats)!;
    const allTexts = stats.articles.flatMap((a) => a.mentions.map((m) => m.text));
    assert.ok(allTexts.includes('لافروف') && allTexts.includes('سيرغي لافروف'), allTexts.join(', '));
    assert.equal(d.mention.text, 'سيرغي لافروف');
    // The earliest-dated article naming him in full, else the first undated one.
    const withFull = stats.articles.filter((a) => a.mentions.some((m) => m.text === 'سيرغي لافروف')).map((a) => a.entry).sort(compareByDate);
    assert.equal(d.entry, withFull[0]);
  });

  it('finds where the user entity file defines an id', () => {
    const json = '{\n  "people": [\n    { "id": "a-b", "nameAr": "أ" },\n    { "id" : "hossam-najjar", "nameAr": "حسام نجار" }\n  ],\n  "hide": ["x"]\n}';
    const span = userEntityIdSpan(json, 'hossam-najjar')!;
    assert.equal(json.slice(span.start, span.end), 'hossam-najjar');
    assert.equal(userEntityIdSpan(json, 'x'), undefined, 'a hidden id is not a definition');
    assert.equal(userEntityIdSpan(json, 'hossam'), undefined);
  });

  it('outlines seed 001: title over the whole text, its two subheadings spanning their sections, entities as children', () => {
    const name = '001_1f4fa77edfffa84d.txt';
    const entry = corpus.get(name)!;
    const text = textOf(name);
    const [root, ...rest] = articleOutline(entry.article, text, entry.mentions, corpus.entityRecognizer!.entities);
    assert.equal(rest.length, 0);
    assert.equal(root!.name, 'حراك دبلوماسي روسي مكثف للدفع بعملية التسوية السياسية في سوريا.. ما الجديد؟');
    assert.deepEqual([root!.range.start, root!.range.end], [0, text.length]);
    assert.equal(text.slice(root!.selectionRange.start, root!.selectionRange.end), root!.name);
    assert.match(root!.detail, /طيف بوست · 2020-07-17/);
    const headings = root!.children.filter((c) => c.kind === 'heading');
    assert.deepEqual(headings.map((h) => h.name), ['مباحثات روسية أمريكية حول الحل في سوريا', 'حديث أمريكي عن انهيار نظام الأسد']);
    for (const h of headings) {
      assert.equal(text.slice(h.selectionRange.start, h.selectionRange.end), h.name);
      assert.ok(h.range.start === h.selectionRange.start && h.range.end > h.selectionRange.end);
    }
    // Sections meet: the first runs up to the second heading, the last to the end of the text.
    assert.equal(text.slice(headings[0]!.range.end, headings[1]!.range.start).trim(), '');
    assert.equal(headings[1]!.range.end, text.trimEnd().length);
    // Every entity child lies inside its parent and names the first mention there.
    const check = (parent: OutlineSymbol): void => {
      for (const c of parent.children) {
        assert.ok(c.range.start >= parent.range.start && c.range.end <= parent.range.end, `${c.name} inside ${parent.name}`);
        if (c.kind === 'entity') {
          const first = entry.mentions.find((m) => m.entity === c.entity && m.start >= parent.range.start)!;
          assert.equal(c.range.start, first.start);
        }
        check(c);
      }
    };
    check(root!);
    const leadEntities = root!.children.filter((c) => c.kind === 'entity').map((c) => c.entity);
    assert.ok(leadEntities.includes('sergey-vershinin') && leadEntities.includes('unsc-2254'), leadEntities.join(', '));
    const assad = headings[1]!.children.find((c) => c.entity === 'bashar-al-assad');
    assert.ok(assad, JSON.stringify(shape(headings[1]!)));
  });

  it('outlines seed 000 with its four subheadings and seed 003 with a derived title and none', () => {
    const e000 = corpus.get('000_7244c6ac2c0b5fe9.txt')!;
    const [r000] = articleOutline(e000.article, textOf('000_7244c6ac2c0b5fe9.txt'), e000.mentions, corpus.entityRecognizer!.entities);
    assert.deepEqual(r000!.children.filter((c) => c.kind === 'heading').map((h) => [h.name, h.selectionRange.line]), [
      ['لقاء أمريكي روسي', 8],
      ['حوار بناء', 12],
      ['روسيا تعيد حساباتها', 17],
      ['مصير قيصر', 23],
    ]);
    const e003 = corpus.get('003_3234aa2de2427313.txt')!;
    const [r003] = articleOutline(e003.article, textOf('003_3234aa2de2427313.txt'), e003.mentions, corpus.entityRecognizer!.entities);
    assert.match(r003!.detail, /^derived title/);
    assert.equal(r003!.children.filter((c) => c.kind === 'heading').length, 0);
    assert.ok(r003!.children.some((c) => c.entity === 'anatoly-antonov' && c.detail.includes('3 mentions')));
  });

  it('finds Sergey Lavrov by his English name, his Arabic name, and folded spellings', () => {
    const src = sources(corpus);
    const en = workspaceSymbols('Lavrov', src);
    assert.equal(en[0]?.entity, 'sergey-lavrov');
    assert.match(en[0]!.name, /Lavrov/);
    assert.match(en[0]!.containerName, /سيرغي لافروف/);
    const lower = workspaceSymbols('lavrov', src);
    assert.equal(lower[0]?.entity, 'sergey-lavrov');
    const ar = workspaceSymbols('لافروف', src);
    assert.equal(ar[0]?.entity, 'sergey-lavrov');
    assert.ok(ar[0]!.name.includes('لافروف'));
    // Typed without hamza: found, and named so that VS Code's own filter (on the characters typed) keeps it.
    const bare = workspaceSymbols('انطونوف', src);
    assert.equal(bare[0]?.entity, 'anatoly-antonov');
    assert.ok(bare[0]!.name.includes('انطونوف'), bare[0]!.name);
    // Nothing unrelated.
    assert.ok(en.every((s) => s.entity === 'sergey-lavrov' || s.kind === 'article'), en.map((s) => s.name).join(', '));
  });

  it('finds articles by title words, folded, and leads to the title', () => {
    const src = sources(corpus);
    const found = workspaceSymbols('التسويه السياسيه', src).filter((s) => s.kind === 'article');
    assert.deepEqual(found.map((s) => s.file), ['001_1f4fa77edfffa84d.txt']);
    assert.equal(found[0]!.range.line, 0);
    assert.match(found[0]!.containerName, /طيف بوست/);
    assert.equal(workspaceSymbols('xyzzy-no-such-name', src).length, 0);
    // An empty query lists every entity of the corpus and every article.
    assert.equal(workspaceSymbols('', src).length, src.entities.length + src.articles.length);
  });
});
