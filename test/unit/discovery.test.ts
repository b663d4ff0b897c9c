import * as assert from 'node:assert/strict';
import { discoverPeople, KnownAt, RULES, Rules } from '../../src/core/entities/discovery';
import { recognizeArticle, Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';

/** Discoveries as "name ← role" (or the name alone when a given name told it), under `rules`. */
function found(text: string, rules: Rules = RULES, knownAt?: KnownAt): string[] {
  return discoverPeople(text, undefined, knownAt, rules).map((d) => (d.role ? `${d.name} ← ${d.role}` : d.name));
}

/** A `knownAt` that says `phrase` (wherever it stands in `text`) is a known entity of `type`. */
function knownPhrase(text: string, phrase: string, type: 'place' | 'organisation' | 'person'): KnownAt {
  const start = text.indexOf(phrase);
  const end = start + phrase.length;
  return (s, e) => (s < end && e > start ? type : undefined);
}

/**
 * Each rule with sentences (written for these tests, in the style of news) on which it decides: with every
 * rule on, the discoveries are `want`; with this one rule off, at least one sentence comes out otherwise.
 */
const CASES: Record<keyof Rules, { text: string; want: string[]; known?: [string, 'place' | 'organisation' | 'person'] }[]> = {
  titleCue: [
    { text: 'وقال وزير الدفاع الإندونيسي جوونو سودارسونو إن القوات ستنسحب', want: ['جوونو سودارسونو ← وزير الدفاع الإندونيسي'] },
    { text: 'أعلن المتحدث باسم الحكومة، ميكولا أزاروف، أن الاجتماع تأجل', want: ['ميكولا أزاروف ← المتحدث باسم الحكومة'] },
  ],
  givenNameCue: [{ text: 'وكان جوردون براون قد زار المنطقة قبل عامين', want: ['جوردون براون'] }],
  singleWordAfterTitle: [{ text: 'وقال الرئيس شيراك إن فرنسا لن تقبل بذلك', want: ['شيراك ← الرئيس'] }],
  pronounSuffixEnds: [{ text: 'والتقت وزيرة الخارجية الإندونيسية ريتنو مارسودي بنظيرها الياباني', want: ['ريتنو مارسودي ← وزيرة الخارجية الإندونيسية'] }],
  functionWordEnds: [{ text: 'وصرح المبعوث الأممي جوونو سودارسونو أمس بأن المحادثات مستمرة', want: ['جوونو سودارسونو ← المبعوث الأممي'] }],
  verbDoesNotStart: [{ text: 'وظهر الوزير يتحدث إلى الصحفيين بعد الجلسة', want: [] }],
  ambiguousGivenNeedsEvidence: [{ text: 'وحصل علي دعم كبير من الحكومة', want: [] }],
  alifMaqsuraIsPreposition: [{ text: 'واستقبل الرئيس علي عبدالله صالح الوفد في صنعاء', want: ['علي عبدالله صالح ← الرئيس'] }],
  definiteWordEndsName: [{ text: 'وحضر الجلسة أحمد الخطيب ميشال عون وعدد من النواب', want: ['أحمد الخطيب', 'ميشال عون'] }],
  knownEntityIsNotName: [{ text: 'ووصل الوفد إلى جورج تاون مساء أمس', want: [], known: ['جورج تاون', 'place'] }],
  thirdWordNeedsNameShape: [{ text: 'والتقى جوردون براون زعماء المعارضة في لندن', want: ['جوردون براون'] }],
  linkTakesComplement: [{ text: 'وتوجه رئيس الوزراء إلى هونج كونج أمس', want: [] }],
  indefiniteRoleNeedsGiven: [{ text: 'وقال عضو لجنة إعداد تقويم أم القرى إن الهلال لم يولد', want: [] }],
  facilityIsNotPerson: [{ text: 'وهبطت الطائرة في مطار شارل ديغول مساء أمس', want: [] }],
  pluralIsNotName: [{ text: 'والتقى الوزير البريطاني مسؤولين أمريكيين في لندن', want: [] }],
  accusativeIsNotName: [{ text: 'ووصل الرئيس الفنزويلي قادما من ماليزيا', want: [] }],
  givenThenDefiniteNoun: [{ text: 'وحسم عبدالرحمن البطولة لصالحه في الجولة الأخيرة', want: [] }],
};

describe('discovery of people: each rule decides on its own', () => {
  it('every rule has sentences', () => {
    assert.deepEqual(Object.keys(CASES).sort(), Object.keys(RULES).sort());
  });

  for (const [rule, cases] of Object.entries(CASES) as [keyof Rules, (typeof CASES)[keyof Rules]][]) {
    it(rule, () => {
      const off: Rules = { ...RULES, [rule]: false };
      let decided = false;
      for (const { text, want, known } of cases) {
        const knownAt = known ? knownPhrase(text, known[0], known[1]) : undefined;
        assert.deepEqual(found(text, RULES, knownAt), want, text);
        if (JSON.stringify(found(text, off, knownAt)) !== JSON.stringify(want)) decided = true;
      }
      assert.ok(decided, `switching "${rule}" off changes nothing on its sentences`);
    });
  }
});

describe('discovery of people: the shapes of news', () => {
  it('a title, a nationality and a name of two or three words, as the commonest shape in news', () => {
    assert.deepEqual(found('قال رئيس الوزراء البريطاني توني بلير إن لندن'), ['توني بلير ← رئيس الوزراء البريطاني']);
    assert.deepEqual(found('وقال وزير الخارجية الفرنسي فيليب دوست بلازي إن باريس'), ['فيليب دوست بلازي ← وزير الخارجية الفرنسي']);
    assert.deepEqual(found('وحذرت وزيرة الخارجية الأميركية كوندوليزا رايس بنظيرها'), ['كوندوليزا رايس ← وزيرة الخارجية الأميركية']);
  });

  it('a body the role belongs to: "للأمم المتحدة", "في وزارة الخارجية", a known country', () => {
    const text = 'وقال الأمين العام المساعد للأمم المتحدة تشانغ مينغ إن';
    assert.deepEqual(found(text, RULES, knownPhrase(text, 'الأمم المتحدة', 'organisation')), ['تشانغ مينغ ← الأمين العام المساعد للأمم المتحدة']);
    const uk = 'وقال وزير خارجية بريطانيا جاك سترو إن';
    assert.deepEqual(found(uk, RULES, knownPhrase(uk, 'بريطانيا', 'place')), ['جاك سترو ← وزير خارجية بريطانيا']);
  });

  it('offices beyond government: a consul, an inspector, a rapporteur; a candidate before a given name', () => {
    assert.deepEqual(found('وقال القنصل الأميركي جون سميث إن'), ['جون سميث ← القنصل الأميركي']);
    assert.deepEqual(found('وأكد المقرر الخاص للأمم المتحدة فيليب ألستون أن'), ['فيليب ألستون ← المقرر الخاص للأمم المتحدة']);
    assert.deepEqual(found('وقال المرشح الجمهوري دونالد ترامب في خطاب'), ['دونالد ترامب ← المرشح الجمهوري']);
    assert.deepEqual(found('وقال المرشح الأوفر حظا إن'), []);
  });

  it('names of any origin after a title: Persian, Turkish, Russian, Chinese, Japanese', () => {
    assert.deepEqual(found('وأكد وزير الخارجية الإيراني منوشهر متكي أن'), ['منوشهر متكي ← وزير الخارجية الإيراني']);
    assert.deepEqual(found('وقال رئيس الوزراء التركي رجب طيب أردوغان إن'), ['رجب طيب أردوغان ← رئيس الوزراء التركي']);
    assert.deepEqual(found('وقال وزير الزراعة الياباني شويتشي ناكاغاوا إن'), ['شويتشي ناكاغاوا ← وزير الزراعة الياباني']);
  });

  it('a title after the name, a copula in the role, a compound written apart, a patronymic family name', () => {
    assert.deepEqual(found('وأكد مجذوب الخليفة مستشار الرئيس السوداني في تصريحات أمس'), ['مجذوب الخليفة ← مستشار الرئيس السوداني']);
    assert.deepEqual(found('وقال مصدر دبلوماسي مسؤول في الوزارة إن'), []);
    assert.deepEqual(found('وأعرب المتحدث باسم الخارجية هو توم كايسي عن أمله'), ['توم كايسي ← المتحدث باسم الخارجية هو']);
    assert.deepEqual(found('واستقبل الشيخ عبد الرحمن بن سعود آل ثاني الوفد'), ['عبد الرحمن بن سعود ← الشيخ']);
    assert.deepEqual(found('وقال وزير الإسكان ماجد بن عبدالله الحقيل إن'), ['ماجد بن عبدالله الحقيل ← وزير الإسكان']);
  });

  it('the name ends at a verb, a preposition, punctuation or a clitic-carrying noun', () => {
    assert.deepEqual(found('وقال وزير الخارجية الفرنسي فيليب دوست بلازي، في مؤتمر صحفي'), ['فيليب دوست بلازي ← وزير الخارجية الفرنسي']);
    assert.deepEqual(found('وبحث رئيس الوزراء الإسباني خوسيه ثباتيرو مع ضيفه'), ['خوسيه ثباتيرو ← رئيس الوزراء الإسباني']);
  });
});

describe('discovery in an article: coreference and precision', () => {
  const recognizer = new Recognizer(builtInEntities());
  const people = (text: string): string[] =>
    recognizeArticle(recognizer, text)
      .mentions.filter((m) => m.type === 'person')
      .map((m) => `${m.text}=${m.entity}`);

  it('after a full mention, the surname alone is the same person; the same name across the text is one entity', () => {
    const text = 'وقال وزير الدفاع الإندونيسي جوونو سودارسونو إن القوات ستبقى. وأضاف سودارسونو أن الحكومة لن تتراجع.';
    assert.deepEqual(people(text), ['جوونو سودارسونو=~جوونو سودارسونو', 'سودارسونو=~جوونو سودارسونو']);
  });

  it('a one-word name after a title counts alone again only with context (a title or a verb of saying)', () => {
    const text = 'وقال الرئيس كوتشمار إن بلاده ستشارك. وكرر كوتشمار موقفه. ثم قال كوتشمار إن الوقت حان.';
    assert.deepEqual(people(text), ['كوتشمار=~كوتشمار', 'كوتشمار=~كوتشمار']);
  });

  it('the knowledge base wins: a title before a known person discovers nothing', () => {
    const { discovered, mentions } = recognizeArticle(recognizer, 'وقال رئيس الوزراء البريطاني توني بلير إن');
    assert.deepEqual(discovered.filter((e) => e.type === 'person'), []);
    assert.deepEqual(mentions.filter((m) => m.type === 'person').map((m) => m.entity), ['tony-blair']);
  });

  it('no junk people: function words, the preposition على, common nouns, places and buildings', () => {
    for (const text of [
      'وأصر على موقفه وأكد قدرته على تجاوز الأزمة',
      'وتلقى برقيات التهاني من القادة العرب',
      'وأجرى الوزير اتصالا هاتفيا بنظيره',
      'وزار الوفد هونج كونج وقصر بكينغهام',
      'وتحدث الرئيس عن مناقشات بشأن الاتفاق',
    ]) {
      assert.deepEqual(people(text), [], text);
    }
  });
});
