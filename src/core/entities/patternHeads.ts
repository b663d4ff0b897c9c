/**
 * The heads a name found by pattern starts with ("وزارة", "حزب", "قانون" …, each with how it takes its name) and
 * the word lists its chain reads (stop words, adjectives, adverbs, generic complements). Data and small predicates
 * for patterns.ts. Pure TypeScript.
 */
import { fold } from '../text/arabic';
import { foldedSet } from './names';

/** The folded words of a list (one helper for every lexicon: names.ts). */
export const folded = foldedSet;

/** How a head takes its name. */
export interface Head {
  type: 'organisation' | 'law';
  kind: string;
  /** An unknown word right after the head is a proper name ("حركة حماس", "شركة أرامكو"). */
  proper?: boolean;
  /** Media: a proper name of up to three unknown words ("صحيفة يديعوت أحرونوت", "صحيفة نيويورك تايمز"). */
  media?: boolean;
  /** A weak head (مركز، لجنة، كلية …): one definite complement alone is too generic ("مركز المدينة", "كلية الطب"). */
  weak?: boolean;
  /** First complements that make the phrase generic for this head ("مجلس الإدارة", "حركة السير"). */
  generic?: Set<string>;
  /** A club's word before its city ("أولمبيك خريبكة", "حسنية أكادير"): the word after it is a name whatever its shape. */
  club?: boolean;
  /** Only a proper or quoted name, never a definite complement ("شبكة التواصل الاجتماعي"). */
  properOnly?: boolean;
  /** The only definite complements taken ("تنظيم القاعدة"; "تنظيم الحياة السياسية" is organising). */
  definiteOnly?: Set<string>;
  /** Names of two bodies' work joined by و: "وزارة الثقافة والإعلام", "حزب العدالة والتنمية". */
  coordinates?: boolean;
  /**
   * One definite noun alone is a common noun phrase ("حركة القمر", "حركة الأرض"): it needs an adjective, a
   * further genitive or a quote after it ("حركة المقاومة الإسلامية"), except the listed names ("حركة الشباب").
   */
  singleNoun?: Set<string>;
  /** First complements that name a body only with an adjective after them: "قوات حفظ السلام الدولية", not "قوات حفظ السلام". */
  needsAdjective?: Set<string>;
}

export const org = (kind: string, extra: Partial<Head> = {}): Head => ({ type: 'organisation', kind, ...extra });

/**
 * Indefinite heads (construct state, with or without و ف ب ل ك before them: "بوزارة", "لحركة"). The same word
 * with ال ("الوزارة") is a reference back, not a name, except the definite heads below.
 */
