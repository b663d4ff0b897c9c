/**
 * The index's documents: each one's words (as offsets and term numbers), title, outlet, date and mentions; which are
 * live; their texts (kept, or read when shown); their orders by name and by date; their outlets.
 */
import Fuse from 'fuse.js';
import { fold } from '../text/arabic';
import type { EntityType } from '../entities/recognizer';
import { capacityFor, doubled, Ranking } from './structures';
import type { LineSource, SearchDocumentView } from './types';

export interface Doc {
  index: number;
  id: string;
  name: string;
  /** The text, when kept (see `readTextsWith`; '' once removed). */
  text?: string;
  title: string;
  titleStart: number;
  titleEnd: number;
  outlet?: string;
  outletFolded: string;
  date?: string;
  /** Per word: original start, length (255: look in `longEnds`) and the term id. */
  /** 16-bit where a snapshot's every start fits (most corpora: articles under 65,536 characters). */
  starts: Uint16Array | Uint32Array;
  lengths: Uint8Array;
  longEnds?: Map<number, number>;
  terms: Uint32Array;
  /** Word indexes of the title's words, [titleFirst, titleLast] (empty when titleLast < titleFirst). */
  titleFirst: number;
  titleLast: number;
  /**
   * Mentions sorted by start, five numbers each (`MENTION_FIELDS`): the entity (a number: `mentionIds`,
   * `mentionTypes`), start, end, first and last word. Numbers, not objects: hundreds of thousands of them.
   */
  mentions: Uint32Array;
  /** The entity types the document names (a bit each, `TYPE_BIT`). */
  types: number;
  /** Entities named within the title. */
  titleEntities?: Set<string>;
  /** The title folded, made on first use. */
  titleFolded?: string;
  alive: boolean;
}

export const TYPE_BIT: Record<EntityType, number> = { person: 1, organisation: 2, place: 4, law: 8 };
/** Texts kept after being read for a result (a page of results, and the concordance's last few). */
const RECENT_TEXTS = 128;

/** Numbers per mention in `Doc.mentions`: entity number, start, end, first word, last word. */
export const MENTION_FIELDS = 5;
/** Entity types by their code in a snapshot. */
export const TYPE_CODES: readonly EntityType[] = ['person', 'organisation', 'place', 'law'];
/** The filter of a query without filters. */
export const ALIVE = (d: Doc): boolean => d.alive;
const collator = new Intl.Collator();

/** The original end of a document's word. */
export function endOf(doc: Doc, i: number): number {
  const l = doc.lengths[i]!;
  return l < 255 ? doc.starts[i]! + l : doc.longEnds!.get(i)!;
}

/** The documents of an index, by number (in the order they came) and by id. */
export class DocumentStore {
  /** Every document, live or removed, by index (never replaced: other parts keep it). */
  readonly docs: Doc[] = [];
  readonly byId = new Map<string, Doc>();
  /** Removed documents whose postings are still held. */
  private dead = 0;
  /** Per document index: 1 while live. */
  aliveBits = new Uint8Array(1024);
  /** Per document index: the word indexes of its title's first and last word. */
  titleFirsts = new Int32Array(1024);
  titleLasts = new Int32Array(1024);
  /** Reads a document's text that is not kept (`readTextsWith`); the last few read, by id. */
  private reader: ((id: string) => string | undefined) | undefined;
  private readonly recentTexts = new Map<string, string>();
  /** Whether documents added keep their text (until `readTextsWith`; a restored index reads only its own documents'). */
  private keepTexts = true;
  private lineSource: LineSource | undefined;
  /** Every document's place in the order of names, and of dates (newest first, then by name); built on first use, then kept current. */
  private readonly nameOrder = new Ranking((a, b) => collator.compare(this.docs[a]!.name, this.docs[b]!.name) || a - b);
  private readonly dateOrder = new Ranking((a, b) => {
    const x = this.docs[a]!.date ?? '';
    const y = this.docs[b]!.date ?? '';
    return x === y ? collator.compare(this.docs[a]!.name, this.docs[b]!.name) || a - b : x > y ? -1 : 1;
  });
  /** Live documents per folded outlet, and a fuse.js index over them (made on first use). */
  private readonly outlets = new Map<string, number>();
  /** Per run of three letters (or a shorter word), the live outlets whose folded name holds it. */
  private outletGrams: Map<string, string[]> | undefined;
  /** `matchOutlets`'s answers by query text, while the outlets stay the same (a few hundred at most). */
  private readonly outletMatches = new Map<string, Map<string, number>>();

