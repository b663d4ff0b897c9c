/**
 * Discovery of people the knowledge base does not know, as a reader finds them in news Arabic:
 * - after a title cue: "رئيس الوزراء البريطاني توني بلير", "وزير الخارجية الروسي، سيرغي لافروف",
 *   "السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف", "نائب وزير الخارجية “سيرغي فيرشينين”",
 *   "الرئيس شيراك" (one word after a strong title);
 * - from a given name of any origin followed by a surname: "جون ميجور", "فؤاد السنيورة", "خافيير سولانا", with the
 *   title after the name as its role ("جون ميجور رئيس وزراء بريطانيا");
 * - after a verb of saying, a name with its title after it ("وأكد مجذوب الخليفة مستشار الرئيس السوداني");
 * - after a royal title, a given name alone or a quoted name ("الملك عبدالله", "الإمبراطور “هوانج تي”").
 * The rules that end or reject a name are named in `RULES` (the unit tests switch them off one by one).
 * The role is kept as the text states it. Pure TypeScript.
 */
import { FoldedText, foldWithMap } from '../text/arabic';
import {
  AMBIGUOUS_GIVEN_NAMES,
  COMMON_NOUNS,
  FACILITY_HEADS,
  ORDINALS,
  GIVEN_NAMES,
  isClearGivenName,
  joinCompound,
  NATIONALITY_ADJECTIVES,
  NOT_NAME,
  PARTICLES,
  REGIONAL_GIVEN_NAMES,
  TA_MARBUTA_GIVEN_NAMES,
  ROLE_LINKS,
  ROLE_WORDS,
  SPEECH_VERBS,
  STRONG_TITLES,
  TITLE_HEADS,
  WEAK_TITLES,
} from './names';
import { EndingFilter, mayHaveProclitic, proclitic, Token, tokenize, WordClass } from '../text/tokenize';
import { factsOf, WordFacts } from '../text/wordFacts';

export interface Discovery {
  /** The name as written, and its range in the original text. */
  name: string;
  start: number;
  end: number;
  /** The folded name: the key that merges discoveries of the same person across articles. */
  key: string;
  /** The role as written ("نائب رئيس الوزراء الروسي"), and its range; empty when found by a given name alone. */
  role: string;
  roleStart: number;
  roleEnd: number;
  /** What told the name: a title before it, or a given name of the lexicon. */
  cue: 'title' | 'given-name';
}

/** What a known entity overlapping a range is, if any (the knowledge base wins over discovery). */
export type KnownAt = (start: number, end: number) => 'person' | 'organisation' | 'place' | 'law' | undefined;

const MAX_ROLE_WORDS = 10;
const MAX_NAME_WORDS = 4;

const COMMA = /[،,]/u;
const HARD_STOP = /[.!?؟:;؛()[\]»”\n]/u;
/** Punctuation between two words that ends a name. */
const NAME_BREAK = /[،,.!?؟:;؛()[\]«»“”"'\n\-–—/\u0640]/u; // a tatweel alone is a dash ("محمد ـ الخبر")
/** A quotation opening right after the title: the name is quoted ("نائب وزير الخارجية الروسي “سيرغي فيرشينين”"). */
const OPEN_QUOTE = /[“«"]/u;

const TITLE_HEAD_ENDINGS = new EndingFilter(TITLE_HEADS);
const GIVEN_ENDINGS = new EndingFilter(GIVEN_NAMES);
/** Royal and tribal titles, after which a given name alone is the person ("الملك حمد", "الأمير سلطان", "الشيخ زايد"). */
const ROYAL_TITLES = new Set(['الملك', 'الملكه', 'الامير', 'الاميره', 'الشيخ', 'الشيخه', 'السلطان', 'الامبراطور', 'الامبراطوره']);
/** Pronouns that join a title to its name: "المتحدث باسم الخارجية هو توم كايسي". */
const COPULAS = new Set(['هو', 'هي']);
/** Pronouns written apart from their noun in normalised text ("باسم ها"). */
const DETACHED_PRONOUNS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'نا']);

/**
 * The rules, by name. Every rule is on; the unit tests switch one off at a time to show that each
 * decides something on its own (see test/unit/discovery.test.ts).
 */
