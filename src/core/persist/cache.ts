/**
 * An on-disk cache of parsed corpus entries (article, mentions, statements, discovered people), so
 * reopening a corpus skips parsing and recognition for the files that did not change. Pure: the host
 * reads and writes the bytes (VS Code: the extension's storage) and stats the files.
 *
 * A cache is valid for one engine version (the parser's and recognizer's behaviour) and one
 * knowledge base (a digest of the entities the recognizer knows); each entry is valid while its file
 * keeps the same path, size and mtime. A corrupt, foreign or outdated cache reads as empty, and the
 * caller rebuilds without a word.
 */
import { Article, type Part } from '../article/article';
import { articleWords } from '../article/bodyWords';
import { parsedFacts } from '../summary/entryFacts';
import { BinaryReader, BinaryWriter, type ByteParts, checkOffsets, concatBytes, SnapshotError, utf16Bytes } from './binary';
import { HeadTable, HeadWriter, type StoredStatement } from './heads';
import { bodyOf, CachedArticle, headOf } from './cachedArticle';
export { CachedArticle } from './cachedArticle';
import type { CorpusEntry, CorpusFile, ParsedFacts } from '../corpus/types';
import type { Entity, EntityType, Mention, Statement } from '../entities/recognizer';
import { compactMention, derivableStatement, partMention, PartMention, partsOf, PartStatement } from './mentionText';
import { runAll, runInSlices } from './steps';
export { knowledgeDigest } from '../corpus/digest';

/** Bump when parsing or recognition changes what an entry holds. */
export const ENGINE_VERSION = 2;
const MAGIC = 'corpus-navigator-entries';
/** Bump when the cache's layout changes (see `cacheLines`): a cache of another layout reads as empty, and is rebuilt. */
const FORMAT_VERSION = 6;

/**
 * The articles' bodies of a cache, read a body at a time: from the cache file on disk where the host can read it
 * in place (Node), else from the cache's bytes in memory (`splitCache`). A warm start reads none of them; an
 * article's body is read when its paragraphs, sections… are first asked for.
 */
export interface CacheBodies {
  /** Their length in bytes (a truncated cache is noticed on load). */
  readonly length: number;
  /** The bodies' bytes from `start` to `end`; throws when they cannot be read (a closed or shortened file). */
  read(start: number, end: number): Uint8Array;
}

/** A cache's file in two: what a warm start reads, and the bodies, which it leaves where they are. */
export interface SplitCache {
  front: Uint8Array;
  bodies: CacheBodies;
}

/**
 * The cache file is the front's length (4 bytes, little-endian), the front (a `BinaryWriter` record: stamps, the
 * heads, the bodies' offsets, the mentions), then the bodies. The length of the front, or undefined when the
 * bytes cannot be a cache of this layout.
 */
export function frontLength(prefix: Uint8Array, fileLength: number): number | undefined {
  if (prefix.length < 4) return undefined;
  const n = new DataView(prefix.buffer, prefix.byteOffset, 4).getUint32(0, true);
  return n > 0 && 4 + n <= fileLength ? n : undefined;
}

/** A cache held in memory as a whole, split (no copy); undefined when it is not one. */
export function splitCache(bytes: Uint8Array): SplitCache | undefined {
  const n = frontLength(bytes, bytes.length);
  return n === undefined ? undefined : { front: bytes.subarray(4, 4 + n), bodies: memoryBodies(bytes.subarray(4 + n)) };
}

function memoryBodies(bytes: Uint8Array): CacheBodies {
  return {
    length: bytes.length,
    read(start, end) {
      if (!(start >= 0 && start <= end && end <= bytes.length)) throw new SnapshotError('body out of the cache');
      return bytes.subarray(start, end);
    },
  };
}

/** What identifies a file's content without reading it. */
export interface FileStamp {
  /** The file's id (a URI string in VS Code, a path in Node). */
  id: string;
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
}

type Entry = Pick<CorpusEntry, 'file' | 'article' | 'mentions' | 'statements' | 'discovered' | 'notice' | 'contextYear' | 'facts'>;

/** A cache just written, and how to point the articles it holds at it once it is on disk. */
export interface WrittenCache {
  /** Its bytes as the parts they were made in (a host writing a file need not join them: seconds at 20k). */
  parts: ByteParts;
  /** Its bytes in one buffer. */
  bytes(): Uint8Array;
  /**
   * Points the articles written whose bodies were never read at `bodies` (this cache's bodies, as the host reads
   * them back): the cache they were read from can then be closed. An article read from a cache not written again
   * (its file left the corpus) keeps reading from the old one, and reads as without paragraphs once it is closed.
   */
  rebase(bodies: CacheBodies): void;
}

