/**
 * A query stops when its signal is set (src/core/search/cancel.ts): at the steps between its stages and inside its
 * long loops (candidates, passages, snippets), run at once or a slice at a time; a query suspended between two slices
 * is ended by the next query on its index. On a generated corpus (test/support/synthetic.ts).
 */
import * as assert from 'node:assert/strict';
import { CancelledError, type CancelSignal, searchInSlices, SearchIndex, type SearchResults } from '../../src/core/search/index';
import { concordance, concordanceInSlices, type ConcordanceLine } from '../../src/core/search/concordance';
import Fuse from 'fuse.js';
import type { Entity } from '../../src/core/entities/recognizer';
import { foldedWords } from '../../src/core/search/query';
import { seeded } from '../support/random';
import { syntheticArticles } from './helpers';

/** A signal read `reads` times; set from the `after`-th read on (never, without `after`). */
class CountingSignal implements CancelSignal {
  reads = 0;
  constructor(private readonly after = Infinity) {}
  get cancelled(): boolean {
    return ++this.reads > this.after;
  }
}

/** An index of generated articles (no recognizer: words alone), counting the passages' lines it reads. */
function generated(count: number): { index: SearchIndex; lines: { read: number } } {
  const index = new SearchIndex();
  const texts = new Map<string, string>();
  for (const a of syntheticArticles(count)) {
    texts.set(a.name, a.text);
    index.add({ id: a.name, name: a.name, text: a.text });
  }
  const lines = { read: 0 };
  index.readLinesWith((id, start, end) => {
    lines.read++;
    const text = texts.get(id)!;
    const from = text.lastIndexOf('\n', start - 1) + 1;
    const to = text.indexOf('\n', end);
    return { text: text.slice(from, to < 0 ? text.length : to), start: from };
  });
  return { index, lines };
}

const QUERY = 'روسيا واشنطن';

function shown(r: SearchResults): string {
  return JSON.stringify([r.entities, r.articles, r.passages]);
}

describe('search: cancellation', function () {
  this.timeout(20_000);
  const { index, lines } = generated(1500);
  lines.read = 0;
  const full = index.search(QUERY);
  const fullLines = lines.read;

  it('the generated corpus gives the query many passages to rank and cut', () => {
    assert.equal(full.passages.length, 50);
    assert.ok(full.articles.length > 0);
    assert.ok(fullLines >= 50, 'at least one line read per passage');
  });

  it('a signal never set changes nothing, and the query reads it at steps inside its loops, not only between stages', () => {
    const signal = new CountingSignal();
    lines.read = 0;
    assert.equal(shown(index.search(QUERY, { signal })), shown(full));
    assert.equal(lines.read, fullLines);
    // Seven steps between the stages; the rest from within them (candidates' postings, passages' words, snippets).
    assert.ok(signal.reads > 12, `${signal.reads} reads of the signal`);
  });

  it('a query whose signal is set mid-way stops there, reads fewer lines and returns nothing', () => {
    const whole = new CountingSignal();
    index.search(QUERY, { signal: whole });
    const after = Math.floor(whole.reads * 0.75);
    const signal = new CountingSignal(after);
    lines.read = 0;
    assert.throws(() => index.search(QUERY, { signal }), CancelledError);
    assert.equal(signal.reads, after + 1, 'stopped at the first step after the signal was set');
    assert.ok(lines.read < fullLines, `${lines.read} of ${fullLines} lines read`);
    // The index is as it was: the next query answers as before.
    assert.equal(shown(index.search(QUERY)), shown(full));
  });

  it('run a slice at a time: the same results, and a signal set during a pause stops it at once', async () => {
    let pauses = 0;
    const pause = async (): Promise<void> => void pauses++;
    const sliced = await searchInSlices(index, QUERY, { pause, sliceMs: 0 });
    assert.equal(shown(sliced), shown(full));
    assert.ok(pauses > 12, `${pauses} pauses`);
    // The keystroke that supersedes the query lands during a pause (here, the fifth).
    const typed = { cancelled: false };
    let seen = 0;
    lines.read = 0;
    const stopAt = async (): Promise<void> => {
      if (++seen === 5) typed.cancelled = true;
    };
    await assert.rejects(searchInSlices(index, QUERY, { pause: stopAt, sliceMs: 0, signal: typed }), CancelledError);
    assert.equal(seen, 5, 'no slice ran after the pause in which the signal was set');
    assert.ok(lines.read < fullLines, `${lines.read} of ${fullLines} lines read`);
  });

  it('a query suspended between two slices is ended by the next query or the concordance on its index', async () => {
    const other = 'الأمن';
    const alone = shown(index.search(other));
    const occurrences = index.occurrences({ word: other }).length;
    let interrupted = false;
    const pause = async (): Promise<void> => {
      if (interrupted) return;
      interrupted = true;
      // Another query and a concordance while the first is between two slices (they share the term mask).
      assert.equal(shown(index.search(other)), alone);
      assert.equal(index.occurrences({ word: other }).length, occurrences);
    };
    await assert.rejects(searchInSlices(index, QUERY, { pause, sliceMs: 0 }), CancelledError);
    assert.equal(shown(index.search(QUERY)), shown(full));
    assert.equal(shown(index.search(other)), alone);
  });
});

