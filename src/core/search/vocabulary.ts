/**
 * The vocabulary: written words (terms) by number, the clitic-stripped forms they stand for, and the expansion of a
 * query word into terms with weights: its clitic forms, then prefixes (words being typed) and spelling variants.
 */
import { fold } from '../text/arabic';
import { proclitic } from '../text/tokenize';
import { allowedEdits, boundedDistance } from './fuzzy';
import { partitionPoint } from '../text/ranges';
import { EMPTY, lowerBound } from './structures';
import { StringTable } from '../persist/binary';
import { TypoIndex } from './typo';

export interface Expansion {
  weights: Map<number, number>;
  prefix: Map<number, number>;
  /** Terms reached only as completions of the word (لافر → لافروف), not as spellings of it. */
  completions: Set<number>;
}

const STRIPPED_WEIGHT = 0.85;
const PREFIX_WEIGHT = 0.6;
export const EDIT_WEIGHT = [1, 0.7, 0.5];
const MAX_EXPANSIONS = 40;
/**
 * Forms put in place before the sorted forms and the typo index are dropped instead (`FormIndex.insertForm`): each
 * insertion moves the forms after it, so a corpus being read while queries run would otherwise pay for every form
 * times the vocabulary.
 */
const MAX_INSERTED_FORMS = 500;

/**
 * Name particles written joined to the next word or apart from it (folded): عبدالرحمن / عبد الرحمن, ابوظبي /
 * ابو ظبي, بنكيران / بن كيران. A query word made of one and a word of three letters or more may stand for the two.
 */
const JOINED_HEADS = ['عبد', 'ابو', 'ابي', 'ابا', 'بن'];

/** Whether a word is such a particle ("عبد" in "عبد الرحيم"). */
export function isJoinedHead(word: string): boolean {
  return JOINED_HEADS.includes(word);
}

/** The two words a joined query word may be written as ("عبدالرحيم" → عبد, الرحيم), if it starts with a particle. */
export function splitJoined(word: string): [string, string] | undefined {
  for (const head of JOINED_HEADS) if (word.length >= head.length + 3 && word.startsWith(head)) return [head, word.slice(head.length)];
  return undefined;
}

/** Query-side forms of a word: itself, then forms with its clitics stripped (at least 3 letters). */
export function queryForms(word: string): { form: string; weight: number }[] {
  return proclitic(word)
    .filter((s, i) => i === 0 || s.form.length >= 3)
    .map((s, i) => ({ form: s.form, weight: i === 0 ? 1 : STRIPPED_WEIGHT }));
}

/** True when a query word can stand for a name's word: clitic forms, a prefix, or a few edits. */
export function wordMatches(query: string, name: string): boolean {
  if (query === name) return true;
  const qs = queryForms(query).map((f) => f.form);
  const ns = proclitic(name).map((f) => f.form);
  if (qs.some((q) => ns.includes(q))) return true;
  if (query.length >= 2 && ns.some((n) => n.startsWith(query))) return true;
  const k = allowedEdits(query);
  return k > 0 && qs.some((q) => ns.some((n) => boundedDistance(q, n, k) <= k));
}

const NO_TERMS: readonly number[] = [];

/**
 * Clitic forms → the terms they stand for. Those restored from a snapshot stay as it holds them (forms in order, each
 * one's terms end to end) and are found by a binary search; forms and terms seen since are in a map.
 */
export class FormIndex {
  /** The restored forms, in order (cut from the snapshot's string when read). */
  private baseForms: StringTable = new StringTable('', EMPTY);
  /** Every restored form, made when all are first needed (prefixes, typos, a snapshot). */
  private baseArray: readonly string[] | undefined;
  private baseOffsets: Uint32Array = EMPTY;
  private baseTerms: Uint32Array = EMPTY;
  private readonly added = new Map<string, number[]>();
  private sortedForms: readonly string[] | undefined;
  private typoIndex: TypoIndex | undefined;
  /** Forms put into `sortedForms` and the typo index one by one since they were made (past a few thousand, both are made again). */
  private inserted = 0;

  restore(forms: StringTable, offsets: Uint32Array, terms: Uint32Array): void {
    this.baseForms = forms;
    this.baseArray = undefined;
    this.baseOffsets = offsets;
    this.baseTerms = terms;
    this.sortedForms = this.typoIndex = undefined;
    this.inserted = 0;
  }

  private baseIndex(form: string): number {
    const forms = this.baseForms;
    const i = partitionPoint(0, forms.length, (k) => forms.get(k) < form);
    return i < forms.length && forms.get(i) === form ? i : -1;
  }

