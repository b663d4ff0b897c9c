/**
 * Entity recognition: longest match of known names (every alias and spelling) on folded tokens with
 * clitics stripped, mapped back to the exact characters of the original text. Pure TypeScript.
 */
import { fold, FoldedText, foldWithMap } from './arabic';
import { LineIndex, partitionPoint, sharedLineIndex, TextRange } from './text';
import { Discovery, discoverPeople } from './discovery';
import { EndingFilter, isDetachedClitic, mayHaveProclitic, proclitic, Token, tokenize } from './tokenize';

export type EntityType = 'person' | 'organisation' | 'place' | 'law';

export interface Role {
  titleAr?: string;
  titleEn?: string;
  organisation?: string;
  from?: number;
  to?: number;
}

export interface Entity {
  id: string;
  type: EntityType;
  nameAr: string;
  nameEn: string;
  aliases: string[];
  /** person */
  roles?: Role[];
  nationality?: string;
  descriptionEn?: string;
  descriptionAr?: string;
  /** organisation, place, law: the kind within the type (e.g. "media", "region", "un-resolution"). */
  kind?: string;
  country?: string;
  /** law */
  adopted?: string;
  issuer?: string;
  summaryEn?: string;
  summaryAr?: string;
  /** Not in any knowledge base: found in the text after a title cue (see discovery.ts). */
  discovered?: boolean;
}

/** The knowledge base file's shape (src/core/kb/entities.json, and the user's own entity file). */
export interface KnowledgeBaseFile {
  version?: number;
  people?: Omit<Entity, 'type'>[];
  organisations?: Omit<Entity, 'type'>[];
  places?: Omit<Entity, 'type'>[];
  laws?: Omit<Entity, 'type'>[];
}

export function entitiesOf(kb: KnowledgeBaseFile): Entity[] {
  const typed = (list: Omit<Entity, 'type'>[] | undefined, type: EntityType): Entity[] =>
    (list ?? []).map((e) => ({ ...e, aliases: e.aliases ?? [], type }));
  return [...typed(kb.people, 'person'), ...typed(kb.organisations, 'organisation'), ...typed(kb.places, 'place'), ...typed(kb.laws, 'law')];
}

export interface Mention {
  entity: string;
  type: EntityType;
  /** Offsets into the original text, covering the name without its clitics. */
  start: number;
  end: number;
  /** The original text of the name. */
  text: string;
  /** The same span as line/character positions. */
  range: TextRange;
  /** The mention's line, shortened around it, for lists of mentions. */
  snippet: string;
}

/** Characters of context kept on each side of a mention in its snippet. */
const SNIPPET_CONTEXT = 60;

function snippetOf(original: string, index: LineIndex, start: number, end: number): string {
  const line = index.lines[index.lineAt(start)]!;
  let from = Math.max(line.start, start - SNIPPET_CONTEXT);
  let to = Math.min(line.end, end + SNIPPET_CONTEXT);
  if (from > line.start) from = original.indexOf(' ', from) + 1 || from; // whole words
  if (to < line.end) to = Math.max(end, original.lastIndexOf(' ', to));
  return `${from > line.start ? '…' : ''}${original.slice(from, to).trim()}${to < line.end ? '…' : ''}`;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entities whose alias ends here. */
  ids: string[];
}

const node = (): TrieNode => ({ next: new Map(), ids: [] });

/** Words a media outlet's name follows ("صحيفة الشرق الأوسط"): they pick the outlet over a place. */
const MEDIA_CUES = new Set(['صحيفه', 'جريده', 'موقع', 'قناه', 'وكاله', 'مجله', 'شبكه', 'تلفزيون', 'اذاعه', 'لصحيفه', 'بصحيفه', 'وصحيفه'].map(fold));

/**
 * A recognizer over a set of entities. Build once per knowledge base; `recognize` is linear in the
 * number of tokens (each token tries its few clitic-stripped forms against a trie of alias tokens).
 */
export class Recognizer {
  private readonly root = node();
  /** The endings of the words that start a name (the root's children). */
  private readonly firstWords = new EndingFilter();
  readonly entities = new Map<string, Entity>();

  constructor(entities: readonly Entity[]) {
    for (const e of entities) {
      this.entities.set(e.id, e);
      const names = new Set([e.nameAr, ...e.aliases]);
      if (e.nameEn) names.add(e.nameEn);
      for (const name of names) this.add(name, e.id);
    }
  }

  private add(name: string, id: string): void {
    const words = tokenize(name).map((t) => t.text);
    if (words.length === 0) return;
    this.firstWords.add(words[0]!);
    let n = this.root;
    for (const w of words) {
      let child = n.next.get(w);
      if (!child) n.next.set(w, (child = node()));
      n = child;
    }
    if (!n.ids.includes(id)) n.ids.push(id);
  }

