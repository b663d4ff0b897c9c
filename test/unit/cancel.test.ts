/**
 * A query stops when its signal is set (src/core/search/cancel.ts): at the steps between its stages and inside its
 * long loops (candidates, passages, snippets), run at once or a slice at a time; a query suspended between two slices
 * is ended by the next query on its index. On a generated corpus (test/support/synthetic.ts).
 */
import * as assert from 'node:assert/strict';
import { CancelledError, type CancelSignal, searchInSlices, SearchIndex, type SearchResults } from '../../src/core/search/index';
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
