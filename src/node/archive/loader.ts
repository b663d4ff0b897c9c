/**
 * `index-to`: loads a folder's articles into an archive, ours analysed (parsed, folded, clitic-stripped, recognised),
 * as the rows of schema.ts. Batched (whole files per statement, the article row after its lines), resumable and
 * idempotent: every file's content hash is stored on its article row, a re-run skips the files whose hash is there
 * unchanged, and replaces (REPLACE INTO, after deleting the old lines) those that changed. A run stopped midway leaves
 * the file it was writing without its article row: the next run writes it again under the same number. Files go to
 * the targets by file number (several `host:port/index` agents behind a distributed index: inserts go to the agents).
 */
import { readFile } from 'node:fs/promises';
import { parseCorpus } from '../../core/corpus/corpus';
import { recognitionContext } from '../../core/entities/recognitionContext';
import { recognizeArticle, type Recognizer } from '../../core/entities/recognizer';
import { articleText } from '../../core/text/decode';
import { listTextFiles } from '../files';
import { contentHash, fileRows, KIND_ARTICLE, MAX_FILE_NO, rowId, type Row } from './schema';
import { type ServerAddress, SphinxClient, sqlInt, sqlString } from './sphinxql';

export interface LoadProgress {
  files: number;
  total: number;
  bytes: number;
  skipped: number;
}

export interface LoadOptions {
  recognizer?: Recognizer;
  /** Rows per INSERT statement (default 500). */
  batchRows?: number;
  /** Files parsed together (their corpus context year is shared, as in one corpus; default 2000). */
  batchFiles?: number;
  onProgress?: (p: LoadProgress) => void;
  /** Called for each file that cannot be read or decoded. */
  onSkip?: (name: string, why: string) => void;
  timeoutMs?: number;
}

export interface LoadResult {
  /** Files written (new or changed). */
  written: number;
  /** Of which, files that were in the archive with another content. */
  replaced: number;
  /** Files whose content the archive holds already. */
  unchanged: number;
  /** Files that could not be read. */
  failed: number;
  rows: number;
  /** UTF-8 bytes of the texts written. */
  bytes: number;
  ms: number;
}

interface Stored {
  fileNo: number;
  hash: string;
  lines: number;
  target: number;
}

/** The article rows already on each target: path → number, hash, line count. */
async function manifest(clients: readonly SphinxClient[], index: string): Promise<{ byPath: Map<string, Stored>; maxFileNo: number }> {
  const byPath = new Map<string, Stored>();
  let maxFileNo = 0;
  for (let t = 0; t < clients.length; t++) {
    let last = -1;
    for (;;) {
      const rows = await clients[t]!.select(
        `SELECT id, file, path, hash, lines FROM ${index} WHERE kind=${KIND_ARTICLE} AND file > ${last} ORDER BY file ASC LIMIT 1000 OPTION max_matches=1000`,
      );
      for (const r of rows) {
        const fileNo = Number(r.file);
        byPath.set(String(r.path), { fileNo, hash: String(r.hash), lines: Number(r.lines), target: t });
        maxFileNo = Math.max(maxFileNo, fileNo);
        last = fileNo;
      }
      if (rows.length < 1000) break;
    }
  }
  return { byPath, maxFileNo };
}

const COLUMNS = ['id', 'forms', 'outlet', 'kind', 'file', 'pstart', 'pend', 'day', 'lines', 'types', 'entities', 'path', 'text', 'hash', 'outletname', 'isodate'] as const;

function rowValues(r: Row): string {
  const values = [
    sqlInt(r.id),
    sqlString(r.forms),
    sqlString(r.outlet),
    sqlInt(r.kind),
    sqlInt(r.file),
    sqlInt(r.pstart),
    sqlInt(r.pend),
    sqlInt(r.day),
    sqlInt(r.lines),
    sqlInt(r.types),
    `(${r.entities.map(sqlInt).join(',')})`,
    sqlString(r.path),
    sqlString(r.text),
    sqlString(r.hash),
    sqlString(r.outletname),
    sqlString(r.isodate),
  ];
  return `(${values.join(',')})`;
}