  recognize(original: string, folded: FoldedText = foldWithMap(original)): Mention[] {
    const tokens = tokenize(original, folded);
    const mentions: Mention[] = [];
    /** Folded surname → the person last named in full with it, in this text. */
    const surnames = new Map<string, string>();
    let lines: LineIndex | undefined;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (isDetachedClitic(t)) {
        i++;
        continue;
      }
      const best = this.longestAt(tokens, i);
      if (!best) {
        i++;
        continue;
      }
      const last = tokens[best.last]!;
      const start = folded.starts[t.folded + best.prefix]!;
      let id = this.choose(best.ids, tokens, i, original, start);
      let e = this.entities.get(id)!;
      if (e.type === 'person') {
        // The surname as the alias spells it: the last word, or the single word without its clitics ("والأسد" → الأسد).
        const surname = best.last > i ? last.text : best.form;
        if (best.last > i) {
          // A full name: its surname, alone, means this person for the rest of the article.
          surnames.set(surname, id);
        } else {
          // A surname alone ("الأسد") is the person last named in full with it ("حافظ الأسد … الأسد").
          const named = surnames.get(surname);
          if (named !== undefined && named !== id) e = this.entities.get((id = named))!;
        }
      }
      lines ??= sharedLineIndex(original, folded);
      mentions.push({
        entity: id,
        type: e.type,
        start,
        end: last.end,
        text: original.slice(start, last.end),
        range: lines.range(start, last.end),
        snippet: snippetOf(original, lines, start, last.end),
      });
      i = best.last + 1;
    }
    return mentions;
  }

  /** The longest alias starting at token i (the first token may carry clitics). */
  private longestAt(tokens: readonly Token[], i: number): { last: number; prefix: number; form: string; ids: string[] } | undefined {
    let best: { last: number; prefix: number; form: string; ids: string[] } | undefined;
    const word = tokens[i]!.text;
    if (!this.firstWords.mayMatch(word)) return undefined;
    // Most words carry no proclitic: their only form is the word itself.
    const forms = mayHaveProclitic(word) ? proclitic(word) : undefined;
    const count = forms ? forms.length : 1;
    for (let f = 0; f < count; f++) {
      const form = forms ? forms[f]!.form : word;
      const prefix = forms ? forms[f]!.prefix : 0;
      let n = this.root.next.get(form);
      let j = i;
      while (n) {
        if (n.ids.length > 0 && (!best || j > best.last || (j === best.last && prefix < best.prefix))) best = { last: j, prefix, form, ids: n.ids };
        const nextToken = tokens[j + 1];
        if (!nextToken) break;
        n = n.next.get(nextToken.text);
        j++;
      }
    }
    return best;
  }

  /** Several entities share a name ("الشرق الأوسط": a newspaper and a region): context decides. */
  private choose(ids: readonly string[], tokens: readonly Token[], i: number, original: string, start: number): string {
    if (ids.length === 1) return ids[0]!;
    const media = ids.filter((id) => this.entities.get(id)!.kind === 'media');
    const other = ids.filter((id) => this.entities.get(id)!.kind !== 'media');
    if (media.length > 0 && other.length > 0) {
      const before = tokens[i - 1];
      const quoted = /[“"«]\s*$/u.test(original.slice(Math.max(0, start - 2), start));
      return (before && MEDIA_CUES.has(before.text)) || quoted ? media[0]! : other[0]!;
    }
    return ids[0]!;
  }
}

/** The user's own entity file: new entities, extra aliases or fields for built-in ones, and ids to hide. */
export interface UserKnowledgeBaseFile extends KnowledgeBaseFile {
  hide?: string[];
}

/**
 * The user's entities over the built-in ones. An entry whose id is built in adds its aliases (and
 * replaces any other field it gives); a new id adds an entity (it needs a name); `hide` removes ids.
 * Returns the entities and, for the user, the problems found (naming the entry).
 */