export const HEADS = new Map<string, Head>();
const addHeads = (words: string, head: Head): void => {
  for (const w of folded(words)) HEADS.set(w, head);
};
// Ministries, parties, movements: name after them is a genitive chain, or (parties, movements) a proper name.
addHeads('وزارة', org('ministry', { coordinates: true }));
addHeads('حزب', org('party', { proper: true, coordinates: true, generic: folded('الحاكم') }));
addHeads('حركة', org('movement', {
  proper: true,
  coordinates: true,
  // "حركة" is also "movement of": traffic, trade, displacement, prices …
  generic: folded(`السير المرور الملاحة النزوح التجارة الطيران الاحتجاج الاحتجاجات الأسواق النقل التنقل البيع الشراء السفن
    البضائع الأسعار الأسهم المسافرين الحجاج السياحة العمران البناء التداول الشحن النمو التاريخ الشارع الزوار المعتمرين
    المركبات السيارات الدخول الخروج العبور الأموال الاستثمار الرياح الجسم الناس المواطنين اللاجئين الهجرة الحياة
    الاقتصاد السوق الإنتاج التصدير الاستيراد الطائرات القطارات الحافلات الأفراد السكان المشاة الجماهير الجيش القوات
    التغيير التاريخية الإصلاح نزوح مرور احتجاج احتجاجات تجارة`),
  singleNoun: folded('الشباب النهضة النجباء التوحيد الوفاق الحوثي الحوثيين الإخوان'),
}));
addHeads('تيار', org('movement', { proper: true, generic: folded('الكهرباء الهواء الماء') }));
addHeads('جماعة', org('group', { proper: true, generic: folded('الضغط') }));
addHeads('منظمة', org('organisation'));
addHeads('جامعة', org('university', { proper: true, coordinates: true, generic: folded('الدول') }));
addHeads('وكالة', org('agency', { proper: true, media: true, generic: folded('الاستخبارات') }));
addHeads('شركة', org('company', { proper: true, generic: folded('الطيران') }));
addHeads('مصرف بنك', org('bank', { proper: true }));
addHeads('صحيفة جريدة', org('newspaper', { proper: true, media: true }));
addHeads('مجلة', org('magazine', { proper: true, media: true }));
addHeads('قناة', org('channel', { proper: true, media: true, generic: folded('السويس') }));
addHeads('إذاعة', org('radio', { proper: true, media: true }));
addHeads('شبكة', org('channel', { proper: true, media: true, properOnly: true }));
addHeads('نادي', org('club', { proper: true }));
addHeads('أولمبيك أولمبي حسنية أسيك مولودية دينامو سبارتاك', org('club', { proper: true, properOnly: true, club: true }));
addHeads('مجلس', org('council', { generic: folded('الإدارة إدارة الأمناء أمناء العزاء الأبناء الآباء الطلاب المحافظة المدينة البلدية') }));
addHeads('هيئة', org('authority', { weak: true, coordinates: true }));
addHeads('جبهة', org('front', { proper: true }));
addHeads('اتحاد', org('union'));
addHeads('جمعية', org('association', { weak: true }));
addHeads('مؤسسة', org('foundation', { weak: true, proper: true, coordinates: true }));
addHeads('صندوق', org('fund', { weak: true, generic: folded('الاقتراع الاقتراعات البريد الانتخاب') }));
addHeads('مركز', org('centre', { weak: true, coordinates: true, generic: folded('المدينة محافظة المحافظة الشرطة') }));
addHeads('معهد', org('institute', { weak: true, proper: true }));
addHeads('محكمة', org('court', { weak: true }));
addHeads('منتدى', org('forum', { weak: true }));
addHeads('تحالف ائتلاف', org('coalition', { weak: true }));
addHeads('لجنة', org('committee', { weak: true, generic: folded('التحقيق تحقيق') }));
addHeads('مفوضية', org('commission'));
addHeads('قوات', org('forces', {
  weak: true,
  // Forces named by who commands them are not a name: "قوات الأمن", "قوات النظام", "قوات الاحتلال".
  generic: folded('الأمن النظام الاحتلال الشرطة الجيش المعارضة الحكومة العدو الأسد البحرية الجوية البرية'),
  // Generic peacekeepers / emergency forces unless whose they are follows: "قوات الطوارئ الدولية" (also spelled الطوارىء).
  needsAdjective: new Set([...folded('حفظ الطوارئ'), fold('الطوارىء')]),
}));
addHeads('جيش', org('army', { proper: true, generic: folded('النظام الاحتلال الأسد العدو') }));
addHeads('كلية', org('college', { weak: true }));
addHeads('أكاديمية', org('academy', { weak: true, coordinates: true }));
addHeads('مستشفى', org('hospital', { weak: true }));
addHeads('تنظيم', org('organisation', { definiteOnly: folded('القاعدة الدولة الإخوان') })); // an unknown word after it is organising ("تنظيم صفوف"); a quoted name stays
/** The other sense of "تنظيم" (organising) and "جبهة" (a front line): not a name. */
export const NOT_PROPER = folded(`
  نزوح مرور احتجاج نفط طيران تأمين اتصالات مقاولات استثمار تطوير نقل شحن إنتاج تصنيع بناء أمن حراسة جديد جديدا كبير
  كبرى صغير ضخم خاص عام رائد مسلح متطرف معارض حاكم عريق واسع إرهابي سياسي دولي عالمي محلي أجنبي عربي رسمي وطني
  إسلامي يساري يميني قوي كبيرا جديدة أخرى آخر واحد واحدة ثالث ثان ثاني جهادي متشدد صغيرا عملاق عملاقة أمريكي روسي
  سعودي سوري ايراني تركي مصري فرنسي بريطاني ألماني صيني إسرائيلي عراقي لبناني يمني قطري مسلحة عسكري موحد مشترك
  أهلي حكومي خليجي إقليمي كأس إيران مكون مكوّن مؤلف متخصص مختص معني مرتبط تابع مقرب موال بشار فضلا طبعا خمس أربع ثلاث
`);

