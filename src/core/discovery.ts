/**
 * Discovery of people the knowledge base does not know, from the title cues of news Arabic:
 * "وزير الخارجية الروسي، سيرغي لافروف", "السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف",
 * "المحلل السياسي، حسام نجار", "نائب رئيس الوزراء الروسي يوري بوريسوف". The role is kept as the text
 * states it. Pure TypeScript; precision over recall (a wrong "official" is worse than a missed one).
 */
import { fold, FoldedText, foldWithMap } from './arabic';
import { EndingFilter, mayHaveProclitic, proclitic, Token, tokenize } from './tokenize';

export interface Discovery {
  /** The name as written, and its range in the original text. */
  name: string;
  start: number;
  end: number;
  /** The folded name: the key that merges discoveries of the same person across articles. */
  key: string;
  /** The role as written ("نائب رئيس الوزراء الروسي"), and its range. */
  role: string;
  roleStart: number;
  roleEnd: number;
}

const folded = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(fold));

/** Words that open a title: the cue. With و/ف before them, and ال where the title takes it. */
const ROLE_HEADS = folded(`
  وزير وزيرة الوزير نائب النائب رئيس رئيسة الرئيس الرئيسة سفير السفير سفيرة السفيرة المتحدث المتحدثة متحدث الناطق
  ناطق المبعوث مبعوث مساعد مستشار مستشارة المستشار المستشارة الممثل ممثل المندوب مندوب قائد القائد
  الجنرال اللواء العميد العقيد المحلل المحللة محلل الباحث الباحثة الخبير الخبيرة الكاتب الكاتبة الصحفي الصحافي
  الأستاذ الدكتور الشيخ الأمير الملك مدير مديرة المدير المديرة عضو عضوة زعيم الزعيم المحامي المحامية المنسق منسق
  محافظ المحافظ عمدة المفوض مفوض السيناتور النائبة القيادي المعارض الناشط الناشطة رئيسا
`);

/** Words that cannot be part of a name: function words, verbs of saying, time words, demonstratives. */
const NOT_NAME = folded(`
  في على عن من إلى الى الي مع عند لدى حول ضد بين بعد قبل خلال منذ حتى أن إن أنه إنه أنها إنها لأن كان كانت يكون
  قد لقد لم لن لا ما ماذا هل هو هي هم هذا هذه ذلك تلك هنا هناك الذي التي الذين اللذين كل بعض غير أي أيضا كما
  قال قالت يقول تقول أكد أكدت يؤكد أشار أشارت يشير أضاف أضافت صرح أوضح أوضحت اعتبر يعتبر شدد لفت ذكر كشف رأى يرى
  أعلن أعلنت حذر توقع وصف نفى تابع دعا دعت طالب أبلغ أبدى أجرى التقى زار استقبل بحث وقع بدأ
  اليوم أمس غدا الأسبوع الشهر العام السنة صباح مساء الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
  يوم تم خلاله فيما يلي إثر أمام ثم حينذاك إلا بأن قوله يرحمه رحمه حفظه حفظهما حفظها الله نصه مؤتمر بيان صحفي صحافي
  عدد جديدها الفاقد بأن لأن وأن فإن وإن كأن أو أم لكن بل حين حيث عندما مؤخرا مؤخراً بهدف أيضاً كذلك جدا
`);

/** The endings of the role heads: most words cannot be one, with or without clitics. */
const ROLE_HEAD_ENDINGS = new EndingFilter(ROLE_HEADS);

/** Words inside a role between its head and the name ("لدى", "لشؤون", "باسم"): never a name's first word. */
const ROLE_WORDS = folded(`
  لدى لشؤون باسم شؤون مجلس وزارة وزراء حزب هيئة لجنة جامعة مركز قوات جيش حركة جبهة تنظيم ولاية منطقة محافظة دولة
  مدينة إدارة مكتب الأمم الخارجية الدفاع الداخلية الوزراء الجمهورية العام العامة الأعلى العليا الدولي الدولية
  مجموعة اتحاد الاتحاد رابطة منظمة معهد صحيفة موقع قناة وكالة شركة بنك البنك الخاص الخاصة
  خادم الحرمين الشريفين صاحب السمو الملكي جلالة سمو معالي فخامة دولة ولي العهد المشير الفريق المهندس أمير
`);