  get size(): number {
    return this.byId.size;
  }

  /** Whether a document added now keeps its text. */
  get keepsTexts(): boolean {
    return this.keepTexts;
  }

  documents(): { id: string; name: string; text: string; title: string }[] {
    return [...this.byId.values()].map((d) => ({ id: d.id, name: d.name, text: this.textOf(d), title: d.title }));
  }

  /** See `SearchIndex.readTextsWith`. */
  readTextsWith(reader: (id: string) => string | undefined): void {
    this.reader = reader;
    this.keepTexts = false;
    this.recentTexts.clear();
    for (const d of this.docs) if (d.alive) d.text = undefined;
  }

  /** See `SearchIndex.readLinesWith`. */
  readLinesWith(lines: LineSource): void {
    this.lineSource = lines;
  }

  /** A document's text: kept, or read (and kept among the last few read). */
  textOf(doc: Doc): string {
    if (doc.text !== undefined) return doc.text;
    if (!doc.alive || !this.reader) return '';
    const recent = this.recentTexts;
    let text = recent.get(doc.id);
    if (text !== undefined) {
      recent.delete(doc.id);
    } else {
      text = this.reader(doc.id) ?? '';
      if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    }
    recent.set(doc.id, text);
    return text;
  }

  /** The line of a document holding [start, end) as written, and where it starts (the whole text when unknown). */
  lineOf(doc: Doc, start: number, end: number): { text: string; start: number } {
    return this.lineSource?.(doc.id, start, end) ?? { text: this.textOf(doc), start: 0 };
  }

  view(doc: Doc): SearchDocumentView {
    return { id: doc.id, name: doc.name, text: this.textOf(doc), title: doc.title, outlet: doc.outlet, date: doc.date };
  }

  /** A title folded (for fuse.js), once per document. */
  foldedTitle(doc: Doc): string {
    return (doc.titleFolded ??= fold(doc.title));
  }

  /** Takes a new document (numbered `docs.length`). */
  push(doc: Doc): void {
    const index = doc.index;
    if (index === this.titleFirsts.length) {
      this.titleFirsts = doubled(this.titleFirsts);
      this.titleLasts = doubled(this.titleLasts);
    }
    this.titleFirsts[index] = doc.titleFirst;
    this.titleLasts[index] = doc.titleLast;
    this.docs.push(doc);
    this.byId.set(doc.id, doc);
    // Orders kept current (not rebuilt: sorting every name again for each document added is slow on a large corpus).
    this.nameOrder.add(index);
    this.dateOrder.add(index);
    if (index === this.aliveBits.length) this.aliveBits = doubled(this.aliveBits);
    this.aliveBits[index] = 1;
    if (doc.outletFolded) this.countOutlet(doc.outletFolded, 1);
  }

  /** Marks a document removed (its postings stay until `compacted`). */
  markRemoved(doc: Doc): void {
    doc.alive = false;
    this.aliveBits[doc.index] = 0;
    this.byId.delete(doc.id);
    this.dead++;
  }

  /** Forgets a removed document's outlet and text. */
  forget(doc: Doc): void {
    if (doc.outletFolded) this.countOutlet(doc.outletFolded, -1);
    doc.text = '';
    this.recentTexts.delete(doc.id);
  }

