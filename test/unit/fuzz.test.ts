/**
 * A seeded fuzz test of the normaliser, the tokenizer, the article parser and entity recognition: on random
 * text built from what real and hostile corpora hold (Arabic letters and marks, tatweel, evasion dots, hamza
 * written decomposed, bidi and zero-width controls, Arabic-Indic digits, CR/LF/CRLF, lone surrogates, NUL,
 * Latin, quotes) and on mutated seeds, nothing throws and every span maps back inside the original text.
 * Deterministic: the seed is fixed (FUZZ_SEED overrides it, FUZZ_CASES the number of cases).
 */
import * as assert from 'node:assert/strict';
import { foldWithMap, originalSpan } from '../../src/core/text/arabic';
import { parseArticle } from '../../src/core/article/article';
import { findDates } from '../../src/core/article/dates';
import { findStatements, recognizeArticle, Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { tokenize } from '../../src/core/text/tokenize';
import { Random } from '../support/random';
import { readSeeds } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CASES = Number(process.env.FUZZ_CASES ?? 400);

/** mulberry32 (test/support/random.ts), as a function giving numbers in [0, 1). */
const prng = (seed: number): (() => number) => Random.mulberry32(seed).float;

const PIECES = [
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى',
  '\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b', '\u0670', // harakat, shadda, sukun, tanween, superscript alef
  '\u0640', '\u0640\u0640', '.', 'ـ.', '..', // tatweel, evasion dots
  'ا\u0654', 'ا\u0653', 'و\u0654', 'ي\u0654', 'ا\u0655', // hamza and madda written decomposed
  '\u200f', '\u200e', '\u202b', '\u202c', '\u2067', '\u2069', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u061c',
  '٠١٢٣٤٥٦٧٨٩', '۱۴۰۰', '2254', '17',
  ' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\n\n', '\t',
  '،', '؛', '؟', ':', '-', '–', '“', '”', '«', '»', '"', '(', ')', '/', '…',
  'Lavrov', 'POLITICO', 'İ', 'ß',
  '\ud83d\ude00', '\ud83d', '\ude00', '\u0000', '\ufffd',
  'لـ ', 'وال', 'لل', 'اقرأ أيضاً', 'الجمعة 17 تموز/ يوليو', 'الإرهـ.اب', 'الأسـ.لـ.حـ.ة',
  'لافروف', 'أنتونوف', 'وزير الخارجية الروسي، ', 'المحلل السياسي، ', 'قال ', 'بشار الأسد', 'الشرق الأوسط',
];

function randomText(rand: () => number): string {
  const n = Math.floor(rand() * 300);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)]!;
  return s;
}

/** A seed with random cuts, repeats and insertions. */
function mutatedSeed(rand: () => number, seeds: readonly string[]): string {
  let s = seeds[Math.floor(rand() * seeds.length)]!;
  const edits = 1 + Math.floor(rand() * 8);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rand() * (s.length + 1));
    const op = rand();
    if (op < 0.4) s = s.slice(0, at) + randomText(rand).slice(0, 40) + s.slice(at);
    else if (op < 0.7) s = s.slice(0, at) + s.slice(at + Math.floor(rand() * 200));
    else s = s.slice(0, at) + s.slice(Math.max(0, at - 100), at) + s.slice(at);
  }
  return s;
}

/** Every {start, end} pair in an object tree lies inside [0, length] with start ≤ end. */
function assertSpansInside(value: unknown, length: number, where: string, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    assert.ok(0 <= o.start && o.start <= o.end && o.end <= length, `${where}: span [${o.start}, ${o.end}) outside 0..${length}`);
  }
  for (const [k, v] of Object.entries(o)) assertSpansInside(v, length, `${where}.${k}`, depth + 1);
}

describe('fuzz: normaliser, tokenizer, parser, recognizer (seeded)', function () {
  this.timeout(60_000);
  const recognizer = new Recognizer(builtInEntities());
  const seeds = readSeeds().map((s) => s.text);
  const rand = prng(SEED);
  const inputs = Array.from({ length: CASES }, (_, i) => (i % 2 === 0 ? randomText(rand) : mutatedSeed(rand, seeds)));

  it(`${CASES} inputs: no throw, every folded character and span maps back inside the original (seed ${SEED})`, () => {
    for (const [i, text] of inputs.entries()) {
      const where = `case ${i} (FUZZ_SEED=${SEED})`;
      const folded = foldWithMap(text);
      assert.equal(folded.starts.length, folded.text.length, `${where}: one start per folded character`);
      assert.equal(folded.ends.length, folded.text.length, `${where}: one end per folded character`);
      let previous = 0;
      for (let k = 0; k < folded.text.length; k++) {
        const s = folded.starts[k]!;
        const e = folded.ends[k]!;
        assert.ok(s >= previous && s < e && e <= text.length, `${where}: folded char ${k} maps to [${s}, ${e})`);
        previous = s;
      }
      const a = Math.floor(rand() * (folded.text.length + 1));
      const b = a + Math.floor(rand() * (folded.text.length - a + 1));
      const span = originalSpan(folded, a, b);
      assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length, `${where}: originalSpan`);

      for (const t of tokenize(text, folded)) {
        assert.ok(0 <= t.start && t.start < t.end && t.end <= text.length, `${where}: token ${t.text}`);
      }
      assertSpansInside(findDates(text, folded), text.length, `${where} dates`);
      const article = parseArticle(`fuzz-${i}.txt`, text, {}, folded);
      assertSpansInside(article, text.length, `${where} article`);
      const { mentions } = recognizeArticle(recognizer, text, folded);
      for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text, `${where}: mention text`);
      assertSpansInside(findStatements(text, mentions, folded), text.length, `${where} statements`);
    }
  });

  it('the generator is deterministic (the same seed gives the same inputs)', () => {
    const again = prng(SEED);
    const first = Array.from({ length: 4 }, (_, i) => (i % 2 === 0 ? randomText(again) : mutatedSeed(again, seeds)));
    assert.deepEqual(first, inputs.slice(0, 4));
  });
});