/** Prepositions a title may hold ("السفير الروسي لدى الولايات المتحدة", "المبعوث الخاص إلى سوريا"). */
const ROLE_LINKS = folded('في إلى لدى عن من');

/** Name particles: "عبد الله", "بن", "أبو فاعور", "آل سعود". */
const PARTICLES = folded('عبد بن بنت ابن أبو ابو أبي آل ال دي فون فان');

/** Given names common in the news: a name starting with one needs no comma before it. */
const GIVEN_NAMES = folded(`
  محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد سعيد سعد سعود فيصل عبدالله عبدالعزيز عبدالرحمن عبداللطيف
  إبراهيم ابراهيم إسماعيل يوسف يونس موسى عيسى سليمان داود سليم سامي سمير سالم صالح طارق عادل عماد عمرو ماجد مازن
  نبيل نزار نصر هشام وائل وليد ياسر يحيى زياد رياض رامي رائد بسام بشار باسل جمال جميل حسام حمد حمزة خليل رفيق رضا
  زكريا زهير سامر شادي صلاح طلال عامر عبدالحليم عبدالسلام غسان فادي فارس فؤاد فواز كمال لؤي ماهر مجد معاذ منذر
  منصور مهدي ناصر نعيم هاني هيثم وليد جواد جعفر حيدر قاسم كاظم مرتضى نوري إياد أيمن أنس أسامة بدر تركي ثامر
  جابر حامد حمود راشد سلطان سلمان عبيد فهد مشعل مقرن نايف نواف هادي عبدربه رجب أحمت مولود بن
  سيرغي سيرجي سيرغيي أناتولي أندريه ألكسندر الكسندر ديمتري دميتري فلاديمير فاسيلي ميخائيل نيكولاي يوري إيغور
  إيفان بوريس فيكتور فاليري ماريا ميخائيل غينادي ليونيد أليكسي ألكسي رمضان
  جو جون جوزيف جيمس جيفري جورج مايك مايكل روبرت ريتشارد ويليام وليام ديفيد دونالد باراك هيلاري أنتوني أنطوني
  جاك جان إيمانويل فرانسوا أنغيلا أنجيلا بوريس تيريزا كريستوفر توماس بيتر بول مارك ستيفان ستيفن ستافان غير
  جير أنطونيو بان كوفي كمال حسن ريجيب
`);

const MAX_ROLE_WORDS = 9;
const MAX_NAME_WORDS = 4;
/** How far a quoted name's closing quote may be. */
const QUOTED_NAME_CHARS = 48;

