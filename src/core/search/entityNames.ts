/**
 * The names of the entities named in a corpus, and an index of their words, so that the entities a query can name are
 * found without comparing the query with every entity: each query word must stand for one of a name's words
 * (`wordMatches`: a clitic form, a prefix of a form, or a few edits away), so the candidates are the entities every
 * query word reaches through this index. The entity matcher then ranks only those (`EntityMatcher.matchEntities`).
 * Entities are added and removed as documents name them; the index is made once.
 */
import { joinCompound } from '../entities/names';
import type { Entity } from '../entities/recognizer';
import { proclitic } from '../text/tokenize';
import { allowedEdits, boundedDistance } from './fuzzy';
import { foldedWords } from './query';
import { lowerBound } from './structures';
import { TypoIndex } from './typo';
import { queryForms } from './vocabulary';

/** An entity's names as fuse.js ranks them, folded (compound names joined), and their words. */
export interface EntityRecord {
  id: string;
  names: string[];
  words: string[];
}

/** Forms added since the sorted forms and their typo index were made; past this many, they are made again. */
const MAX_LOOSE_FORMS = 2000;

export class NamedEntities {
  private readonly records: EntityRecord[] = [];
  private readonly alive: boolean[] = [];
  /** The live record of each entity. */
  private readonly recordOf = new Map<string, number>();
  /** Each clitic form of a name's word → the records (by number) whose names have that word. */
  private readonly byForm = new Map<string, number[]>();
  /** The forms in order and their typo index (made on first use), and forms added since, not in them. */
  private sortedForms: string[] | undefined;
  private typoIndex: TypoIndex | undefined;
  private looseForms: string[] = [];

  /** Takes in an entity newly named (nothing for an unknown one). */
  add(e: Entity | undefined): void {
    if (!e) return;
    // Compound names joined (عبد الرحمن as عبدالرحمن), as the query's words are: either spelling names the same ones.
    const names = [...new Set([e.nameAr, ...e.aliases, e.nameEn].map((n) => joinCompound(foldedWords(n).join(' '))))];
    const record = { id: e.id, names, words: [...new Set(names.flatMap((n) => n.split(' ')))] };
    const r = this.records.length;
    this.records.push(record);
    this.alive.push(true);
    this.recordOf.set(e.id, r);
    for (const word of record.words) {
      for (const { form } of proclitic(word)) {
        const list = this.byForm.get(form);
        if (list) {
          if (list[list.length - 1] !== r) list.push(r);
          continue;
        }
        this.byForm.set(form, [r]);
        if (this.sortedForms) this.looseForms.push(form);
      }
    }
    if (this.looseForms.length > MAX_LOOSE_FORMS) this.sortedForms = this.typoIndex = undefined;
  }

  /** Lets go of an entity no document names any more. */
  remove(id: string): void {
    const r = this.recordOf.get(id);
    if (r === undefined) return;
    this.alive[r] = false;
    this.recordOf.delete(id);
  }

  /** Makes the sorted forms and their typo index (for idle time) rather than at the next query. */
  *prepareSteps(): Generator<void> {
    this.forms();
    yield;
    this.typos();
  }

  /**
   * Makes, a step each, what `candidates(words)` would make on its first run: the sorted forms, then the typo index
   * when a word may be a few edits from a form.
   */
  *indexSteps(words: readonly string[]): Generator<void> {
    if (this.sortedForms && this.typoIndex) return;
    this.forms();
    yield;
    if (words.some((w) => allowedEdits(w) > 0)) this.typos();
  }

  private forms(): string[] {
    if (!this.sortedForms) {
      this.sortedForms = [...this.byForm.keys()].sort();
      this.looseForms = [];
    }
    return this.sortedForms;
  }

  private typos(): TypoIndex {
    return (this.typoIndex ??= new TypoIndex(this.forms()));
  }

  /**
   * The live records every query word can stand for a name word of, in the order the entities came; a superset of
   * those `wordMatches` accepts for every word (it is checked again on the few found).
   */
  candidates(words: readonly string[]): EntityRecord[] {
    let result: Set<number> | undefined;
    for (const w of words) {
      const reached = this.reached(w);
      if (result) for (const r of result) if (!reached.has(r)) result.delete(r);
      if (!result) result = reached;
      if (result.size === 0) break;
    }
    if (!result) return [];
    return [...result].filter((r) => this.alive[r]).sort((a, b) => a - b).map((r) => this.records[r]!);
  }

  /** The records with a name word the query word can stand for. */
  private reached(w: string): Set<number> {
    const out = new Set<number>();
    const add = (form: string): void => {
      for (const r of this.byForm.get(form) ?? []) out.add(r);
    };
    const forms = queryForms(w).map((f) => f.form);
    for (const q of forms) add(q);
    const sorted = this.forms();
    const loose = this.looseForms;
    if (w.length >= 2) {
      for (let i = lowerBound(sorted, w); i < sorted.length && sorted[i]!.startsWith(w); i++) add(sorted[i]!);
      for (const f of loose) if (f.startsWith(w)) add(f);
    }
    const k = allowedEdits(w);
    if (k > 0) {
      const typos = this.typos();
      for (const q of forms) {
        typos.within(q, k, add);
        for (const f of loose) if (f !== q && boundedDistance(q, f, k) <= k) add(f);
      }
    }
    return out;
  }
}