/** Definite heads: a name only with a nisba adjective after them ("الجيش السوري", "البنك الدولي"). */
export const DEF_HEADS = new Map<string, Head>();
const addDefHeads = (words: string, head: Head): void => {
  for (const w of folded(words)) DEF_HEADS.set(w, head);
};
addDefHeads('البنك', org('bank'));
addDefHeads('الجيش', org('army'));
addDefHeads('الاتحاد', org('union'));
addDefHeads('المجلس', org('council'));
addDefHeads('الحزب', org('party'));
addDefHeads('الحرس', org('army'));
addDefHeads('التحالف الائتلاف', org('coalition'));
addDefHeads('الجبهة', org('front'));
addDefHeads('المحكمة', org('court'));
addDefHeads('الوكالة', org('agency'));
addDefHeads('الجامعة', org('university'));
addDefHeads('الهيئة', org('authority'));
addDefHeads('المفوضية', org('commission'));
/**
 * Adjectives of a meeting or an issue, not of a body: "جلسة مجلس الوزراء الأسبوعية" (the session is weekly),
 * "مجلة الكتاب الدورية".
 */
export const MEETING_ADJECTIVES = `الأسبوعية اليومية الشهرية السنوية الدورية العادية الاستثنائية الأسبوعي اليومي الشهري السنوي الدوري
  العادي الاستثنائي`;
/** Adjectives that make a definite head generic ("المجلس البلدي", "الجيش الثاني") or name a country ("الاتحاد السوفيتي"). */
export const DEF_GENERIC = folded(`
  الحالي الحالية الرئيسي الرئيسية المحلي المحلية البلدي البلدية الداخلي الداخلية الثاني الثانية الأول الأولى الثالث
  السوفيتي السوفياتي النظامي الخاص الخاصة العمومية التأسيسي الحاكم الإداري الإدارية الشرعية الشرعي الابتدائية
  المختصة المختص التجاري التجارية الاستئنافية الجزائية الجزائي الجنائي الإلكتروني الإلكترونية الافتراضي
  الأمامي الأمامية العربي السوفييتي الطائفي الطائفية الموالي الموالية القوي
  ${MEETING_ADJECTIVES}
`);

/**
 * Adjectives that name a body's function, any body's: a name only with more after them ("الهيئة السياسية" of any
 * coalition, "الهيئة الاستشارية"; but "المجلس السياسي الأعلى"). "المجلس التشريعي" (Palestine's) stays a name.
 */
export const DEF_WEAK = folded('السياسي السياسية الاستشاري الاستشارية');

/** Ministries named without "وزارة" before a nationality adjective: "الخارجية الروسية", "الدفاع الأمريكية". */
export const MINISTRY_NOUNS = folded('الخارجية الداخلية الدفاع');

/** Nationalities (stems: + ي / + ية), for "الخارجية الأمريكية". */
export const NATION_STEMS = new Set(
  `أمريك أميرك روس سعود سور إيران تورك ترك فرنس بريطان ألمان صين إسرائيل مصر عراق أردن لبنان إمارات قطر كويت بحرين عمان
   يمن ليب تونس جزائر مغرب سودان فلسطين باكستان هند يابان كور إيطال إسبان أوكران كند أسترال هولند بلجيك سويد نروج
   دنمارك يونان قبرص أفغان إثيوب نيجير صومال موريتان برازيل أرجنتين مكسيك فنزويل كوب إندونيس ماليز سويسر نمساو`
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => fold('ال' + s)),
);
export function isNationality(w: string, feminineOnly = false): boolean {
  const stem = w.endsWith('يه') ? w.slice(0, -2) : !feminineOnly && w.endsWith('ي') ? w.slice(0, -1) : undefined;
  return stem !== undefined && NATION_STEMS.has(stem);
}

/** Adjectives of names that are no nisba: "الأمم المتحدة", "المحكمة العليا", "الجيش الحر", "الهلال الأحمر". */
export const ADJECTIVES = folded(`
  المتحدة المتحد العليا الأعلى الحر الحرة العام العامة الأحمر الأخضر الكبرى العظمى الخاص الخاصة الموحد الموحدة
  المستقل المستقلة الدائمة الدائم المسلحة المسلح الشريف الشريفين المشتركة المشترك الوسطى الأوسط الجديد الجديدة
  السريع الذرية المفتوحة الحرة الكريم الكريمة المقدس المقدسة الأهلي
`);

