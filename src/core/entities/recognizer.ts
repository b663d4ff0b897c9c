/**
 * Entity recognition: longest match of known names (every alias and spelling) on folded tokens with
 * clitics stripped, mapped back to the exact characters of the original text. Pure TypeScript.
 */
import { fold, FoldedText, foldWithMap, words as wordsOf } from '../text/arabic';
import { LineIndex, partitionPoint, sharedLineIndex, TextRange } from '../text/ranges';
import { Discovery, discoverPeople, KnownAt } from './discovery';
import { findPatternEntities } from './patterns';
import { articleStripped, ANIMAL_NAMES, ANIMAL_WORDS, clubCityPosition, competitor, creditPosition, GOVERNORS, isSurname, mediaPosition, modelPosition, ORGANISATION_CUES, portfolioPosition, PLACE_CUES, SENTENCE_BREAK, sportsSentence, surnamePosition, teamId, type RecognitionContext } from './recognitionContext';
import { sentenceAround, statementText } from './statements';
import { COMMON_NOUNS, GIVEN_NAMES, isClearGivenName, joinCompound, PARTICLES, NATIONALITY_ADJECTIVES, NOT_NAME, ORDINALS, ROLE_WORDS, SPEECH_VERBS as SAYING_VERBS, TITLE_HEADS } from './names';
import { EndingFilter, isDetachedClitic, mayHaveProclitic, proclitic, Token, tokenize, WordClass } from '../text/tokenize';

export type EntityType = 'person' | 'organisation' | 'place' | 'law';

export { findStatements, statementText, type Statement } from './statements';
export { recognitionContext, type RecognitionContext } from './recognitionContext';

export interface Role {
  titleAr?: string;
  titleEn?: string;
  organisation?: string;
  from?: number;
  to?: number;
  /** A role found in the text: the sentence that states it, as written (shortened when long)… */
  sentence?: string;
  /** …and the name of the file it stands in. */
  file?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  nameAr: string;
  nameEn: string;
  aliases: string[];
  /**
   * Short forms that are also ordinary words or shared names ("عباس", "بري", "رايس"): a mention only with
   * context (a title before it, or the entity named in full earlier in the same text).
   */
  contextAliases?: string[];
  /** person */
  roles?: Role[];
  nationality?: string;
  descriptionEn?: string;
  descriptionAr?: string;
  /** organisation, place, law: the kind within the type (e.g. "media", "region", "un-resolution"). */
  kind?: string;
  country?: string;
  /** organisation: the year it was founded (not named by an article older than that) */
  founded?: number;
  /** law */
  adopted?: string;
  issuer?: string;
  summaryEn?: string;
  summaryAr?: string;
  /** Not in any knowledge base: found in the text after a title cue (see discovery.ts). */
  discovered?: boolean;
}

/** The knowledge base file's shape (src/core/entities/kb/entities.json, and the user's own entity file). */
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

/** Words that start with عبد or ابو and are not compounds ("عبدة" aside, "ابوظبي" is a place written joined). */
const PARTICLES_ALONE = new Set(['عبده', 'عبدي', 'ابوظبي']);

/** The words that carry a name on to the father's (folded): "بن", "ابن", "بنت", "ابنة". */
const NASAB = new Set(['بن', 'ابن', 'بنت', 'ابنه']);

/** A form of a word that starts a name, and the trie node it reaches. */
interface Start {
  form: string;
  prefix: number;
  node: TrieNode;
}
const NO_STARTS: readonly Start[] = [];

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entities whose alias ends here. */
  ids: string[];
  /** Entities whose context alias ends here (named only with context; see Entity.contextAliases). */
  ctx: string[];
  /** Whether the alias's first word starts with the article: "القيصر" is not "قيصر", "الحماس" not "حماس". */
  definite: boolean;
  /**
   * What the walk asks of every node it reaches, set once the trie is built (`settle`), read without the lists and the
   * map: whether an alias ends here (`plain`), only a context alias (`contextOnly`), and whether any alias goes on.
   */
  plain: boolean;
  contextOnly: boolean;
  leaf: boolean;
}