export const RULES = {
  /** A title, then a name: "رئيس الوزراء البريطاني توني بلير". */
  titleCue: true,
  /** A given name of the lexicon, then a surname: "جون ميجور", "فؤاد السنيورة". */
  givenNameCue: true,
  /** One word after a strong title ("الرئيس شيراك") or after a title of two words or more ("وزير الخارجية زيباري"). */
  singleWordAfterTitle: true,
  /** A word carrying a pronoun suffix ("بنظيرها", "ولايته", "حينها") is not part of a name. */
  pronounSuffixEnds: true,
  /** A word of the never-a-name list (function words, verbs of saying, time words) ends a name. */
  functionWordEnds: true,
  /** A present-tense verb ("يتحدث", "تقول") does not start a name. */
  verbDoesNotStart: true,
  /** A given name that is also an ordinary word ("علي"/"على", "سلام", "جمال") needs more evidence. */
  ambiguousGivenNeedsEvidence: true,
  /** "علي" written with ي may be the name; "على" written with ى is the preposition, never the name. */
  alifMaqsuraIsPreposition: true,
  /** An ال-word ends a name: "فؤاد السنيورة" but not "فؤاد السنيورة الوفد". */
  definiteWordEndsName: true,
  /** Words in a known place or organisation are not a name ("هونج كونج", "تل أبيض"). */
  knownEntityIsNotName: true,
  /** After a given name, the third word onwards must itself look like a name part. */
  thirdWordNeedsNameShape: true,
  /** A preposition inside a role ("لدى", "إلى", "في") takes its complement: the word after it is not a name. */
  linkTakesComplement: true,
  /** After an indefinite noun of a role ("عضو لجنة …", "رئيس …") only a given name starts a name. */
  indefiniteRoleNeedsGiven: true,
  /** A name after a facility's head ("مطار جون كنيدي", "جامعة فؤاد الأول") is the facility's. */
  facilityIsNotPerson: true,
  /** Plural and dual forms ("هاتفيين", "الأوروبيون") and adverbs in -يا ("رسميا") are not names. */
  pluralIsNotName: true,
  /** A given name then an ال-noun in -ة ("فهد البطولة") is not a name unless a title says so. */
  givenThenDefiniteNoun: true,
  /** One word after a title that ends in ا ("بيانا", "قادما", "ردا": accusatives) is not a name. */
  accusativeIsNotName: true,
};

/** The rules as they apply (tests may turn one off; the product never does). */
export type Rules = typeof RULES;

function gapOf(original: string, a: Token, b: Token): string {
  return original.slice(a.end, b.start);
}

/**
 * Whether the characters between tokens a and b hold one of `marks` (a pattern that never matches a space): a single
 * space, the gap between most words, is answered without cutting it out.
 */
function breakBetween(marks: RegExp, original: string, a: Token, b: Token): boolean {
  if (b.start - a.end === 1 && original.charCodeAt(a.end) === 0x20) return false;
  return marks.test(original.slice(a.end, b.start));
}

/** The word as written in the original text. */
function rawOf(original: string, t: Token): string {
  return original.slice(t.start, t.end);
}

/**
 * A word that carries a pronoun suffix in writing: "ولايته", "بنظيرها", "حينها", "رئاستهم". Names
 * rarely end so (the few that do, like "طه" or "عبدالله", end in a plain ه, which is not counted).
 */
export function hasPronounSuffix(raw: string): boolean {
  return /(?:ته|تها|تهم|تهما|ها|هم|هما|كم|كما|كن|هن)$/u.test(raw.replace(/[\u064b-\u0652\u0640]/gu, '')) && raw.length >= 4;
}

/** A folded word that is a nationality adjective, bare or with ال ("البريطاني", "أممي"), or one with a clitic ("والأميركي"). */
function isNationality(word: string): boolean {
  if (NATIONALITY_ADJECTIVES.has(word)) return true;
  return mayHaveProclitic(word) && proclitic(word).some((f) => f.prefix > 0 && NATIONALITY_ADJECTIVES.has(f.form));
}

/** A folded word of the never-a-name list, bare or behind its clitics ("وقال", "بأن", "ومعالي"). */
function isFunctionWord(word: string): boolean {
  if (NOT_NAME.has(word)) return true;
  return mayHaveProclitic(word) && proclitic(word).some((f) => f.prefix > 0 && NOT_NAME.has(f.form));
}

function isTitleWord(word: string): boolean {
  if (TITLE_HEADS.has(word) || ROLE_WORDS.has(word)) return true;
  return mayHaveProclitic(word) && proclitic(word).some((f) => TITLE_HEADS.has(f.form) || ROLE_WORDS.has(f.form));
}

/** Context shared by the rules for one text. */
interface Scan {
  original: string;
  tokens: readonly Token[];
  knownAt: KnownAt;
  rules: Rules;
  /** While a name is read after a title of two words or more: a ت-word may start it ("تاكسين شيناواترا"). */
  longTitle?: boolean;
}

/** "علي" as written (not "على") is the given name, though it folds as the preposition does. */
function spelledAsName(s: Scan, t: Token): boolean {
  return s.rules.alifMaqsuraIsPreposition && GIVEN_NAMES.has(t.text) && /ي$/u.test(rawOf(s.original, t));
}

/** Whether token t can be a word of a name; `first` for the name's first word. */
/** What the lexicons say of a folded word, as bits (see `lexicalOf`). */
const LETTERS = 1;
const GIVEN = 2;
const FUNCTION = 4;
const CLEAR_GIVEN = 8;
const TITLE = 16;
const WEAK_TITLE = 32;
const ROLE = 64;
const NOT_A_NAME_NOUN = 128;
const SPEECH = 256;

/** The lexical bits of a folded word, worked out once per word (see `lexicalBits`). */
function lexicalOf(w: string, known?: WordFacts): number {
  const facts = known ?? factsOf(w);
  if (facts.bits < 0) facts.bits = lexicalBits(w);
  return facts.bits;
}

