/**
 * Organisations and laws the knowledge base does not know, found by pattern in news Arabic: a head noun
 * ("وزارة", "حزب", "حركة", "قانون", "اتفاقية" …) and the genitive/adjective chain that names it
 * ("وزارة الخارجية الأمريكية", "حزب العدالة والتنمية", "قانون مكافحة الإرهاب"), UN resolutions by number
 * ("قرار مجلس الأمن رقم 2254", "القرار 2254": one key), and quoted names (حزب "نداء تونس").
 * Pure TypeScript, the same style as discovery.ts. Precision over recall: a generic phrase ("مجلس الإدارة",
 * "شركة كبرى", "اتفاق سلام") is never a name.
 *
 * The chain after an indefinite head, word by word (see `chainAfter`):
 * - construct state (after the head, or after an indefinite construct noun): a definite word (ال…) is the
 *   genitive; an indefinite word is a construct noun only when a definite word follows ("منظمة حظر الأسلحة",
 *   "قانون مكافحة الإرهاب", at most two in a row: "معاهدة عدم انتشار الأسلحة"); after heads that take proper
 *   names (حركة حماس, شركة أرامكو, وكالة رويترز) an unknown word is the name.
 * - after a definite noun: only adjectives (ال + a nisba -ي/-ية, or a listed one: المتحدة، العليا، الحر …),
 *   a ل genitive (للطاقة، لشؤون اللاجئين), or one "و" + ال coordination (العدالة والتنمية، الخارجية
 *   والمغتربين) — never a second definite noun: "قوات النظام المدنيين" stops at النظام.
 * - after an adjective: adjectives and ل genitives only ("منظمة الصحة العالمية والصليب" stops before و).
 * - anything else ends the name: punctuation or a quote in the gap, a number, a verb, a preposition, a
 *   relative, a demonstrative, a time word, a title (الرئيس، الوزير), "و" + a word without ال.
 */
import { fold, FoldedText, foldWithMap } from '../text/arabic';
import { EndingFilter, Token, tokenize } from '../text/tokenize';
import { ADJECTIVES, ADVERBS, ARABIC_WORD, BLANK_GAP, CLOSE_QUOTE, COORD_STOP, DEF_GENERIC, DEF_HEADS, DEF_WEAK, DETACHED, DIGITS, folded, Head, HEADS, isNationality, MAX_CHAIN, MAX_QUOTED, MEETING_ADJECTIVES, MINISTRY_NOUNS, NAME_PARTICLES, NAME_TITLES, NOT_PROPER, OPEN_QUOTE, QUOTE_CHARS, STOP, TIME_AFTER_YEAR } from './patternHeads';

export interface PatternEntity {
  type: 'organisation' | 'law';
  /** Offsets into the ORIGINAL text; the span excludes leading clitics (و ف ب ل ك, and ل of لل) — "وبوزارة الصحة" → "وزارة الصحة". */
  start: number;
  end: number;
  /** The name as written: original.slice(start, end). */
  name: string;
  /** The folded name (tokens' folded text joined by one space, clitics stripped from the first word): merges spellings across articles. */
  key: string;
  /** e.g. 'ministry', 'party', 'movement', 'organisation', 'university', 'agency', 'company', 'council', 'court', 'bank', 'club', 'un-resolution', 'law', 'agreement', 'memorandum', 'treaty', 'initiative'. */
  kind: string;
}

/** A word's clitics (و ف, then ب ل ك) and what is left; "لل" + X is ل + الX (its stem then starts "ال"). */
interface Split {
  stem: string;
  /** Folded characters before the stem's start in the original spelling (the ل of لل stays out). */
  prefix: number;
}
function splits(word: string): readonly Split[] {
  let out = SPLITS.get(word);
  if (out === undefined) {
    if (SPLITS.size > 50_000) SPLITS.clear();
    SPLITS.set(word, (out = splitsOf(word)));
  }
  return out;
}
/** The splits of the words asked (only words that may start a match are: a small vocabulary). */
const SPLITS = new Map<string, readonly Split[]>();

function splitsOf(word: string): Split[] {
  const out: Split[] = [{ stem: word, prefix: 0 }];
  const conj = (word.startsWith('و') || word.startsWith('ف')) && word.length > 3 ? [0, 1] : [0];
  for (const c of conj) {
    const w1 = word.slice(c);
    if (c) out.push({ stem: w1, prefix: c });
    if (w1.startsWith('لل') && w1.length > 4) out.push({ stem: 'ال' + w1.slice(2), prefix: c + 1 });
    else if ((w1.startsWith('ب') || w1.startsWith('ل') || w1.startsWith('ك')) && w1.length > 3) out.push({ stem: w1.slice(1), prefix: c + 1 });
  }
  return out;
}