/** A ministry: of the kind, or named as one ("وزارة الخارجية الأمريكية"). */
const isMinistry = (e: Entity): boolean => e.kind === 'ministry' || e.nameAr.startsWith('وزارة');

const node = (): TrieNode => ({ next: new Map(), ids: [], ctx: [], definite: false, plain: false, contextOnly: false, leaf: true });

/** Sets the flags of `n` and of the nodes under it from their lists and maps. */
function settle(n: TrieNode): void {
  n.plain = n.ids.length > 0;
  n.contextOnly = !n.plain && n.ctx.length > 0;
  n.leaf = n.next.size === 0;
  for (const child of n.next.values()) settle(child);
}

/** The words around a short form that decide it, by any of their forms ("الرئيس", "وقال", "لمدينة"). */
const TITLE_CUE = WordClass.of(TITLE_HEADS);
const GOVERNOR_CUE = WordClass.of(GOVERNORS);
const NATIONALITY_CUE = WordClass.of(NATIONALITY_ADJECTIVES);
const SAYING_CUE = WordClass.of(SAYING_VERBS);
const ROLE_CUE = WordClass.of(ROLE_WORDS);
const DEFINITE_FORM = new WordClass((form) => form.startsWith('ال'));
const PLACE_CUE = WordClass.of(PLACE_CUES);
const ORGANISATION_CUE = WordClass.of(ORGANISATION_CUES);
const ANIMAL_CUE = WordClass.of(ANIMAL_WORDS);

/** Words a media outlet's name follows ("صحيفة الشرق الأوسط"): they pick the outlet over a place. */
const MEDIA_CUES = new Set(['صحيفه', 'جريده', 'موقع', 'قناه', 'وكاله', 'مجله', 'شبكه', 'تلفزيون', 'اذاعه', 'لصحيفه', 'بصحيفه', 'وصحيفه'].map(fold));

/**
 * A recognizer over a set of entities. Build once per knowledge base; `recognize` is linear in the
 * number of tokens (each token tries its few clitic-stripped forms against a trie of alias tokens).
 */
export class Recognizer {
  private readonly root = node();
  /** The endings of the words that start a name (the root's children). */
  private readonly firstWords: EndingFilter;
  readonly entities = new Map<string, Entity>();

  /**
   * `contextOnly`: ids whose every name needs context (a one-word name found after a title, alone later).
   * `cacheStarts`: remember each word's starts (for a recognizer used on many texts; not for one text's own names).
   */
  constructor(entities: readonly Entity[], contextOnly: ReadonlySet<string> = new Set(), private readonly cacheStarts = true) {
    // A text's own few names need a small filter (quick to make); a knowledge base a full one.
    this.firstWords = new EndingFilter([], cacheStarts ? 16 : 10);
    for (const e of entities) {
      this.entities.set(e.id, e);
      // A context alias is context-only even when it is the entity's own name ("إب", the Yemeni city, is also "أب").
      const context = new Set(e.contextAliases ?? []);
      const contextKeys = new Set([...context].map(fold));
      const names = new Set([e.nameAr, ...e.aliases].filter((n) => contextKeys.size === 0 || !contextKeys.has(fold(n))));
      if (e.nameEn) names.add(e.nameEn);
      for (const name of names) this.add(name, e.id, contextOnly.has(e.id));
      for (const name of context) this.add(name, e.id, true);
    }
    settle(this.root);
  }

  /** Adds a name as written, and joined or split where it has "عبد" or "أبو" ("عبد الله" / "عبدالله"). */
  private add(name: string, id: string, context: boolean): void {
    // A text's own names come back in other texts: remembered; a knowledge base's are read once.
    for (const variant of nameOf(name, !this.cacheStarts).variants) this.addWords(variant, id, context);
  }

