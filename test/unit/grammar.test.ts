/**
 * The corpus-article TextMate grammar, tokenized the way VS Code does (vscode-textmate on the
 * Oniguruma regex engine), on the seed articles.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { parseArticle } from '../../src/core/article/article';
import { splitLines } from '../../src/core/text/ranges';
import { readSeeds, ROOT, TODAY } from './helpers';

interface Manifest {
  contributes: {
    languages: { id: string; aliases?: string[]; configuration?: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configurationDefaults?: Record<string, unknown>;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const LANGUAGE = 'corpus-article';
const grammarEntry = manifest.contributes.grammars.find((g) => g.language === LANGUAGE)!;
const seeds = readSeeds();
const seed = (prefix: string): string => seeds.find((s) => s.name.startsWith(prefix))!.text;

/** One token: its text and scopes (innermost last). */
interface Tok {
  text: string;
  scopes: string[];
}

let grammar: textmate.IGrammar;

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== grammarEntry.scopeName) return null;
      const path = join(ROOT, grammarEntry.path);
      return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const g = await registry.loadGrammar(grammarEntry.scopeName);
  assert.ok(g, 'the grammar loads');
  return g;
}

/** Tokens of every line of `text`. */
function tokenize(text: string): Tok[][] {
  let state = textmate.INITIAL;
  return splitLines(text).map((line) => {
    const r = grammar.tokenizeLine(line.text, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.text.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The text of the tokens (joined) whose scopes include one starting with `scope`, per run. */
function runs(tokens: Tok[], scope: string): string[] {
  const out: string[] = [];
  let current: string | undefined;
  for (const t of tokens) {
    if (t.scopes.some((s) => s.startsWith(scope))) current = (current ?? '') + t.text;
    else if (current !== undefined) {
      out.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) out.push(current);
  return out.map((s) => s.trim());
}

const lineScoped = (tokens: Tok[], scope: string): boolean => tokens.some((t) => t.text.trim() !== '') && tokens.every((t) => t.text.trim() === '' || t.scopes.some((s) => s.startsWith(scope)));

describe('corpus-article grammar', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  it('is contributed for our language, with a language configuration and editor defaults', () => {
    const lang = manifest.contributes.languages.find((l) => l.id === LANGUAGE);
    assert.ok(lang, 'the language is contributed');
    assert.ok(lang.aliases?.includes('Corpus Article'));
    const conf = JSON.parse(readFileSync(join(ROOT, lang.configuration!), 'utf8')) as { wordPattern: string | { pattern: string }; brackets: string[][]; autoClosingPairs: { open: string; close: string }[] };
    const pattern = typeof conf.wordPattern === 'string' ? conf.wordPattern : conf.wordPattern.pattern;
    const word = new RegExp(pattern, 'g');
    // Arabic words are words, with their harakat and tatweel, and an evasion dot does not split one.
    assert.deepEqual('قال لافروف: الإرهـ.اب، بِسْمِ 2254'.match(word), ['قال', 'لافروف', 'الإرهـ.اب', 'بِسْمِ', '2254']);
    for (const pair of [['“', '”'], ['«', '»'], ['(', ')']]) {
      assert.ok(conf.brackets.some((b) => b[0] === pair[0] && b[1] === pair[1]), `bracket ${pair[0]}${pair[1]}`);
      assert.ok(conf.autoClosingPairs.some((p) => p.open === pair[0] && p.close === pair[1]), `auto-closing ${pair[0]}${pair[1]}`);
    }
    const defaults = manifest.contributes.configurationDefaults?.[`[${LANGUAGE}]`] as Record<string, unknown>;
    assert.equal(defaults['editor.wordWrap'], 'on');
  });

  it('allows the dashes, quotes and spaces of Arabic news in the editor: no ambiguous-character box around them', () => {
    const defaults = manifest.contributes.configurationDefaults?.[`[${LANGUAGE}]`] as Record<string, unknown>;
    const allowed = defaults['editor.unicodeHighlight.allowedCharacters'] as Record<string, boolean>;
    for (const c of ['–', '—', '«', '»', '“', '”', '‘', '’', '„', '\u00a0', '\u200f']) assert.equal(allowed[c], true, `U+${c.codePointAt(0)!.toString(16)}`);
    // Every punctuation mark, symbol or space of the seeds outside ASCII and the Arabic block (their en dashes and
    // quotes) is allowed; letters (a Latin ö) are not ambiguous.
    const outside = new Set([...['000', '001', '002', '003', '004'].map(seed).join('')].filter((c) => c > '\u007f' && !/[\u0600-\u06ff\p{L}\p{N}\p{M}]/u.test(c)));
    assert.ok(outside.has('–'), 'the seeds have bylines with an en dash');
    for (const c of outside) assert.equal(allowed[c], true, `U+${c.codePointAt(0)!.toString(16)} is allowed`);
    // Only characters: no letters or digits of other scripts hide behind the setting.
    for (const c of Object.keys(allowed)) assert.match(c, /^[^\p{L}\p{N}]$/u, c);
  });

  it('scopes the title, the byline and the subheadings of seed 000', () => {
    const lines = tokenize(seed('000'));
    assert.ok(lineScoped(lines[0]!, 'markup.heading.title'), 'line 1 is the title');
    assert.deepEqual(runs(lines[3]!, 'entity.name.type.outlet'), ['مدى بوست']);
    assert.deepEqual(runs(lines[3]!, 'string.unquoted.byline'), ['فريق التحرير']);
    for (const n of [8, 12, 17, 23]) assert.ok(lineScoped(lines[n]!, 'markup.heading.subheading'), `line ${n + 1} is a subheading`);
    // Body paragraphs are not headings.
    assert.ok(!lines[4]!.some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))));
  });

  it('scopes every subheading the article parser finds, in every seed', () => {
    for (const s of seeds) {
      const lines = tokenize(s.text);
      const article = parseArticle(s.name, s.text, { today: TODAY });
      for (const h of article.subheadings) assert.ok(lineScoped(lines[h.range.line]!, 'markup.heading.subheading'), `${s.name}: ${h.text}`);
      // And no body paragraph of more than twelve words is taken for one.
      for (const p of article.paragraphs) {
        if (p.text.split(/\s+/).length > 12) assert.ok(!lines[p.range.line]!.some((t) => t.scopes.some((x) => x.startsWith('markup.heading'))), `${s.name}: ${p.text.slice(0, 40)}`);
      }
    }
  });

  it('scopes dates, numbers, quotations and the "اقرأ أيضاً" link of seed 001', () => {
    const lines = tokenize(seed('001'));
    const all = lines.flat();
    assert.ok(runs(all, 'constant.other.date').includes('الجمعة 17 تموز/ يوليو'), runs(all, 'constant.other.date').join(' | '));
    const readAlso = lines.filter((l) => l.some((t) => t.scopes.some((s) => s.startsWith('keyword.other.read-also'))));
    assert.equal(readAlso.length, 2, 'the two read-also lines');
    for (const l of readAlso) assert.deepEqual(runs(l, 'keyword.other.read-also'), ['اقرأ أيضاً']);
    const links = splitLines(seed('001')).filter((l) => l.text.startsWith('اقرأ أيضاً:')).map((l) => l.text.slice('اقرأ أيضاً:'.length).trim());
    assert.deepEqual(readAlso.map((l) => runs(l, 'markup.underline.link')), links.map((t) => [t]));
    assert.ok(links[1]!.startsWith('مسيرة مجهولة تستهدف اجتماعاً لقيادات روسية'));
    const quoted = runs(all, 'string.quoted.double.typographic');
    assert.ok(quoted.includes('“سيرغي فيرشينين”'), quoted.join(' | '));
    assert.ok(runs(all, 'constant.numeric').includes('2254'));
  });

  it('scopes the web chrome, source line and footers of seed 002 as boilerplate, and 003\'s lone dash', () => {
    const lines = tokenize(seed('002'));
    const byText = (text: string): Tok[] => lines.find((l) => l.map((t) => t.text).join('').trim() === text)!;
    for (const text of ['close', 'مقالات ذات صلة', 'زر الذهاب إلى الأعلى', 'المصدر : طيف بوست']) assert.ok(lineScoped(byText(text), 'comment.line.boilerplate'), text);
    assert.deepEqual(runs(byText('المصدر : طيف بوست'), 'entity.name.type.outlet'), ['طيف بوست']);
    assert.ok(runs(lines.flat(), 'string.quoted.double.typographic').includes('“تفاصيل جديدة”'));
    const l003 = tokenize(seed('003'));
    assert.ok(!l003[0]!.some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))), '003 has no title line: its first line is a sentence');
    assert.ok(lineScoped(l003[l003.length - 1]!, 'comment.line.boilerplate.separator'));
    assert.ok(runs(l003.flat(), 'constant.other.date').includes('13 من تموز'));
  });

  it('scopes the newsletter footer of seed 004 and the year of "من 2021" as a number', () => {
    const lines = tokenize(seed('004'));
    const footer = lines.filter((l) => lineScoped(l, 'comment.line.boilerplate.newsletter'));
    assert.equal(footer.length, 2);
    assert.ok(runs(lines.flat(), 'constant.numeric').includes('2021'));
  });
});