interface HeadAt {
  head: Head;
  prefix: number;
  definite: boolean;
}
const HEAD_CACHE = new Map<string, HeadAt | null>();
function headOf(word: string): HeadAt | undefined {
  let h = HEAD_CACHE.get(word);
  if (h === undefined) {
    h = null;
    for (const s of splits(word)) {
      const head = HEADS.get(s.stem);
      if (head) {
        h = { head, prefix: s.prefix, definite: false };
        break;
      }
      const def = DEF_HEADS.get(s.stem);
      if (def) {
        h = { head: def, prefix: s.prefix, definite: true };
        break;
      }
    }
    if (HEAD_CACHE.size > 50_000) HEAD_CACHE.clear();
    HEAD_CACHE.set(word, h);
  }
  return h ?? undefined;
}

/** The endings of every head a match can start with (made on first use, once the head tables are full). */
let headEndingFilter: EndingFilter | undefined;
function headEndings(): EndingFilter {
  return (headEndingFilter ??= new EndingFilter([...HEADS.keys(), ...DEF_HEADS.keys(), ...LAW_HEADS.keys(), ...RESOLUTION, ...MINISTRY_NOUNS, 'القرار', MEMO[0]!, NUCLEAR[0]!]));
}

const isDefinite = (w: string): boolean => w.length > 3 && w.startsWith('ال') && !STOP.has(w);
/** ل + a definite word: "للطاقة", "للأنباء". */
const isLamDefinite = (w: string): boolean => w.length > 4 && w.startsWith('لل') && !STOP.has(w) && !STOP.has('ال' + w.slice(2));
/** و + a definite word: "والتنمية". */
const isWaDefinite = (w: string): boolean => w.length > 4 && w.startsWith('وال') && !STOP.has(w.slice(1));
/**
 * A body ("للمجلس", "للحكومة", "للجيش"): after a name, ل + a body is whom something is for, not part of the name
 * ("قدم مشروع قانون الانتخابات للمجلس").
 */
const BODIES = folded('الحكومة الدولة الشعب النظام المعارضة البرلمان الرئيس الأمم');
function isBodyWord(definite: string): boolean {
  return BODIES.has(definite) || DEF_HEADS.has(definite) || HEADS.has(definite.slice(2));
}

/** An adjective of a name: nisba (-ي, -ية) or listed; never a plural (-يين, -ين: "المدنيين" is a noun there). */
function isAdjective(w: string): boolean {
  if (!isDefinite(w)) return false;
  if (ADJECTIVES.has(w)) return true;
  return w.length >= 5 && (w.endsWith('يه') || (w.endsWith('ي') && !w.endsWith('اي')));
}
/** A present-tense verb by its shape (ي/ت + three letters or more) or a verb of saying. */
const isVerbLike = (w: string): boolean => (w[0] === 'ي' && w.length >= 4) || (w[0] === 'ت' && w.length === 4) || w.startsWith('تت');

/**
 * An indefinite noun in construct state ("حظر", "مكافحة", "كبار"): not a verb, not a nisba adjective ("مركز صحي"),
 * not a word with a pronoun ("بموجبه"), not "و" + a word.
 */
function isConstructNoun(t: Token, original: string): boolean {
  const w = t.text;
  if (w.length < 2 || !ARABIC_WORD.test(w) || STOP.has(w) || NOT_PROPER.has(w) || DETACHED.has(w) || isVerbLike(w) || w[0] === 'و') return false;
  if (w.endsWith('ي') || w.endsWith('يه')) return false;
  const raw = original.slice(t.start, t.end);
  if (/(ك|كم|كما|ها|هم|هما|نا)$/u.test(raw) && w.length >= 4) return false; // a pronoun: صندوق بريدك
  return !/ه$/u.test(raw);
}

/** ل + a construct noun inside a name: "مفوضية الأمم المتحدة لشؤون اللاجئين", "لحقوق الإنسان". */
const LAM_CONSTRUCT = folded('لكرة لشؤون لحقوق لمكافحة لتنمية لدراسات لحماية لرعاية لإغاثة لتحرير لدعم لأبحاث لبحوث لعلوم لإدارة لتطوير');

/** Proper names that are construct nouns themselves ("حركة أحرار الشام", "جيش أنصار السنة", "وكالة أنباء فارس"). */
const PROPER_CONSTRUCT = folded('أحرار أنصار أنباء انباء جند أجناد فيلق شهداء أبناء أهل فجر درع صقور كتائب ثوار لواء ألوية عدم');

/** Adjectives that describe a body rather than name it, dropped from the end of a name: "تنظيم داعش الإرهابي". */
const TRAILING_DESCRIPTIONS = folded(`الحكومي الحكومية الطائفي الطائفية المبرم المبرمة الموقع الموقعة الخاص الخاصة الإرهابي الإرهابية المتطرف المتطرفة الجديد الجديدة الرسمي الرسمية التاريخي التاريخية الحالي الحالية المزعوم المزعومة
  ${MEETING_ADJECTIVES}`);

/** First complements that need more after them: "وكالة الأنباء" alone is any news agency. */
const NEEDS_MORE = folded('الأنباء');

/**
 * Places agreements and declarations are named after, when the shape alone cannot tell a place from an
 * adjective ("اتفاق جنيف" but "اتفاق سريع"; "إعلان الرياض" but "إعلان الحرب").
 */