  private addWords(words: readonly string[], id: string, context: boolean): void {
    this.firstWords.add(words[0]!);
    let n = this.root;
    for (const w of words) {
      let child = n.next.get(w);
      if (!child) n.next.set(w, (child = node()));
      n = child;
    }
    const first = this.root.next.get(words[0]!)!;
    if (words[0]!.startsWith('ال')) first.definite = true;
    const list = context ? n.ctx : n.ids;
    if (!list.includes(id)) list.push(id);
  }

  /**
   * The mentions of known entities in `original`. `context` gives what the article's parse knows: its
   * year (a law is not cited before it was adopted) and its outlet line (which names the outlet, not a place).
   */
  recognize(original: string, folded: FoldedText = foldWithMap(original), context: RecognitionContext = {}): Mention[] {
    const tokens = tokenize(original, folded);
    const mentions: Mention[] = [];
    /** Folded surname → the person last named in full with it, in this text. */
    const surnames = new Map<string, string>();
    /** The endings of those surnames (a text names a few people: a small filter, quick to make). */
    let surnameEndings: EndingFilter | undefined;
    /** Entities named so far by a full alias (their context aliases count from then on). */
    const named = new Set<string>();
    /** The last token of the last person named (a list of people goes on with "و": "بري و السنيورة و موسى"). */
    let lastPerson = -2;
    /** The last token of the last team a match report named ("فرنسا و انجلترا"). */
    let lastTeam = -2;
    /** The last entity named, and its last token. */
    const lastEntity = { id: '', end: -2 };
    let lines: LineIndex | undefined;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      // Most words start no name: nothing to do there, unless a surname met before may stand alone.
      const starts = this.startsOf(t);
      if ((starts.length === 0 && surnameEndings === undefined) || isDetachedClitic(t)) {
        i++;
        continue;
      }
      const best = this.longestAt(tokens, i, starts);
      if (!best) {
        // A known person's surname alone after their full name ("كوندوليزا رايس … وقالت رايس"), though no alias.
        const coref = surnameEndings !== undefined ? this.surnameAt(t, surnames, surnameEndings) : undefined;
        if (coref) {
          const start = folded.starts[t.folded + coref.prefix]!;
          const e = this.entities.get(coref.id)!;
          lines ??= sharedLineIndex(original, folded);
          mentions.push({ entity: e.id, type: e.type, start, end: t.end, text: original.slice(start, t.end), range: lines.range(start, t.end), snippet: snippetOf(original, lines, start, t.end) });
        }
        i++;
        continue;
      }
      const last = tokens[best.last]!;
      const start = folded.starts[t.folded + best.prefix]!;
      let ids = best.ids;
      if (best.context) {
        // Only the entities whose context is there: "فريق الجزيرة" is the club, not the Sudanese state.
        ids = this.withContext(tokens, i, best, named, lastPerson, original);
        if (ids.length === 0) {
          i++;
          continue;
        }
      }
      // A city that is also a club's name ("برشلونة", "ليفربول") is the club in a sentence about a match.
      if (best.alt.length > 0 && best.alt.some((id) => this.entities.get(id)!.kind === 'sports') && sportsSentence(tokens, i, original)) {
        ids = best.alt.filter((id) => this.entities.get(id)!.kind === 'sports');
      }
      // A short form right after the entity's full name is that entity ("وكالة الأنباء القطرية (قنا)").
      if (!best.context && lastEntity.end === i - 1 && best.alt.includes(lastEntity.id)) ids = [lastEntity.id];
      // A dateline's or a credit's agency ("الدوحة - قنا :", "( قنا )") is the agency, not the town of the same name.
      if (best.alt.some((id) => this.entities.get(id)!.kind === 'media') && creditPosition(tokens, i, best.last, original)) {
        ids = best.alt.filter((id) => this.entities.get(id)!.kind === 'media');
      }
      ids = ids.filter((id) => this.citable(id, context.year));
      // "فاز قطر على المغرب": a country or a city playing a match is its team, not the place.
      if (ids.length > 0 && ids.every((id) => this.entities.get(id)!.type === 'place') && competitor(tokens, i, best.last, lastTeam) && sportsSentence(tokens, i, original)) {
        lastTeam = best.last;
        const team = ids.map(teamId).find((id) => this.entities.has(id));
        if (team === undefined) {
          i = best.last + 1;
          continue;
        }
        ids = [team];
      }
      const inOutlet = context.outlet !== undefined && start >= context.outlet.start && last.end <= context.outlet.end;
      if (inOutlet) {
        // The outlet line names the outlet ("الشرق الأوسط", "الرياض"), not the region or the city.
        ids = [...ids, ...best.alt].filter((id) => this.entities.get(id)!.kind === 'media');
      }
      // "طائرة بوينغ 737" is an aircraft; "كريستوفر سامبا" a player, not the bank; "وزير الخارجية الروسية" a minister.
      if (ids.length > 0) {
        const model = modelPosition(tokens, i);
        const surname = surnamePosition(tokens, i, best.last, best.prefix, original);
        const portfolio = portfolioPosition(tokens, i);
        if (model || surname || portfolio) {
          ids = ids.filter((id) => {
            const e = this.entities.get(id)!;
            if (e.type !== 'organisation') return true;
            return !(surname || (model && e.kind === 'company') || (portfolio && isMinistry(e)));
          });
        }
      }
      // "اتحاد طنجة", "أولمبيك خريبكة": a city in a club's name is the club's (the patterns find it), not the place.
      if (ids.length > 0 && ids.every((id) => this.entities.get(id)!.type === 'place') && clubCityPosition(tokens, i, original)) ids = [];
      // A given name is itself, not a clitic before a name: "كلاوس" is Klaus, not "ك" + Laos.
      if (best.prefix > 0 && best.last === i && isClearGivenName(t.text)) ids = [];
      if (ids.length === 0 || (!best.context && this.animalContext(tokens, i, best, original))) {
        i = best.last + 1;
        continue;
      }
      let id = this.choose(ids, tokens, i, original, start);
      let e = this.entities.get(id)!;
      if (e.type === 'person') {
        // The surname as the alias spells it: the last word, or the single word without its clitics ("والأسد" → الأسد).
        const surname = best.last > i ? last.text : best.form;
        if (best.last > i) {
          // A full name: its surname, alone, means this person for the rest of the article.
          surnames.set(surname, id);
          (surnameEndings ??= new EndingFilter([], 10)).add(surname);
        } else {
          // A surname alone ("الأسد") is the person last named in full with it ("حافظ الأسد … الأسد").
          const fullName = surnames.get(surname);
          if (fullName !== undefined && fullName !== id) e = this.entities.get((id = fullName))!;
        }
      }
      if (!best.context) named.add(id);
      if (e.type === 'person') lastPerson = best.last;
      lastEntity.id = id;
      lastEntity.end = best.last;
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

  /** The person whose surname token t is (its clitics stripped), among the full names met so far in this text. */
  private surnameAt(t: Token, surnames: ReadonlyMap<string, string>, endings: EndingFilter): { id: string; prefix: number } | undefined {
    // Every form a proclitic leaves ends as the word does: a word whose last three letters end no surname has none.
    if (!endings.mayMatchToken(t)) return undefined;
    if (surnames.has(t.text)) return isSurname(t.text) ? { id: surnames.get(t.text)!, prefix: 0 } : undefined;
    if (!mayHaveProclitic(t.text)) return undefined;
    const forms = proclitic(t.text);
    for (const f of forms) {
      const id = surnames.get(f.form);
      if (id === undefined || !isSurname(f.form)) continue;
      if (f.prefix > 0 && !f.form.startsWith('ال') && articleStripped(t.text, f.prefix)) continue;
      return { id, prefix: f.prefix };
    }
    return undefined;
  }

  /**
   * A law adopted or an organisation founded after the article's year is not what it names ("قيصر" in 2015 is not
   * the 2019 act; "ائتلاف المعارضة" in 2006 is not the 2012 Syrian coalition).
   */
  private citable(id: string, year: number | undefined): boolean {
    if (year === undefined) return true;
    const e = this.entities.get(id)!;
    if (e.type === 'organisation' && e.founded !== undefined) return e.founded <= year;
    if (e.type !== 'law' || !e.adopted) return true;
    return Number(e.adopted.slice(0, 4)) <= year;
  }

  /**
   * The entities of a context alias at token i that have their context: named in full before, or a title or
   * governing noun right before a person ("الرئيس بري", "نظام الأسد"), a place's noun ("مدينة العين"), an
   * organisation's ("نادي الهلال").
   */
  private withContext(tokens: readonly Token[], i: number, best: { last: number; prefix: number; form: string; ids: readonly string[] }, named: ReadonlySet<string>, lastPerson: number, original: string): string[] {
    const { ids, form } = best;
    // An outlet where outlets are named: "( الفرنسية )" is AFP, "مراسل الجزيرة" the channel.
    const media = ids.filter((id) => this.entities.get(id)!.kind === 'media');
    if (media.length > 0 && mediaPosition(tokens, i, best.last, best.prefix, best.form, original)) return media;
    // A short form that is a nationality ("السوداني") after a title is the title's adjective ("الرئيس السوداني"):
    // it names the person only after their full name. An agency's ("الفرنسية") is the agency only where outlets are named.
    if (NATIONALITY_ADJECTIVES.has(form)) return ids.filter((id) => named.has(id) && this.entities.get(id)!.kind !== 'media');
    // Next in a list of people: "و" (apart or joined) right after the last person named.
    const listed = (tokens[i - 1]?.text === 'و' && lastPerson === i - 2) || (tokens[i]!.text.startsWith('و') && lastPerson === i - 1);
    // A short form whose name goes on with "بن" is someone else's given name: "الأمير مشعل بن ماجد" is not خالد مشعل.
    const nasab = NASAB.has(tokens[i + 1]?.text ?? '');
    return ids.filter((id) => {
      const type = this.entities.get(id)!.type;
      if (nasab && type === 'person') return false;
      return named.has(id) || (listed && type === 'person') || this.typeContext(tokens, i, type);
    });
  }

  /** Whether the words around token i are those that name an entity of `type` by a short form. */
  private typeContext(tokens: readonly Token[], i: number, type: EntityType): boolean {
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (type === 'person') {
      // "الرئيس بري", "نظام الأسد", "الأميركية رايس", "وقال السنيورة", "… السنيورة قال".
      if (TITLE_CUE.has(before) || GOVERNOR_CUE.has(before) || NATIONALITY_CUE.has(before) || SAYING_CUE.has(before) || SAYING_CUE.has(after)) return true;
      // A title a few words back, only its words between: "الأمين العام للأمم المتحدة بان".
      for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
        const t = tokens[j]!;
        if (TITLE_CUE.has(t)) return true;
        if (!(t.text.startsWith('ال') || ROLE_CUE.has(t) || NATIONALITY_CUE.has(t) || DEFINITE_FORM.has(t))) break;
      }
      return false;
    }
    if (type === 'place') return PLACE_CUE.has(before); // "مدينة العين", "محافظة إب"
    if (type === 'organisation') return ORGANISATION_CUE.has(before); // "نادي الهلال", "صحيفة الرياض", "فريق الجزيرة"
    return false;
  }