function lexicalBits(w: string): number {
  let bits = 0;
  if (/^[\u0621-\u064a]+$/u.test(w)) bits |= LETTERS;
  if (GIVEN_NAMES.has(w)) bits |= GIVEN;
  if (isFunctionWord(w)) bits |= FUNCTION;
  if (isClearGivenName(w)) bits |= CLEAR_GIVEN;
  if (isTitleWord(w)) bits |= TITLE;
  if (WEAK_TITLES.has(w)) bits |= WEAK_TITLE;
  if (ROLE_WORDS.has(w)) bits |= ROLE;
  if (isNationality(w) || COMMON_NOUNS.has(w) || (mayHaveProclitic(w) && proclitic(w).some((f) => f.prefix > 0 && COMMON_NOUNS.has(f.form)))) bits |= NOT_A_NAME_NOUN;
  if (proclitic(w).some((f) => SPEECH_VERBS.has(f.form))) bits |= SPEECH;
  return bits;
}

function isNameWord(s: Scan, t: Token, first: boolean): boolean {
  const w = t.text;
  const lex = lexicalOf(w, t.facts);
  if ((lex & LETTERS) === 0) return false; // letters only: no digits, no Latin
  if (w.length < 2 && !PARTICLES.has(w)) return false;
  if (DETACHED_PRONOUNS.has(w)) return false; // "بريق ها": a pronoun written apart
  const given = (lex & GIVEN) !== 0;
  const raw = rawOf(s.original, t);
  if (s.rules.alifMaqsuraIsPreposition && /ى$/u.test(raw) && NOT_NAME.has(w)) return false; // "على", "إلى", "حتى"
  if (s.rules.functionWordEnds && (lex & FUNCTION) !== 0 && (lex & CLEAR_GIVEN) === 0 && !spelledAsName(s, t)) return false;
  if ((lex & TITLE) !== 0 && !given && (first || (lex & WEAK_TITLE) === 0)) return false; // "ناصر الشاعر": a surname
  if ((lex & ROLE) !== 0 && !first) return false; // "… عبدالعزيز ولي العهد", "… أمير المنطقة": a title, though a given name too
  // ب/ل + a masdar or participle ("بإجمالي", "بمبلغ", "لإعادة", "لتحقيق"): no name starts so.
  if (!given && w.length >= 5 && (/^[بلفك][إأ]/u.test(raw) || (first && /^[بل][مت]/u.test(raw)))) return false;
  if ((lex & NOT_A_NAME_NOUN) !== 0) return false;
  if (s.rules.pronounSuffixEnds && !given && hasPronounSuffix(raw)) return false;
  if (s.rules.knownEntityIsNotName) {
    const k = s.knownAt(t.start, t.end);
    if (k !== undefined && k !== 'person') return false;
  }
  if (s.rules.pluralIsNotName && !given && /(يين|يون|ين|ات)$/u.test(w) && w.length >= 6 && isPluralShape(w)) return false;
  if (first) {
    if (w.startsWith('ال') && !given) return false;
    if (ORDINALS.has(w)) return false;
    if (s.rules.verbDoesNotStart && !given && ((/^[يت]/u.test(w) && !/^تش/u.test(w) && w.length >= 4 && !(s.longTitle && w.startsWith('ت'))) || (/^س[يتن]/u.test(w) && w.length >= 6) || (/^است/u.test(w) && w.length >= 5))) return false;
    if (PARTICLES.has(w) && !/^(عبد|ابو|دي|دو|دا|فون|فان|لا|لو)$/u.test(w)) return false; // "بن محمد …" starts no name
    if (/ة$/u.test(raw) && !given) return false; // "وزارة", "الخارجية": nouns and adjectives
  } else if (/ة$/u.test(raw) && !given && !w.startsWith('ال')) {
    return false; // an indefinite -ة noun after a name ("بلير مرة") is not a surname; "السنيورة" is
  }
  if (w.startsWith('و') && !given && w.length >= 3 && !PARTICLES.has(w)) {
    // "… ومنصور": a second person or a conjunction ("وكأس"); a name may start with و (وليد, وانغ) when known
    return false;
  }
  if (/^(لل|بال|كال|فال|وال)/u.test(w) && !given) return false; // للشؤون، بالرئيس
  return true;
}

/** Plural and dual endings of nisba adjectives and nouns ("هاتفيين", "الأوروبيون", "اتصالين"), not of names. */
function isPluralShape(w: string): boolean {
  return /(يين|يون)$/u.test(w) || /^(ال)?[^ ]{3,}(ين)$/u.test(w) && /(الين|اين|يين)$/u.test(w);
}

/** A title head at token i (clitics allowed: "ونائب", "لنائب رئيس الوزراء"), with the clitic's length. */
function titleHeadAt(tokens: readonly Token[], i: number): { form: string; prefix: number } | undefined {
  const facts = tokens[i]!.facts;
  if (facts.head === undefined) facts.head = titleHeadOf(facts.word);
  return facts.head ?? undefined;
}

function titleHeadOf(word: string): { form: string; prefix: number } | null {
  if (!TITLE_HEAD_ENDINGS.mayMatch(word)) return null;
  if (TITLE_HEADS.has(word)) return { form: word, prefix: 0 };
  if (!mayHaveProclitic(word)) return null;
  return proclitic(word).find((f) => TITLE_HEADS.has(f.form) && f.prefix > 0 && (!f.form.startsWith('ال') || word.startsWith('لل') || /^[وف]ال/u.test(word))) ?? null;
}