const AGREEMENT_PLACES = folded(`
  جنيف فيينا فينا أوسلو كامب ديفيد دايتون مينسك لوزان سوتشي أستانا آستانا ستوكهولم شرم مدريد باريس كيوتو أربيل طهران
  موسكو واشنطن لندن برلين بروكسل لشبونة ماستريخت هلسنكي الطائف الرياض الدوحة القاهرة الجزائر مكة دمشق بغداد عمان
  بيروت الخرطوم صنعاء عدن الصخيرات جدة أبوجا أضنة منبج إدلب حلب درعا سايكس بيكو وادي عربة أنابوليس بازل كامبديفيد
`);
/** A proper word after a law head that its shape allows: no clitic or verb prefix, no pronoun or tanween ending, no adjective pattern. */
function isLawProperWord(t: Token, original: string): boolean {
  const w = t.text;
  if (AGREEMENT_PLACES.has(w)) return true;
  if (w.length < 4 || !ARABIC_WORD.test(w) || STOP.has(w) || NOT_PROPER.has(w) || AGREEMENT_GENERIC.has(w)) return false;
  if (/^[لبوفكيت]/u.test(w)) return false; // "لوقف", "بأنه", "يحد", "تستمر"
  if (/(ه|ها|هم|هما|نا|ي|ين|ون|ات)$/u.test(w)) return false; // pronouns, nisba, plurals, -ة nouns
  const raw = original.slice(t.start, t.end);
  if (/[ً-ٍ]/u.test(raw)) return false; // tanween: an adverb or an indefinite noun ("طبعاً")
  if (w[0] === 'م' && w.length <= 6) return false; // participles: "منفصل", "مشروط", "مرتقب"
  if (w.length === 4 && w[2] === 'ي') return false; // فعيل adjectives: "سريع", "رهيب", "جديد"
  if (w.length === 4 && w[0] === 'ا') return false; // أفعل elatives: "اتفاق أفضل", "اتفاق أسوأ", "أكبر"
  if (isCommonShape(w, raw)) return false; // masdars and plurals: "اتفاق إنقاذ", "اتفاق انسحاب"
  return true;
}

/**
 * An indefinite Arabic common noun or adverb by its shape, never a transliterated name: an adverb or accusative
 * in ا (tanween, a listed adverb, a masdar + ا: "ارتفاعا"), a sound feminine plural ("تقنيات", "خدمات"), a broken
 * plural أفعال or masdar إفعال ("أبحاث", "إنتاج"), a masdar افتعال / انفعال / استفعال / تفعيل ("اختراق", "تطوير").
 */
function isCommonShape(w: string, raw: string): boolean {
  if (PROPER_CONSTRUCT.has(w)) return false; // "أحرار", "أنصار", "أنباء": names' first words
  if (/[\u064b\u064c\u064d]/u.test(raw) || ADVERBS.has(w)) return true;
  const stem = w.endsWith('ا') && w.length >= 5 ? w.slice(0, -1) : w;
  if (w.length >= 5 && w.endsWith('ات')) return true;
  if (/^ا..ا.$/u.test(stem) || /^ا.ت.ا.$/u.test(stem) || /^ان..ا.$/u.test(stem) || /^است..ا.$/u.test(stem) || /^ت..ي.$/u.test(stem)) return true;
  return false;
}

/**
 * The first word after a head has a common noun's or an adverb's shape ("شركة ارتفاعا", "مؤسسة أبحاث"), so it is
 * no proper name (media excepted: their names are common words, "وكالة أعماق"); a noun of that shape still names a body with a ل genitive after it ("مؤسسة إبداع للفنون").
 */
function commonAfterHead(t: Token, next: Token | undefined, original: string): boolean {
  const w = t.text;
  const raw = original.slice(t.start, t.end);
  if (!isCommonShape(w, raw)) return false;
  const adverb = w.endsWith('ا') || /[\u064b-\u064d]/u.test(raw);
  if (!adverb && next && blankBetween(original, t, next) && isLamDefinite(next.text) && !isBodyWord('ال' + next.text.slice(2))) return false;
  return true;
}

/** An unknown word that can be a proper name after a head that takes one. */
function isProperWord(t: Token, original: string, media: boolean, club = false): boolean {
  const w = t.text;
  if (w.length < 3 || !ARABIC_WORD.test(w) || STOP.has(w) || NOT_PROPER.has(w)) return false;
  if (w.startsWith('ال') || /^(وال|بال|لل|فال|كال)/u.test(w)) return false;
  if (w[0] === 'و') return false; // a conjunction, after media heads too: صحيفة وتصريحات
  if (HEADS.has(w)) return false;
  if (club) return true; // a city of any shape: "أولمبيك خريبكة", "أولمبيك آسفي"
  const raw = original.slice(t.start, t.end);
  if (/[ةه]$/u.test(raw) && /ة$/u.test(raw)) return false; // a -ة noun or adjective: "شركة ناشئة", "جامعة حكومية"
  if (!media && isVerbLike(w)) return false;
  if (!media && w.length >= 4 && w.endsWith('ي')) return false; // an indefinite nisba: "حزب سياسي"
  if (!media && w[0] === 'م' && w.length >= 5 && w.length <= 6) return false; // a participle: "متتابع", "مختلف"
  if (/(ها|هم|هما|نا)$/u.test(w) && w.length >= 5) return false; // a pronoun: "لأولادنا"
  if (/(ك|كم)$/u.test(w) && w.length >= 4 && !media) return false; // a pronoun of address: صندوق بريدك
  return true;
}

