/**
 * The words of entities' names, indexed so that the entities a query can name are found without comparing the query
 * with every entity: each query word must stand for one of a name's words (`wordMatches`: a clitic form, a prefix of
 * a form, or a few edits away), so the candidates are the entities every query word reaches through this index. The
 * entity matcher then ranks only those (`EntityMatcher.matchEntities`).
 */
import { proclitic } from '../text/tokenize';
import { allowedEdits } from './fuzzy';
import { lowerBound } from './structures';
import { TypoIndex } from './typo';
import { queryForms } from './vocabulary';

export class EntityNameIndex {
  /** Each clitic form of a name's word → the records (by number) whose names have that word. */
  private readonly byForm = new Map<string, number[]>();
  private readonly sortedForms: string[];
  private typoIndex: TypoIndex | undefined;

  /** `records`: each entity's folded name words. */
  constructor(records: readonly { words: readonly string[] }[]) {
    records.forEach(({ words }, r) => {
      for (const word of words) {
        for (const { form } of proclitic(word)) {
          const list = this.byForm.get(form);
          if (!list) this.byForm.set(form, [r]);
          else if (list[list.length - 1] !== r) list.push(r);
        }
      }
    });
    this.sortedForms = [...this.byForm.keys()].sort();
  }

  /**
   * The records every query word can stand for a name word of, in record order; a superset of those `wordMatches`
   * accepts for every word (it is checked again on the few found).
   */
  candidates(words: readonly string[]): number[] {
    let result: Set<number> | undefined;
    for (const w of words) {
      const reached = this.reached(w);
      if (result) for (const r of result) if (!reached.has(r)) result.delete(r);
      if (!result) result = reached;
      if (result.size === 0) break;
    }
    return result ? [...result].sort((a, b) => a - b) : [];
  }

  /** The records with a name word the query word can stand for. */
  private reached(w: string): Set<number> {
    const out = new Set<number>();
    const add = (form: string): void => {
      for (const r of this.byForm.get(form) ?? []) out.add(r);
    };
    const forms = queryForms(w).map((f) => f.form);
    for (const q of forms) add(q);
    if (w.length >= 2) {
      const sorted = this.sortedForms;
      for (let i = lowerBound(sorted, w); i < sorted.length && sorted[i]!.startsWith(w); i++) add(sorted[i]!);
    }
    const k = allowedEdits(w);
    if (k > 0) {
      this.typoIndex ??= new TypoIndex(this.sortedForms);
      for (const q of forms) this.typoIndex.within(q, k, add);
    }
    return out;
  }
}