const COMMA = /[،,]/u;
const HARD_STOP = /[.!?؟:;؛()\[\]»”\n]/u;
/** A quotation opening right after the title: the name is quoted ("نائب وزير الخارجية الروسي “سيرغي فيرشينين”"). */
const OPEN_QUOTE = /[“«"]/u;

function gapOf(original: string, a: Token, b: Token): string {
  return original.slice(a.end, b.start);
}

/** A word a title may hold between its head and the name: the article ال, a -ة noun, a title or linking word. */
function isRoleWord(t: Token, original: string): boolean {
  if (t.text.startsWith('ال') || /ة$/u.test(original.slice(t.start, t.end))) return true;
  return proclitic(t.text).some((f) => f.form.startsWith('ال') || ROLE_WORDS.has(f.form) || ROLE_HEADS.has(f.form) || ROLE_LINKS.has(f.form));
}

/** A name word: Arabic letters only, not a function or role word, not a -ة noun or -ية adjective. */
function isNameWord(t: Token, original: string, first: boolean): boolean {
  const w = t.text;
  if (w.length < 2 && !PARTICLES.has(w)) return false;
  if (!/^[\u0621-\u064a]+$/u.test(w)) return false;
  // A function, title or honorific word, bare or behind its clitics ("ومعالي", "والمحلل", "بأن").
  if (!GIVEN_NAMES.has(w) && proclitic(w).some((f) => NOT_NAME.has(f.form) || ROLE_HEADS.has(f.form) || ROLE_WORDS.has(f.form))) return false;
  if (first && w.startsWith('ال')) return false;
  // A present-tense verb ("يوضح", "يتحدث", "تقديم" aside): ي/ت + three letters or more, unless a known given name.
  if (first && /^[يت]/u.test(w) && w.length >= 4 && !GIVEN_NAMES.has(w)) return false;
  if (w.startsWith('و') && !GIVEN_NAMES.has(w)) return false; // "… ومنصور": a second person; "وكأس": a conjunction
  const raw = original.slice(t.start, t.end);
  if (/ة$/u.test(raw) && !GIVEN_NAMES.has(w)) return false; // الخارجية، وزارة: nouns and adjectives
  if (/^(ل|ب|ك)ا?ل/u.test(w) && !GIVEN_NAMES.has(w)) return false; // للشؤون، بالرئيس
  return true;
}

/**
 * People named after a title cue. `known(start, end)` tells whether a known entity is named there (then the cue
 * names someone already known: not a discovery); `knownPerson(start, end)` whether a known person is — a title
 * that runs into one ("الرئيس أوباما إلى …") is theirs, and nothing after it is a name.
 */
export function discoverPeople(
  original: string,
  foldedText: FoldedText = foldWithMap(original),
  known: (start: number, end: number) => boolean = () => false,
  knownPerson: (start: number, end: number) => boolean = () => false,
): Discovery[] {
  const tokens = tokenize(original, foldedText);
  const out: Discovery[] = [];
  let i = 0;
  while (i < tokens.length) {
    const head = tokens[i]!;
    // The title may carry clitics: "ونائب", "لنائب رئيس الوزراء".
    const headForm = !ROLE_HEAD_ENDINGS.mayMatch(head.text) ? undefined : (mayHaveProclitic(head.text) ? proclitic(head.text) : ROLE_HEADS.has(head.text) ? [{ form: head.text, prefix: 0 }] : []).find((f) => ROLE_HEADS.has(f.form) && (f.prefix === 0 || !f.form.startsWith('ال') || head.text.startsWith('لل')));
    if (!headForm) {
      i++;
      continue;
    }
    const found = nameAfterRole(original, tokens, i, knownPerson);
    if (!found) {
      i++;
      continue;
    }
    const { nameFrom, nameTo } = found;
    const first = tokens[nameFrom]!;
    const last = tokens[nameTo]!;
    if (!known(first.start, last.end)) {
      // Drop the clitics before the title; "للمبعوث" (ل + المبعوث, its alef elided) keeps "مبعوث".
      const prefix = head.text.startsWith('لل') && headForm.form.startsWith('ال') ? 2 : headForm.prefix;
      const roleStart = prefix === 0 ? head.start : foldedText.starts[head.folded + prefix]!;
      const roleEnd = tokens[nameFrom - 1]!.end;
      out.push({
        name: original.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        key: keyOf(tokens.slice(nameFrom, nameTo + 1).map((t) => t.text)),
        role: original.slice(roleStart, roleEnd),
        roleStart,
        roleEnd,
      });
    }
    i = nameTo + 1;
  }
  return out;
}

/** The folded name as one key: "عبد الرحمن" and "عبدالرحمن" are one name. */
export function keyOf(words: readonly string[]): string {
  return words.join(' ').replace(/(^| )(عبد|ابو) /gu, '$1$2');
}

/** After the role head at `h`: the name's first and last tokens, or undefined when none is clear. */
function nameAfterRole(original: string, tokens: readonly Token[], h: number, knownPerson: (start: number, end: number) => boolean): { nameFrom: number; nameTo: number } | undefined {
  for (let k = h + 1; k <= h + MAX_ROLE_WORDS && k < tokens.length; k++) {
    const gap = gapOf(original, tokens[k - 1]!, tokens[k]!);
    if (HARD_STOP.test(gap)) return undefined; // the role ran into a sentence end or a quotation's end
    if (/\d/u.test(tokens[k]!.text)) return undefined; // a date or a figure: not a title
    if (knownPerson(tokens[k]!.start, tokens[k]!.end)) return undefined; // "الرئيس أوباما …": the title is theirs
    const quoted = OPEN_QUOTE.test(gap);
    if (quoted && k > h + 1) {
      // A quoted name: 2–4 words of letters up to the closing quote.
      const rest = original.slice(tokens[k]!.start, tokens[k]!.start + QUOTED_NAME_CHARS);
      const closing = rest.search(/[”»"]/u);
      const close = closing < 0 ? -1 : tokens[k]!.start + closing;
      let to = k;
      while (close >= 0 && to + 1 < tokens.length && tokens[to + 1]!.start < close) to++;
      const words = tokens.slice(k, to + 1);
      if (close >= 0 && words.length >= 2 && words.length <= MAX_NAME_WORDS && words.every((t, n) => isNameWord(t, original, n === 0))) {
        return { nameFrom: k, nameTo: to };
      }
      return undefined;
    }
    if (NOT_NAME.has(tokens[k]!.text) && !COMMA.test(gap)) {
      // A function word inside the role ("المبعوث الأممي الخاص إلى سوريا") is fine; a verb or "أن" ends it.
      if (!ROLE_LINKS.has(tokens[k]!.text)) return undefined;
      continue;
    }
    const afterComma = COMMA.test(gap) || OPEN_QUOTE.test(gap);
    if (OPEN_QUOTE.test(gap) && k === h + 1) return undefined; // "الرئيس “…”": a quotation, not a name
    if (!isNameWord(tokens[k]!, original, true)) {
      if (afterComma) return undefined; // "الرئيس الروسي، الذي …"
      // Only the words of a title go on: "الخارجية", "وزارة", "لشؤون"; a verb ends it ("الشيخ يوضح …").
      if (!isRoleWord(tokens[k]!, original)) return undefined;
      continue;
    }
    // A name of 2–4 words from k, ending at punctuation, a function word, a verb or the end.
    let to = k;
    while (to + 1 < tokens.length && to - k + 1 < MAX_NAME_WORDS) {
      const g = gapOf(original, tokens[to]!, tokens[to + 1]!);
      if (COMMA.test(g) || HARD_STOP.test(g) || OPEN_QUOTE.test(g) || /[-–—]/u.test(g)) break;
      if (!isNameWord(tokens[to + 1]!, original, false)) break;
      to++;
    }
    while (to > k && PARTICLES.has(tokens[to]!.text)) to--; // a trailing "بن" or "أبو" is not the end of a name
    if (to === k) {
      if (afterComma) return undefined;
      continue; // one word: too weak a name
    }
    const next = tokens[to + 1];
    const boundary = !next || /[،,.!?؟:;؛()\n«»“”"-]/u.test(gapOf(original, tokens[to]!, next)) || NOT_NAME.has(next.text) || /^[وف]?(قال|اكد|اشار|اضاف|اوضح)/u.test(next.text);
    // After a comma the cue is strong, unless the title is a bare head ("أكد السفير، وجود القوات …").
    const strongComma = afterComma && k > h + 1;
    // A bare title ("الرئيس", "الكاتب") with neither comma nor quote needs a known given name: after one, too
    // many words are not names ("الرئيس أطراف الحديث").
    if (strongComma || (boundary && k > h + 1)) return { nameFrom: k, nameTo: to };
    // A known given name with no clear end: keep two words ("الملك عبدالله الثاني بدعم …" → عبدالله الثاني).
    if (GIVEN_NAMES.has(tokens[k]!.text)) return { nameFrom: k, nameTo: Math.min(to, k + 1 + (PARTICLES.has(tokens[k + 1]!.text) ? 1 : 0)) };
    return undefined;
  }
  return undefined;
}