function gap(original: string, a: Token, b: Token): string {
  return original.slice(a.end, b.start);
}

/** Whether only blanks stand between tokens a and b (`BLANK_GAP`); a single space, the usual gap, is not cut out. */
function blankBetween(original: string, a: Token, b: Token): boolean {
  if (b.start - a.end === 1 && original.charCodeAt(a.end) === 0x20) return true;
  return BLANK_GAP.test(original.slice(a.end, b.start));
}

/** A quoted name from token k (the gap before it opens a quote): its last token and the closing quote's end. */
function quotedFrom(original: string, tokens: readonly Token[], k: number): { last: number; end: number } | undefined {
  const first = tokens[k]!;
  const rest = original.slice(first.start, first.start + QUOTE_CHARS);
  const at = rest.search(CLOSE_QUOTE);
  if (at < 0) return undefined;
  const close = first.start + at;
  let last = k;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < close) last++;
  if (last - k + 1 > MAX_QUOTED) return undefined;
  if (!/^[ \u00a0]*$/u.test(original.slice(tokens[last]!.end, close))) return undefined; // the quote closes right after the name
  for (let j = k; j < last; j++) if (/[\n.،,:؛;!?؟()]/u.test(gap(original, tokens[j]!, tokens[j + 1]!))) return undefined;
  if (tokens.slice(k, last + 1).some((t) => DIGITS.test(t.text) && last === k)) return undefined;
  return { last, end: close + 1 };
}

interface Chain {
  /** Index of the name's last token. */
  last: number;
  /** Where the name ends in the original (past a closing quote for a quoted name). */
  end: number;
  /** Words after the head. */
  words: number;
  quoted: boolean;
  proper: boolean;
  adjectives: number;
}

/**
 * The name after an indefinite head at h (see the file comment for the rules). `proper`: an unknown word
 * right after the head is a proper name; `media`: up to three such words.
 */