/** Statements of at most `batchRows` rows and ~4 MB (under searchd's default max_packet_size of 8 MB). */
async function writeRows(client: SphinxClient, index: string, rows: readonly Row[], batchRows: number): Promise<void> {
  const head = `REPLACE INTO ${index} (${COLUMNS.join(',')}) VALUES `;
  let values: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (values.length === 0) return;
    await client.execute(head + values.join(','));
    values = [];
    size = 0;
  };
  for (const r of rows) {
    const v = rowValues(r);
    if (values.length >= batchRows || size + v.length > 4_000_000) await flush();
    values.push(v);
    size += v.length;
  }
  await flush();
}

/** Loads `folder` into the archive at `targets` (one, or the agents behind a distributed index). */
export async function indexTo(targets: readonly ServerAddress[], folder: string, options: LoadOptions = {}): Promise<LoadResult> {
  const t0 = Date.now();
  const batchRows = options.batchRows ?? 500;
  const batchFiles = options.batchFiles ?? 2000;
  const index = targets[0]!.index;
  const clients: SphinxClient[] = [];
  try {
    for (const t of targets) clients.push(await SphinxClient.connect(t, { timeoutMs: options.timeoutMs ?? 60_000 }));
    const listed = listTextFiles(folder).filter((f) => f.problem === undefined);
    const { byPath, maxFileNo } = await manifest(clients, targets[0]!.index);
    let next = maxFileNo + 1;
    const result: LoadResult = { written: 0, replaced: 0, unchanged: 0, failed: 0, rows: 0, bytes: 0, ms: 0 };
    const progress = (done: number): void => options.onProgress?.({ files: done, total: listed.length, bytes: result.bytes, skipped: result.unchanged });
    for (let i = 0; i < listed.length; i += batchFiles) {
      const batch = listed.slice(i, i + batchFiles);
      // The whole batch is read and parsed together (the corpus context year), then only changed files are written.
      const inputs: { name: string; text: string }[] = [];
      for (const f of batch) {
        try {
          const text = articleText(await readFile(f.path));
          if (text === undefined) {
            result.failed++;
            options.onSkip?.(f.name, 'not a text file in a known encoding');
          } else inputs.push({ name: f.name, text });
        } catch (e) {
          result.failed++;
          options.onSkip?.(f.name, e instanceof Error ? e.message : String(e));
        }
      }
      const hashes = inputs.map((f) => contentHash(f.text));
      const changed = inputs.map((f, k) => byPath.get(f.name)?.hash !== hashes[k]);
      result.unchanged += changed.filter((c) => !c).length;
      if (changed.some((c) => c)) {
        const articles = parseCorpus(inputs);
        const perTarget: Row[][] = clients.map(() => []);
        const deletes: number[][] = clients.map(() => []);
        inputs.forEach((f, k) => {
          if (!changed[k]) return;
          const old = byPath.get(f.name);
          if (!old && next > MAX_FILE_NO) throw new Error(`the archive has ${MAX_FILE_NO} files, the most it can number`);
          const fileNo = old?.fileNo ?? next++;
          const target = old?.target ?? fileNo % clients.length;
          const article = articles[k]!;
          const mentions = options.recognizer ? recognizeArticle(options.recognizer, f.text, undefined, recognitionContext(article)).mentions : [];
          const rows = fileRows({
            fileNo,
            path: f.name,
            text: f.text,
            title: article.title.text,
            titleStart: article.title.range.start,
            titleEnd: article.title.range.end,
            outlet: article.outlet?.text,
            date: article.date?.iso,
            mentions,
          });
          if (old) {
            result.replaced++;
            // The old version's lines beyond the new one's would stay: delete them all first.
            for (let line = 0; line <= old.lines; line++) deletes[target]!.push(rowId(fileNo, line));
          }
          // Lines first, the article row last: a file is whole once its article row is there.
          perTarget[target]!.push(...rows.slice(1), rows[0]!);
          byPath.set(f.name, { fileNo, hash: hashes[k]!, lines: rows.length - 1, target });
          result.written++;
          result.rows += rows.length;
          result.bytes += Buffer.byteLength(f.text, 'utf8');
        });
        for (let t = 0; t < clients.length; t++) {
          const ids = deletes[t]!;
          for (let d = 0; d < ids.length; d += 1000) await clients[t]!.execute(`DELETE FROM ${index} WHERE id IN (${ids.slice(d, d + 1000).map(sqlInt).join(',')})`);
          await writeRows(clients[t]!, index, perTarget[t]!, batchRows);
        }
      }
      progress(Math.min(listed.length, i + batch.length));
    }
    result.ms = Date.now() - t0;
    return result;
  } finally {
    for (const c of clients) await c.close();
  }
}