export function mergeKnowledgeBases(builtIn: readonly Entity[], user: UserKnowledgeBaseFile | undefined): { entities: Entity[]; problems: string[] } {
  const byId = new Map(builtIn.map((e) => [e.id, { ...e, aliases: [...e.aliases] }]));
  const problems: string[] = [];
  if (user) {
    const groups: Array<[keyof KnowledgeBaseFile, EntityType]> = [['people', 'person'], ['organisations', 'organisation'], ['places', 'place'], ['laws', 'law']];
    for (const [key, type] of groups) {
      const list = user[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        problems.push(`"${key}" should be a list`);
        continue;
      }
      for (const raw of list as Partial<Entity>[]) {
        if (!raw || typeof raw.id !== 'string' || raw.id === '') {
          problems.push(`an entry of "${key}" has no "id"`);
          continue;
        }
        const aliases = Array.isArray(raw.aliases) ? raw.aliases.filter((a): a is string => typeof a === 'string') : [];
        const existing = byId.get(raw.id);
        if (existing) {
          byId.set(raw.id, { ...existing, ...raw, type: existing.type, aliases: [...new Set([...existing.aliases, ...aliases])] });
        } else if (typeof raw.nameAr === 'string' && raw.nameAr.trim() !== '') {
          byId.set(raw.id, { nameEn: '', ...raw, id: raw.id, nameAr: raw.nameAr, type, aliases });
        } else {
          problems.push(`"${raw.id}" is new and needs a "nameAr"`);
        }
      }
    }
    for (const id of Array.isArray(user.hide) ? user.hide : []) byId.delete(id);
  }
  return { entities: [...byId.values()], problems };
}

/** A sentence in which a person speaks: "قال لافروف …", "وأكد أنتونوف أن …", "… قال نجار". */
export interface Statement {
  entity: string;
  /** The sentence, as written (shortened when long). */
  text: string;
  start: number;
  end: number;
}

/** Verbs of saying, folded, with the clitic و/ف allowed before them. */
const SPEECH_VERBS = new Set(
  ['قال', 'قالت', 'أكد', 'أكدت', 'أشار', 'أشارت', 'أضاف', 'أضافت', 'صرح', 'صرّح', 'أوضح', 'أوضحت', 'اعتبر', 'شدد', 'لفت', 'ذكر', 'كشف', 'رأى', 'أعلن', 'حذر', 'توقع', 'وصف', 'نفى', 'يقول', 'يرى', 'يشير', 'تابع'].map(fold),
);
const STATEMENT_MAX = 280;
/** How many words (a title: "قال السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف") may stand between a verb of saying and the name after it. */
const VERB_BEFORE_WINDOW = 8;
/** How many words may stand between the name and a verb of saying after it ("نجار، قال", "أنطونوف ذكر", "… كان قد أكد"). */
const VERB_AFTER_WINDOW = 3;

const foldedSet = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(fold));
/**
 * Words after which the name is not the speaker: a preposition or a complementizer ("قالت فيه، إن فيرشينين …",
 * "أشار إلى أن … ترمب", "نقلت عن أنتونوف").
 */
const NOT_SPEAKER_LINK = foldedSet('عن مع بين حول إلى على إن أن أنه أنها إنه إنها فيه فيها لأن بعد خلال ضد من ما');
/** Heads whose complement the name is ("مسؤول في إدارة الرئيس … جو بايدن، كان قد أكد"): the head speaks, not the name. */
const GENITIVE_HEADS = foldedSet('إدارة حكومة نظام عهد رئاسة حزب قوات مكتب فريق مستشار متحدث باسم أنصار مقربين مقرب نظير لنظيره نظيره');

function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || (/^[وف]/.test(word) && SPEECH_VERBS.has(word.slice(1)));
}

const SENTENCE_END = /[.!?؟:\n]/u;

/**
 * For each person mention, the sentence in which that person speaks: a verb of saying before the name with
 * only a title between ("وأكد لافروف", "قال السفير …، أناتولي أنتونوف"), or right after the name ("نجار، قال",
 * "أنطونوف ذكر") when the name is not the complement of someone else ("مسؤول في إدارة … بايدن، أكد").
 */
