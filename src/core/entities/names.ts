/**
 * The words that tell a name in news Arabic: titles and offices, the words a title may hold, given names
 * of every origin (src/core/entities/kb/given-names.json), nationality adjectives (src/core/entities/kb/nationalities.json),
 * name particles, and the function words and common nouns that are never a name. All folded (see arabic.ts).
 * Pure data and predicates; discovery.ts applies them.
 */
import { fold } from '../text/arabic';
import givenNamesFile from './kb/given-names.json';
import nationalitiesFile from './kb/nationalities.json';

export const foldedSet = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(fold));

/** Joined and split compound names are one: "عبد الله" and "عبدالله" both fold to "عبدالله". */
export function joinCompound(folded: string): string {
  return folded.replace(/(^| )(عبد|ابو) (?=\S)/gu, '$1$2');
}

/**
 * Offices and titles that open a role (folded, with and without the article): "وزير", "الرئيس",
 * "المتحدثة", "السفير", "الملك", "الشيخ", "الجنرال"... A head may carry و/ف/ل/ب before it.
 */
export const TITLE_HEADS = foldedSet(`
  وزير وزيرة الوزير الوزيرة نائب النائب نائبة رئيس رئيسة الرئيس الرئيسة رئيسا سفير السفير سفيرة السفيرة
  المتحدث المتحدثة متحدث متحدثة الناطق الناطقة ناطق المبعوث المبعوثة مبعوث مبعوثة مساعد مساعدة المساعد
  مستشار مستشارة المستشار المستشارة الممثل الممثلة ممثل ممثلة المندوب المندوبة مندوب مندوبة قائد القائد قائدة
  الجنرال جنرال اللواء العميد العقيد المقدم الرائد النقيب المشير الفريق الأدميرال
  المحلل المحللة محلل الباحث الباحثة الخبير الخبيرة الكاتب الكاتبة الصحفي الصحافي الصحفية الصحافية
  الأستاذ الأستاذة الدكتور الدكتورة البروفيسور الشيخ الشيخة الأمير الأميرة الملك الملكة السلطان
  الإمبراطور الإمبراطورة البابا الكاردينال البطريرك المطران الأسقف الحاخام المفتي الإمام الداعية المرشد
  مدير مديرة المدير المديرة عضو عضوة زعيم الزعيم زعيمة الزعيمة المحامي المحامية المنسق منسق المنسقة
  محافظ المحافظ محافظة عمدة العمدة حاكم الحاكم المفوض مفوض المفوضة السيناتور القيادي القيادية المعارض المعارضة
  الناشط الناشطة الأمين أمين الأمينة الوكيل وكيل القاضي لاعب لاعبة سفيرا وزيرا القائم القاضية المدعي النجم النجمة اللاعب اللاعبة المدرب المدربة
  الفنان الفنانة المطرب المطربة المخرج المخرجة الروائي الروائية الأديب الأديبة الشاعر الشاعرة الممثلة المغني المغنية
  السيد السيدة المهندس المهندسة رجل سيدة السياسي السياسية الدبلوماسي الدبلوماسية
  القنصل القنصلة قنصل المفتش المفتشة مفتش المحقق المحققة المقرر المقررة الوالي والي الوسيط المرشح المرشحة
  المراسل المراسلة
`);

/** Heads after which one word alone may be a name ("الرئيس شيراك", "المستشارة ميركل", "الوزيرة رايس", "السيد عمرو"). */
/**
 * Facilities named after people ("مطار جون كنيدي", "جامعة فؤاد الأول", "قصر الإليزيه", "شارع الملك فهد"):
 * a name right after one of these is the facility's, not a person mention.
 */
export const FACILITY_HEADS = foldedSet(`
  مطار ميناء جامعة مدرسة كلية معهد مستشفى مسجد جامع كنيسة قصر شارع ميدان ساحة جسر طريق حي مدينة ملعب استاد
  قاعة مركز مؤسسة جائزة كأس بطولة دورة دوري مسابقة دار سوق برج فندق مجمع مكتبة متحف حديقة قاعدة سد نفق مخيم منتزه
`);

export const STRONG_TITLES = foldedSet(`
  الرئيس الرئيسة الوزير الوزيرة المستشار المستشارة السيناتور الجنرال الملك الملكة الأمير الأميرة الشيخ الشيخة
  السلطان البابا الإمبراطور الإمبراطورة المشير الزعيم الزعيمة السيد السيدة الحاخام الكاردينال المطران البطريرك
  السفير السفيرة المبعوث المبعوثة الدكتور الدكتورة
`);

/** Heads that are ordinary words too ("رجل", "سيدة", "النجم", "الشاعر"): they need a given name after them. */
export const WEAK_TITLES = foldedSet(`الوسيط المرشح المرشحة المراسل المراسلة السياسي السياسية الدبلوماسي الدبلوماسية رجل سيدة النجم النجمة اللاعب اللاعبة الشاعر الشاعرة الكاتب الكاتبة الفنان الفنانة الأستاذ الأستاذة المعارض المعارضة الناشط الناشطة القيادي القيادية الممثل الممثلة`);

