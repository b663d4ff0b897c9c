/**
 * The context recognition reads around a name: what the article's parse tells (its year, its outlet line), and
 * the words that decide a short form ("الرئيس بري", "مدينة العين", "نادي الهلال"), a match report, a credit, an
 * animal. Pure TypeScript; used by the Recognizer (recognizer.ts).
 */
import type { Article } from '../article/article';
import { COMMON_NOUNS, foldedSet, GIVEN_NAMES, isClearGivenName, NATIONALITY_ADJECTIVES, NOT_NAME, ORDINALS, TITLE_HEADS } from './names';
import { Token, WordClass } from '../text/tokenize';

/** What the article's parse tells recognition. */
export interface RecognitionContext {
  /** The article's year, when known. */
  year?: number;
  /** The outlet line's range in the text. */
  outlet?: { start: number; end: number };
}

/** The recognition context of a parsed article: its date's year and its outlet line. */
export function recognitionContext(article: Pick<Article, 'date' | 'outlet'>): RecognitionContext {
  const out: RecognitionContext = {};
  // Only a year the text or the file name states: an inferred one may be off, and would hide a law wrongly.
  const source = article.date?.yearSource;
  if (article.date?.year !== undefined && (source === 'explicit' || source === 'file-name')) out.year = article.date.year;
  // The outlet's own line (a header or a byline), not a source named in the body.
  const outlet = article.outlet;
  if (outlet && (outlet.source === 'header' || outlet.source === 'byline')) out.outlet = { start: outlet.range.start, end: outlet.range.end };
  return out;
}

/** A word that can stand for a person alone: three letters or more, not a given name, a function word or a common noun. */
export function isSurname(word: string): boolean {
  return word.length >= 3 && !GIVEN_NAMES.has(word) && !NOT_NAME.has(word) && !COMMON_NOUNS.has(word) && !ORDINALS.has(word) && !NATIONALITY_ADJECTIVES.has(word);
}

/** Whether the first `prefix` folded characters stripped from `word` include the article ال ("القيصر", "للقيصر"). */
export function articleStripped(word: string, prefix: number): boolean {
  const removed = word.slice(0, prefix);
  return removed.endsWith('ال') || (word.startsWith('لل') && prefix >= 2);
}

/** Nouns a person's short name follows when it is theirs: "نظام الأسد", "حكومة نتنياهو", "إدارة بوش". */
export const GOVERNORS = foldedSet('نظام حكومة إدارة عهد قوات جيش ميليشيات حزب أنصار مؤيدي معارضي الرئيس الرئيسة خلفه سلفه');
/** Nouns a place's ambiguous name follows when it is the place: "مدينة العين", "محافظة إب", "بلدة صور". */
export const PLACE_CUES = foldedSet('مدينة محافظة بلدة قرية منطقة ولاية إقليم قضاء ناحية مخيم عاصمة مدن مناطق ميناء مطار جزيرة');
/** Nouns an organisation's ambiguous name follows when it is the organisation: "نادي الهلال", "صحيفة الرياض". */
export const ORGANISATION_CUES = foldedSet('نادي فريق لاعب لاعبو لاعبي مدرب جمهور صحيفة جريدة قناة وكالة مجلة موقع شركة حزب حركة جماعة تيار');
/** Words of a sentence about a match: "مباراة", "الدوري", "تعادل", "هدف", "المدرب"... */
const SPORTS_WORDS = foldedSet(`
  مباراة المباراة مباريات فريق الفريق منتخب المنتخب هدف هدفين أهداف الأهداف الدوري دوري فاز فوز الفوز تعادل التعادل
  كأس الكأس بطولة البطولة لاعب اللاعب لاعبي مدرب المدرب الملعب ملعب نقطة نقاط النقاط الشوط الجولة مهاجم المهاجم
  حارس ضيفه مضيفه الموسم النادي نادي هزم خسر سجل تأهل تصفيات المونديال ركلة جزاء شباك مرمى الشوط المجموعة
`);

const SPORTS = WordClass.of(SPORTS_WORDS);