/** Serializes entries with the stamps of their files. */
export function writeCache(knowledge: string, entries: readonly { stamp: FileStamp; entry: Entry }[]): Uint8Array {
  return runAll(cacheLines(knowledge, entries)).bytes();
}

/**
 * `writeCache` a slice at a time: `pause` is awaited whenever a slice has run `sliceMs` (the caller yields to its
 * event loop there), so a large corpus is written without holding up the thread.
 */
export async function writeCacheInSlices(
  knowledge: string,
  entries: readonly { stamp: FileStamp; entry: Entry }[],
  pause: () => Promise<void>,
  sliceMs = 20,
): Promise<WrittenCache> {
  return (await runInSlices(cacheLines(knowledge, entries), pause, sliceMs))!;
}

function* cacheLines(knowledge: string, entries: readonly { stamp: FileStamp; entry: Entry }[]): Generator<undefined, WrittenCache> {
  // Per entry what a warm start reads (the article's head, the statements…) as columns in the front (heads.ts), the
  // article's body as a JSON (UTF-16, as binary.ts stores strings) after it, parsed when first read (see
  // `CachedArticle`); the mentions as numbers.
  const heads = new HeadWriter();
  const bodies: Uint8Array[] = [];
  const kept: { stamp: FileStamp; entry: Entry }[] = [];
  const unread: { article: CachedArticle; at: number }[] = [];
  const packed = new MentionPacker();
  for (const item of entries) {
    const { file, article, statements, discovered, notice, contextYear } = item.entry;
    let body: Uint8Array;
    try {
      body = article instanceof CachedArticle ? article.bodyBytes() : utf16Bytes(JSON.stringify(bodyOf(article)));
    } catch {
      continue; // a body that can no longer be read: left out (its file is parsed again on the next warm start)
    }
    if (article instanceof CachedArticle && !article.bodyRead) unread.push({ article, at: bodies.length });
    kept.push(item);
    const stored = storedStatements(article, statements);
    const facts = item.entry.facts ?? parsedFacts(article, item.entry.mentions);
    const head = { name: file.name, article: headOf(article), statements: stored, discovered, words: facts.words, namedTogether: facts.namedTogether };
    heads.add(notice === undefined ? (contextYear === undefined ? head : { ...head, contextYear }) : { ...head, notice, ...(contextYear === undefined ? {} : { contextYear }) });
    bodies.push(body);
    // An entry read back from the cache whose mentions were never made is written without making them.
    if (item.entry instanceof CachedEntry) item.entry.packInto(packed);
    else packed.add(article, item.entry.mentions);
    yield;
  }
  const w = new BinaryWriter(MAGIC, FORMAT_VERSION);
  w.u32(ENGINE_VERSION);
  w.string(knowledge);
  w.u32(kept.length);
  w.strings(kept.map((e) => e.stamp.id));
  w.array(Float64Array.from(kept, (e) => e.stamp.size));
  w.array(Float64Array.from(kept, (e) => e.stamp.mtime));
  heads.write(w);
  const bodyOffsets = offsetsOf(bodies);
  w.array(bodyOffsets);
  packed.write(w);
  const front = w.chunks();
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, front.length, true);
  const parts: ByteParts = { parts: [length, ...front.parts, ...bodies], length: 4 + front.length + bodyOffsets[bodies.length]! };
  let joined: Uint8Array | undefined;
  return {
    parts,
    bytes: () => (joined ??= concatBytes(parts.parts)),
    rebase(source: CacheBodies): void {
      for (const { article, at } of unread) article.rebase(source, bodyOffsets[at]!, bodyOffsets[at + 1]!);
    },
  };
}

/**
 * Statements as the cache holds them: without their text where the article's parts give it back (most: a
 * statement is a sentence of a paragraph), which is half of what a warm start would otherwise parse.
 */
function storedStatements(article: Article, statements: readonly Statement[]): StoredStatement[] {
  let parts: Part[] | undefined;
  return statements.map((st) => {
    const { entity, start, end } = st;
    // An article read back from the cache is not read for this: its statements were checked when first written.
    const derivable = st instanceof PartStatement || (!(article instanceof CachedArticle) && derivableStatement((parts ??= partsOf(article)), st));
    return derivable ? { entity, start, end } : { entity, text: st.text, start, end };
  });
}