/**
 * Words a title may hold between its head and the name, besides any ال-word, -ة noun, nationality
 * adjective or known place: "لدى", "لشؤون", "باسم", "مجلس", "حكومة"...
 */
export const ROLE_WORDS = foldedSet(`
  لدى لشؤون باسم شؤون مجلس وزارة وزراء حزب هيئة لجنة جامعة مركز قوات جيش حركة جبهة تنظيم ولاية منطقة محافظة دولة
  مدينة إدارة مكتب الأمم الخارجية الدفاع الداخلية الوزراء الجمهورية العام العامة الأعلى العليا الدولي الدولية
  مجموعة اتحاد الاتحاد رابطة منظمة معهد صحيفة موقع قناة وكالة شركة بنك البنك الخاص الخاصة حكومة
  خادم الحرمين الشريفين صاحب السمو الملكي جلالة سمو معالي فخامة دولة ولي العهد المشير الفريق المهندس أمير
  خارجية دفاع داخلية عام سابق السابق السابقة الأسبق الأسبقة الحالي الحالية الجديد الجديدة المؤقت المؤقتة
  المكلف المكلفة بالوكالة بالإنابة المنتخب المنتخبة المنتهية المقبل الراحل الراحلة الفخري مجلسي
  كتلة تيار ائتلاف تحالف الكتلة البرلمان برلمان نواب النواب الشيوخ الشعب الكونغرس الكنيست
`);

/** Prepositions a title may hold ("السفير الروسي لدى الولايات المتحدة", "المبعوث الخاص إلى سوريا"). */
export const ROLE_LINKS = foldedSet('في إلى لدى عن من');

/** Name particles: "عبد الله", "بن", "أبو فاعور", "آل سعود", "دي ميستورا", "فون دير لاين". */
export const PARTICLES = foldedSet('عبد بن بنت ابن أبو ابو أبي آل ال دي دو دا فون فان دير دن لا لو أم');

/**
 * Words that are never a name or part of one: function words, verbs of saying and doing in the news,
 * time words, demonstratives, pronouns, and the commonest nouns that follow a title or a given name.
 */
export const NOT_NAME = foldedSet(`
  في على عن من إلى الى الي مع عند لدى حول ضد بين بعد قبل خلال منذ حتى أن إن أنه إنه أنها إنها لأن كان كانت يكون
  قد لقد لم لن لا ما ماذا هل هو هي هم هما نحن أنا أنت هذا هذه ذلك تلك هنا هناك الذي التي الذين اللذين اللتين كل بعض
  غير أي أيضا كما قال قالت يقول تقول أكد أكدت يؤكد تؤكد أشار أشارت يشير تشير أضاف أضافت يضيف صرح صرحت أوضح أوضحت
  أفاد أفادت اعتبر اعتبرت يعتبر شدد شددت لفت ذكر ذكرت كشف كشفت رأى يرى أعلن أعلنت يعلن حذر حذرت توقع وصف وصفت نفى نفت تابع تابعت
  دعا دعت طالب طالبت أبلغ أبدى أجرى التقى التقت زار زارت استقبل استقبلت بحث بحثت وقع وقعت بدأ بدأت وصل وصلت غادر
  غادرت أمر أصدر تلقى تلقت هنأ بعث أرسل عقد عقدت ترأس ترأست افتتح رعى شارك شاركت حضر حضرت ألقى أبرق اجتمع اجتمعت
  قام قامت جدد جددت أعرب أعربت رحب رحبت ندد نددت أدان أدانت اتهم اتهمت رفض رفضت وافق وافقت طلب طلبت أمل
  اليوم أمس غدا الأسبوع الشهر العام السنة صباح مساء الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
  يوم تم خلاله فيما يلي إثر أمام ثم حينذاك حينها وقتها آنذاك إلا بأن قوله يرحمه رحمه حفظه حفظهما حفظها الله
  نصه مؤتمر بيان صحفي صحافي عدد جديدها الفاقد وأن فإن وإن كأن أو أم لكن بل حين حيث عندما مؤخرا بهدف أيضاً كذلك
  جدا نفسه نفسها نفسهم ذاته ذاتها شخصيا بدوره بدورها عبر وفق وفقا حسب بحسب نحو لدى إزاء تجاه دون سوى عقب ضمن
  يا أيها أيتها سبحانه تعالى صلى عليه وسلم رضي عنه
  فقط أدى أدت لأي لما لكن فلما ولما كأن فقد وقد لقد إذا اذا إذ لو لولا كي لكي مما عما بما كلما ربما إنما أما بينما طالما سواء
  لاحقا سابقا حاليا مجددا رسميا شخصيا فعليا نهائيا أخيرا مؤخراً قريبا تقريبا خصوصا خاصة عموما أصلا فضلا علاوة
  نشر قرر عاد توجه قدم أنهى أضحى أصبح بات ظل ليس لست صار كاد عاش ولد توفي رحل فاز خسر لعب سجل
  خارج داخل يومين أسبوعين شهرين عامين سنتين ساعتين دقيقتين مرتين
  أول ثاني ثالث آخر أخرى أخر نفس عدة أكثر أقل أكبر أصغر أهم أبرز جميع كافة معظم أغلب أفضل أحسن أسوأ أعلى أدنى أقوى
`);