describe('concordance: cancellation', function () {
  this.timeout(20_000);
  const { index } = generated(1500);
  // The texts read when a line is cut (as the extension reads them from disk), counted.
  const texts = new Map(syntheticArticles(1500).map((a) => [a.name, a.text]));
  const read = { texts: 0 };
  index.readTextsWith((id) => {
    read.texts++;
    return texts.get(id);
  });
  const WORD = 'روسيا';
  const full = concordance(index, { word: WORD });
  const fullReads = read.texts;
  const shownLines = (ls: ConcordanceLine[]): string => JSON.stringify(ls);

  it('the generated corpus gives the word many lines to cut', () => {
    assert.ok(full.length > 500, `${full.length} lines`);
    assert.ok(fullReads > 500, `${fullReads} texts read (each once, however many lines it gives)`);
  });

  it('a signal never set changes nothing, and is read inside the occurrences and the lines, not only at their ends', () => {
    const signal = new CountingSignal();
    assert.equal(shownLines(concordance(index, { word: WORD }, { signal })), shownLines(full));
    assert.ok(signal.reads > 10, `${signal.reads} reads of the signal`);
    const entity = new CountingSignal();
    index.occurrences({ word: WORD }, { signal: entity });
    assert.ok(entity.reads > 5, `${entity.reads} reads while finding the occurrences`);
  });

  it('a concordance whose signal is set mid-way stops there, reads fewer texts and returns nothing', () => {
    // Set half-way through finding the occurrences (where the texts are read).
    const finding = new CountingSignal();
    index.occurrences({ word: WORD }, { signal: finding });
    const after = Math.floor(finding.reads / 2);
    const signal = new CountingSignal(after);
    read.texts = 0;
    assert.throws(() => concordance(index, { word: WORD }, { signal }), CancelledError);
    assert.equal(signal.reads, after + 1, 'stopped at the first step after the signal was set');
    assert.ok(read.texts < fullReads, `${read.texts} of ${fullReads} texts read`);
    assert.equal(shownLines(concordance(index, { word: WORD })), shownLines(full));
  });

  it('run a slice at a time: the same lines; set during a pause, or superseded by a query, it stops', async () => {
    let pauses = 0;
    const sliced = await concordanceInSlices(index, { word: WORD }, { pause: async () => void pauses++, sliceMs: 0 });
    assert.equal(shownLines(sliced), shownLines(full));
    assert.ok(pauses > 10, `${pauses} pauses`);
    const superseded = { cancelled: false };
    let seen = 0;
    const stopAt = async (): Promise<void> => {
      if (++seen === 3) superseded.cancelled = true;
    };
    await assert.rejects(concordanceInSlices(index, { word: WORD }, { pause: stopAt, sliceMs: 0, signal: superseded }), CancelledError);
    assert.equal(seen, 3, 'no slice ran after the pause in which the signal was set');
    // A query between two slices of the occurrences (they share the term mask) ends it; the query answers as alone.
    const alone = shown(index.search(QUERY));
    let queried = false;
    const query = async (): Promise<void> => {
      if (queried) return;
      queried = true;
      assert.equal(shown(index.search(QUERY)), alone);
    };
    await assert.rejects(concordanceInSlices(index, { word: WORD }, { pause: query, sliceMs: 0 }), CancelledError);
    assert.equal(shownLines(concordance(index, { word: WORD })), shownLines(full));
  });
});