/** The name's words from k: how far it runs (at most four words), by the rules that end a name. */
function extendName(s: Scan, k: number, afterGiven: boolean, titled = false): number {
  const { tokens, original } = s;
  let to = k;
  // A name that starts with its ال-surname ("… الخطيب") ends there.
  if (s.rules.definiteWordEndsName && tokens[k]!.text.startsWith('ال') && !GIVEN_NAMES.has(tokens[k]!.text) && k > 0 && !PARTICLES.has(tokens[k - 1]!.text)) return k;
  while (to + 1 < tokens.length && to - k + 1 < MAX_NAME_WORDS) {
    const g = gapOf(original, tokens[to]!, tokens[to + 1]!);
    if (NAME_BREAK.test(g)) break;
    const next = tokens[to + 1]!;
    // "الله" is a name's only after "عبد" written apart ("عبد الله غل"); elsewhere it ends one ("رضوان الله").
    if (!isNameWord(s, next, false) && !(next.text === 'الله' && tokens[to]!.text === 'عبد')) break;
    const words = to - k + 1;
    if (s.rules.thirdWordNeedsNameShape && afterGiven && words >= 2) {
      // A third word must itself be a name part: a given name, a particle or what follows one, or an ال-surname.
      const prev = tokens[to]!.text;
      const shaped = GIVEN_NAMES.has(next.text) || PARTICLES.has(next.text) || PARTICLES.has(prev) || next.text.startsWith('ال');
      // After a title a third word may be a surname's part ("فيليب دوست بلازي") when the name closes right after it.
      if (!shaped && !(titled && closes(s, to + 1))) break;
    }
    // An ال-word is a surname second, or after a given name or a particle ("علي عبدالله الصالح"), not after two unknown words.
    // After a patronymic ("ماجد بن عبدالله الحقيل") the ال-word is the family name.
    const patronymic = to - 1 >= k && PARTICLES.has(tokens[to - 1]!.text);
    if (next.text.startsWith('ال') && words >= 2 && !ORDINALS.has(next.text) && !PARTICLES.has(tokens[to]!.text) && !patronymic) break;
    to++;
    // An ال-word closes a name (its surname: "السنيورة"), unless a particle leads it ("آل سعود", "عبد الرحمن").
    if (s.rules.definiteWordEndsName && tokens[to]!.text.startsWith('ال') && !PARTICLES.has(tokens[to - 1]!.text) && tokens[to]!.text !== 'ال') break;
  }
  while (to > k && PARTICLES.has(tokens[to]!.text)) to--; // a trailing "بن" or "أبو" is not the end of a name
  return to;
}

/** Whether the word after `to` closes a name: punctuation, a function word, a verb, a title, the end. */
function closes(s: Scan, to: number): boolean {
  const next = s.tokens[to + 1];
  if (!next) return true;
  if (next.text.length === 1) return true; // a clitic written apart ("الملك عبدالله و الرئيس …")
  if (breakBetween(NAME_BREAK, s.original, s.tokens[to]!, next)) return true;
  const w = next.text;
  return (lexicalOf(w, next.facts) & (FUNCTION | TITLE)) !== 0 || isNationality(w) || /^[وف]?(قال|اكد|اشار|اضاف|اوضح|اعلن)/u.test(w) || hasPronounSuffix(rawOf(s.original, next)) || /^[يت]/u.test(w);
}

/**
 * After the title head at `h`: the name's first and last tokens, or undefined when none is clear.
 * The role runs over ال-words, -ة nouns, nationality adjectives, known places and organisations, and
 * linking words ("لدى", "في") with their complement; the name starts at the first word that can start one.
 */