/** Statements read back: those stored without their text read it off the article's parts when asked. */
function readStatements(stored: readonly StoredStatement[], article: Article): Statement[] | undefined {
  const out: Statement[] = [];
  for (const x of stored as readonly Partial<StoredStatement>[]) {
    if (typeof x?.entity !== 'string' || typeof x.start !== 'number' || typeof x.end !== 'number' || !(x.start <= x.end)) return undefined;
    if (typeof x.text === 'string') out.push({ entity: x.entity, text: x.text, start: x.start, end: x.end });
    else out.push(new PartStatement(x.entity, x.start, x.end, article));
  }
  return out;
}

/** Where each of `parts` starts when they are put end to end, and where the last ends. */
function offsetsOf(parts: readonly Uint8Array[]): Uint32Array {
  const offsets = new Uint32Array(parts.length + 1);
  parts.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
  return offsets;
}

/** A mention's text, range and snippet, stored where the article's parts would not give them back. */
interface StoredMention {
  text: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  snippet: string;
}

/** The mentions of every cached entry as numbers (see `MentionPacker`), made into mentions one entry at a time. */
interface PackedMentions {
  /** Entry i's mentions, as numbers, into another cache being written (none made). */
  copyInto(i: number, packer: MentionPacker): void;
  /** Throws `SnapshotError` when entry i's mentions cannot be in its article (a damaged cache: parsed again). */
  check(i: number, article: Article): void;
  get(i: number, article: Article): Mention[];
  /** Tells entry i's entities with their mentions' count (in order of first mention), without making the mentions. */
  countsInto(i: number, visit: (entity: string, count: number) => void): void;
}

/**
 * An entry read back from the cache: its mentions made from the packed numbers when first asked for (a warm start
 * makes none: the entity index counts them from the numbers; hovers, highlights and views make those they show).
 */
class CachedEntry implements CorpusEntry {
  notice?: string;
  contextYear?: number;
  article: Article;
  statements: Statement[];
  discovered: Entity[];
  #made: Mention[] | undefined;
  #facts: ParsedFacts | undefined;
  readonly #packed: PackedMentions;
  readonly #at: number;
  readonly #together: () => readonly (readonly string[])[];

  constructor(
    public file: CorpusFile,
    rest: Rest,
    packed: PackedMentions,
    at: number,
    together: () => readonly (readonly string[])[],
  ) {
    this.article = rest.article;
    this.statements = rest.statements;
    this.discovered = rest.discovered;
    if (typeof rest.notice === 'string') this.notice = rest.notice;
    if (typeof rest.contextYear === 'number') this.contextYear = rest.contextYear;
    this.#packed = packed;
    this.#at = at;
    this.#together = together;
  }

