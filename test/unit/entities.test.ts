import * as assert from 'node:assert/strict';
import { Corpus, CorpusFile } from '../../src/core/corpus/corpus';
import { discoverPeople } from '../../src/core/entities/discovery';
import { Entity, findStatements, mergeKnowledgeBases, Mention, recognizeArticle, Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { readSeeds } from './helpers';

const recognizer = new Recognizer(builtInEntities());
const seeds = readSeeds();
const seed = (prefix: string): { name: string; text: string } => seeds.find((s) => s.name.startsWith(prefix))!;

/** Per entity (by English name), the spellings found and how many mentions: people and laws of one text. */
function peopleAndLaws(mentions: readonly Mention[]): Record<string, { count: number; spellings: string[] }> {
  const out: Record<string, { count: number; spellings: string[] }> = {};
  for (const m of mentions) {
    if (m.type !== 'person' && m.type !== 'law') continue;
    const e = recognizer.entities.get(m.entity);
    const key = e?.nameEn || m.entity;
    const slot = (out[key] ??= { count: 0, spellings: [] });
    slot.count++;
    if (!slot.spellings.includes(m.text)) slot.spellings.push(m.text);
  }
  for (const v of Object.values(out)) v.spellings.sort();
  return out;
}

const sorted = (...xs: string[]): string[] => xs.sort();

describe('entity recognition on the seeds', () => {
  // Every official and law each seed names, with every spelling it uses, and nothing else (no false positives).
  const expected: Record<string, Record<string, { count: number; spellings: string[] }>> = {
    '000': {
      'Joe Biden': { count: 5, spellings: sorted('بايدن', 'جو بايدن') },
      'Sergey Lavrov': { count: 3, spellings: sorted('سيرغي لافروف', 'لافروف') },
      'Antony Blinken': { count: 2, spellings: sorted('انتوني بلينكن', 'بلينكن') },
      'Vladimir Putin': { count: 1, spellings: ['فلاديمير بوتين'] },
      'Donald Trump': { count: 1, spellings: ['ترامب'] },
      'Anatoly Antonov': { count: 2, spellings: sorted('أناتولي أنطونوف', 'أنطونوف') },
      'Caesar Syria Civilian Protection Act': { count: 3, spellings: sorted('قيصر', 'قانون قيصر') },
    },
    '001': {
      'Caesar Syria Civilian Protection Act': { count: 1, spellings: ['قانون قيصر'] },
      'Sergey Vershinin': { count: 4, spellings: sorted('سيرغي فيرشينين', 'فيرشينين') },
      'Geir Pedersen': { count: 2, spellings: sorted('غير بيدرسون', 'بيدرسون') },
      'UN Security Council Resolution 2254': { count: 2, spellings: ['قرار مجلس الأمن الدولي رقم 2254'] },
      'John J. Sullivan': { count: 2, spellings: sorted('جون سوليفان', 'سوليفان') },
      'Vladimir Putin': { count: 1, spellings: ['بوتين'] },
      'Bashar al-Assad': { count: 3, spellings: sorted('الأسد', 'بشار الأسد') },
      'Donald Trump': { count: 1, spellings: ['دونالد ترمب'] },
    },
    '002': {
      'Vladimir Putin': { count: 7, spellings: sorted('بوتين', 'فلاديمير بوتين') },
      'Joe Biden': { count: 7, spellings: sorted('بايدن', 'جو بايدن') },
      'Bashar al-Assad': { count: 1, spellings: ['بشار الأسد'] },
    },
    '003': {
      'Anatoly Antonov': { count: 3, spellings: sorted('أناتولي أنتونوف', 'أنتونوف') },
      'US–Russia deconfliction memorandum on Syria': { count: 2, spellings: sorted('آلية “منع الاصطدام', 'اتفاقية “منع الاشتباك') },
      'Joe Biden': { count: 2, spellings: ['جو بايدن'] },
      'Vladimir Putin': { count: 1, spellings: ['فلاديمير بوتين'] },
    },
    '004': {
      'Anatoly Antonov': { count: 2, spellings: sorted('أناتولي أنتونوف', 'أناتولي أنطونوف') },
      'Husam Najjar': { count: 4, spellings: sorted('حسام نجار', 'نجار') },
      'Sochi agreement on Idlib': { count: 1, spellings: ['اتفاقيات سوتشي'] },
      'Yuri Borisov': { count: 2, spellings: sorted('يوري بوريسوف', 'بوريسوف') },
      'Vladimir Putin': { count: 3, spellings: sorted('فلاديمير بوتين', 'بوتين') },
      'Joe Biden': { count: 7, spellings: sorted('جو بايدن', 'بايدن') },
      'Bashar al-Assad': { count: 4, spellings: sorted('بشار الأسد', 'الأسد') },
      'Bassam al-Quwatli': { count: 2, spellings: sorted('بسام القوتلي', 'القوتلي') },
    },
  };

  for (const [prefix, want] of Object.entries(expected)) {
    it(`seed ${prefix}: every official and law, every spelling, nothing else`, () => {
      const { text } = seed(prefix);
      assert.deepEqual(peopleAndLaws(recognizer.recognize(text)), want);
    });
  }

  it('seed 001: the Syrian Constitutional Committee is an organisation, not a law', () => {
    const committee = recognizer.recognize(seed('001').text).filter((m) => m.entity === 'constitutional-committee');
    assert.deepEqual(committee.map((m) => m.text), ['لجنة إعادة صياغة الدستور السوري']);
    assert.equal(recognizer.entities.get('constitutional-committee')?.type, 'organisation');
  });

  it('every mention is the exact original text at its offsets and at its line and character', () => {
    for (const { text } of seeds) {
      for (const m of recognizer.recognize(text)) {
        assert.equal(text.slice(m.start, m.end), m.text);
        const lines = text.split('\n');
        assert.equal(lines[m.range.line]!.slice(m.range.character, m.range.character + (m.end - m.start)), m.text);
      }
    }
  });

  it('Antonov: seven mentions across three articles, in both spellings (أنطونوف and أنتونوف)', () => {
    const all = seeds.flatMap(({ name, text }) => recognizer.recognize(text).filter((m) => m.entity === 'anatoly-antonov').map((m) => ({ name, text: m.text })));
    assert.equal(all.length, 7);
    assert.equal(new Set(all.map((m) => m.name)).size, 3);
    assert.ok(all.some((m) => m.text.includes('أنطونوف')));
    assert.ok(all.some((m) => m.text.includes('أنتونوف')));
  });

  it('"الشرق الأوسط" is the newspaper after "صحيفة" and the region elsewhere', () => {
    const paper = recognizer.recognize('ونقلت صحيفة الشرق الأوسط عن مصدر');
    const region = recognizer.recognize('التوتر في الشرق الأوسط يتصاعد');
    assert.deepEqual(paper.map((m) => m.entity), ['asharq-al-awsat']);
    assert.deepEqual(region.map((m) => m.entity), ['middle-east']);
  });

  it('strips clitics, folds hamza, diacritics, tatweel and the evasion dot', () => {
    const ids = recognizer.recognize('وقال لافروف ولبلينكن والأسد وبالأسـ.ـد وبايدن لـ بلينكن').map((m) => [m.entity, m.text]);
    assert.deepEqual(ids, [
      ['sergey-lavrov', 'لافروف'],
      ['antony-blinken', 'بلينكن'],
      ['bashar-al-assad', 'الأسد'],
      ['bashar-al-assad', 'الأسـ.ـد'],
      ['joe-biden', 'بايدن'],
      ['antony-blinken', 'بلينكن'],
    ]);
    const lavrov = recognizer.recognize('وبلافروف وللافروف ثم لافـروف و لافروفُ ولاَفرُوف').map((m) => [m.entity, m.text]);
    assert.deepEqual(lavrov, [
      ['sergey-lavrov', 'لافروف'],
      ['sergey-lavrov', 'لافروف'],
      ['sergey-lavrov', 'لافـروف'],
      ['sergey-lavrov', 'لافروفُ'],
      ['sergey-lavrov', 'لاَفرُوف'],
    ]);
  });

  it('"الأسد" alone is the al-Assad last named in full in the same text, Bashar by default', () => {
    const ids = (text: string): string[] => recognizer.recognize(text).map((m) => m.entity);
    assert.deepEqual(ids('حكم حافظ الأسد سوريا ثلاثين عاماً، وخلفه بشار الأسد. وقال الأسد'), ['hafez-al-assad', 'syria', 'bashar-al-assad', 'bashar-al-assad']);
    assert.deepEqual(ids('في عهد حافظ الأسد قرر الأسد التدخل في لبنان'), ['hafez-al-assad', 'hafez-al-assad', 'lebanon']);
    assert.deepEqual(ids('التقى الأسد وزير الخارجية أمس'), ['bashar-al-assad']);
  });

  it('finds statements: the sentences in which a person speaks, and only the speaker', () => {
    const got = seeds.flatMap(({ name, text }) =>
      findStatements(text, recognizer.recognize(text)).map((s) => {
        assert.equal(text.slice(s.start, s.end).trim().slice(0, 60), s.text.slice(0, 60));
        return `${name.slice(0, 3)} ${s.entity}: ${s.text.split(' ').slice(0, 3).join(' ')}`;
      }),
    );
    assert.deepEqual(got, [
      '000 sergey-lavrov: وأكد لافروف لنظيره',
      '000 anatoly-antonov: أنطونوف ذكر أنه',
      '003 anatoly-antonov: قال السفير الروسي',
      '003 anatoly-antonov: وسبق أن توقّع',
      '004 anatoly-antonov: إذ قال “أناتولي',
      '004 husam-najjar: المحلل السياسي، حسام',
      '004 husam-najjar: لذلك اعتبر نجار،',
      '004 husam-najjar: وقال نجار: “أن',
      '004 husam-najjar: ولفت نجار، إلى',
      '004 yuri-borisov: وقال بوريسوف بعد',
      '004 bassam-al-quwatli: وقال الباحث والسياسي،',
      '004 bassam-al-quwatli: ويشير القوتلي في',
    ]);
    // Not the speaker: the complement of someone else, the object of a preposition, after "إن".
    const ids = (text: string): string[] => findStatements(text, recognizer.recognize(text)).map((s) => s.entity);
    assert.deepEqual(ids('مسؤول في إدارة الرئيس الأمريكي الجديد جو بايدن، كان قد أكد مؤخراً استمرار العقوبات.'), []);
    assert.deepEqual(ids('وأصدرت الوزارة بياناً قالت فيه، إن “فيرشينين” و”بيدرسون” ناقشا الوضع.'), []);
    assert.deepEqual(ids('وقال بوريسوف بعد لقائه الرئيس السوري بشار الأسد إن التقارب واضح.'), ['yuri-borisov']);
  });
});

describe('the user entity file over the built-in base', () => {
  it('adds aliases to a built-in entity, adds new entities, hides ids, and names bad entries', () => {
    const { entities, problems } = mergeKnowledgeBases(builtInEntities(), {
      people: [
        { id: 'sergey-lavrov', nameAr: 'سيرغي لافروف', nameEn: 'Sergey Lavrov', aliases: ['الثعلب العجوز'] },
        { id: 'ahmad-test', nameAr: 'أحمد الاختباري', nameEn: 'Ahmad Test', aliases: [] },
        { id: 'no-name', nameAr: '', nameEn: 'x', aliases: [] },
      ],
      hide: ['joe-biden'],
    });
    const r = new Recognizer(entities);
    const ids = r.recognize('قال الثعلب العجوز إن أحمد الاختباري التقى جو بايدن').map((m) => m.entity);
    assert.deepEqual(ids, ['sergey-lavrov', 'ahmad-test']);
    assert.deepEqual(problems, ['"no-name" is new and needs a "nameAr"']);
  });
});

describe('discovery of officials from title cues', () => {
  const names = (text: string): Array<[string, string]> => discoverPeople(text).map((d) => [d.name, d.role]);

  it('the four shapes of the issue', () => {
    assert.deepEqual(names('جاء ذلك خلال لقاء بين وزير الخارجية الروسي، سيرغي لافروف، ونظيره'), [['سيرغي لافروف', 'وزير الخارجية الروسي']]);
    assert.deepEqual(names('قال السفير الروسي لدى الولايات المتحدة، أناتولي أنتونوف، إن موسكو'), [['أناتولي أنتونوف', 'السفير الروسي لدى الولايات المتحدة']]);
    assert.deepEqual(names('وفي هذا السياق، يرى المحلل السياسي، حسام نجار، أن'), [['حسام نجار', 'المحلل السياسي']]);
    assert.deepEqual(names('وأعلن نائب رئيس الوزراء الروسي يوري بوريسوف أن'), [['يوري بوريسوف', 'نائب رئيس الوزراء الروسي']]);
  });

  it('quoted names, clitics on the title, names with particles', () => {
    assert.deepEqual(names('أجرى نائب وزير الخارجية الروسي “سيرغي فيرشينين” اتصالاً'), [['سيرغي فيرشينين', 'نائب وزير الخارجية الروسي']]);
    assert.deepEqual(names('وقال وزير الصحة اللبناني وائل أبو فاعور، إن'), [['وائل أبو فاعور', 'وزير الصحة اللبناني']]);
    assert.deepEqual(names('في رسالة لنائب رئيس الوزراء يوري بوريسوف.'), [['يوري بوريسوف', 'نائب رئيس الوزراء']]);
    assert.deepEqual(names('وفي تصريح للمبعوث الأممي السابق إلى اليمن، جمال بنعمر، أن'), [['جمال بنعمر', 'مبعوث الأممي السابق إلى اليمن']]);
  });

  it('no person where the title is followed by no name', () => {
    for (const text of [
      'وأكد السفير، وجود القوات الأمريكية في سوريا',
      'وزير الدفاع الأميركي هذا الأسبوع إلى إسرائيل',
      'وزير الخارجية الإيراني بزيارة كل من قطر',
      'المتحدث الأمني أن عدد الأشخاص',
      'السفير الروسي في الولايات المتحدة الأمريكية في 17 كانون الأول/ ديسمبر',
      'الرئيس “سوريا أولاً” شعار',
      'وتبادل الرئيس أطراف الحديث مع ضيوفه',
      'وتحدث الشيخ يوضح ديفيس الأمر',
      'وأكد الكاتب أو حجم إنجازاته',
    ]) {
      assert.deepEqual(names(text), [], text);
    }
  });

  it('a title that runs into a known person is theirs: nothing after it is discovered', () => {
    const { discovered, mentions } = recognizeArticle(recognizer, 'وقال الرئيس أوباما إلى “أقصى مدى” ممكن');
    assert.deepEqual(discovered, []);
    assert.deepEqual(mentions.map((m) => m.entity), ['barack-obama']);
  });

  it('in a corpus: a discovered person is an entity marked discovered, with the role as stated and later mentions by surname', () => {
    // A base without Husam Najjar: the analyst of seed 004 is found by his title.
    const base = builtInEntities().filter((e) => e.id !== 'husam-najjar');
    const { text } = seed('004');
    const { mentions, discovered } = recognizeArticle(new Recognizer(base), text);
    const najjar = discovered.find((e: Entity) => e.nameAr === 'حسام نجار');
    assert.ok(najjar, 'حسام نجار is discovered');
    assert.equal(najjar.discovered, true);
    // The role as the text states it, with the sentence that states it.
    assert.deepEqual(najjar.roles, [{ titleAr: 'المحلل السياسي', sentence: 'المحلل السياسي، حسام نجار، قال لـ “الحل نت”، أن أمريكا لم تكن موافقة على اتفاقيات سوتشي وأستانا لأسباب عدة.' }]);
    const his = mentions.filter((m) => m.entity === najjar.id).map((m) => m.text);
    assert.deepEqual(his, ['حسام نجار', 'نجار', 'نجار', 'نجار']);
  });

  it('the live corpus lists discovered people in its entity index, merged across articles', async () => {
    const base = builtInEntities().filter((e) => e.id !== 'anatoly-antonov');
    const files: CorpusFile[] = seeds.map((s) => ({ id: s.name, name: s.name }));
    const corpus = new Corpus(
      { listFiles: async () => files, readFile: async (f) => new TextEncoder().encode(seeds.find((s) => s.name === f.id)!.text) },
      { recognizer: new Recognizer(base) },
    );
    await corpus.ready();
    const antonov = corpus.entities().list('person').filter((s) => s.entity.discovered && s.entity.nameAr.includes('أناتولي'));
    // Two spellings are two discovered names (the knowledge base is what joins spellings).
    assert.deepEqual(antonov.map((s) => s.entity.nameAr).sort(), ['أناتولي أنتونوف', 'أناتولي أنطونوف']);
    for (const s of antonov) assert.ok(s.entity.roles!.some((r) => r.titleAr!.startsWith('السفير الروسي لدى الولايات المتحدة')));
  });
});
