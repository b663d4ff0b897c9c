/**
 * Command line for scripting and checks: `node dist/cli.js articles <folder> [--json]`.
 * Uses the same core as the extension (src/core), with Node's file system.
 */
import { decodeArticleBytes } from './core/decode';
import { parseCorpus, readErrorMessage } from './core/corpus';
import { parseArticle, type Article } from './core/article';
import { foldWithMap } from './core/arabic';
import { recognitionContext, recognizeArticle, Recognizer } from './core/entities';
import { builtInEntities } from './core/kb';
import { buildSearchIndex } from './core/search/corpusSearch';
import { listTextFiles, ListedFile, readListedFile } from './nodeFiles';

const USAGE = `Usage: corpus-navigator <command> <folder> [--json]

Commands:
  articles <folder>   parse every .txt file under <folder>: title, outlet, dates, sections, boilerplate
  entities <folder>   the known officials, organisations, places and laws each file names, with offsets
  search <folder> "<query>" [--limit N]
                      ranked entities, articles and passages for a query (syntax: README, "Search");
                      --json prints [{file, kind, start, end, score, snippet}] (UTF-16 offsets)
Options:
  --json              print JSON (an object keyed by file name) instead of a readable summary
  -h, --help          show this help`;

/** A one-line error for the user (no stack trace); `fail` prints it and returns the exit code. */
function fail(message: string, code = 2): number {
  console.error(`corpus-navigator: ${message}`);
  return code;
}

function describe(a: Article): string {
  const lines = [
    `${a.name}`,
    `  title:    ${a.title.text}${a.title.derived ? '  (derived from the first sentence)' : ''}`,
    ...a.alternativeTitles.map((t) => `  alt:      ${t.text}`),
    `  outlet:   ${a.outlet ? `${a.outlet.text}  (${a.outlet.source})` : '—'}`,
    `  date:     ${a.date ? `${a.date.iso}  (${a.date.text}; ${a.date.yearSource ?? 'year unknown'})` : '—'}`,
    ...a.subheadings.map((s) => `  section:  ${s.text}  (line ${s.range.line + 1})`),
    `  ${a.paragraphs.length} paragraphs, ${a.boilerplate.length} boilerplate lines, ${a.dates.length} dates`,
  ];
  return lines.join('\n');
}

function printArticles(articles: Article[], json: boolean): void {
  if (json) {
    const out: Record<string, Article> = {};
    for (const a of articles) out[a.name] = a;
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    console.log(articles.map(describe).join('\n\n'));
    console.log(`\n${articles.length} articles`);
  }
}

function printEntities(inputs: readonly { name: string; text: string }[], json: boolean): void {
  const recognizer = new Recognizer(builtInEntities());
  const files: Record<string, { entity: string; type: string; start: number; end: number; text: string }[]> = {};
  const counts = new Map<string, number>();
  const known = new Map(recognizer.entities);
  for (const { name, text } of inputs) {
    const folded = foldWithMap(text);
    const { mentions, discovered } = recognizeArticle(recognizer, text, folded, recognitionContext(parseArticle(name, text, {}, folded)));
    for (const d of discovered) if (!known.has(d.id)) known.set(d.id, d);
    files[name] = mentions.map(({ entity, type, start, end, text }) => ({ entity, type, start, end, text }));
    for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  }
  const entities = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => {
      const e = known.get(id)!;
      const role = e.discovered ? e.roles?.[0]?.titleAr : undefined;
      // A discovered organisation or law: the kind its pattern gave (ministry, un-resolution, …).
      const kind = e.discovered && e.type !== 'person' ? e.kind : undefined;
      return { id, type: e.type, nameAr: e.nameAr, nameEn: e.nameEn, count, discovered: e.discovered === true, ...(role ? { role } : {}), ...(kind ? { kind } : {}) };
    });
  if (json) {
    process.stdout.write(JSON.stringify({ entities, files }, null, 2) + '\n');
    return;
  }
  for (const e of entities) console.log(`${String(e.count).padStart(5)}  ${e.type.padEnd(12)}  ${e.discovered ? `${e.nameAr} (discovered: ${e.role ?? e.kind ?? ''})` : `${e.nameEn}  ${e.nameAr}`}`);
  console.log(`\n${entities.length} entities named in ${inputs.length} files`);
}

