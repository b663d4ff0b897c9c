/**
 * Ranking rules for names (issue #14), each on a small corpus written for it in the style of news: the articles and
 * passages naming the entity a query names come first, whatever the spelling; a name made of common words does not
 * rank articles that hold its words apart; among the articles naming it, those about it (title, lead, the name as
 * typed) come first.
 */
import * as assert from 'node:assert/strict';
import { Recognizer } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { buildSearchIndex } from '../../src/core/search/corpusSearch';
import type { SearchResult } from '../../src/core/search/index';
import { TODAY } from './helpers';

const recognizer = new Recognizer(builtInEntities());
const indexOf = (docs: Record<string, string>) =>
  buildSearchIndex(
    Object.entries(docs).map(([name, text]) => ({ name, text })),
    recognizer,
    { today: TODAY },
  );
const names = (rs: SearchResult[]): string[] => rs.map((r) => r.name);

describe('ranking: names first', () => {
  it('a name of common words ("تمام سلام") ranks the articles naming the person above those holding the words apart', () => {
    const index = indexOf({
      'a-words.txt': 'كل شيء تمام في المهرجان\n\nقال المنظمون إن كل شيء تمام، ودعوا إلى السلام والمحبة بين الناس. سلام على الحاضرين.',
      'b-words.txt': 'دعوة إلى السلام\n\nالسلام عليكم. تمام الساعة العاشرة بدأ الحفل بكلمة عن السلام، ثم سلام وطني.',
      'c-person.txt': 'أزمة حكومية في بيروت\n\nقال رئيس الوزراء اللبناني تمام سلام إن الحكومة باقية رغم الأزمة.',
    });
    const r = index.search('تمام سلام');
    assert.equal(r.entities[0]?.entity?.id, 'tammam-salam');
    assert.equal(r.articles[0]?.name, 'c-person.txt', names(r.articles).join(', '));
    assert.equal(r.passages[0]?.name, 'c-person.txt');
  });

  it('a split spelling ("عبد الملك الحوثي") finds the joined one ("عبدالملك الحوثي"), and the reverse', () => {
    const index = indexOf({
      'joined.txt': 'خطاب زعيم الحوثيين\n\nقال زعيم جماعة الحوثي عبدالملك الحوثي في خطاب متلفز إن المعارك مستمرة.',
      'other.txt': 'عبد الله والملك\n\nزار الملك مدينة عبد الله، وتحدث الحوثي عن الحرب في اليمن.',
    });
    for (const q of ['عبد الملك الحوثي', 'عبدالملك الحوثي']) {
      const r = index.search(q);
      assert.equal(r.articles[0]?.name, 'joined.txt', `${q}: ${names(r.articles).join(', ')}`);
      assert.ok(r.passages.some((p) => p.name === 'joined.txt'), `${q}: a passage of joined.txt`);
    }
  });

  it('an article naming the entity in its title ranks above one naming it in its lead', () => {
    const index = indexOf({
      'a-lead.txt': 'جولة مباحثات في موسكو\n\nالتقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في موسكو أمس.',
      'b-title.txt': 'سيرغي لافروف في دمشق\n\nوصل وزير الخارجية الروسي إلى دمشق في زيارة رسمية تستمر يومين.',
    });
    const r = index.search('لافروف');
    assert.deepEqual(names(r.articles), ['b-title.txt', 'a-lead.txt']);
  });

  it('the name as typed ranks above its short form alone', () => {
    const index = indexOf({
      'a-short.txt': 'مؤتمر صحفي\n\nوقال عباس في المؤتمر إن المفاوضات متوقفة.',
      'b-full.txt': 'مؤتمر صحفي\n\nوقال محمود عباس في المؤتمر إن المفاوضات متوقفة.',
    });
    const r = index.search('محمود عباس');
    assert.equal(r.articles[0]?.name, 'b-full.txt', names(r.articles).join(', '));
  });

  it('a query that is an entity\'s name lists that entity, not near-misses with its words in another order', () => {
    const index = indexOf({
      'a.txt': 'لقاء في رام الله\n\nاستقبل الرئيس الفلسطيني محمود عباس وفدا أوروبيا.',
      'b.txt': 'تكريم معلم\n\nكرمت المدرسة المعلم عباس محمود الحسن على جهوده.',
      'c.txt': 'الدوري السعودي\n\nفاز نادي الفيصلي السعودي على ضيفه. وكان الأمير سعود الفيصل قد زار النادي.',
    });
    const abbas = index.search('محمود عباس').entities.map((e) => e.entity!.id);
    assert.deepEqual(abbas, ['mahmoud-abbas']);
    const faisal = index.search('سعود الفيصل').entities.map((e) => e.entity!.nameAr);
    assert.equal(faisal[0], 'سعود الفيصل', faisal.join(', '));
  });

  it('entities whose name is the query come before those whose name only holds it', () => {
    const index = indexOf({
      'a.txt': 'قرار أممي\n\nيطالب قرار مجلس الأمن 2254 بحل سياسي. ونص قرار مجلس الأمن 2254 على جدول زمني، وأكد قرار مجلس الأمن 2254 ذلك.',
      'b.txt': 'جلسة طارئة\n\nعقد مجلس الأمن جلسة طارئة.',
    });
    const ids = index.search('مجلس الأمن').entities.map((e) => e.entity!.id);
    assert.equal(ids.length, 2, ids.join(', '));
    assert.equal(index.search('مجلس الأمن').entities[0]!.entity!.nameAr.includes('2254'), false, ids.join(', '));
  });
});