  /** The Summary panel's facts, as the cache holds them (made when first read). */
  get facts(): ParsedFacts {
    return (this.#facts ??= { words: articleWords(this.article), namedTogether: this.#together() });
  }

  get mentions(): Mention[] {
    return (this.#made ??= this.#packed.get(this.#at, this.article));
  }

  set mentions(value: Mention[]) {
    this.#made = value;
  }

  countMentions(visit: (entity: string, count: number) => void): void {
    if (!this.#made) return this.#packed.countsInto(this.#at, visit);
    const out = new Map<string, number>();
    for (const m of this.#made) out.set(m.entity, (out.get(m.entity) ?? 0) + 1);
    out.forEach((count, entity) => visit(entity, count));
  }

  /** Its mentions into a cache being written: as numbers, copied, while none has been made. */
  packInto(packer: MentionPacker): void {
    if (this.#made) packer.add(this.article, this.#made);
    else this.#packed.copyInto(this.#at, packer);
  }

  /** The same entry for a file as the host names it now. */
  withFile(file: CorpusFile): CachedEntry {
    const { article, statements, discovered, notice, contextYear } = this;
    const copy = new CachedEntry(file, { name: file.name, article, statements, discovered, notice, contextYear }, this.#packed, this.#at, this.#together);
    if (this.#made) copy.#made = this.#made;
    return copy;
  }
}

/** A cache read back: the entry of a file whose stamp still matches. */
export class EntryCache {
  /**
   * Why a cache read as empty when there were bytes to read (damaged, truncated, of another layout, engine or
   * knowledge base), in words for a log: the corpus is then parsed again and the cache written anew.
   */
  problem: string | undefined;

  /** Entries by id: read, or (from a buffer) their index, read by `load` on first use. */
  constructor(
    private readonly byId: Map<string, { stamp: FileStamp; entry: Entry } | number>,
    private readonly load: (i: number) => { stamp: FileStamp; entry: Entry } | undefined = () => undefined,
  ) {}

  /** An empty cache (`problem`: why the one read could not be used). */
  static empty(problem?: string): EntryCache {
    const cache = new EntryCache(new Map());
    cache.problem = problem;
    return cache;
  }

  /** A cache of entries already checked (by the reader below). */
  static of(byId: Map<string, { stamp: FileStamp; entry: Entry }>): EntryCache {
    return new EntryCache(byId);
  }

  /**
   * Reads a cache: its bytes in memory, or its front with its bodies left on disk (`SplitCache`); anything
   * unreadable, of another engine version or another knowledge base gives an empty cache (never an error).
   */
  static read(file: Uint8Array | SplitCache | undefined, knowledge: string): EntryCache {
    return runAll(parseLines(file, knowledge));
  }

  /** `read` a slice at a time: `pause` is awaited whenever a slice has run `sliceMs`. */
  static async readInSlices(file: Uint8Array | SplitCache | undefined, knowledge: string, pause: () => Promise<void>, sliceMs = 20): Promise<EntryCache> {
    return (await runInSlices(parseLines(file, knowledge), pause, sliceMs))!;
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * The cached entry of a file, if its path, size and mtime are unchanged; named as `file` is when given (the name is
   * relative to the corpus folder, which may have changed since: "000.txt" in seeds/, "seeds/000.txt" from above).
   */
  get(stamp: FileStamp, file?: CorpusFile): CorpusEntry | undefined {
    let hit = this.byId.get(stamp.id);
    if (typeof hit === 'number') {
      try {
        hit = this.load(hit);
      } catch {
        hit = undefined; // a damaged entry is parsed again
      }
      if (hit) this.byId.set(stamp.id, hit);
      else this.byId.delete(stamp.id);
    }
    if (!hit || hit.stamp.size !== stamp.size || hit.stamp.mtime !== stamp.mtime) return undefined;
    const cached = hit.entry;
    const name = file?.name ?? cached.file.name ?? stamp.id;
    const id = file?.id ?? stamp.id;
    if (cached instanceof CachedEntry) return cached.withFile({ id, name });
    const { article, mentions, statements, discovered, notice, contextYear } = cached;
    const entry: CorpusEntry = { file: { id, name }, article, mentions, statements, discovered };
    if (notice !== undefined) entry.notice = notice;
    if (contextYear !== undefined) entry.contextYear = contextYear;
    return entry;
  }
}

/** Reads a cache (yielding now and then), ending with the cache; anything invalid ends with an empty one. */
function* parseLines(file: Uint8Array | SplitCache | undefined, knowledge: string): Generator<undefined, EntryCache> {
  if (!file || (file instanceof Uint8Array && file.length === 0)) return EntryCache.empty();
  try {
    const split = file instanceof Uint8Array ? splitCache(file) : file;
    if (!split) return EntryCache.empty('not an entry cache, or truncated');
    const r = new BinaryReader(split.front, MAGIC, FORMAT_VERSION);
    if (r.u32() !== ENGINE_VERSION) return EntryCache.empty('written by another version of the parser');
    if (r.string() !== knowledge) return EntryCache.empty('written for another knowledge base');
    const n = r.u32();
    // What the entries read later is copied out of the front (views would keep all of it): it is let go once read.
    const ids = r.strings();
    const sizes = r.f64s().slice();
    const mtimes = r.f64s().slice();
    const heads = new HeadTable(r, n);
    const bodyOffsets = r.u32s().slice();
    if (bodyOffsets.length !== n + 1 || bodyOffsets[0] !== 0 || bodyOffsets[n] !== split.bodies.length) return EntryCache.empty('damaged: its articles’ bodies do not match its front (truncated?)');
    for (let i = 0; i < n; i++) if (bodyOffsets[i + 1]! < bodyOffsets[i]!) return EntryCache.empty('damaged: bad body offsets');
    if (ids.length !== n || sizes.length !== n || mtimes.length !== n) return EntryCache.empty('damaged: bad stamps');
    yield;
    const mentions = MentionPacker.read(r, n);
    r.end();
    return cacheOf({ ids, sizes, mtimes, heads, bodies: split.bodies, bodyOffsets, mentions });
  } catch (e) {
    return EntryCache.empty(e instanceof SnapshotError ? `damaged or of another layout: ${e.message}` : `unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A cache of what was read (in a function of its own: its entries' closures keep none of the reader's buffer). */
function cacheOf(read: { ids: string[]; sizes: Float64Array; mtimes: Float64Array; heads: HeadTable; bodies: CacheBodies; bodyOffsets: Uint32Array; mentions: PackedMentions }): EntryCache {
  const { ids, sizes, mtimes, heads, bodies, bodyOffsets, mentions } = read;
  const byId = new Map<string, { stamp: FileStamp; entry: Entry } | number>();
  for (let i = 0; i < ids.length; i++) byId.set(ids[i]!, i);
  return new EntryCache(byId, (i) => {
    const head = heads.numbers(i);
    const stamp = { id: ids[i]!, size: sizes[i]!, mtime: mtimes[i]! };
    // The body stays in the cache (on disk, or its bytes) until the article's paragraphs, sections… are read; the
    // head's parts (title, outlet…) are made from the columns when first read.
    const article = new CachedArticle(head, () => heads.parts(i), bodies, bodyOffsets[i]!, bodyOffsets[i + 1]!);
    mentions.check(i, article);
    const statements = readStatements(head.statements, article);
    if (!statements) return undefined;
    const { name, discovered, notice, contextYear } = head;
    const rest: Rest = { name, article, statements, discovered };
    if (notice !== undefined) rest.notice = notice;
    if (contextYear !== undefined) rest.contextYear = contextYear;
    const together = (): readonly (readonly string[])[] => {
      try {
        return heads.namedTogether(i);
      } catch {
        return parsedFacts(article, mentions.get(i, article)).namedTogether; // a damaged head: counted from the text
      }
    };
    return { stamp, entry: new CachedEntry({ id: ids[i]!, name }, rest, mentions, i, together) };
  });
}

/** What an entry's JSON holds (all but the mentions). */
interface Rest {
  name: string;
  article: Article;
  statements: Statement[];
  discovered: Entity[];
  notice?: string;
  contextYear?: number;
}

const TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'law'];

/**
 * Mentions as parallel numbers: entity (into a table), type, start, end; text, range and snippet are read off the
 * article's parts on load, and stored only where that would not give them back exactly.
 */
class MentionPacker {
  private readonly entityIds = new Map<string, number>();
  private readonly counts: number[] = [];
  private readonly types: number[] = [];
  /** Per mention: entity, start, end. */
  private readonly nums: number[] = [];
  /** Per mention not derivable: its index, then text (into `texts`), line, character, endLine, endCharacter, snippet (into `texts`). */
  private readonly stored: number[] = [];
  private readonly texts = new Map<string, number>();
  private total = 0;

  add(article: Article, mentions: readonly Mention[]): void {
    const parts = partsOf(article);
    for (const m of mentions) {
      // Stored in full only when the article's parts would not give it back exactly.
      const r = m.range;
      const full = compactMention(parts, m) instanceof PartMention ? undefined : { text: m.text, line: r.line, character: r.character, endLine: r.endLine, endCharacter: r.endCharacter, snippet: m.snippet };
      this.push(m.entity, Math.max(0, TYPES.indexOf(m.type)), m.start, m.end, full);
    }
    this.endEntry(mentions.length);
  }

  /** One mention: entity, type (its code), offsets, and what the parts would not give back (if anything). */
  push(entity: string, type: number, start: number, end: number, full?: StoredMention): void {
    let e = this.entityIds.get(entity);
    if (e === undefined) this.entityIds.set(entity, (e = this.entityIds.size));
    this.types.push(type);
    this.nums.push(e, start, end);
    if (full) this.stored.push(this.total, this.text(full.text), full.line, full.character, full.endLine, full.endCharacter, this.text(full.snippet));
    this.total++;
  }

  /** Ends an entry of `count` mentions. */
  endEntry(count: number): void {
    this.counts.push(count);
  }

  private text(t: string): number {
    let i = this.texts.get(t);
    if (i === undefined) this.texts.set(t, (i = this.texts.size));
    return i;
  }

  write(w: BinaryWriter): void {
    const offsets = new Uint32Array(this.counts.length + 1);
    this.counts.forEach((c, i) => (offsets[i + 1] = offsets[i]! + c));
    w.array(offsets);
    w.strings([...this.entityIds.keys()]);
    w.array(Uint8Array.from(this.types));
    w.array(Uint32Array.from(this.nums));
    w.array(Uint32Array.from(this.stored));
    w.strings([...this.texts.keys()]);
    // What the entity index reads of each entry, as it reads it: the entities it names (in order of first mention)
    // with their mentions' count, so that a warm start does not count them again.
    const named = new Uint32Array(this.counts.length + 1);
    const pairs: number[] = [];
    const scratch = new Int32Array(this.entityIds.size);
    for (let i = 0; i < this.counts.length; i++) {
      const first = pairs.length;
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
        const e = this.nums[j * 3]!;
        if (scratch[e] === 0) pairs.push(e, 0);
        scratch[e]!++;
      }
      for (let k = first; k < pairs.length; k += 2) {
        pairs[k + 1] = scratch[pairs[k]!]!;
        scratch[pairs[k]!] = 0;
      }
      named[i + 1] = pairs.length / 2;
    }
    w.array(named);
    w.array(Uint32Array.from(pairs));
  }

  static read(r: BinaryReader, n: number): PackedMentions {
    // Copied out of the cache's front, which is let go once the cache is read (entries keep these numbers).
    const offsets = r.u32s().slice();
    const entities = r.strings();
    const types = r.u8s().slice();
    const nums = r.u32s().slice();
    const stored = r.u32s().slice();
    const texts = r.strings();
    const named = r.u32s().slice();
    const pairs = r.u32s().slice();
    const m = types.length;
    checkOffsets(offsets, n, m);
    checkOffsets(named, n, pairs.length / 2);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = named[i]! * 2; k < named[i + 1]! * 2; k += 2) {
        if (pairs[k]! >= entities.length || pairs[k + 1] === 0) throw new SnapshotError('mentions');
        sum += pairs[k + 1]!;
      }
      if (sum !== offsets[i + 1]! - offsets[i]!) throw new SnapshotError('mention counts');
    }
    if (nums.length !== m * 3 || stored.length % 7) throw new SnapshotError('mentions');
    for (let i = 0; i < m; i++) if (nums[i * 3]! >= entities.length || types[i]! >= TYPES.length) throw new SnapshotError('mentions');
    const explicit = new Map<number, number>();
    for (let k = 0; k < stored.length; k += 7) {
      if (stored[k]! >= m || stored[k + 1]! >= texts.length || stored[k + 6]! >= texts.length) throw new SnapshotError('mentions');
      explicit.set(stored[k]!, k);
    }
    return {
      check(i: number, article: Article): void {
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
          if (nums[j * 3 + 1]! >= nums[j * 3 + 2]! || nums[j * 3 + 2]! > article.length) throw new SnapshotError('mention out of its article');
        }
      },
      get(i: number, article: Article): Mention[] {
        const parts = partsOf(article);
        const out: Mention[] = [];
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
          const start = nums[j * 3 + 1]!;
          const end = nums[j * 3 + 2]!;
          const entity = entities[nums[j * 3]!]!;
          const type = TYPES[types[j]!]!;
          const k = explicit.size ? explicit.get(j) : undefined;
          if (k !== undefined) {
            const range = { start, end, line: stored[k + 2]!, character: stored[k + 3]!, endLine: stored[k + 4]!, endCharacter: stored[k + 5]! };
            out.push({ entity, type, start, end, text: texts[stored[k + 1]!]!, range, snippet: texts[stored[k + 6]!]! });
          } else {
            // Read off the part when asked (see mentionText.ts); none (a damaged cache): left out, not thrown.
            const m = partMention(parts, entity, type, start, end);
            if (m) out.push(m);
          }
        }
        return out;
      },
      copyInto(i: number, packer: MentionPacker): void {
        for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
          const k = explicit.size ? explicit.get(j) : undefined;
          const full =
            k === undefined
              ? undefined
              : { text: texts[stored[k + 1]!]!, line: stored[k + 2]!, character: stored[k + 3]!, endLine: stored[k + 4]!, endCharacter: stored[k + 5]!, snippet: texts[stored[k + 6]!]! };
          packer.push(entities[nums[j * 3]!]!, types[j]!, nums[j * 3 + 1]!, nums[j * 3 + 2]!, full);
        }
        packer.endEntry(offsets[i + 1]! - offsets[i]!);
      },
      countsInto(i: number, visit: (entity: string, count: number) => void): void {
        // As written: no mention counted again.
        for (let k = named[i]! * 2; k < named[i + 1]! * 2; k += 2) visit(entities[pairs[k]!]!, pairs[k + 1]!);
      },
    };
  }
}