  /** Whether removed documents are many enough to drop their postings. */
  get wantsCompaction(): boolean {
    return this.dead > 64 && this.dead > this.docs.length / 4;
  }

  /** The removed documents' postings were dropped. */
  compacted(): void {
    this.dead = 0;
  }

  /** Counts an outlet's documents; the fuse.js index changes only when an outlet comes or goes. */
  private countOutlet(outlet: string, delta: number): void {
    const n = (this.outlets.get(outlet) ?? 0) + delta;
    if (n > 0) this.outlets.set(outlet, n);
    else this.outlets.delete(outlet);
    if (n === (delta > 0 ? 1 : 0)) {
      this.outletGrams = undefined;
      this.outletMatches.clear();
    }
  }

  /**
   * The live outlets whose folded name is the query's, closely (fuse.js, threshold 0.2), with a score (0–1). Only the
   * outlets sharing a run of three letters with the query are compared: a corpus whose parser read thousands of
   * "outlets" does not pay for each of them at every query.
   */
  matchOutlets(text: string): Map<string, number> {
    let found = this.outletMatches.get(text);
    if (!found) {
      if (this.outletMatches.size >= 256) this.outletMatches.clear();
      this.outletMatches.set(text, (found = this.matchOutletsOnce(text)));
    }
    return found;
  }

  private matchOutletsOnce(text: string): Map<string, number> {
    if (!this.outletGrams) {
      this.outletGrams = new Map();
      for (const outlet of this.outlets.keys()) {
        for (const g of new Set(gramsOf(outlet))) {
          const list = this.outletGrams.get(g);
          if (list) list.push(outlet);
          else this.outletGrams.set(g, [outlet]);
        }
      }
    }
    const candidates = new Set<string>();
    for (const g of gramsOf(text)) for (const o of this.outletGrams.get(g) ?? []) candidates.add(o);
    if (candidates.size === 0) return new Map();
    const fuse = new Fuse([...candidates].map((outlet) => ({ outlet })), { keys: ['outlet'], includeScore: true, threshold: 0.2, ignoreLocation: true });
    return new Map(fuse.search(text).map((r) => [r.item.outlet, 1 - (r.score ?? 1)]));
  }

  /** Each document's place in the order of dates: newest first, undated last (ties: by name). */
  dateRanks(): Int32Array {
    return this.dateOrder.ranks(this.docs.length);
  }

  /** Each document's rank in the order of names (as `localeCompare` sorts them). */
  nameRanks(): Int32Array {
    return this.nameOrder.ranks(this.docs.length);
  }

  // A snapshot's documents (see `snapshot.ts`).

  /** Prepares for `n` restored documents whose texts `reader` reads. */
  restoreStart(n: number, reader: (id: string) => string | undefined): void {
    // The texts: read when first needed, the last few kept.
    this.reader = reader;
    this.aliveBits = new Uint8Array(capacityFor(n));
    this.titleFirsts = new Int32Array(capacityFor(n));
    this.titleLasts = new Int32Array(capacityFor(n));
  }

  /** Takes a restored document (in index order; the orders are built when first needed). */
  restoreDoc(doc: Doc): void {
    const i = doc.index;
    this.docs.push(doc);
    this.titleFirsts[i] = doc.titleFirst;
    this.titleLasts[i] = doc.titleLast;
    if (!doc.alive) {
      this.dead++;
      return;
    }
    this.byId.set(doc.id, doc);
    this.aliveBits[i] = 1;
    if (doc.outletFolded) this.countOutlet(doc.outletFolded, 1);
  }
}

/** The runs of three letters of each word of a folded text, and its words shorter than three letters whole. */
function gramsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (word.length < 3) {
      if (word) out.push(word);
      continue;
    }
    for (let i = 0; i + 3 <= word.length; i++) out.push(word.slice(i, i + 3));
  }
  return out;
}