/** Whether tokens [i, last] stand as a dateline's or a credit's agency: "المدينة - X :", "( X )", "X - رويترز". */
export function creditPosition(tokens: readonly Token[], i: number, last: number, original: string): boolean {
  const before = original.slice(tokens[i - 1]?.end ?? Math.max(0, tokens[i]!.start - 3), tokens[i]!.start);
  const after = original.slice(tokens[last]!.end, tokens[last + 1]?.start ?? original.length);
  return (/[-–(]\s*$/u.test(before) && /^\s*[:)]/u.test(after)) || (/\(\s*$/u.test(before) && /^\s*[-–]/u.test(after));
}

/** Words right before an outlet's short name that make it the outlet: "مراسل الجزيرة", "علمت الراية". */
const MEDIA_BEFORE = WordClass.of(foldedSet('مراسل مراسلة مراسلو مراسلي لمراسل مندوب مندوبة علمت'));
/** Verbs an outlet carrying "لـ" follows, its speaker between or not: "قال للجزيرة", "وقال الوزير للجزيرة". */
const SAID_TO = WordClass.of(foldedSet('قال قالت أكد أكدت صرح صرحت أوضح أوضحت أضاف أضافت كشف كشفت'));
/** Nouns an outlet carrying "لـ" follows right after: "في تصريحات للراية", "في حديث خاص للجزيرة". */
const STATEMENT_TO = WordClass.of(foldedSet('تصريح تصريحات حديث حديثه حديثها خاص خاصة'));
/** What was said begins here: an outlet named after it is not who it was said to. */
const SAID_THAT = WordClass.of(foldedSet('إن أن ان'));
/** Words an outlet after "مع" follows: "في مقابلة مع الجزيرة". */
const WITH_MEDIA = WordClass.of(foldedSet('مقابلة حديث لقاء حوار'));

/**
 * Whether tokens [i, last] stand where an outlet is named: a credit or a dateline ("( الفرنسية )", "الدوحة -
 * الراية :"), a correspondent's ("مراسل الجزيرة"), what one said to it ("قال للجزيرة"), an interview with it.
 * `prefix`: the clitics token i carries before the name; `form`: the name's word without them.
 */
export function mediaPosition(tokens: readonly Token[], i: number, last: number, prefix: number, form: string, original: string): boolean {
  if (creditPosition(tokens, i, last, original)) return true;
  // "وقال الوزير للسفير": a title is whom it was said to, not the newspaper of that name.
  if (TITLE_HEADS.has(form)) return false;
  const before = tokens[i - 1];
  if (MEDIA_BEFORE.has(before)) return true;
  if (prefix > 0 && tokens[i]!.text.startsWith('ل')) {
    if (STATEMENT_TO.has(before) || SAID_TO.has(before)) return true;
    // The verb with one word between, its speaker ("وقال الوزير للجزيرة"); further back the لـ is more often "of"
    // ("قال المدير التنفيذي للاتحاد الألماني").
    const gap = original.slice(tokens[i - 2]?.end ?? 0, tokens[i]!.start);
    if (SAID_TO.has(tokens[i - 2]) && !/[.!?؟\n،,:]/u.test(gap) && !SAID_THAT.has(before)) return true;
  }
  return before?.text === 'مع' && WITH_MEDIA.has(tokens[i - 2]);
}

/** Words a maker's name follows when it names the product: "طراز بوينغ", "طائرة إيرباص", "سيارة مرسيدس". */
const MODEL_CUES = WordClass.of(foldedSet('طراز طرازات موديل طائرة طائرات الطائرة الطائرات مروحية مروحيات سيارة سيارات'));

/** Whether tokens [i, last] name a product, not its maker: "طائرة بوينغ 737", "من طراز إيرباص". */
export function modelPosition(tokens: readonly Token[], i: number): boolean {
  return MODEL_CUES.has(tokens[i - 1]);
}

/** Words that open a club's name before its city: "أولمبيك خريبكة", "حسنية أكادير", "أسيك أبيدجان". */
const CLUB_BEFORE_CITY = WordClass.of(foldedSet('أولمبيك أولمبي حسنية أسيك مولودية دينامو سبارتاك'));
/** "اتحاد" before a city is a club in a match report ("اتحاد طنجة"); elsewhere a union ("اتفاقية اتحاد باريس"). */
const UNION = WordClass.of(foldedSet('اتحاد'));

/** Whether the place at token i is the city in a club's name ("أولمبيك خريبكة"): the club is found by its pattern. */
export function clubCityPosition(tokens: readonly Token[], i: number, original: string): boolean {
  const before = tokens[i - 1];
  if (before === undefined || !/^[ \t]+$/u.test(original.slice(before.end, tokens[i]!.start))) return false;
  return CLUB_BEFORE_CITY.has(before) || (UNION.has(before) && sportsSentence(tokens, i, original));
}

/** A minister's title words: the ministry named after them is the title's portfolio. */
const MINISTER = WordClass.of(foldedSet('وزير وزيرة وزيرا وزيري'));

/**
 * Whether the name at token i is a minister's portfolio: "وزيرة الخارجية الأميركية كوندوليزا رايس" names the
 * minister, and the State Department only as part of her title.
 */
export function portfolioPosition(tokens: readonly Token[], i: number): boolean {
  return MINISTER.has(tokens[i - 1]);
}

/**
 * Whether the one word at token i, bare, follows a given name on the same line: a surname ("كريستوفر سامبا"),
 * not the bank. A given name with the article is none ("الان" is "now" more often than Alan).
 */
export function surnamePosition(tokens: readonly Token[], i: number, last: number, prefix: number, original: string): boolean {
  const before = tokens[i - 1];
  if (last !== i || prefix !== 0 || before === undefined || before.text.startsWith('ال')) return false;
  return /^[ \t]+$/u.test(original.slice(before.end, tokens[i]!.start)) && isClearGivenName(before.text);
}

/** Words beside a team's name in a match report: "فريق قطر", "أمام المغرب", "قطر على …", "المغرب بهدف". */
const COMPETITOR_BEFORE = foldedSet(`فريق منتخب أمام ضد هزم هزمت فاز فازت تعادل تعادلت خسر خسرت حقق حققت تعثر تعثرت تقدم تقدمت
  ضيفه ضيفها ضيفة ضيفته ضيفتها مضيفه مضيفها مضيفة مضيفته مضيفتها لاعب لاعبو لاعبي مدرب نادي تغلب واجه يواجه يلتقي التقى
  لقاء مباراة مباراتي مرمى شباك قائد`);
const COMPETITOR_AFTER = foldedSet('على أمام ضد بهدف بهدفين بثلاثة بخماسية بثلاثية بنتيجة فاز فازت تعادل تعادلت خسر خسرت');
const BEFORE_TEAM = WordClass.of(COMPETITOR_BEFORE);
const AFTER_TEAM = WordClass.of(COMPETITOR_AFTER);

/** The id of a country's national team (made by the knowledge base for every country): a country playing a match. */
export const teamId = (placeId: string): string => `team-${placeId}`;

/** Whether the name at tokens [i, last] stands where a team's would in a match report. */
export function competitor(tokens: readonly Token[], i: number, last: number, lastTeam: number): boolean {
  // The next of a list of teams ("فرنسا و انجلترا"), a pronoun apart after a host ("مضيفة ها جورجيا"), a score after.
  const before = tokens[i - 1];
  if (before && (before.text === 'و' ? lastTeam === i - 2 : tokens[i]!.text.startsWith('و') && lastTeam === i - 1)) return true;
  if (before && /^(ه|ها)$/u.test(before.text) && BEFORE_TEAM.has(tokens[i - 2])) return true;
  if (/^\d+$/u.test(tokens[last + 1]?.text ?? '')) return true;
  return BEFORE_TEAM.has(before) || AFTER_TEAM.has(tokens[last + 1]);
}

/** Whether the sentence around token i is about a match (two of its words or more). */
export function sportsSentence(tokens: readonly Token[], i: number, original: string): boolean {
  let found = 0;
  for (const step of [-1, 1]) {
    for (let j = i + step, n = 0; j >= 0 && j < tokens.length && n < 25; j += step, n++) {
      const near = tokens[j - step]!;
      const gap = step < 0 ? original.slice(tokens[j]!.end, near.start) : original.slice(near.end, tokens[j]!.start);
      if (SENTENCE_BREAK.test(gap)) break;
      if (SPORTS.has(tokens[j]) && ++found >= 2) return true;
    }
  }
  return false;
}

/** Names that are animals' too: "الأسد" (the lion), "فهد" (the cheetah), "نمر", "صقر", "ذيب". */
export const ANIMAL_NAMES = foldedSet('الأسد أسد فهد الفهد نمر النمر صقر الصقر ذيب الذيب');
/** Words of animals: a lion named "الأسد", a cheetah "فهد", in the same sentence. */
export const ANIMAL_WORDS = foldedSet('حيوان حيوانات الحيوان الحيوانات حديقة الغابة غابة صياد الصياد صيد الصيد افترس افتراس فريسة زئير اللبؤة لبؤة الأسود أسود الشبل شبل محمية المحمية البيطري قطيع النمر نمر الفيل فيل الزرافة');
export const SENTENCE_BREAK = /[.!?؟\n]/u;