  /** A single-word person alias among words of animals ("الأسد" in a zoo, "فهد" the cheetah): not the person. */
  private animalContext(tokens: readonly Token[], i: number, best: { last: number; form: string; ids: readonly string[] }, original: string): boolean {
    if (best.last !== i || !ANIMAL_NAMES.has(best.form) || !best.ids.some((id) => this.entities.get(id)!.type === 'person')) return false;
    const from = Math.max(0, i - 12);
    const to = Math.min(tokens.length - 1, i + 12);
    for (let j = from; j <= to; j++) {
      if (j === i) continue;
      if (SENTENCE_BREAK.test(original.slice(tokens[Math.min(i, j)]!.end, tokens[Math.max(i, j)]!.start))) continue;
      if (ANIMAL_CUE.has(tokens[j])) return true;
    }
    return false;
  }

  /** The longest alias starting at token i (the first token may carry clitics), from the word's `starts`. */
  private longestAt(tokens: readonly Token[], i: number, starts: readonly Start[]): { last: number; prefix: number; form: string; ids: string[]; context: boolean; alt: string[] } | undefined {
    let best: { last: number; prefix: number; form: string; ids: string[]; context: boolean; alt: string[] } | undefined;
    for (let f = 0; f < starts.length; f++) {
      const { form, prefix, node } = starts[f]!;
      let n: TrieNode | undefined = node;
      let j = i;
      while (n) {
        const plain = n.plain;
        const ctx = n.contextOnly;
        if ((plain || ctx) && (!best || j > best.last || (j === best.last && (prefix < best.prefix || (best.context && plain))))) {
          best = { last: j, prefix, form, ids: plain ? n.ids : n.ctx, context: ctx, alt: plain ? n.ctx : [] };
        }
        const nextToken = tokens[j + 1];
        if (!nextToken || n.leaf) break;
        n = n.next.get(nextToken.text);
        j++;
      }
    }
    return best;
  }

