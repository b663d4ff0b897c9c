/**
 * The articles about the entities a query names, best first (see `Searcher`): how often they name them, whether in
 * the title or the lead, and whether by the name as typed. What each article's mentions say of one entity (in its
 * title, in its lead, its longest mention in words) is read once per entity and kept beside the entity's articles
 * sorted by count, until they change: a query then reads a few typed arrays per article, not its mentions.
 */
import type { Doc } from './documents';
import { MENTION_FIELDS } from './documents';
import type { IndexParts } from './parts';
import type { ByCount, DocCounts } from './structures';
import { insertSorted } from '../text/ranges';

/** Word indexes after the title within which a mention is in the article's lead. */
const LEAD_WORDS = 60;
/** What an article about the named entities gains: named in its title, in its lead, by the name as typed. */
const TITLE_BONUS = 0.3;
const LEAD_BONUS = 0.2;
const FULL_BONUS = 0.3;
const MAX_ABOUT_BONUS = TITLE_BONUS + LEAD_BONUS + FULL_BONUS;
/** `AboutList.info` bits: a mention in the title, one in the lead; above them, the longest mention's words. */
const IN_TITLE = 1;
const IN_LEAD = 2;
const SPAN_SHIFT = 2;

/** One entity's articles most-mentioning first (`sorted`), and by slot what its mentions there say (`info`). */
interface AboutList {
  counts: DocCounts;
  sorted: ByCount;
  info: Uint32Array;
}

export class AboutEntities {
  /** Per entity id, its list as last read (valid while its counts are the same: `sorted` is then the same object). */
  private readonly lists = new Map<string, AboutList>();

  constructor(private readonly parts: IndexParts) {}

  /**
   * The articles naming the entities `ids`, best first, at most `limit`: scores from 1 (above every article that
   * only holds the words), 1 + 0.5 × often(mentions) + the bonuses. `words`: the name's length in words as typed.
   * An article's score is at most its count's part plus every bonus, and one not yet reached names each entity at
   * most as often as the article each list has reached (the threshold algorithm): once that bound is below the
   * limit-th score found, no article left can enter.
   */
  top(ids: ReadonlySet<string>, words: number, allowed: (d: Doc) => boolean, limit: number, dates: Int32Array, ranks: Int32Array): [Doc, number][] {
    const { documents } = this.parts;
    const lists: AboutList[] = [];
    for (const id of ids) {
      const l = this.list(id);
      if (l) lists.push(l);
    }
    const often = (n: number): number => Math.min(1, Math.log1p(n) / Math.log(11));
    const cmp = (a: [Doc, number], b: [Doc, number]): number => b[1] - a[1] || dates[a[0].index]! - dates[b[0].index]! || ranks[a[0].index]! - ranks[b[0].index]!;
    const top: [Doc, number][] = [];
    const at = new Int32Array(lists.length);
    const seen = lists.length > 1 ? new Set<number>() : undefined;
    for (;;) {
      // The list whose next article names its entity most (the first such), and the bound of any article unread.
      let next = -1;
      let bound = 0;
      for (let j = 0; j < lists.length; j++) {
        const { counts } = lists[j]!.sorted;
        if (at[j]! >= counts.length) continue;
        bound += counts[at[j]!]!;
        if (next < 0 || counts[at[j]!]! > lists[next]!.sorted.counts[at[next]!]!) next = j;
      }
      if (next < 0) break;
      if (top.length >= limit && 1 + 0.5 * often(bound) + MAX_ABOUT_BONUS + 1e-9 < top[limit - 1]![1]) break;
      const l = lists[next]!;
      const k = at[next]!++;
      const d = l.sorted.docs[k]!;
      let n: number;
      let info: number;
      if (seen) {
        // Its mentions of every named entity, and what they say together.
        if (seen.has(d)) continue;
        seen.add(d);
        n = 0;
        let bits = 0;
        let span = 0;
        for (const o of lists) {
          const slot = o.counts.slotOf(d);
          if (slot < 0) continue;
          n += o.counts.get(d)!;
          bits |= o.info[slot]! & (IN_TITLE | IN_LEAD);
          span = Math.max(span, o.info[slot]! >>> SPAN_SHIFT);
        }
        info = bits | (span << SPAN_SHIFT);
      } else {
        n = l.sorted.counts[k]!;
        info = l.info[l.sorted.slots[k]!]!;
      }
      const doc = documents.docs[d]!;
      if (!doc.alive || !allowed(doc)) continue;
      const score = 1 + 0.5 * often(n) + (info & IN_TITLE ? TITLE_BONUS : 0) + (info & IN_LEAD ? LEAD_BONUS : 0) + (info >>> SPAN_SHIFT >= words ? FULL_BONUS : 0);
      insertSorted(top, [doc, score], limit, cmp);
    }
    return top;
  }

  /** An entity's list, read again from its articles' mentions when its counts changed. */
  private list(id: string): AboutList | undefined {
    const counts = this.parts.entities.docCounts(id);
    if (!counts || counts.size === 0) {
      this.lists.delete(id);
      return undefined;
    }
    const sorted = counts.byCount();
    const held = this.lists.get(id);
    if (held?.counts === counts && held.sorted === sorted) return held;
    // Its mention numbers (one per type it was named as).
    const { mentionIds } = this.parts.entities;
    const own = new Set<number>();
    for (let k = 0; k < mentionIds.length; k++) if (mentionIds[k] === id) own.add(k);
    const info = new Uint32Array(counts.slotCount);
    const docs = this.parts.documents.docs;
    counts.forEach((d, _n, slot) => {
      const doc = docs[d]!;
      const ms = doc.mentions;
      let bits = 0;
      let span = 0;
      for (let j = 0; j < ms.length; j += MENTION_FIELDS) {
        if (!own.has(ms[j]!)) continue;
        const first = ms[j + 3]!;
        span = Math.max(span, ms[j + 4]! - first + 1);
        if (first >= doc.titleFirst && ms[j + 4]! <= doc.titleLast) bits |= IN_TITLE;
        else if (first <= Math.max(doc.titleLast, -1) + LEAD_WORDS) bits |= IN_LEAD;
      }
      info[slot] = bits | (span << SPAN_SHIFT);
    });
    const list = { counts, sorted, info };
    this.lists.set(id, list);
    return list;
  }
}