  private base(): readonly string[] {
    return (this.baseArray ??= this.baseForms.toArray());
  }

  /** The terms a form stands for. */
  get(form: string): readonly number[] | Uint32Array {
    const i = this.baseIndex(form);
    const more = this.added.get(form);
    if (i < 0) return more ?? NO_TERMS;
    const base = this.baseTerms.subarray(this.baseOffsets[i]!, this.baseOffsets[i + 1]!);
    return more ? [...base, ...more] : base;
  }

  add(form: string, term: number): void {
    const list = this.added.get(form);
    if (list) return void list.push(term);
    this.added.set(form, [term]);
    if (this.baseIndex(form) < 0) this.insertForm(form);
  }

  /**
   * A new form into the sorted forms and the typo index, where they are made: in place, so that a file changed does
   * not make the next query sort and sign every form again; dropped when many come (a corpus being read).
   */
  private insertForm(form: string): void {
    if (!this.sortedForms && !this.typoIndex) return;
    if (++this.inserted > MAX_INSERTED_FORMS) {
      this.sortedForms = this.typoIndex = undefined;
      return;
    }
    if (this.sortedForms) {
      // The restored forms are the snapshot's, searched by `baseIndex`: changed only in a copy.
      const sorted = this.sortedForms === this.baseArray ? this.baseArray.slice() : (this.sortedForms as string[]);
      sorted.splice(lowerBound(sorted, form), 0, form);
      this.sortedForms = sorted;
    }
    this.typoIndex?.add(form);
  }

  /** Every form, in order. */
  sorted(): readonly string[] {
    if (this.sortedForms) return this.sortedForms;
    this.inserted = 0;
    this.typoIndex = undefined; // made again from these
    const extra = [...this.added.keys()].filter((f) => this.baseIndex(f) < 0).sort();
    const base = this.base();
    if (extra.length === 0) return (this.sortedForms = base);
    const out: string[] = [];
    let [i, j] = [0, 0];
    while (i < base.length && j < extra.length) out.push(base[i]! < extra[j]! ? base[i++]! : extra[j++]!);
    while (i < base.length) out.push(base[i++]!);
    while (j < extra.length) out.push(extra[j++]!);
    return (this.sortedForms = out);
  }

  /** The forms by length with their letters' signatures, to find those a few edits from a word. */
  typos(): TypoIndex {
    return (this.typoIndex ??= new TypoIndex(this.sorted()));
  }
}

export class Vocabulary {
  // Terms restored from a snapshot are found by a binary search in their text order (`baseOrder`, from the
  // snapshot): building a map of every word would be a large part of a warm start, as would making a string of
  // each (`baseText`: cut from the snapshot's when read). Terms seen since are in `termIds` and `addedText`.
  private readonly termIds = new Map<string, number>();
  private baseText: StringTable = new StringTable('', EMPTY);
  private readonly addedText: string[] = [];
  private baseOrder: Uint32Array | undefined;
  /** Clitic forms → the terms they stand for. */
  readonly forms = new FormIndex();
  private readonly expansionCache = new Map<string, Expansion>();

  /** How many terms there are. */
  get size(): number {
    return this.baseText.length + this.addedText.length;
  }

  /** A term's text, by number. */
  text(t: number): string {
    const base = this.baseText.length;
    return t < base ? this.baseText.get(t) : this.addedText[t - base]!;
  }

  /** Every term's text, by number. */
  texts(): string[] {
    return [...this.baseText.toArray(), ...this.addedText];
  }

  /** The number of a term (undefined when the word was never seen). */
  termId(w: string): number | undefined {
    const t = this.termIds.get(w);
    if (t !== undefined || !this.baseOrder) return t;
    const order = this.baseOrder;
    const text = this.baseText;
    const i = partitionPoint(0, order.length, (k) => text.get(order[k]!) < w);
    return i < order.length && text.get(order[i]!) === w ? order[i] : undefined;
  }

  /** The number of a term, numbered now if it is new (the next number: `size` before the call). */
  term(w: string): number {
    let t = this.termId(w);
    if (t !== undefined) return t;
    t = this.size;
    this.termIds.set(w, t);
    this.addedText.push(w);
    for (const { form } of proclitic(w)) {
      if (form !== w && form.length < 3) continue;
      this.forms.add(form, t);
    }
    this.expansionCache.clear();
    return t;
  }

  /** Makes the typo index now (for idle time) rather than at the next fuzzy query. */
  prepare(): void {
    this.forms.typos();
  }

