/**
 * Turning a file's bytes into a corpus entry: decode, parse, recognize. Pure, so it runs in the
 * extension host's thread (the web, tests) or in a worker thread (src/node/workerParser.ts) alike; the
 * corpus only sees the `EntryParser` interface.
 */
import { foldWithMap } from '../text/arabic';
import { parseArticle, ParseOptions } from '../article/article';
import type { CorpusEntry, CorpusFile, Disposable } from './types';
import { decodeArticleBytes } from '../text/decode';
import { parsedFacts } from '../summary/entryFacts';
import { findStatements, recognitionContext, recognizeArticle, Recognizer } from '../entities/recognizer';

/** A file's bytes, to be parsed. */
export interface ParseJob {
  file: CorpusFile;
  bytes: Uint8Array;
}

/** What parsing a file gives: its entry, or why it was skipped (in words for the user). */
export type ParsedFile = { entry: CorpusEntry; problem?: undefined } | { entry?: undefined; problem: string };

/** Parses batches of files, here or in another thread; results come back in the jobs' order. */
export interface EntryParser extends Disposable {
  parse(jobs: readonly ParseJob[], recognizer: Recognizer | undefined, options: ParseOptions): Promise<ParsedFile[]>;
}

/** Decodes, parses and recognizes one file. Never throws: a bug of ours on strange text skips that file. */
export function parseFile(file: CorpusFile, bytes: Uint8Array, recognizer: Recognizer | undefined, options: ParseOptions): ParsedFile {
  const decoded = decodeArticleBytes(bytes);
  if (decoded.error !== undefined) return { problem: decoded.error };
  try {
    const folded = foldWithMap(decoded.text);
    const article = parseArticle(file.name, decoded.text, options, folded);
    const { mentions, discovered } = recognizer ? recognizeArticle(recognizer, decoded.text, folded, recognitionContext(article)) : { mentions: [], discovered: [] };
    // A discovered role names the file it was read in (the hover cites it).
    for (const e of discovered) for (const r of e.roles ?? []) if (r.sentence !== undefined) r.file = file.name;
    const entry: CorpusEntry = { file, article, mentions, discovered, statements: findStatements(decoded.text, mentions, folded), facts: parsedFacts(article, mentions) };
    if (decoded.note !== undefined) entry.notice = decoded.note;
    return { entry };
  } catch (e) {
    return { problem: `could not be parsed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Parses in the calling thread (VS Code for the Web, tests, the CLI); the corpus yields to the event loop between batches. */
export const inThreadParser: EntryParser = {
  async parse(jobs, recognizer, options) {
    return jobs.map((j) => parseFile(j.file, j.bytes, recognizer, options));
  },
  dispose() {},
};