function nameAfterTitle(s: Scan, h: number, headForm: string): { nameFrom: number; nameTo: number } | undefined {
  const { tokens, original } = s;
  /** Whether the role so far ends definite (the head with ال, an ال-word, a known entity, a nationality): a name may follow. */
  let definite = headForm.startsWith('ال') || STRONG_TITLES.has(headForm);
  /** The previous word was a linking preposition: this one is its complement. */
  let complement = false;
  for (let k = h + 1; k <= h + MAX_ROLE_WORDS && k < tokens.length; k++) {
    const t = tokens[k]!;
    const gap = gapOf(original, tokens[k - 1]!, t);
    s.longTitle = k > h + 1 && definite;
    if (HARD_STOP.test(gap)) return undefined; // the role ran into a sentence end or a quotation's end
    if (/\d/u.test(t.text)) return undefined; // a date or a figure: not a title
    const known = s.knownAt(t.start, t.end);
    if (known === 'person') return undefined; // "الرئيس أوباما …": the title is theirs
    const quoted = OPEN_QUOTE.test(gap);
    if (quoted && k === h + 1) {
      // "الإمبراطور “هوانج تي”", "الأمير “فان”": a royal title's quoted name; "الرئيس “سوريا أولاً”" is a slogan.
      const name = ROYAL_TITLES.has(headForm) ? quotedName(s, k) : undefined;
      return name === undefined ? undefined : { nameFrom: k, nameTo: name };
    }
    if (known !== undefined) {
      // "وزير خارجية بريطانيا …", "المبعوث الخاص للأمم المتحدة …": a known place or body is part of the role.
      definite = true;
      complement = false;
      continue;
    }
    const afterComma = COMMA.test(gap);
    // A word of titles ("باسم", "لشؤون", "الخاص") is the role's, though it may be a given name too ("باسم"); so are a
    // pronoun written apart ("باسم ها") and "غير" before an ال-word ("السفير غير المقيم").
    // A clitic written apart ("سفير كراكاس ب دمشق") takes its complement, as a preposition does.
    if (!afterComma && t.text.length === 1 && /[بلك]/u.test(t.text)) {
      complement = s.rules.linkTakesComplement;
      continue;
    }
    if (!afterComma && (ROLE_WORDS.has(t.text) || DETACHED_PRONOUNS.has(t.text) || COPULAS.has(t.text) || (t.text === 'غير' && tokens[k + 1]?.text.startsWith('ال')))) {
      // A copula or a pronoun leaves the role as it was ("المتحدث باسم الخارجية هو …").
      if (!COPULAS.has(t.text) && !DETACHED_PRONOUNS.has(t.text)) definite = t.text.startsWith('ال');
      complement = false;
      continue;
    }
    if ((lexicalOf(t.text, t.facts) & FUNCTION) !== 0 && !afterComma && !ROLE_WORDS.has(t.text) && !spelledAsName(s, t)) {
      // A linking word inside the role ("المبعوث الأممي الخاص إلى سوريا") is fine; a verb or "أن" ends it.
      if (ROLE_LINKS.has(t.text)) {
        complement = s.rules.linkTakesComplement;
        continue;
      }
      return undefined;
    }
    // "عبد الرحمن", "أبو مازن": a compound written apart opens a name as a given name does.
    const given = GIVEN_NAMES.has(t.text) || ((t.text === 'عبد' || t.text === 'ابو') && k + 1 < tokens.length);
    if (complement && !afterComma) {
      // The complement of "لدى", "إلى", "في": a place or a body, not the name ("رئيس وزراء بريطانيا إلى هونج كونج").
      complement = false;
      if (!isRoleWord(s, t) && !given) return undefined;
      definite = true;
      continue;
    }
    if (!isNameWord(s, t, true)) {
      if (afterComma) return undefined; // "الرئيس الروسي، الذي …"
      // Only the words of a title go on: "الخارجية", "وزارة", "لشؤون", "البريطاني"; anything else ends it ("الشيخ يوضح …").
      if (!isRoleWord(s, t)) return undefined;
      definite = t.text.startsWith('ال') || isNationality(t.text) || proclitic(t.text).some((f) => f.form.startsWith('ال') && f.prefix > 0);
      continue;
    }
    // "عضو الاتحاد العربي لعلوم الفضاء", "المدير السابق لجهاز الاستخبارات": ل/ب + a noun + an ال-word is the role's.
    const nextToken = tokens[k + 1];
    if (!given && /^[لب]/u.test(t.text) && nextToken && !breakBetween(NAME_BREAK, original, t, nextToken) && (nextToken.text.startsWith('ال') || s.knownAt(nextToken.start, nextToken.end) !== undefined)) {
      definite = false;
      continue;
    }
    // "رئيس اللجنة الإشرافية لسوق عكاظ": after a role of two words, ل + a noun is the role's genitive, not a name.
    if (!given && k > h + 1 && /^ل[^ا]/u.test(t.text) && !afterComma) {
      complement = true;
      continue;
    }
    // "عضو لجنة إعداد …": after an indefinite noun, its complement; only a given name starts a name there.
    if (s.rules.indefiniteRoleNeedsGiven && !definite && !given && !afterComma) {
      if (!isRoleWord(s, t)) return undefined;
      definite = false;
      continue;
    }
    // A title of two words or more (a pronoun written apart is no word of it: "مساعد ه مصرع" is no title).
    let roleWords = 0;
    for (let j = h + 1; j < k; j++) if (!DETACHED_PRONOUNS.has(tokens[j]!.text)) roleWords++;
    const titled = roleWords > 0 || STRONG_TITLES.has(headForm);
    const to = extendName(s, k, given, titled);
    // A function word or common noun that is also a given name ("علي هامش", "ان …") opens a name after a title only
    // before a given name or a particle; other ambiguous names ("دانا", "جون") are names after a title.
    const ordinary = NOT_NAME.has(t.text) || COMMON_NOUNS.has(t.text);
    if (s.rules.ambiguousGivenNeedsEvidence && ordinary && AMBIGUOUS_GIVEN_NAMES.has(t.text) && to > k && !afterComma && !GIVEN_NAMES.has(tokens[k + 1]!.text) && !PARTICLES.has(tokens[k + 1]!.text)) return undefined;
    if (to === k) {
      // One word: a name only after a strong or a long title, and when the word after it closes the name.
      if (!s.rules.singleWordAfterTitle) return undefined;
      if (WEAK_TITLES.has(headForm) && !isClearGivenName(t.text)) return undefined;
      if (!titled || t.text.length < 3 || !closes(s, to)) return undefined;
      // An ambiguous given name alone ("الرئيس صالح" aside, "الوزير سلام"?) only after a royal title ("الملك حمد", "الأمير سلطان").
      if (s.rules.ambiguousGivenNeedsEvidence && AMBIGUOUS_GIVEN_NAMES.has(t.text) && !afterComma && (ordinary || !STRONG_TITLES.has(headForm))) return undefined;
      if (s.rules.accusativeIsNotName && !given && /ا$/u.test(t.text)) return undefined;
      if (s.rules.verbDoesNotStart && !given && /^[يت]/u.test(t.text) && !/^تش/u.test(t.text) && t.text.length >= 4) return undefined; // "السفير الروسي تحدث"
      // A given name alone is a person only after a royal title ("الملك عبدالله", "الأمير سلطان"); after another
      // ("مدير المكتب الرئيس … يوسف الخميس") the name was cut short, and one given name would merge many people.
      if (given && !ROYAL_TITLES.has(headForm)) return undefined;
      return { nameFrom: k, nameTo: to };
    }
    if (WEAK_TITLES.has(headForm) && !given && k === h + 1) return undefined; // "رجل أعمال …"
    // Accusatives all through ("شن الأمين العام هجوما عنيفا"): an object, not a name.
    if (s.rules.accusativeIsNotName && !given && tokens.slice(k, to + 1).every((w) => /ا$/u.test(w.text))) return undefined;
    // After a comma or a title of two words or more the cue is strong; after a bare head the name must close.
    if (afterComma && k > h + 1) return { nameFrom: k, nameTo: to };
    const lastDefinite = tokens[to]!.text.startsWith('ال');
    if (titled && (closes(s, to) || lastDefinite || to - k + 1 >= 2 && given)) return { nameFrom: k, nameTo: to };
    // Two words after a title of two words or more that ends definite ("وزير خارجية إسرائيل السابق سلفان شالوم").
    if (k > h + 1 && definite && to - k + 1 === 2) return { nameFrom: k, nameTo: to };
    // A known given name with no clear end: keep two words ("الملك عبدالله الثاني بدعم …" → عبدالله الثاني).
    if (given) return { nameFrom: k, nameTo: Math.min(to, k + 1 + (PARTICLES.has(tokens[k + 1]!.text) ? 1 : 0)) };
    return undefined;
  }
  return undefined;
}