  /** Terms a query word stands for, with weights: clitic forms, then prefixes and spelling variants. */
  expand(word: string, fuzzy = true): Map<number, number> {
    return this.expansion(word, fuzzy).weights;
  }

  expansion(word: string, fuzzy: boolean): Expansion {
    const key = `${fuzzy ? 1 : 0}${word}`;
    const cached = this.expansionCache.get(key);
    if (cached) return cached;
    const out = new Map<number, number>();
    const prefix = new Map<number, number>();
    const completions = new Set<number>();
    const viaForm = (form: string, w: number, completion = false): void => {
      for (const t of this.forms.get(form)) {
        const text = this.text(t);
        const weight = text === form ? w : w * 0.97;
        if ((out.get(t) ?? 0) >= weight) continue;
        out.set(t, weight);
        prefix.set(t, text.endsWith(form) ? text.length - form.length : 0);
        if (completion) completions.add(t);
        else completions.delete(t);
      }
    };
    const qforms = queryForms(word);
    for (const { form, weight } of qforms) viaForm(form, weight);
    if (fuzzy) {
      const extra: { form: string; weight: number; completion?: boolean }[] = [];
      for (const { form, weight } of qforms) {
        if (form.length < 2) continue;
        // Prefix: words being typed (لافر → لافروف).
        const sorted = this.forms.sorted();
        for (let i = lowerBound(sorted, form); i < sorted.length && sorted[i]!.startsWith(form); i++) {
          if (sorted[i] !== form) extra.push({ form: sorted[i]!, weight: weight * PREFIX_WEIGHT * Math.sqrt(form.length / sorted[i]!.length), completion: true });
        }
        // Spelling variants and typos (انطونوف → انتونوف, بيدرسن → بيدرسون).
        const k = allowedEdits(form);
        if (k === 0) continue;
        this.forms.typos().within(form, k, (candidate, d) => extra.push({ form: candidate, weight: weight * EDIT_WEIGHT[d]! }));
      }
      extra.sort((a, b) => b.weight - a.weight);
      for (const { form, weight, completion } of extra.slice(0, MAX_EXPANSIONS)) viaForm(form, weight, completion);
    }
    if (this.expansionCache.size > 2000) this.expansionCache.clear();
    const e = { weights: out, prefix, completions };
    this.expansionCache.set(key, e);
    return e;
  }

  /**
   * The terms two query words side by side stand for when written as one word ("عبد" "الرحيم" → عبدالرحيم and its
   * clitic forms, وعبدالرحيم…): empty when the corpus has no such word.
   */
  joined(first: string, second: string): Expansion {
    const form = first + second;
    const weights = new Map<number, number>();
    const prefix = new Map<number, number>();
    for (const t of this.forms.get(form)) {
      const text = this.text(t);
      weights.set(t, text === form ? 1 : 0.97);
      prefix.set(t, text.endsWith(form) ? text.length - form.length : 0);
    }
    return { weights, prefix, completions: new Set() };
  }

  /** Words of the vocabulary a query word stands for (for tests and the concordance). */
  expansions(word: string, fuzzy = true): { term: string; weight: number }[] {
    return [...this.expand(fold(word), fuzzy)].map(([t, weight]) => ({ term: this.text(t), weight })).sort((a, b) => b.weight - a.weight);
  }

  /** Clitic forms and spelling variants (edit distance), without prefixes. */
  variants(word: string): Expansion {
    const all = this.expansion(word, true);
    return { ...all, weights: new Map([...all.weights].filter(([t]) => !all.completions.has(t))) };
  }

  /** Term numbers in the order of their text: the restored order merged with the terms seen since, sorted. */
  termOrder(): Uint32Array {
    const byText = (a: number, b: number): number => {
      const [x, y] = [this.text(a), this.text(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const added = Uint32Array.from(this.termIds.values()).sort(byText);
    const base = this.baseOrder ?? EMPTY;
    const out = new Uint32Array(base.length + added.length);
    let [i, j, k] = [0, 0, 0];
    while (i < base.length && j < added.length) out[k++] = byText(base[i]!, added[j]!) <= 0 ? base[i++]! : added[j++]!;
    while (i < base.length) out[k++] = base[i++]!;
    while (j < added.length) out[k++] = added[j++]!;
    return out;
  }

  /** The vocabulary as a snapshot holds it: no map of terms or forms. */
  restore(termText: StringTable, order: Uint32Array, forms: StringTable, formOffsets: Uint32Array, formTerms: Uint32Array): void {
    this.baseText = termText;
    this.baseOrder = order;
    this.forms.restore(forms, formOffsets, formTerms);
  }
}