function chainAfter(original: string, tokens: readonly Token[], h: number, head: Head | undefined, firstGeneric?: Set<string>): Chain | undefined {
  const k0 = h + 1;
  if (k0 >= tokens.length) return undefined;
  const g0 = gap(original, tokens[h]!, tokens[k0]!);
  if (OPEN_QUOTE.test(g0) && !/\n/u.test(g0)) {
    const q = quotedFrom(original, tokens, k0);
    if (!q) return undefined;
    return { last: q.last, end: q.end, words: q.last - h, quoted: true, proper: true, adjectives: 0 };
  }
  if (!BLANK_GAP.test(g0)) return undefined;
  let state: 'construct' | 'definite' | 'adjective' | 'proper' | 'title' = 'construct';
  let last = h;
  let constructRun = 0;
  let coordinated = false;
  let properWords = 0;
  let titleWords = 0;
  let adjectives = 0;
  let proper = false;
  for (let k = k0; k < tokens.length && k - h <= MAX_CHAIN; k++) {
    const t = tokens[k]!;
    if (k > k0 && !blankBetween(original, tokens[k - 1]!, t)) break;
    const w = t.text;
    if (STOP.has(w) || DIGITS.test(w) || !/^[\u0621-\u064a]+$/u.test(w)) break;
    if (k === k0 && firstGeneric?.has(w)) return undefined;
    // "مجلس ها التنفيذي": a pronoun split off the head ("its council"), not a name; "آل" written as such is a name's particle.
    if (k === k0 && DETACHED.has(w) && original.slice(t.start, t.end) !== 'آل') return undefined;
    // "قوات حزب الله", "قوات التحالف الدولي": the body is the one named inside; it is found from its own head.
    if (k === k0 && head?.kind === 'forces' && (HEADS.has(w) || DEF_HEADS.has(w))) return undefined;
    const next = tokens[k + 1];
    const nextDefinite = next !== undefined && blankBetween(original, t, next) && isDefinite(next.text);
    if (w === 'العام' && next && TIME_AFTER_YEAR.has(next.text)) break;
    if (state === 'construct') {
      if (isDefinite(w)) {
        if (k === k0 && head?.definiteOnly && !head.definiteOnly.has(w)) return undefined;
        state = NAME_TITLES.has(w) ? 'title' : 'definite';
        last = k;
        continue;
      }
      if (k === k0 && head?.proper && (head.type === 'law' ? isLawProperWord(t, original) : isProperWord(t, original, !!head.media, !!head.club) && (head.media || head.club || !commonAfterHead(t, next, original)))) {
        if (PROPER_CONSTRUCT.has(w) && nextDefinite) {
          state = 'construct';
          constructRun = 1;
          proper = true;
          continue;
        }
        state = 'proper';
        proper = true;
        properWords = 1;
        last = k;
        continue;
      }
      // An indefinite construct noun needs a definite genitive after it.
      if (constructRun < 2 && nextDefinite && isConstructNoun(t, original) && !(k === k0 && w.startsWith('ل'))) {
        constructRun++;
        continue;
      }
      if (constructRun < 2 && !nextDefinite && next && k - h < MAX_CHAIN - 1 && isConstructNoun(t, original) && !w.startsWith('ل') && !w.startsWith('ب')) {
        // two construct nouns: "عدم انتشار الأسلحة"
        const after = tokens[k + 2];
        if (after && !STOP.has(next.text) && ARABIC_WORD.test(next.text) && !next.text.startsWith('ال') && blankBetween(original, t, next) && blankBetween(original, next, after) && isDefinite(after.text) && constructRun === 0 && isConstructNoun(next, original) && !/^[لب]/u.test(next.text)) {
          constructRun++;
          continue;
        }
      }
      break;
    }
    if (state === 'title') {
      // "جامعة الملك سعود", "مركز الملك عبد الله": one or two name words (a particle and its ال-word).
      if (titleWords < 2 && ARABIC_WORD.test(w) && !w.startsWith('و') && !isVerbLike(w) && !NOT_PROPER.has(w) && (titleWords === 0 || NAME_PARTICLES.has(tokens[k - 1]!.text))) {
        titleWords++;
        last = k;
        if (!NAME_PARTICLES.has(w)) state = 'definite';
        continue;
      }
      if (titleWords > 0 && NAME_PARTICLES.has(tokens[k - 1]!.text) && isDefinite(w)) {
        last = k;
        state = 'definite';
        continue;
      }
      break;
    }
    if (state === 'proper' && properWords < (head?.media ? 3 : head?.type === 'law' ? 2 : 1) && (head?.type === 'law' ? isLawProperWord(t, original) : isProperWord(t, original, true)) && !w.startsWith('و')) {
      properWords++;
      last = k;
      continue;
    }
    // A club's name ends with its city: "دينامو كازان للكرة الطائرة", "أولمبيك مرسيليا الفرنسي".
    if (head?.club) break;
    // definite, adjective, proper: adjectives, ل genitives, one coordination after a noun.
    if (isAdjective(w)) {
      state = 'adjective';
      adjectives++;
      last = k;
      continue;
    }
    if (isLamDefinite(w) && !isBodyWord('ال' + w.slice(2))) {
      state = 'definite';
      last = k;
      continue;
    }
    if (LAM_CONSTRUCT.has(w) && nextDefinite) {
      // ل + a construct noun and its genitive: "لشؤون اللاجئين", "لحقوق الإنسان".
      state = 'construct';
      constructRun = 1;
      continue;
    }
    // "و" split off as a token in normalised text: "حركة العدل و المساواة".
    if (state === 'definite' && head?.coordinates && !coordinated && w === 'و' && next && blankBetween(original, t, next) && isWaDefinite(w + next.text) && !COORD_STOP.has(next.text) && !DEF_HEADS.has(next.text) && !next.text.endsWith('ي') && tokens[last]!.text !== 'الله') {
      coordinated = true;
      last = k + 1;
      k++;
      continue;
    }
    if (state === 'definite' && head?.coordinates && !coordinated && isWaDefinite(w) && !COORD_STOP.has(w.slice(1)) && !DEF_HEADS.has(w.slice(1)) && !w.endsWith('ي') && tokens[last]!.text !== 'الله') {
      coordinated = true;
      last = k;
      continue;
    }
    break;
  }
  while (last > h + 1 && TRAILING_DESCRIPTIONS.has(tokens[last]!.text)) {
    last--;
    if (adjectives > 0) adjectives--;
  }
  if (last === h) return undefined;
  if (last === h + 1 && (NEEDS_MORE.has(tokens[last]!.text) || PROPER_CONSTRUCT.has(tokens[last]!.text))) return undefined;
  return { last, end: tokens[last]!.end, words: last - h, quoted: false, proper, adjectives };
}

/** The key of tokens from..to, the first word's clitics stripped. */
function keyOf(tokens: readonly Token[], from: number, to: number, firstStem: string): string {
  const parts = [firstStem];
  for (let j = from + 1; j <= to; j++) parts.push(tokens[j]!.text);
  return parts.join(' ');
}

const RESOLUTION = folded('قرار');
const SECURITY_COUNCIL = [fold('مجلس'), fold('الأمن')];
const GENERAL_ASSEMBLY = [fold('الجمعية'), fold('العامة')];
const RESOLUTION_ADJ = folded('الأممي الدولي');
const NUMBER_WORD = fold('رقم');
const [INTERNATIONAL, AFFILIATED, OF_NATIONS, UNITED] = [fold('الدولي'), fold('التابع'), fold('للأمم'), fold('المتحدة')];
const YEAR_WORDS = folded('لسنة لعام سنة عام');