/** A quoted name from token k: up to three name words before the closing quote, or undefined. */
function quotedName(s: Scan, k: number): number | undefined {
  const { tokens, original } = s;
  let to = k;
  while (to - k < 3) {
    const next = tokens[to + 1];
    if (!next) return undefined;
    const g = gapOf(original, tokens[to]!, next);
    if (/[”»"]/u.test(g)) break;
    if (NAME_BREAK.test(g)) return undefined;
    to++;
  }
  if (!/[”»"]/u.test(original.slice(tokens[to]!.end, (tokens[to + 1] ?? tokens[to]!).start + 1))) return undefined;
  // Inside the quotes any word of letters is the name's ("الإمبراطورة “هي سي شي”"), but not a title.
  for (let j = k; j <= to; j++) if (!/^[\u0621-\u064a]+$/u.test(tokens[j]!.text) || isTitleWord(tokens[j]!.text)) return undefined;
  return to;
}

/** A word a title may hold between its head and the name. */
function isRoleWord(s: Scan, t: Token): boolean {
  const raw = rawOf(s.original, t);
  if (t.text.startsWith('ال') || /ة$/u.test(raw) || isNationality(t.text)) return true;
  return ROLE_FORM.has(t);
}
const ROLE_FORM = new WordClass((form) => form.startsWith('ال') || ROLE_WORDS.has(form) || TITLE_HEADS.has(form) || ROLE_LINKS.has(form));

/** Whether the word before token i is a facility's head ("مطار", "جامعة", "شارع"), bare or with its clitics. */
function afterFacility(s: Scan, i: number): boolean {
  const before = s.tokens[i - 1];
  if (!before || breakBetween(NAME_BREAK, s.original, before, s.tokens[i]!)) return false;
  return FACILITY.has(before);
}
const FACILITY = WordClass.of(FACILITY_HEADS);

/**
 * A name opened by a given name at token i ("جون ميجور", "وفؤاد السنيورة"): the given name may carry
 * و/ف/ب/ل; returns the name's tokens and the clitic's length, or undefined.
 */
function nameFromGiven(s: Scan, i: number): { nameFrom: number; nameTo: number; prefix: number } | undefined {
  const { tokens } = s;
  const t = tokens[i]!;
  const given = givenIn(t.text, t);
  if (!given) return undefined;
  const { word, prefix } = given;
  // The cheapest tests first: a name needs a next word, with nothing between.
  const next = tokens[i + 1];
  if (!next || breakBetween(NAME_BREAK, s.original, t, next)) return undefined;
  if (s.rules.ambiguousGivenNeedsEvidence && AMBIGUOUS_GIVEN_NAMES.has(word) && (NOT_NAME.has(word) || COMMON_NOUNS.has(word)) && !PARTICLES.has(next.text) && !(GIVEN_NAMES.has(next.text) && !AMBIGUOUS_GIVEN_NAMES.has(next.text))) return undefined;
  const raw = rawOf(s.original, t);
  // "عائده" (its revenue) is not "عائدة" (the name): a name written with ة, here with ه and a pronoun.
  if (TA_MARBUTA_GIVEN_NAMES.has(word) && /ه$/u.test(raw)) return undefined;
  if (PARTICLES.has(word) && !/^(عبد|ابو)$/u.test(word)) return undefined; // "بن زايد" is the end of a name, not its start
  // A title or a facility that is also a given name ("ولي العهد", "دوري عبداللطيف جميل", "أمير المنطقة") opens no name.
  if (ROLE_WORDS.has(word) || FACILITY_HEADS.has(word) || TITLE_HEADS.has(word)) return undefined;
  if (s.rules.alifMaqsuraIsPreposition && /ى$/u.test(raw) && NOT_NAME.has(word)) return undefined;
  if (s.rules.facilityIsNotPerson && afterFacility(s, i)) return undefined;
  if (s.rules.knownEntityIsNotName && s.knownAt(t.start, t.end) !== undefined) return undefined;
  // "سلمان بن عبدالعزيز آل سعود": a given name right after a known person's name continues it.
  const before = tokens[i - 1];
  if (s.rules.knownEntityIsNotName && before && !breakBetween(NAME_BREAK, s.original, before, t) && (s.knownAt(before.start, before.end) === 'person' || PARTICLES.has(before.text))) return undefined;
  if (!isNameWord(s, next, false)) return undefined;
  if (s.rules.givenThenDefiniteNoun && next.text.startsWith('ال') && /ة$/u.test(rawOf(s.original, next))) return undefined;
  // A Western or Asian given name takes no Arabic ال-surname: "راوول الهدف" is a player and a goal.
  if (next.text.startsWith('ال') && !REGIONAL_GIVEN_NAMES.has(word)) return undefined;
  const to = extendName(s, i, true);
  if (s.rules.ambiguousGivenNeedsEvidence && AMBIGUOUS_GIVEN_NAMES.has(word)) {
    // A function word or a common noun first ("ان", "لما") is a name only before a given name or a particle.
    const clear = PARTICLES.has(next.text) || (GIVEN_NAMES.has(next.text) && !AMBIGUOUS_GIVEN_NAMES.has(next.text));
    if ((NOT_NAME.has(word) || COMMON_NOUNS.has(word)) && !clear) return undefined;
    // "علي عبدالله صالح", "سعيد بن …": the next word is a given name or a particle; or a verb of saying
    // stands before the name ("وقال مارك ريجيف"), or a title right after it ("جون ميجور رئيس وزراء بريطانيا").
    const named = PARTICLES.has(next.text) || (GIVEN_NAMES.has(next.text) && !AMBIGUOUS_GIVEN_NAMES.has(next.text));
    // A verb of saying introduces a name, not a word with و before it ("أكد وجود قطار"); an ambiguous name behind a
    // clitic ("وجود النظام": existence) needs a given name or a particle after it.
    if (!named && (prefix > 0 || (!speechBefore(s, i) && appositiveAfter(s, to) === undefined))) return undefined;
  }
  return { nameFrom: i, nameTo: to, prefix };
}

function givenIn(text: string, token?: Token): { word: string; prefix: number } | undefined {
  const facts = token ? token.facts : factsOf(text);
  if (facts.given === undefined) facts.given = givenOf(text);
  return facts.given ?? undefined;
}

function givenOf(text: string): { word: string; prefix: number } | null {
  if (!GIVEN_ENDINGS.mayMatch(text)) return null; // most words end as no given name does
  // "وولي عهده" is و + ولي (a title), not the name Woolley: a word that is و/ف + a title or a function word is that.
  const rest = /^[وف]/u.test(text) ? text.slice(1) : '';
  if (rest && (ROLE_WORDS.has(rest) || TITLE_HEADS.has(rest) || NOT_NAME.has(rest) || COMMON_NOUNS.has(rest))) return null;
  if (GIVEN_NAMES.has(text)) return { word: text, prefix: 0 };
  if (!mayHaveProclitic(text)) return null;
  const f = proclitic(text).find((x) => x.prefix > 0 && x.prefix <= 2 && !x.form.startsWith('ال') && GIVEN_NAMES.has(x.form));
  return f ? { word: f.form, prefix: f.prefix } : null;
}

/** Whether a verb of saying stands right before token i ("وقال", "و قال", "أعلن"). */
function speechBefore(s: Scan, i: number): boolean {
  const before = s.tokens[i - 1];
  if (!before || (lexicalOf(before.text, before.facts) & SPEECH) === 0) return false;
  return !breakBetween(NAME_BREAK, s.original, before, s.tokens[i]!);
}

/**
 * A title right after a name ("جون ميجور رئيس وزراء بريطانيا", "مجذوب الخليفة، مستشار الرئيس"): the title's
 * first and last tokens, or undefined. The title runs as a role does (ال-words, -ة nouns, nationalities).
 */
function appositiveAfter(s: Scan, to: number): { from: number; to: number } | undefined {
  const { tokens, original } = s;
  const first = tokens[to + 1];
  if (!first || breakBetween(HARD_STOP, original, tokens[to]!, first)) return undefined;
  if (!titleHeadAt(tokens, to + 1)) return undefined;
  let last = to + 1;
  while (last + 1 < tokens.length && last - to < MAX_ROLE_WORDS) {
    const next = tokens[last + 1]!;
    if (breakBetween(NAME_BREAK, original, tokens[last]!, next)) break;
    const known = s.knownAt(next.start, next.end);
    if (known === 'person') break;
    if (known === undefined && !isRoleWord(s, next) && !ROLE_LINKS.has(next.text)) break;
    last++;
  }
  while (last > to + 1 && ROLE_LINKS.has(tokens[last]!.text)) last--;
  return { from: to + 1, to: last };
}

/**
 * People named after a title cue or from a given name. `knownAt(start, end)` tells what known entity
 * (if any) is named there: a title that runs into a known person is theirs ("الرئيس أوباما"), and a
 * name overlapping a known entity is not a discovery.
 */
export function discoverPeople(original: string, foldedText: FoldedText = foldWithMap(original), knownAt: KnownAt = () => undefined, rules: Rules = RULES): Discovery[] {
  const tokens = tokenize(original, foldedText);
  const s: Scan = { original, tokens, knownAt, rules };
  const out: Discovery[] = [];
  /** Whether a known entity overlaps a word of tokens[from, to]. */
  const overlapsKnown = (from: number, to: number): boolean => {
    if (!rules.knownEntityIsNotName) return false;
    for (let j = from; j <= to; j++) if (knownAt(tokens[j]!.start, tokens[j]!.end) !== undefined) return true;
    return false;
  };
  let i = 0;
  while (i < tokens.length) {
    const head = rules.titleCue ? titleHeadAt(tokens, i) : undefined;
    if (head) {
      const found = nameAfterTitle(s, i, head.form);
      s.longTitle = false;
      if (found) {
        const first = tokens[found.nameFrom]!;
        // A name that starts with the conjunction ("وولي عهده") or a facility ("سوق عكاظ") is none.
        const badStart = (/^[وف]/u.test(first.text) && !GIVEN_NAMES.has(first.text)) || (rules.facilityIsNotPerson && FACILITY_HEADS.has(first.text));
        if (!badStart && !overlapsKnown(found.nameFrom, found.nameTo) && !(rules.facilityIsNotPerson && (afterFacility(s, found.nameFrom) || afterFacility(s, i)))) {
          const headToken = tokens[i]!;
          // Drop the clitics before the title; "للمبعوث" (ل + المبعوث, its alef elided) keeps "مبعوث".
          const prefix = headToken.text.startsWith('لل') && head.form.startsWith('ال') ? 2 : head.prefix;
          const roleStart = prefix === 0 ? headToken.start : foldedText.starts[headToken.folded + prefix]!;
          const roleEnd = tokens[found.nameFrom - 1]!.end;
          out.push(discovery(original, tokens, found.nameFrom, found.nameTo, first.start, { role: original.slice(roleStart, roleEnd), roleStart, roleEnd, cue: 'title' }));
        }
        i = found.nameTo + 1;
        continue;
      }
    }
    if (rules.givenNameCue) {
      const found = nameFromGiven(s, i);
      if (found && found.nameTo > found.nameFrom) {
        const t = tokens[i]!;
        const start = found.prefix === 0 ? t.start : foldedText.starts[t.folded + found.prefix]!;
        if (!overlapsKnown(found.nameFrom + 1, found.nameTo)) {
          // A title right after the name is the role the text gives ("جون ميجور رئيس وزراء بريطانيا").
          const title = appositiveAfter(s, found.nameTo);
          const role = title ? { role: original.slice(tokens[title.from]!.start, tokens[title.to]!.end), roleStart: tokens[title.from]!.start, roleEnd: tokens[title.to]!.end } : { role: '', roleStart: start, roleEnd: start };
          out.push(discovery(original, tokens, found.nameFrom, found.nameTo, start, { ...role, cue: 'given-name' }, found.prefix));
        }
        i = found.nameTo + 1;
        continue;
      }
    }
    if (rules.titleCue && rules.givenNameCue) {
      // "وأكد مجذوب الخليفة مستشار الرئيس السوداني": a verb of saying, two name words and the title after them.
      const found = speakerWithTitle(s, i);
      if (found && !overlapsKnown(i, found.to)) {
        const title = found.title;
        out.push(discovery(original, tokens, i, found.to, tokens[i]!.start, { role: original.slice(tokens[title.from]!.start, tokens[title.to]!.end), roleStart: tokens[title.from]!.start, roleEnd: tokens[title.to]!.end, cue: 'title' }));
        i = found.to + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** At token i, after a verb of saying: a name of two or three words with a title right after it, or undefined. */
function speakerWithTitle(s: Scan, i: number): { to: number; title: { from: number; to: number } } | undefined {
  if (!speechBefore(s, i)) return undefined;
  const t = s.tokens[i]!;
  if (!isNameWord(s, t, true) || t.text.startsWith('ال')) return undefined;
  const to = extendName(s, i, GIVEN_NAMES.has(t.text));
  if (to === i) return undefined;
  const title = appositiveAfter(s, to);
  return title && { to, title };
}

function discovery(original: string, tokens: readonly Token[], from: number, to: number, start: number, role: Pick<Discovery, 'role' | 'roleStart' | 'roleEnd' | 'cue'>, prefix = 0): Discovery {
  const words = tokens.slice(from, to + 1).map((t) => t.text);
  if (prefix > 0) words[0] = words[0]!.slice(prefix);
  const end = tokens[to]!.end;
  return { name: original.slice(start, end), start, end, key: keyOf(words), ...role };
}

/** The folded name as one key: "عبد الرحمن" and "عبدالرحمن" are one name. */
export function keyOf(words: readonly string[]): string {
  return joinCompound(words.join(' '));
}
