/**
 * `index-to`: loads a folder's articles into an archive, ours analysed (parsed, folded, clitic-stripped, recognised),
 * as the rows of schema.ts. Batched (whole files per statement, the article row after its lines), resumable and
 * idempotent: every file's content hash is stored on its article row, a re-run skips the files whose hash is there
 * unchanged, and replaces (REPLACE INTO, after deleting the old lines) those that changed. A run stopped midway leaves
 * the file it was writing without its article row: the next run writes it again under the same number. Files go to
 * the targets by file number (several `host:port/index` agents behind a distributed index: inserts go to the agents).
 * Once the folder is loaded, the files the archive holds that the folder no longer has are deleted (`keepDeleted`
 * keeps them): the archive mirrors one folder.
 * A batch's work (`writeFiles`, `deleteFiles`) is also what the extension's live updates run (./updates.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Article } from '../../core/article/article';
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
  /** Keep the archive's files that the folder no longer has (default: delete them once the folder is loaded). */
  keepDeleted?: boolean;
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
  /** Files deleted from the archive: it held them, the folder no longer has them. */
  removed: number;
  rows: number;
  /** UTF-8 bytes of the texts written. */
  bytes: number;
  ms: number;
}

/** What the archive holds of a file: its number, content hash, line rows and the agent (index of the targets). */
export interface Stored {
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

/** What one call of `writeFiles` did. */
export interface WriteResult {
  written: number;
  replaced: number;
  unchanged: number;
  rows: number;
  bytes: number;
  /** What the archive now holds of each file written. */
  stored: Map<string, Stored>;
}

export interface WriteOptions {
  /** What the archive holds of a file of this name (its article row), if anything. */
  stored(name: string): Stored | undefined;
  /** A number for a file new to the archive. */
  number(): number;
  recognizer?: Recognizer;
  batchRows: number;
  /** Awaited between files (the extension gives its event loop a turn there). */
  pause?: () => Promise<void>;
}

/**
 * The rows of one file of a batch parsed together: our forms, its title, outlet and date, and the entities named. What
 * `index-to` writes for a file, and what the extension writes when it sees the file change (./updates.ts).
 */
export function analysedFileRows(input: { name: string; text: string }, article: Article, fileNo: number, recognizer: Recognizer | undefined): Row[] {
  const mentions = recognizer ? recognizeArticle(recognizer, input.text, undefined, recognitionContext(article)).mentions : [];
  return fileRows({
    fileNo,
    path: input.name,
    text: input.text,
    title: article.title.text,
    titleStart: article.title.range.start,
    titleEnd: article.title.range.end,
    outlet: article.outlet?.text,
    date: article.date?.iso,
    mentions,
  });
}

/**
 * Writes the files of `inputs` whose content the archive does not hold (parsed together, as one corpus): a changed file
 * keeps its number and agent, its old rows deleted first; a new one gets `number()` and goes to agent number mod
 * agents. Files whose hash is stored unchanged are skipped.
 */
export async function writeFiles(clients: readonly SphinxClient[], index: string, inputs: readonly { name: string; text: string }[], options: WriteOptions): Promise<WriteResult> {
  const result: WriteResult = { written: 0, replaced: 0, unchanged: 0, rows: 0, bytes: 0, stored: new Map() };
  const hashes = inputs.map((f) => contentHash(f.text));
  const changed = inputs.map((f, k) => options.stored(f.name)?.hash !== hashes[k]);
  result.unchanged = changed.filter((c) => !c).length;
  if (!changed.some((c) => c)) return result;
  const articles = parseCorpus(inputs);
  const perTarget: Row[][] = clients.map(() => []);
  const deletes: Stored[] = [];
  for (let k = 0; k < inputs.length; k++) {
    if (!changed[k]) continue;
    const f = inputs[k]!;
    const old = options.stored(f.name);
    const fileNo = old?.fileNo ?? options.number();
    const target = old?.target ?? fileNo % clients.length;
    if (options.pause) await options.pause();
    const rows = analysedFileRows(f, articles[k]!, fileNo, options.recognizer);
    if (old) {
      result.replaced++;
      // The old version's lines beyond the new one's would stay: delete them all first.
      deletes.push(old);
    }
    // Lines first, the article row last: a file is whole once its article row is there.
    perTarget[target]!.push(...rows.slice(1), rows[0]!);
    result.stored.set(f.name, { fileNo, hash: hashes[k]!, lines: rows.length - 1, target });
    result.written++;
    result.rows += rows.length;
    result.bytes += Buffer.byteLength(f.text, 'utf8');
  }
  await deleteFiles(clients, index, deletes);
  for (let t = 0; t < clients.length; t++) await writeRows(clients[t]!, index, perTarget[t]!, options.batchRows);
  return result;
}

/** Deletes every row of these files (the article row and its lines) from the agents holding them. */
export async function deleteFiles(clients: readonly SphinxClient[], index: string, files: readonly Stored[]): Promise<void> {
  const ids: number[][] = clients.map(() => []);
  for (const f of files) for (let line = 0; line <= f.lines; line++) ids[f.target]!.push(rowId(f.fileNo, line));
  for (let t = 0; t < clients.length; t++) {
    const list = ids[t]!;
    for (let d = 0; d < list.length; d += 1000) await clients[t]!.execute(`DELETE FROM ${index} WHERE id IN (${list.slice(d, d + 1000).map(sqlInt).join(',')})`);
  }
}

/**
 * The files the archive holds (`stored`, by path) that the folder's listing no longer has. A file listed but not
 * readable stays, and so does every file under a folder that could not be read; a listing without a single
 * readable file removes nothing (a folder not mounted, a wrong path).
 */
export function deletedSince(stored: ReadonlyMap<string, Stored>, listing: readonly { name: string; problem?: string }[]): Stored[] {
  if (!listing.some((f) => f.problem === undefined)) return [];
  const present = new Set(listing.map((f) => f.name));
  const unreadable = listing.filter((f) => f.problem !== undefined && f.name.endsWith('/')).map((f) => f.name);
  const gone: Stored[] = [];
  for (const [path, s] of stored) if (!present.has(path) && !unreadable.some((d) => path.startsWith(d))) gone.push(s);
  return gone;
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
    const all = listTextFiles(folder);
    const listed = all.filter((f) => f.problem === undefined);
    const { byPath, maxFileNo } = await manifest(clients, targets[0]!.index);
    let next = maxFileNo + 1;
    const result: LoadResult = { written: 0, replaced: 0, unchanged: 0, failed: 0, removed: 0, rows: 0, bytes: 0, ms: 0 };
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
      const done = await writeFiles(clients, index, inputs, {
        stored: (name) => byPath.get(name),
        number: () => {
          if (next > MAX_FILE_NO) throw new Error(`the archive has ${MAX_FILE_NO} files, the most it can number`);
          return next++;
        },
        recognizer: options.recognizer,
        batchRows,
      });
      for (const [name, s] of done.stored) byPath.set(name, s);
      result.written += done.written;
      result.replaced += done.replaced;
      result.unchanged += done.unchanged;
      result.rows += done.rows;
      result.bytes += done.bytes;
      progress(Math.min(listed.length, i + batch.length));
    }
    if (!options.keepDeleted) {
      const gone = deletedSince(byPath, all);
      await deleteFiles(clients, index, gone);
      result.removed = gone.length;
    }
    result.ms = Date.now() - t0;
    return result;
  } finally {
    for (const c of clients) await c.close();
  }
}