  /**
   * The forms of a word (clitics stripped) that start a name, with the trie node each reaches: worked out once
   * per distinct word (a corpus's vocabulary is small next to its text), then looked up.
   */
  private startsOf(token: Token): readonly Start[] {
    // Kept on the word's entry (held on the token: no lookup at all), for this recognizer: a recognizer replaced (the
    // user's entity file changed) works its words out again.
    if (!this.cacheStarts) return this.startsOfWord(token);
    const facts = token.facts;
    // The starts are this recognizer's own Start objects (see below), typed unknown in core/text.
    if (facts.startsOwner === this) return facts.starts as readonly Start[];
    facts.starts = this.startsOfWord(token);
    facts.startsOwner = this;
    return facts.starts as readonly Start[];
  }

  private startsOfWord(token: Token): readonly Start[] {
    if (!this.firstWords.mayMatchToken(token)) return NO_STARTS;
    const word: string = token.text;
    let starts: readonly Start[] = NO_STARTS;
    // Most words carry no proclitic: their only form is the word itself.
    for (const { form, prefix } of mayHaveProclitic(word) ? proclitic(word) : [{ form: word, prefix: 0 }]) {
      const node = this.root.next.get(form);
      // The article stripped from a name that has none: "القيصر" (the tsar) is not "قيصر", "الحماس" not "حماس".
      if (!node || (prefix > 0 && !node.definite && articleStripped(word, prefix))) continue;
      if (starts === NO_STARTS) starts = [];
      (starts as Start[]).push({ form, prefix, node });
    }
    return starts;
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

/** The id of a discovered person: one per folded name across the corpus. */
export function discoveredId(key: string): string {
  return `~${key}`;
}

/**
 * A discovered person as an entity, with the role the text gives them and the sentence that gives it (no role
 * when a given name alone told the name). `original` is the text the discovery was made in.
 */
export function discoveredEntity(d: Discovery, original?: string): Entity {
  const roles: Role[] = [];
  if (d.role) {
    const role: Role = { titleAr: d.role };
    if (original !== undefined) {
      const { start, end } = sentenceAround(original, Math.min(d.roleStart, d.start), Math.max(d.roleEnd, d.end));
      role.sentence = statementText(original, start, end);
    }
    roles.push(role);
  }
  return { id: discoveredId(d.key), type: 'person', nameAr: d.name, nameEn: '', aliases: [], roles, discovered: true };
}

/**
 * A name's folded words (as `tokenize` splits them) and its spellings: as written, joined and split where it has
 * "عبد" or "أبو" ("عبد الله" / "عبدالله"), each once. Kept for the names met before.
 */
const NAMES = new Map<string, { words: readonly string[]; variants: readonly (readonly string[])[] }>();
/** Names remembered before the table is forgotten whole (a corpus names fewer people). */
const MAX_NAMES = 50_000;

function nameOf(name: string, remember = true): { words: readonly string[]; variants: readonly (readonly string[])[] } {
  let known = NAMES.get(name);
  if (known === undefined) {
    const words = wordsOf(fold(name));
    const variants: (readonly string[])[] = [];
    if (words.length > 0) {
      const joined = joinCompound(words.join(' ')).split(' ');
      const split = words.flatMap((w) => (/^(عبد|ابو).{2,}/u.test(w) && !PARTICLES_ALONE.has(w) ? [w.slice(0, 3), w.slice(3)] : [w]));
      // The same words twice add nothing to the trie: each spelling once.
      for (const v of [words, joined, split]) if (!variants.some((u) => u.length === v.length && u.every((w, k) => w === v[k]))) variants.push(v);
    }
    known = { words, variants };
    if (!remember) return known;
    if (NAMES.size >= MAX_NAMES) NAMES.clear();
    NAMES.set(name, known);
  }
  return known;
}

/** The folded words of a name, as `tokenize` splits them. */
function nameWords(name: string): readonly string[] {
  return nameOf(name).words;
}

/** Longer than this, a surname alone is taken for the discovered person in the same article. */
const MIN_SURNAME = 3;

/** What known entity [start, end) overlaps, among `mentions` (in order, not overlapping each other): a binary search. */
function knownAtOf(mentions: readonly Mention[]): KnownAt {
  return (start, end) => {
    // The last mention starting before `end` is the only candidate.
    const lo = partitionPoint(0, mentions.length, (i) => mentions[i]!.start < end);
    return lo > 0 && mentions[lo - 1]!.end > start ? mentions[lo - 1]!.type : undefined;
  };
}

/** A discovered name's last word, when it can stand for the person alone: not a given name nor an ordinary word. */
function surnameOf(e: Entity, words: readonly string[] = nameWords(e.nameAr)): string | undefined {
  const last = words[words.length - 1]!;
  // A family name of two words whose last is also a given name: "عبدي قاسم صلاد حسن" is "صلاد حسن" alone.
  const before = words[words.length - 2];
  if (words.length >= 3 && GIVEN_NAMES.has(last) && before !== undefined && before.length >= MIN_SURNAME && !before.startsWith('ال') && !GIVEN_NAMES.has(before) && !PARTICLES.has(before) && !NOT_NAME.has(before) && !COMMON_NOUNS.has(before)) return `${before} ${last}`;
  if (words.length < 2 || last.length < MIN_SURNAME || GIVEN_NAMES.has(last) || NOT_NAME.has(last) || COMMON_NOUNS.has(last) || ORDINALS.has(last)) return undefined;
  // An ال-surname ("السنيورة") alone is the person only when a title named them: else it may be a noun ("البطولة").
  if (last.startsWith('ال') && (e.roles?.length ?? 0) === 0) return undefined;
  return last;
}

/**
 * An article's mentions: known entities, plus people discovered from title cues and given names — their
 * name where the cue stands, and later in the same article the full name again or the surname alone
 * ("… قال نجار"). `context` is what the article's parse knows (see RecognitionContext).
 */
export function recognizeArticle(recognizer: Recognizer, original: string, folded: FoldedText = foldWithMap(original), context: RecognitionContext = {}): { mentions: Mention[]; discovered: Entity[] } {
  const fromBase = recognizer.recognize(original, folded, context);
  // Organisations and laws by pattern ("وزارة الصحة العراقية", "القرار 2254") where the knowledge base names none.
  const baseAt = knownAtOf(fromBase);
  const patterned = findPatternEntities(original, folded, (start, end) => baseAt(start, end) !== undefined);
  const byId = new Map<string, Entity>();
  let known = fromBase;
  if (patterned.length > 0) {
    const lines = sharedLineIndex(original, folded);
    const found = patterned.map((p): Mention => {
      const id = `~${p.type === 'law' ? 'l' : 'o'}:${p.key}`;
      if (!byId.has(id)) byId.set(id, { id, type: p.type, nameAr: p.name, nameEn: '', aliases: [], kind: p.kind, discovered: true });
      return { entity: id, type: p.type, start: p.start, end: p.end, text: p.name, range: lines.range(p.start, p.end), snippet: snippetOf(original, lines, p.start, p.end) };
    });
    known = [...fromBase, ...found].sort((a, b) => a.start - b.start);
  }
  const knownAt = knownAtOf(known);
  const inOutlet = (d: Discovery): boolean => context.outlet !== undefined && d.start < context.outlet.end && d.end > context.outlet.start;
  const discoveries = discoverPeople(original, folded, knownAt).filter((d) => !inOutlet(d));
  // Known people named in full here: their surname alone means them anywhere in the article, before the full name
  // too (a headline's "رايس قالت …" above "وزيرة الخارجية الأمريكية كوندوليزا رايس"). The name as written; not an
  // ال-surname, which may be an adjective or a noun too ("العربي", "الصباح"): the recognizer takes those after the name.
  const namedInFull = new Map<string, Entity>();
  for (const m of fromBase) {
    if (m.type !== 'person' || namedInFull.has(m.entity)) continue;
    const words = nameWords(m.text);
    if (words.length < 2 || words[words.length - 1]!.startsWith('ال')) continue;
    if (recognizer.entities.has(m.entity)) namedInFull.set(m.entity, { id: m.entity, type: 'person', nameAr: m.text, nameEn: '', aliases: [] });
  }
  if (discoveries.length === 0 && namedInFull.size === 0) return { mentions: known, discovered: [...byId.values()] };
  for (const d of discoveries) {
    const e = byId.get(discoveredId(d.key));
    if (!e) byId.set(discoveredId(d.key), discoveredEntity(d, original));
    else if (d.role && !e.roles!.some((r) => r.titleAr === d.role)) e.roles!.push(...discoveredEntity(d, original).roles!);
  }
  // Surnames: the last word of each name, when no other name of a person here ends the same way.
  const people = [...byId.values(), ...namedInFull.values()].filter((e) => e.type === 'person').map((e) => ({ e, words: nameWords(e.nameAr) }));
  const surnames = new Map<string, string[]>();
  for (const { e, words } of people) {
    const last = surnameOf(e, words);
    if (last !== undefined) surnames.set(last, [...(surnames.get(last) ?? []), e.id]);
  }
  const contextOnly = new Set<string>();
  // A one-word name ("الرئيس بري") and an ال-surname ("السنيورة") are ordinary words too: alone, they need context.
  const local = new Recognizer(people.map(({ e, words }) => {
    const last = surnameOf(e, words);
    const surname = last !== undefined && surnames.get(last)?.length === 1 ? [last] : [];
    if (words.length === 1) contextOnly.add(e.id);
    return last?.startsWith('ال') ? { ...e, aliases: [], contextAliases: surname } : { ...e, aliases: surname };
  }), contextOnly, false);
  // A surname right after a given name is another person's full name ("جهاد مغنية", not Imad Mughniyeh).
  const afterGivenName = (m: Mention): boolean => {
    const before = /([\p{L}\p{M}]+)[ \t]+$/u.exec(original.slice(Math.max(0, m.start - 40), m.start));
    return !m.text.includes(' ') && before !== null && isClearGivenName(fold(before[1]!));
  };
  const found = local.recognize(original, folded).filter((m) => knownAt(m.start, m.end) === undefined && !afterGivenName(m));
  const mentions = [...known, ...found].sort((a, b) => a.start - b.start);
  return { mentions, discovered: [...byId.values()] };
}