/** `search <folder> "<query>" [--json] [--limit N]`: a query may start with "-" (an exclusion). */
function searchCommand(argv: string[]): number {
  let json = false;
  let limit = 20;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--') continue;
    else if (/^--[^-]/.test(a) && !a.startsWith('--limit')) return fail(`unknown option ${a} (see --help)`);
    else if (a === '--limit' || a.startsWith('--limit=')) {
      const v = a === '--limit' ? argv[++i] : a.slice('--limit='.length);
      limit = Number(v);
      if (!Number.isInteger(limit) || limit <= 0) {
        console.error(`corpus-navigator: --limit wants a positive whole number, not ${v ?? 'nothing'}`);
        return 2;
      }
    } else rest.push(a);
  }
  const [folder, ...queryParts] = rest;
  const query = queryParts.join(' ');
  if (!folder || !query.trim()) {
    console.error(USAGE);
    return 2;
  }
  const inputs = readInputs(folder)?.inputs;
  if (!inputs) return 1;
  const index = buildSearchIndex(inputs, new Recognizer(builtInEntities()));
  const results = index.searchAll(query, limit);
  for (const p of index.search(query).query.problems) console.error(`corpus-navigator: ${p}`);
  if (json) {
    const out = results.map(({ file, kind, start, end, score, snippet }) => ({ file, kind, start, end, score, snippet }));
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    for (const r of results) console.log(`${r.kind.padEnd(8)} ${r.score.toFixed(3)}  ${r.file}:${r.start}-${r.end}  ${r.snippet}`);
    console.log(`\n${results.length} results`);
  }
  return 0;
}

/**
 * The articles under `folder`; each file skipped is named on stderr with the reason, and so is each file
 * decoded from UTF-16. Undefined (after a one-line message) when the folder itself cannot be read.
 */
function readInputs(folder: string): { inputs: { name: string; text: string }[]; skipped: number } | undefined {
  let files: ListedFile[];
  try {
    files = listTextFiles(folder);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : readErrorMessage(e);
    fail(`cannot read folder ${folder}: ${why}`);
    return undefined;
  }
  const inputs: { name: string; text: string }[] = [];
  let skipped = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readListedFile(file);
    } catch (e) {
      // Deleted while being read: it is simply gone.
      if ((e as { code?: unknown }).code === 'ENOENT') continue;
      console.error(`corpus-navigator: skipped ${file.name}: cannot be read: ${readErrorMessage(e)}`);
      skipped++;
      continue;
    }
    const decoded = decodeArticleBytes(bytes);
    if (decoded.error) {
      console.error(`corpus-navigator: skipped ${file.name}: ${decoded.error}`);
      skipped++;
      continue;
    }
    if (decoded.note) console.error(`corpus-navigator: ${file.name}: ${decoded.note}`);
    inputs.push({ name: file.name, text: decoded.text });
  }
  return { inputs, skipped };
}

function main(argv: string[]): number {
  if (argv[0] === 'search') return searchCommand(argv.slice(1));
  const args = argv.filter((a) => !a.startsWith('-'));
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  if (flags.has('-h') || flags.has('--help') || args.length === 0) {
    console.log(USAGE);
    return args.length === 0 && !flags.has('-h') && !flags.has('--help') ? 2 : 0;
  }
  const [command, folder, extra] = args;
  if (command !== 'articles' && command !== 'entities') return fail(`unknown command ${JSON.stringify(command)} (see --help)`);
  const unknown = [...flags].find((f) => f !== '--json');
  if (unknown !== undefined) return fail(`unknown option ${unknown} (see --help)`);
  if (!folder) return fail(`${command} needs a folder (see --help)`);
  if (extra !== undefined) return fail(`one folder only, not also ${JSON.stringify(extra)} (see --help)`);
  const read = readInputs(folder);
  if (!read) return 1;
  const { inputs, skipped } = read;
  if (command === 'entities') printEntities(inputs, flags.has('--json'));
  else printArticles(parseCorpus(inputs), flags.has('--json'));
  return skipped > 0 && inputs.length === 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // A bug of ours: one line, not a stack trace (CORPUS_NAV_DEBUG=1 prints the stack).
  if (process.env.CORPUS_NAV_DEBUG === '1') console.error(e);
  process.exitCode = fail(`internal error: ${e instanceof Error ? e.message : String(e)}`, 1);
}