/** Agreements and the like: heads, and first complements that make them generic ("اتفاق سلام", "اتفاقية التعاون"). */
const LAW_HEADS = new Map<string, Head>([
  [fold('قانون'), { type: 'law', kind: 'law', generic: folded('الغاب الدولي الإنساني الدولة البلاد اللعبة كرة الجاذبية الطبيعة') }],
  [fold('اتفاق'), { type: 'law', kind: 'agreement', proper: true }],
  [fold('اتفاقية'), { type: 'law', kind: 'agreement', proper: true }],
  [fold('معاهدة'), { type: 'law', kind: 'treaty', proper: true }],
  [fold('مبادرة'), { type: 'law', kind: 'initiative', proper: true, weak: true }],
  [fold('إعلان'), { type: 'law', kind: 'declaration', proper: true }],
]);
const PEACE = fold('السلام');
const LAW = fold('قانون');
const AGREEMENT_GENERIC = folded(`
  سلام تعاون شراكة تفاهم نهائي مبدئي إطار إطاري وقف تبادل هدنة تسوية مصالحة مماثل جديد شامل أمني عسكري تجاري
  السلام التعاون الشراكة التفاهم الإطار الهدنة التسوية المصالحة الطرفين الأطراف الجانبين البلدين الدولتين وقف تبادل
  إطلاق الحكومة المعارضة الحرب النتائج الهدنة النفير الطوارئ الحداد الأحكام حالة حال نتائج الانسحاب التحالف الإضراب
  انتهاء بدء الاستقلال الدولة الخلافة موعد تأسيس قيام رفض دعم قبول الموافقة الحكومة الرئيس عودة استئناف تشكيل
  الولايات المملكة الجامعة وزارة الوزارة مقتل وفاة نجاح فشل
  ترامب أوباما بوتين ايران إيران روسيا أمريكا نوايا
`);
/** "مذكرة تفاهم": a memorandum, named only by a quote or a definite complement. */
const MEMO = [fold('مذكرة'), fold('تفاهم')];
/** "الاتفاق النووي" (the Iran deal of 2015): the one definite agreement taken, as the news names it. */
const NUCLEAR = [fold('الاتفاق'), fold('النووي')];

