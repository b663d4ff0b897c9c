/**
 * The index as a snapshot (serialisation only: a warm start loads the index without reading the texts again):
 * documents' words, titles and mentions, the vocabulary, postings and positions, in one versioned buffer.
 */
import { fold } from '../text/arabic';
import { below, BinaryReader, BinaryWriter, type ByteParts, checkOffsets, SnapshotError } from '../persist/binary';
import { type Doc, MENTION_FIELDS, TYPE_CODES } from './documents';
import type { IndexParts } from './parts';
import { BaseLists, EMPTY } from './structures';

const SNAPSHOT_MAGIC = 'corpus-navigator-search';
/** Bump when the snapshot's layout or what the index derives from a document changes. */
const SNAPSHOT_VERSION = 4;

/**
 * `toSnapshotParts` a step at a time (it yields every few thousand documents or terms), so that a host can let its
 * thread do other work between steps. The index must not change meanwhile (`CorpusSearch.snapshotInSlices` checks).
 */
export function* snapshotSteps({ documents, vocabulary, postings, entities }: IndexParts, key: string): Generator<undefined, ByteParts> {
  const w = new BinaryWriter(SNAPSHOT_MAGIC, SNAPSHOT_VERSION);
  w.string(key);
  const docs = documents.docs;
  const n = docs.length;
  w.u32(n);
  w.strings(docs.map((d) => d.id));
  w.strings(docs.map((d) => d.name));
  w.strings(docs.map((d) => d.title));
  w.strings(docs.map((d) => d.outlet ?? ''));
  w.strings(docs.map((d) => d.date ?? ''));
  // Per document: flags (1 alive, 2 has outlet, 4 has date), title offsets and word span.
  const flags = new Uint8Array(n);
  const nums = new Int32Array(n * 4);
  const wordOffsets = new Uint32Array(n + 1);
  const mentionOffsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    flags[i] = (d.alive ? 1 : 0) | (d.outlet !== undefined ? 2 : 0) | (d.date !== undefined ? 4 : 0);
    nums.set([d.titleStart, d.titleEnd, d.titleFirst, d.titleLast], i * 4);
    wordOffsets[i + 1] = wordOffsets[i]! + d.starts.length;
    mentionOffsets[i + 1] = mentionOffsets[i]! + d.mentions.length / MENTION_FIELDS;
  }
  yield;
  w.array(flags);
  w.array(nums);
  const words = wordOffsets[n]!;
  // Starts in 16 bits when every one fits (then half the bytes, in the file and in memory once restored).
  let wide = false;
  for (const d of docs) for (let k = 0; k < d.starts.length && !wide; k++) wide = d.starts[k]! > 0xffff;
  const starts = wide ? new Uint32Array(words) : new Uint16Array(words);
  const lengths = new Uint8Array(words);
  const terms = new Uint32Array(words);
  const longEnds: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = docs[i]!;
    const at = wordOffsets[i]!;
    starts.set(d.starts, at);
    lengths.set(d.lengths, at);
    terms.set(d.terms, at);
    for (const [k, end] of d.longEnds ?? []) longEnds.push(i, k, end);
    if ((i & 1023) === 1023) yield;
  }
  w.array(wordOffsets);
  w.u32(wide ? 32 : 16);
  w.array(starts);
  w.array(lengths);
  w.array(terms);
  w.array(Uint32Array.from(longEnds));
  // Mentions as the documents hold them (entity number, start, end, first and last word), and the entities' table.
  const mentionNums = new Uint32Array(mentionOffsets[n]! * MENTION_FIELDS);
  docs.forEach((d, i) => mentionNums.set(d.mentions, mentionOffsets[i]! * MENTION_FIELDS));
  yield;
  w.array(mentionOffsets);
  w.strings(entities.mentionIds);
  w.array(Uint8Array.from(entities.mentionTypes, (type) => TYPE_CODES.indexOf(type)));
  w.array(mentionNums);
  // Vocabulary (with the terms' order by text, for lookups without a map), postings and positions (each term's
  // trimmed to its length).
  const t = vocabulary.size;
  const termText = vocabulary.texts();
  const termOrder = vocabulary.termOrder();
  w.u32(t);
  const termsAt = w.mark();
  w.strings(termText);
  w.array(termOrder);
  const termsHash = w.hashSince(termsAt);
  yield;
  // Positions (word numbers in a document) in 16 bits when every document has fewer than 65,536 words.
  const widePositions = docs.some((d) => d.starts.length > 0x10000);
  for (const [k, { base: bases, lists, lengths: lengthsOf }] of postings.lists().entries()) {
    const offsets = new Uint32Array(t + 1);
    for (let i = 0; i < t; i++) offsets[i + 1] = offsets[i]! + (bases?.lengthOf(i) ?? 0) + lengthsOf[i]!;
    const narrow = k === 1 && !widePositions;
    const all = narrow ? new Uint16Array(offsets[t]!) : new Uint32Array(offsets[t]!);
    yield;
    // A step per million numbers copied, not per so many terms: the first terms, the commonest, hold most of them.
    let copied = 0;
    for (let i = 0; i < t; i++) {
      const base = bases?.get(i) ?? EMPTY;
      all.set(base, offsets[i]!);
      all.set(lists[i]!.subarray(0, lengthsOf[i]!), offsets[i]! + base.length);
      if ((copied += offsets[i + 1]! - offsets[i]!) >= 1 << 20) {
        copied = 0;
        yield;
      }
    }
    w.array(offsets);
    if (k === 1) w.u32(narrow ? 16 : 32);
    w.array(all);
  }
  // Clitic forms → terms, in the forms' order.
  const forms = vocabulary.forms.sorted();
  yield;
  const formOffsets = new Uint32Array(forms.length + 1);
  const formTerms: number[] = [];
  for (let i = 0; i < forms.length; i++) {
    for (const term of vocabulary.forms.get(forms[i]!)) formTerms.push(term);
    formOffsets[i + 1] = formTerms.length;
    if ((i & 16383) === 16383) yield;
  }
  const formsAt = w.mark();
  w.strings(forms);
  const formsHash = w.hashSince(formsAt);
  w.array(formOffsets);
  w.array(Uint32Array.from(formTerms));
  // What binary searches read (the terms, their order, the forms), hashed as written: checked on restore by one pass
  // over the bytes, where checking their order would make a string of every word.
  w.u32(Math.imul(termsHash, 31) ^ formsHash);
  return w.chunks();
}