/** Verbs of saying, folded: "قال السنيورة" names the person a title introduced earlier. */
export const SPEECH_VERBS = foldedSet(`
  قال قالت أكد أكدت أشار أشارت أضاف أضافت صرح صرحت أوضح أوضحت اعتبر اعتبرت شدد شددت لفت ذكر ذكرت كشف كشفت رأى
  أعلن أعلنت حذر حذرت توقع توقعت وصف وصفت نفى نفت تابع تابعت دعا دعت طالب طالبت يقول تقول يرى ترى يشير تشير أفاد أفادت
`);

/**
 * Common nouns that follow a title or a given name in news and are never a name ("اتصالا هاتفيا", "برقيات
 * التهاني", "الحكومة", "شرق"); unlike NOT_NAME they may stand inside a role ("المتحدث باسم الحكومة").
 */
export const COMMON_NOUNS = foldedSet(`
  لقاء اتصالا هاتفيا اتصال برقية برقيات التهاني تهنئة رسالة كلمة خطاب زيارة جولة محادثات مباحثات اجتماع قمة
  الاسلام الإسلام الانسان الإنسان المسلمين العرب الشعب البلاد الدولة الحكومة الوزارة المملكة المنطقة العالم
  حقوق شؤون قضايا مسائل أمور شأن قضية مسألة أمر حال حالة إطار مجال صعيد مستوى نطاق جانب طرف أطراف
  اتصالات اتصالين مكالمة رسائل بيانا بيانات تصريح تصريحات كلمته زيارته لقاءات جلسة جلسات
  الأولى الثانية الثالثة الأخيرة الأخير
  جماهير جمهور فريق الفريق منتخب المنتخب أسعار شركات سندات أسهم برنامج برنامجا
  شرق غرب شمال جنوب وسط الشرق الغرب الشمال الجنوب الوسط شرقي غربي شمالي جنوبي
`);

/** Ordinals: part of a name after a given name ("عبدالله الثاني", "محمد السادس"), never alone. */
export const ORDINALS = foldedSet('الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي عشر');

/** Given names by origin (Arabic script), folded and joined ("عبد الله" → "عبدالله"). */
interface GivenNamesFile {
  names: Record<string, string[]>;
  ambiguous?: string[];
}

const given = givenNamesFile as GivenNamesFile;
/** Every given name of the lexicon. */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(Object.values(given.names).flat().map((n) => joinCompound(fold(n))));
/** Given names written with a final ة ("عائدة", "أسامة"): the same letters with a final ه are a noun and its pronoun ("عائده"). */
export const TA_MARBUTA_GIVEN_NAMES: ReadonlySet<string> = new Set(
  Object.values(given.names)
    .flat()
    .filter((n) => n.endsWith('ة'))
    .map((n) => joinCompound(fold(n))),
);
/** Given names of the Arabic, Persian, Turkish and Kurdish lists: names that take an ال-surname ("فؤاد السنيورة"). */
export const REGIONAL_GIVEN_NAMES: ReadonlySet<string> = new Set(
  Object.entries(given.names)
    .filter(([origin]) => /^(arabic|arabic-female|persian|turkish|kurdish)$/u.test(origin))
    .flatMap(([, names]) => names.map((n) => joinCompound(fold(n)))),
);
/**
 * Given names that are also ordinary words ("علي" the preposition written without dots, "سلام", "أمل", "جمال"):
 * the lexicon's list, and any name of two letters or less ("هو", "لي") or that folds onto a function word or
 * a common noun ("بان" is "بأن", "لاي" is "لأي").
 */
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = new Set([
  ...(given.ambiguous ?? []).map((n) => joinCompound(fold(n))),
  ...[...GIVEN_NAMES].filter((n) => n.length <= 2 || NOT_NAME.has(n) || COMMON_NOUNS.has(n)),
]);

interface NationalitiesFile {
  adjectives: { of: string; m: string[]; f: string[] }[];
}

/** Nationality and origin adjectives with and without ال, masculine and feminine: "البريطاني", "الأميركية", "أممي". */
export const NATIONALITY_ADJECTIVES: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const { of, m, f } of (nationalitiesFile as NationalitiesFile).adjectives) {
    for (const w of [...m, ...f]) {
      const folded = fold(w);
      if (!out.has(folded)) out.set(folded, of);
      if (!out.has('ال' + folded)) out.set('ال' + folded, of);
    }
  }
  return out;
})();

/** A country's masculine nationality adjectives as written, by its ISO code: "QA" → ["قطري"] ("المنتخب القطري"). */
export const MASCULINE_NATIONALITIES: ReadonlyMap<string, readonly string[]> = new Map(
  (nationalitiesFile as NationalitiesFile).adjectives.map(({ of, m }) => [of, m]),
);

/** A given name that is not also an ordinary word. */
export function isClearGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word) && !AMBIGUOUS_GIVEN_NAMES.has(word);
}