describe('entity matching: cancellation', function () {
  this.timeout(20_000);
  // 3,000 people of our own (a third of them called محمد, some with a name of three words), each named in an article of its own ("قال <name> إن …"), so that a query's first run
  // makes the names' index of 3,000 entities, then ranks those it reaches with fuse.js.
  const random = seeded(14);
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = (): string => Array.from({ length: 4 + random.below(3) }, () => letters[random.below(letters.length)]).join('');
  const entities: Entity[] = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, type: 'person', nameAr: `${i % 3 === 0 ? (i % 2 ? `محمد ${word()}` : 'محمد') : word()} ${word()}`, nameEn: `person ${i}`, aliases: [] }));
  const make = (): SearchIndex => {
    const index = new SearchIndex(entities);
    entities.forEach((e, i) => {
      const text = `خبر ${i}\n\nقال ${e.nameAr} إن الاجتماع انتهى.\n`;
      const start = text.indexOf(e.nameAr);
      index.add({ id: `a${i}.txt`, name: `a${i}.txt`, text, mentions: [{ entity: e.id, type: 'person', start, end: start + e.nameAr.length }] });
    });
    return index;
  };
  const QUERY_NAME = entities[1234]!.nameAr;

  it('the first run reads the signal inside the entity matching, not only after it', () => {
    const index = make();
    const first = new CountingSignal();
    const r = index.search(QUERY_NAME, { signal: first });
    assert.equal(r.entities[0]?.entity?.id, 'p1234');
    const again = new CountingSignal();
    assert.equal(JSON.stringify(index.search(QUERY_NAME, { signal: again })), JSON.stringify(r));
    // The names' index of 3,000 entities in steps of 500, then its forms and typo index: read between them.
    assert.ok(first.reads >= again.reads + 6, `${first.reads} reads on the first run, ${again.reads} once made`);
  });

  it('a keystroke during the first run stops it in the entity matching; the next run goes on from there', () => {
    const index = make();
    const stopped = new CountingSignal(2);
    assert.throws(() => index.search(QUERY_NAME, { signal: stopped }), CancelledError);
    assert.equal(stopped.reads, 3, 'stopped at the third step, within the names of the first 1,500 entities');
    const next = new CountingSignal();
    const r = index.search(QUERY_NAME, { signal: next });
    assert.equal(r.entities[0]?.entity?.id, 'p1234');
    assert.equal(JSON.stringify(r), JSON.stringify(make().search(QUERY_NAME)), 'the same answer as a run never stopped');
    const whole = new CountingSignal();
    make().search(QUERY_NAME, { signal: whole });
    assert.ok(next.reads < whole.reads, `the names made before the stop are kept: ${next.reads} reads, ${whole.reads} from the start`);
  });

  it('fuse.js ranks the candidates a part at a time, in the order it ranks them at once', () => {
    const index = make();
    // A given name a third of them have: a thousand candidates of two scores (two words or three), in several parts.
    const pattern = 'محمد';
    const found = index.matchEntities(pattern);
    assert.ok(found.length > 400, `${found.length} entities`);
    // fuse.js at once over every name, with the matcher's options, kept to the entities found: the same order.
    const records = entities.map((e) => ({ id: e.id, names: [foldedWords(e.nameAr).join(' '), foldedWords(e.nameEn).join(' ')] }));
    const ids = new Set(found.map((m) => m.entity.id));
    const once = new Fuse(records, { keys: ['names'], includeScore: true, ignoreLocation: true, threshold: 0.3, useExtendedSearch: true }).search(pattern).filter((r) => ids.has(r.item.id));
    assert.deepEqual(found.map((m) => [m.entity.id, m.score]), once.map((r) => [r.item.id, 1 - (r.score ?? 1)]));
  });
});