export function findStatements(original: string, mentions: readonly Mention[], folded: FoldedText = foldWithMap(original)): Statement[] {
  const tokens = tokenize(original, folded);
  const out: Statement[] = [];
  const seen = new Set<string>();
  // Token index → the person mention covering it (to stop at another person).
  const personAt = new Map<number, Mention>();
  const spans = new Map<Mention, { first: number; last: number }>();
  let k = 0;
  for (const m of mentions) {
    while (k < tokens.length && tokens[k]!.end <= m.start) k++;
    if (k >= tokens.length) break;
    let last = k;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
    spans.set(m, { first: k, last });
    if (m.type === 'person') for (let j = k; j <= last; j++) personAt.set(j, m);
  }
  const gapEnds = (a: number, b: number): boolean => SENTENCE_END.test(original.slice(tokens[a]!.end, tokens[b]!.start));

  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const span = spans.get(m);
    if (!span) continue;
    const { first, last } = span;
    let speaks = false;
    // Verb, then (a title), then the name.
    for (let j = first - 1; j >= 0 && j >= first - VERB_BEFORE_WINDOW; j--) {
      if (gapEnds(j, j + 1)) break;
      const w = tokens[j]!.text;
      if (isSpeechVerb(w)) {
        speaks = true;
        break;
      }
      if (NOT_SPEAKER_LINK.has(w) || personAt.has(j)) break;
    }
    // The name, then the verb: unless the name is someone's complement.
    if (!speaks) {
      let complement = false;
      for (let j = first - 1; j >= 0 && j >= first - 4; j--) {
        if (gapEnds(j, j + 1)) break;
        if (GENITIVE_HEADS.has(tokens[j]!.text) || proclitic(tokens[j]!.text).some((f) => GENITIVE_HEADS.has(f.form))) complement = true;
      }
      for (let j = last + 1; !complement && j < tokens.length && j <= last + VERB_AFTER_WINDOW; j++) {
        if (gapEnds(j - 1, j)) break;
        const w = tokens[j]!.text;
        if (isSpeechVerb(w)) {
          speaks = true;
          break;
        }
        if (NOT_SPEAKER_LINK.has(w) || personAt.has(j)) break;
      }
    }
    if (!speaks) continue;
    const { start, end } = sentenceAround(original, m.start, m.end);
    const key = `${m.entity}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ entity: m.entity, text: statementText(original, start, end), start, end });
  }
  return out;
}

/** A statement's text: the sentence [start, end) of `text` as written, shortened when long. */
export function statementText(text: string, start: number, end: number): string {
  const sentence = text.slice(start, end).trim();
  return sentence.length > STATEMENT_MAX ? sentence.slice(0, sentence.lastIndexOf(' ', STATEMENT_MAX)) + '…' : sentence;
}

/** The sentence holding [start, end): from the previous sentence end (or line start) to the next. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && text[s - 1] !== '\n' && !(/[.!?؟]/.test(text[s - 1]!) && /\s/.test(text[s]!))) s--;
  let e = end;
  while (e < text.length && text[e] !== '\n' && !(/[.!?؟]/.test(text[e]!) && (e + 1 >= text.length || /\s/.test(text[e + 1]!)))) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return { start: s, end: e };
}

/** The id of a discovered person: one per folded name across the corpus. */
export function discoveredId(key: string): string {
  return `~${key}`;
}

/** A discovered person as an entity, with the role the text gives them. */
export function discoveredEntity(d: Discovery): Entity {
  return { id: discoveredId(d.key), type: 'person', nameAr: d.name, nameEn: '', aliases: [], roles: [{ titleAr: d.role }], discovered: true };
}

/** Longer than this, a surname alone is taken for the discovered person in the same article. */
const MIN_SURNAME = 3;

/** Whether [start, end) overlaps one of `mentions` (in order, not overlapping each other): a binary search. */
function overlapsAny(mentions: readonly Mention[]): (start: number, end: number) => boolean {
  return (start, end) => {
    // The last mention starting before `end` is the only candidate.
    const lo = partitionPoint(0, mentions.length, (i) => mentions[i]!.start < end);
    return lo > 0 && mentions[lo - 1]!.end > start;
  };
}

/**
 * An article's mentions: known entities, plus people discovered from title cues — their name where the
 * cue stands, and later in the same article the full name again or the surname alone ("… قال نجار").
 */
export function recognizeArticle(recognizer: Recognizer, original: string, folded: FoldedText = foldWithMap(original)): { mentions: Mention[]; discovered: Entity[] } {
  const known = recognizer.recognize(original, folded);
  const overlapsKnown = overlapsAny(known);
  const overlapsKnownPerson = overlapsAny(known.filter((m) => m.type === 'person'));
  const discoveries = discoverPeople(original, folded, overlapsKnown, overlapsKnownPerson);
  if (discoveries.length === 0) return { mentions: known, discovered: [] };
  const byId = new Map<string, Entity>();
  for (const d of discoveries) {
    const e = byId.get(discoveredId(d.key));
    if (!e) byId.set(discoveredId(d.key), discoveredEntity(d));
    else if (!e.roles!.some((r) => r.titleAr === d.role)) e.roles!.push({ titleAr: d.role });
  }
  // Surnames: the last word of each name, when no other discovered name ends the same way.
  const surnames = new Map<string, string[]>();
  for (const e of byId.values()) {
    const words = tokenize(e.nameAr).map((t) => t.text);
    const last = words[words.length - 1]!;
    if (words.length > 1 && last.length >= MIN_SURNAME) surnames.set(last, [...(surnames.get(last) ?? []), e.id]);
  }
  const local = new Recognizer([...byId.values()].map((e) => {
    const last = tokenize(e.nameAr).map((t) => t.text).pop()!;
    return { ...e, aliases: surnames.get(last)?.length === 1 ? [last] : [] };
  }));
  const found = local.recognize(original, folded).filter((m) => !overlapsKnown(m.start, m.end));
  const mentions = [...known, ...found].sort((a, b) => a.start - b.start);
  return { mentions, discovered: [...byId.values()] };
}
