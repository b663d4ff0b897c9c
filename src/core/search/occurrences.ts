/**
 * Occurrences of a word (its clitic forms, and its spelling variants when asked) or of an entity's mentions, for the
 * concordance (`concordance.ts` lays them out as keyword-in-context lines).
 */
import { docsOf, foldedPhrase, hitsIn, matchRange, type TermMask } from './clauses';
import { MENTION_FIELDS } from './documents';
import type { IndexParts } from './parts';
import { scanWords } from '../text/scanner';
import type { Occurrence } from './types';

/** Documents read per step (a step reads each one's words, or its mentions). */
const DOCS_PER_STEP = 100;

/**
 * Every occurrence of a word (its clitic forms, and its spelling variants when `variants`) or of an
 * entity's mentions, with context; sorted by document name, then offset. `mask`: the index's term mask.
 * A generator of steps (one every `DOCS_PER_STEP` documents, and before the sort), so that a caller can stop it
 * (cancel.ts) or let its thread do other work between them.
 */
export function* occurrenceSteps(parts: IndexParts, mask: TermMask, target: { word: string; variants?: boolean } | { entity: string }): Generator<void, Occurrence[]> {
  const { documents, entities, vocabulary } = parts;
  const out: Occurrence[] = [];
  let read = 0;
  if ('entity' in target) {
    for (const d of entities.docCounts(target.entity)?.docList() ?? []) {
      if (++read % DOCS_PER_STEP === 0) yield;
      const doc = documents.docs[d]!;
      const ms = doc.mentions;
      for (let j = 0; j < ms.length; j += MENTION_FIELDS) {
        if (entities.mentionIds[ms[j]!] === target.entity) out.push({ doc: documents.view(doc), start: ms[j + 1]!, end: ms[j + 2]!, first: ms[j + 3]!, last: ms[j + 4]! });
      }
    }
  } else {
    const words: string[] = [];
    scanWords(target.word, (w) => words.push(w));
    if (words.length === 0) return out;
    // Joined or split as the corpus writes it (عبدالرحمن, "عبد الرحمن"), like a query's words.
    const clause = foldedPhrase(parts, words, target.variants ? vocabulary.variants(words[0]!) : undefined);
    const masked = mask.set([clause], vocabulary.size);
    try {
      for (const d of docsOf(clause, parts)) {
        if (++read % DOCS_PER_STEP === 0) yield;
        const doc = documents.docs[d]!;
        if (!doc.alive) continue;
        for (const h of hitsIn(doc, [clause], mask.bits, entities.mentionIds, 0, Infinity)) {
          const [start, end] = matchRange(parts, doc, h, clause);
          out.push({ doc: documents.view(doc), start, end, first: h.first, last: h.last });
        }
      }
    } finally {
      mask.clear(masked);
    }
  }
  yield;
  out.sort((a, b) => a.doc.name.localeCompare(b.doc.name) || a.start - b.start);
  return out;
}