/** Words that end a name (definite ones included: the chain takes definite words). */
export const STOP = folded(`
  الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللائي إلى الى إلا الآن اليوم الأمس أمس غدا الأحد الاثنين
  الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الماضية الحالي الحالية الجاري الجارية المقبل المقبلة القادم القادمة
  المنصرم المنصرمة الأسبوع الشهر السنة الأخير الأخيرة أيضا كذلك الرئيس الوزير السفير المتحدث الناطق الأمين المبعوث
  المندوب الممثل المدير رئيس وزير رئيسة وزيرة نائب سفير مدير في على عن من مع بين حول ضد خلال بعد قبل منذ لدى عند حتى
  أن إن أنه إنه أنها إنها لأن كان كانت قد لقد لم لن لا ما هل هو هي هم هذا هذه ذلك تلك هؤلاء هنا هناك كل بعض غير أي
  قال قالت أكد أكدت أعلن أعلنت أشار أشارت أضاف أضافت أوضح أوضحت ذكر ذكرت كشف كشفت نفى نفت دعا دعت حذر حذرت طالب طالبت
  بأن وأن فإن وإن أو أم لكن بل حين حيث عندما فيما كما ثم إثر أمام وفق وفقا بحسب حسب نحو عبر إزاء تجاه بشأن بسبب
  الجمعية الجمعيات الحكومة الموالي الموالية الموالين الغالبية الأغلبية الأكثرية الأقلية يوم صباح مساء ليلة تم تمت حيال لصالح ضمن دون عدة
  بينما إذ إذا لذا لذلك كي لكي طالما كلما مثلما مثل أما إما سواء ريثما وبينما فبينما إذن المرة
`);
/**
 * Clitic pronouns (and "ال") that normalised text splits off as tokens ("مجلس ها التنفيذي" is "its council"):
 * never a name after a head, never a construct noun.
 */
export const DETACHED = folded('ه ها هم هما هن كم كما كن نا ي ال');
/** Adverbs and accusatives of degree that end in ا: "ارتفاعا", "تقريبا" ("شركة ارتفاعا" is no company). */
export const ADVERBS = folded(`
  تقريبا أيضا جدا دائما أبدا مؤخرا سابقا حاليا رسميا سنويا يوميا شهريا أسبوعيا أساسا أولا ثانيا خصوصا عموما تماما
  كثيرا قليلا فورا معا جميعا مجددا مجانا أخيرا حديثا فعلا طبعا مثلا غالبا نسبيا تدريجيا تلقائيا نهائيا كليا جزئيا
  ارتفاعا انخفاضا تراجعا تحسنا نموا هبوطا صعودا
`);
/** "العام الماضي" and the like: العام is a time word there, not an adjective ("قانون العفو العام"). */
export const TIME_AFTER_YEAR = folded('الماضي الحالي الجاري المقبل القادم المنصرم');
/** Words after which a name of a person continues a name: "جامعة الملك سعود", "مركز الأمير سلطان". */
export const NAME_TITLES = folded('الملك الأمير الشيخ الإمام');
/** Name particles inside such a name: "جامعة الملك عبد العزيز". */
export const NAME_PARTICLES = folded('عبد بن آل أبو');
/** A coordinated word never joins the name (two bodies, not one): "حزب الله والنظام". */
export const COORD_STOP = folded('النظام الحكومة الجيش القوات المعارضة الشعب الأمن الشرطة الدولة الولايات المملكة');

export const MAX_CHAIN = 7;
export const MAX_QUOTED = 6;
export const QUOTE_CHARS = 80;

/** Only blanks (and marks of no meaning) between two words of a name. */
export const BLANK_GAP = /^[ \t\u00a0\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069]*$/u;
export const OPEN_QUOTE = /^[ \u00a0]*[“«"„‘][ \u00a0]*$/u;
export const CLOSE_QUOTE = /[”»"'’“]/u;
export const ARABIC_WORD = /^[\u0621-\u064a]+$/u;
export const DIGITS = /^[0-9]+$/u;