/**
 * Restores a snapshot into an index's new, empty parts; false when it was made with another key. Throws
 * `SnapshotError` (or the reader's errors) when it is truncated or corrupt, before changing anything.
 */
export function readSnapshot(bytes: Uint8Array, key: string, readText: (id: string) => string | undefined, parts: IndexParts): boolean {
  const r = new BinaryReader(bytes, SNAPSHOT_MAGIC, SNAPSHOT_VERSION);
  if (r.string() !== key) return false;
  const n = r.u32();
  const [ids, names, titles, outlets, dates] = [r.strings(), r.strings(), r.strings(), r.strings(), r.strings()];
  if (![ids, names, titles, outlets, dates].every((a) => a.length === n)) throw new SnapshotError('documents');
  const flags = r.u8s();
  const nums = r.i32s();
  if (flags.length !== n || nums.length !== n * 4) throw new SnapshotError('documents');
  const wordOffsetsRaw = r.u32s();
  const words = wordOffsetsRaw[n] ?? 0;
  const width = r.u32();
  if (width !== 16 && width !== 32) throw new SnapshotError('words');
  const starts = width === 16 ? r.u16s() : r.u32s();
  const lengths = r.u8s();
  const terms = r.u32s();
  const longEnds = r.u32s();
  if (starts.length !== words || lengths.length !== words || terms.length !== words || longEnds.length % 3) throw new SnapshotError('words');
  const mentionOffsets = r.u32s();
  const entityIds = r.strings();
  const entityTypes = r.u8s();
  const mentionNums = r.u32s();
  const m = mentionNums.length / MENTION_FIELDS;
  if (entityTypes.length !== entityIds.length || !Number.isInteger(m)) throw new SnapshotError('mentions');
  const t = r.u32();
  const termsAt = r.mark();
  const termText = r.stringTable();
  const termOrder = r.u32s();
  const termsHash = r.hashSince(termsAt);
  if (termText.length !== t || termOrder.length !== t) throw new SnapshotError('terms');
  const postingOffsets = r.u32s();
  const postings = r.u32s();
  checkOffsets(postingOffsets, t, postings.length);
  const positionOffsets = r.u32s();
  const positionWidth = r.u32();
  if (positionWidth !== 16 && positionWidth !== 32) throw new SnapshotError('positions');
  const positions = positionWidth === 16 ? r.u16s() : r.u32s();
  checkOffsets(positionOffsets, t, positions.length);
  const formsAt = r.mark();
  const formList = r.stringTable();
  const formsHash = r.hashSince(formsAt);
  const formOffsets = r.u32s();
  const formTerms = r.u32s();
  const hash = r.u32();
  checkOffsets(formOffsets, formList.length, formTerms.length);
  checkOffsets(wordOffsetsRaw, n, words);
  checkOffsets(mentionOffsets, n, m);
  r.end();
  // Values that index other arrays: checked, so a corrupt buffer cannot make a query throw.
  below(terms, t);
  below(formTerms, t);
  below(termOrder, t);
  // Lookups are binary searches: the orders must be as written.
  if ((Math.imul(termsHash, 31) ^ formsHash) >>> 0 !== hash) throw new SnapshotError('term order');
  below(entityTypes, TYPE_CODES.length);
  for (let i = 0; i < postings.length; i += 2) if (postings[i]! >= n) throw new SnapshotError('postings');
  for (let i = 0; i < m; i++) if (mentionNums[i * MENTION_FIELDS]! >= entityIds.length) throw new SnapshotError('mentions');

  const { documents, vocabulary, postings: lists, entities } = parts;
  documents.restoreStart(n, readText);
  const longByDoc = new Map<number, Map<number, number>>();
  for (let i = 0; i < longEnds.length; i += 3) {
    let map = longByDoc.get(longEnds[i]!);
    if (!map) longByDoc.set(longEnds[i]!, (map = new Map()));
    map.set(longEnds[i + 1]!, longEnds[i + 2]!);
  }
  entityIds.forEach((id, e) => entities.numberEntity(id, TYPE_CODES[entityTypes[e]!]!));
  // A few outlets, each named by thousands of documents: folded once each.
  const outletsFolded = new Map<string, string>();
  const foldedOutlet = (outlet: string): string => {
    let f = outletsFolded.get(outlet);
    if (f === undefined) outletsFolded.set(outlet, (f = fold(outlet)));
    return f;
  };
  for (let i = 0; i < n; i++) {
    const from = wordOffsetsRaw[i]!;
    const to = wordOffsetsRaw[i + 1]!;
    const [titleStart, titleEnd, titleFirst, titleLast] = [nums[i * 4]!, nums[i * 4 + 1]!, nums[i * 4 + 2]!, nums[i * 4 + 3]!];
    const mentions = mentionNums.subarray(mentionOffsets[i]! * MENTION_FIELDS, mentionOffsets[i + 1]! * MENTION_FIELDS);
    const { types, titleEntities } = entities.mentionSummary(mentions, titleFirst, titleLast);
    const alive = (flags[i]! & 1) !== 0;
    const outlet = flags[i]! & 2 ? outlets[i]! : undefined;
    const id = ids[i]!;
    const doc: Doc = {
      index: i,
      id,
      name: names[i]!,
      text: alive ? undefined : '',
      title: titles[i]!,
      titleStart,
      titleEnd,
      outlet,
      outletFolded: outlet ? foldedOutlet(outlet) : '',
      date: flags[i]! & 4 ? dates[i]! : undefined,
      starts: starts.subarray(from, to),
      lengths: lengths.subarray(from, to),
      longEnds: longByDoc.get(i),
      terms: terms.subarray(from, to),
      titleFirst,
      titleLast,
      mentions,
      types,
      titleEntities,
      alive,
    };
    documents.restoreDoc(doc);
    if (alive) entities.countEntityDocs(mentions, i);
  }
  // The vocabulary as the snapshot holds it: no map of terms or forms, no view per term until it is read.
  vocabulary.restore(termText, termOrder, formList, formOffsets, formTerms);
  lists.restore(t, new BaseLists(postings, postingOffsets), new BaseLists(positions, positionOffsets));
  return true;
}