function resolutionAt(original: string, tokens: readonly Token[], i: number, stem: string): { last: number; key: string } | undefined {
  if (stem !== 'قرار' && stem !== 'القرار') return undefined;
  let k = i + 1;
  const word = (j: number): string | undefined => {
    const t = tokens[j];
    if (!t || !blankBetween(original, tokens[j - 1]!, t)) return undefined;
    return t.text;
  };
  let body: 'sc' | 'ga' | undefined;
  if (stem === 'قرار' && word(k) === SECURITY_COUNCIL[0] && word(k + 1) === SECURITY_COUNCIL[1]) {
    body = 'sc';
    k += 2;
    if (word(k) === INTERNATIONAL || word(k) === AFFILIATED) k++;
  } else if (stem === 'قرار' && word(k) === GENERAL_ASSEMBLY[0] && word(k + 1) === GENERAL_ASSEMBLY[1]) {
    body = 'ga';
    k += 2;
    if (word(k) === OF_NATIONS && word(k + 1) === UNITED) k += 2;
  } else if (stem === 'القرار' && word(k) !== undefined && RESOLUTION_ADJ.has(word(k)!)) k++;
  if (word(k) === NUMBER_WORD) k++;
  const n = word(k);
  if (n === undefined || !DIGITS.test(n)) return undefined;
  const value = Number(n);
  if (body === 'ga') {
    // "67/262": session/number.
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (next && /^\s*\/\s*$/u.test(gap(original, t, next)) && DIGITS.test(next.text)) return { last: k + 1, key: `قرار الجمعيه العامه ${Number(n)}/${Number(next.text)}` };
    return { last: k, key: `قرار الجمعيه العامه ${value}` };
  }
  // Without the council named, a number of three or four digits not followed by a year ("القرار 2254", not "قرار رقم 12 لسنة 2015").
  const after = word(k + 1);
  if (after !== undefined && YEAR_WORDS.has(after)) return undefined;
  if (!body && (n.length < 3 || value < 100 || value > 2999 || (value >= 1990 && value <= 2030))) return undefined; // a year, not a resolution
  if (/^\s*\//u.test(original.slice(tokens[k]!.end, tokens[k]!.end + 2))) return undefined;
  return { last: k, key: `قرار ${value}` };
}

/**
 * Organisations and laws named by pattern, in text order, not overlapping. `known(start, end)`: whether a
 * knowledge-base entity is named there (a candidate overlapping one is skipped: the knowledge base wins).
 */
export function findPatternEntities(original: string, foldedText: FoldedText = foldWithMap(original), known: (start: number, end: number) => boolean = () => false): PatternEntity[] {
  const tokens = tokenize(original, foldedText);
  const out: PatternEntity[] = [];
  const emit = (i: number, prefix: number, _last: number, end: number, key: string, type: PatternEntity['type'], kind: string): void => {
    const t = tokens[i]!;
    const start = prefix === 0 ? t.start : foldedText.starts[t.folded + prefix]!;
    if (known(start, end)) return;
    out.push({ type, start, end, name: original.slice(start, end), key, kind });
  };
  let i = 0;
  while (i < tokens.length) {
    const found = mayStartPattern(tokens[i]!) ? matchAt(original, tokens, i) : undefined;
    if (found) {
      emit(i, found.prefix, found.last, found.end, found.key, found.type, found.kind);
      i = found.last + 1;
    } else i++;
  }
  return out;
}

interface Match {
  prefix: number;
  last: number;
  end: number;
  key: string;
  type: PatternEntity['type'];
  kind: string;
}

/**
 * Whether a match can start at the word: one of its splits is a head of some kind. Worked out once per word and kept
 * on its entry; most words can start none.
 */
function mayStartPattern(t: Token): boolean {
  const facts = t.facts;
  if (facts.pattern === undefined) facts.pattern = startsPattern(facts.word);
  return facts.pattern;
}

function startsPattern(w: string): boolean {
  // Most words end as no head does: no split of theirs can be one (see EndingFilter).
  if (w.length < 3 || !headEndings().mayMatch(w) || !ARABIC_WORD.test(w)) return false;
  return headOf(w) !== undefined || splits(w).some(({ stem }) => RESOLUTION.has(stem) || stem === 'القرار' || stem === MEMO[0] || stem === NUCLEAR[0] || LAW_HEADS.has(stem) || MINISTRY_NOUNS.has(stem));
}

/** The match starting at token i, where one may (see `mayStartPattern`). */
function matchAt(original: string, tokens: readonly Token[], i: number): Match | undefined {
  const w = tokens[i]!.text;
  for (const s of splits(w)) {
    const stem = s.stem;
    // UN resolutions: "قرار مجلس الأمن رقم 2254", "القرار 2254".
    if (RESOLUTION.has(stem) || stem === 'القرار') {
      const r = resolutionAt(original, tokens, i, stem);
      if (r) return { prefix: s.prefix, last: r.last, end: tokens[r.last]!.end, key: r.key, type: 'law', kind: 'un-resolution' };
      return undefined;
    }
    // "مذكرة تفاهم" + a name.
    if (stem === MEMO[0] && tokens[i + 1]?.text === MEMO[1] && blankBetween(original, tokens[i]!, tokens[i + 1]!)) {
      const c = chainAfter(original, tokens, i + 1, undefined, AGREEMENT_GENERIC);
      if (!c) return undefined;
      return { prefix: s.prefix, last: c.last, end: c.end, key: keyOf(tokens, i, c.last, stem), type: 'law', kind: 'memorandum' };
    }
    // "الاتفاق النووي (الإيراني)".
    if (stem === NUCLEAR[0] && tokens[i + 1]?.text === NUCLEAR[1] && blankBetween(original, tokens[i]!, tokens[i + 1]!)) {
      let last = i + 1;
      while (tokens[last + 1] && blankBetween(original, tokens[last]!, tokens[last + 1]!) && isNationality(tokens[last + 1]!.text)) last++;
      return { prefix: s.prefix, last, end: tokens[last]!.end, key: keyOf(tokens, i, last, stem), type: 'law', kind: 'agreement' };
    }
    const lawHead = LAW_HEADS.get(stem);
    if (lawHead) {
      if (stem === LAW) {
        const r = lawNumberAt(original, tokens, i);
        if (r) return { prefix: s.prefix, last: r, end: tokens[r]!.end, key: keyOf(tokens, i, r, stem), type: 'law', kind: 'law' };
      }
      const c = chainAfter(original, tokens, i, lawHead, lawHead.kind === 'law' ? lawHead.generic : undefined);
      if (!c || !acceptLaw(tokens, i, c, lawHead)) return undefined;
      return { prefix: s.prefix, last: c.last, end: c.end, key: keyOf(tokens, i, c.last, stem), type: 'law', kind: lawHead.kind };
    }
  }
  const h = headOf(w);
  if (h) {
    const stem = splits(w).find((s) => s.prefix === h.prefix)!.stem;
    const c = h.definite ? definiteChain(original, tokens, i) : chainAfter(original, tokens, i, h.head, h.head.generic);
    if (!c || (!h.definite && !acceptOrganisation(tokens, i, c, h.head))) return undefined;
    return { prefix: h.prefix, last: c.last, end: c.end, key: keyOf(tokens, i, c.last, stem), type: 'organisation', kind: h.head.kind };
  }
  // "الخارجية الروسية": a ministry without "وزارة", before a nationality (not after a noun it would qualify).
  for (const s of splits(w)) {
    if (!MINISTRY_NOUNS.has(s.stem)) continue;
    const next = tokens[i + 1];
    if (!next || !blankBetween(original, tokens[i]!, next) || !isNationality(next.text, true)) return undefined;
    const prev = tokens[i - 1];
    if (prev && s.prefix === 0 && /^[\s\u00a0]+$/u.test(gap(original, prev, tokens[i]!))) {
      const p = prev.text;
      // "السياسة الخارجية الأمريكية", "وزير الخارجية الأمريكية": an adjective, or a minister's title.
      if (p.endsWith('ه') || /^(و|ب|ل|ف|ك)?(وزير|وزيره|وزيرا|وزيري|نايب|مساعد|وكيل|شوون)$/u.test(p) || /^(و|ب|ل|ف)?(ال)/u.test(p)) return undefined;
    }
    return { prefix: s.prefix, last: i + 1, end: next.end, key: keyOf(tokens, i, i + 1, s.stem), type: 'organisation', kind: 'ministry' };
  }
  return undefined;
}

/** "قانون رقم 10 لسنة 2018": the last token, or undefined. */
function lawNumberAt(original: string, tokens: readonly Token[], i: number): number | undefined {
  const ok = (j: number): boolean => tokens[j] !== undefined && blankBetween(original, tokens[j - 1]!, tokens[j]!);
  if (!ok(i + 1) || tokens[i + 1]!.text !== NUMBER_WORD || !ok(i + 2) || !DIGITS.test(tokens[i + 2]!.text)) return undefined;
  if (ok(i + 3) && YEAR_WORDS.has(tokens[i + 3]!.text) && ok(i + 4) && DIGITS.test(tokens[i + 4]!.text)) return i + 4;
  return i + 2;
}

/** A weak head needs more than one definite word ("مركز الملك سلمان", "لجنة الأمم المتحدة"), or a quoted or proper name. */
function acceptOrganisation(tokens: readonly Token[], i: number, c: Chain, head: Head): boolean {
  if (c.quoted || c.proper) return true;
  if (head.properOnly) return false;
  if (head.weak && c.words < 2) return false;
  const first = tokens[i + 1]!.text;
  // "حركة القمر حول الأرض": one definite noun alone is the movement of something.
  if (head.singleNoun && c.words === 1 && isDefinite(first) && !head.singleNoun.has(first)) return false;
  // "قوات حفظ السلام": generic peacekeepers, unless an adjective says whose ("قوات حفظ السلام الدولية").
  if (head.needsAdjective?.has(first) && c.adjectives === 0) return false;
  return true;
}

function acceptLaw(tokens: readonly Token[], i: number, c: Chain, head: Head): boolean {
  if (c.quoted) return head.kind !== 'declaration';
  // A generic word anywhere makes an agreement generic ("اتفاق سلام", "اتفاقية التعاون"), except peace given a
  // nisba ("مبادرة السلام العربية").
  for (let j = i + 1; j <= c.last; j++) {
    const w = tokens[j]!.text;
    if (head.kind !== 'law' && AGREEMENT_GENERIC.has(w) && !(w === PEACE && c.adjectives > 0)) return false;
  }
  if (head.weak && !c.proper && c.adjectives === 0) return false;
  // "إعلان الحرب", "إعلان النتائج", "إعلان داعش": an act, not a name; only a place names a declaration.
  if (head.kind === 'declaration') return c.words === 1 && AGREEMENT_PLACES.has(tokens[i + 1]!.text) && !c.quoted;
  // An agreement named by one definite noun only: a place ("اتفاق الطائف"), not "اتفاق الوزراء".
  if (head.kind !== 'law' && !c.proper && c.words === 1 && !AGREEMENT_PLACES.has(tokens[i + 1]!.text)) return false;
  return true;
}

/** The adjectives that may come first after a definite head, besides a nisba. */
const NAME_ADJECTIVES = folded('الحر الأعلى العليا الأحمر');

/** After a definite head: nisba adjectives (and ل genitives after them): "الجيش السوري الحر", "الوكالة الدولية للطاقة الذرية". */
function definiteChain(original: string, tokens: readonly Token[], h: number): Chain | undefined {
  const first = tokens[h + 1];
  if (!first || !blankBetween(original, tokens[h]!, first)) return undefined;
  const w = first.text;
  if (!isAdjective(w) || DEF_GENERIC.has(w)) return undefined;
  // The first adjective must be a nisba or a listed name adjective (الحر، الأعلى، العليا), not "الجديد".
  if (!(w.endsWith('ي') || w.endsWith('يه') || NAME_ADJECTIVES.has(w))) return undefined;
  // A nisba must agree with the head: "البنك الرأسمالية", "الحزب السياسية" qualify another noun ("متطلبات البنك الرأسمالية").
  const feminineHead = tokens[h]!.text.endsWith('ه');
  if (w.endsWith('يه') ? !feminineHead : w.endsWith('ي') && feminineHead) return undefined;
  let last = h + 1;
  let adjectives = 1;
  for (let k = h + 2; k < tokens.length && k - h <= MAX_CHAIN; k++) {
    const t = tokens[k]!;
    if (!blankBetween(original, tokens[k - 1]!, t)) break;
    if (STOP.has(t.text)) break;
    const nxt = tokens[k + 1];
    if (t.text === 'العام' && nxt && TIME_AFTER_YEAR.has(nxt.text)) break;
    if (isAdjective(t.text) && !DEF_GENERIC.has(t.text)) {
      last = k;
      adjectives++;
      continue;
    }
    if (isLamDefinite(t.text) && !isBodyWord('ال' + t.text.slice(2))) {
      last = k;
      // its own adjectives follow: "للطاقة الذرية"
      continue;
    }
    break;
  }
  while (last > h + 1 && TRAILING_DESCRIPTIONS.has(tokens[last]!.text)) last--;
  if (last === h + 1 && DEF_WEAK.has(w)) return undefined;
  return { last, end: tokens[last]!.end, words: last - h, quoted: false, proper: false, adjectives };
}
