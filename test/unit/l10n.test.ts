/**
 * The runtime strings' translations: every `l10n.t('…')` key in src/ is in the English bundle
 * (l10n/bundle.l10n.json, made by `npm run l10n`) and in the Arabic one (l10n/bundle.l10n.ar.json), with no
 * stale keys; each translation keeps exactly its key's placeholders; the Arabic is Arabic. The keys are read
 * with the TypeScript compiler's parser, so only literal keys count: a key built at run time fails the test.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type * as TS from 'typescript';
import { ROOT } from './helpers';

// Loaded from node_modules at run time (not bundled into the test by esbuild).
const ts = createRequire(join(ROOT, 'package.json'))('typescript') as typeof TS;

interface KeyUse {
  key: string;
  /** Arguments after the key. */
  args: number;
  where: string;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `l10n.t(…)` or `vscode.l10n.t(…)`. */
function isL10nT(node: TS.CallExpression): boolean {
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const target = callee.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

/** Runs later than the module's loading (VS Code may load the bundle after it): inside a function or an instance field. */
function deferred(node: TS.Node): boolean {
  for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) return true;
    if (ts.isPropertyDeclaration(n) && !n.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) return true;
  }
  return false;
}

/** Every `l10n.t` call in src/, with the problems of those that are not `l10n.t('literal', …args)` in a function. */
function scanSources(): { uses: KeyUse[]; problems: string[] } {
  const uses: KeyUse[] = [];
  const problems: string[] = [];
  for (const file of tsFiles(join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node) && isL10nT(node)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const where = `${relative(ROOT, file)}:${line + 1}`;
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          uses.push({ key: first.text, args: node.arguments.length - 1, where });
        } else {
          problems.push(`${where}: the key must be a string literal, not ${first ? ts.SyntaxKind[first.kind] : 'missing'}`);
        }
        if (!deferred(node)) problems.push(`${where}: l10n.t runs when the module loads, maybe before the bundle: call it in a function`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, problems };
}

/** The placeholders of a message, sorted ("{0}", "{1}", …; repeated ones once per use). */
const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();
/** Arabic letters and punctuation (a pure format such as "{0}, {1}" is translated by its commas). */
const arabicScript = (s: string): number => (s.match(/[\u0600-\u06ff]/g) ?? []).length;

function readBundle(name: string): Record<string, string> {
  const data = JSON.parse(readFileSync(join(ROOT, 'l10n', name), 'utf8')) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) assert.equal(typeof value, 'string', `${name}: the value of "${key}" is a string`);
  return data as Record<string, string>;
}

describe('localisation (vscode.l10n bundles)', () => {
  const { uses, problems } = scanSources();
  const keys = new Set(uses.map((u) => u.key));
  const en = readBundle('bundle.l10n.json');
  const ar = readBundle('bundle.l10n.ar.json');

  it('the manifest points VS Code at the bundles', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(manifest.l10n, './l10n');
  });

  it('every l10n.t call has a literal key, runs after loading, and passes one argument per placeholder', () => {
    assert.ok(uses.length >= 50, `${uses.length} localised strings found in src/`);
    const mismatched = uses.flatMap((u) => {
      const wanted = Array.from({ length: u.args }, (_, i) => `{${i}}`);
      const used = [...new Set(placeholders(u.key))];
      return JSON.stringify(used) === JSON.stringify(wanted) ? [] : [`${u.where}: "${u.key}" has ${used.join(' ') || 'no placeholders'} but ${u.args} argument(s)`];
    });
    assert.deepEqual([...problems, ...mismatched], []);
  });

  it('the English bundle has every key of src/ (as itself) and no stale key: run `npm run l10n` after changing strings', () => {
    const missing = [...keys].filter((k) => !(k in en));
    const stale = Object.keys(en).filter((k) => !keys.has(k));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
    for (const [key, value] of Object.entries(en)) assert.equal(value, key);
  });

  it('the Arabic bundle translates every key, and only those', () => {
    const missing = [...keys].filter((k) => !(k in ar));
    const stale = Object.keys(ar).filter((k) => !keys.has(k));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
  });

  it('each Arabic translation keeps exactly the placeholders of its key and is written in Arabic', () => {
    const bad = Object.entries(ar).flatMap(([key, value]) => {
      const out: string[] = [];
      if (JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(key))) out.push(`"${key}": placeholders ${placeholders(value).join(' ')} in "${value}"`);
      // More Arabic than the key's own (some keys quote Arabic text).
      if (arabicScript(value) <= arabicScript(key)) out.push(`"${key}": not translated into Arabic: "${value}"`);
      if (value !== value.trim() || /\s{2}/.test(value)) out.push(`"${key}": stray spaces in "${value}"`);
      return out;
    });
    assert.deepEqual(bad, []);
  });
});
