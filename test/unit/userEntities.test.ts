import * as assert from 'node:assert/strict';
import { mergeKnowledgeBases, Recognizer, UserKnowledgeBaseFile } from '../../src/core/entities';
import { builtInEntities } from '../../src/core/kb';
import { addAlias, addDiscoveredPerson, idFor, parseUserFile } from '../../src/core/userEntities';

const builtIn = builtInEntities();
const lavrov = builtIn.find((e) => e.id === 'sergey-lavrov')!;

/** The entities after merging the user file's text over the built-in base, as a recognizer. */
function recognizerOver(text: string): Recognizer {
  return new Recognizer(mergeKnowledgeBases(builtIn, JSON.parse(text) as UserKnowledgeBaseFile).entities);
}

describe('editing the user entity file', () => {
  it('adds an alias to a built-in entity, in a new file, and the alias is then recognized', () => {
    const { text, changed } = addAlias(undefined, lavrov, 'الثعلب العجوز');
    assert.equal(changed, true);
    assert.deepEqual(JSON.parse(text), { version: 1, people: [{ id: 'sergey-lavrov', aliases: ['الثعلب العجوز'] }] });
    assert.deepEqual(recognizerOver(text).recognize('وقال الثعلب العجوز إن').map((m) => m.entity), ['sergey-lavrov']);
  });

  it('keeps what the file holds and adds to an existing entry; a known spelling changes nothing', () => {
    const before = JSON.stringify({ people: [{ id: 'sergey-lavrov', aliases: ['لافروف الداهية'] }], hide: ['joe-biden'] });
    const { text } = addAlias(before, lavrov, 'الثعلب العجوز');
    assert.deepEqual(JSON.parse(text), { people: [{ id: 'sergey-lavrov', aliases: ['لافروف الداهية', 'الثعلب العجوز'] }], hide: ['joe-biden'] });
    // "لافروف" is a spelling the base knows already (any hamza/ya folding too).
    assert.equal(addAlias(text, lavrov, 'لافروف').changed, false);
  });

  it('refuses a file that is not a JSON object, and an empty alias', () => {
    assert.throws(() => addAlias('[1, 2]', lavrov, 'x'), /JSON object/);
    assert.throws(() => addAlias('{"people": 3}', lavrov, 'x'), /"people" should be a list/);
    assert.throws(() => addAlias('{not json', lavrov, 'x'), SyntaxError);
    assert.throws(() => addAlias(undefined, lavrov, '  '), /empty/);
    assert.deepEqual(parseUserFile('  '), { version: 1 });
  });

  it('adds a discovered person with the role as stated and a Latin id, once', () => {
    const person = { id: '~حسام نجار', type: 'person' as const, nameAr: 'حسام نجار', nameEn: '', aliases: [], roles: [{ titleAr: 'المحلل السياسي' }], discovered: true };
    const taken = new Set(builtIn.map((e) => e.id));
    const first = addDiscoveredPerson(undefined, person, taken);
    assert.equal(first.id, 'hsam-njar');
    assert.deepEqual(JSON.parse(first.text).people, [{ id: 'hsam-njar', nameAr: 'حسام نجار', aliases: [], roles: [{ titleAr: 'المحلل السياسي' }] }]);
    const again = addDiscoveredPerson(first.text, person, taken);
    assert.equal(again.text, first.text);
    // Recognized as a known person once merged (the built-in Husam Najjar hidden, to be sure it is the new entry).
    const merged = JSON.parse(first.text) as UserKnowledgeBaseFile;
    merged.hide = ['husam-najjar'];
    assert.deepEqual(recognizerOver(JSON.stringify(merged)).recognize('قال حسام نجار').map((m) => m.entity), ['hsam-njar']);
  });

  it('ids are kebab-case Latin and unique', () => {
    assert.equal(idFor('أناتولي أنتونوف', new Set()), 'anatwly-antwnwf');
    assert.equal(idFor('أناتولي أنتونوف', new Set(['anatwly-antwnwf'])), 'anatwly-antwnwf-2');
    assert.match(idFor('عبد الرحمن الشَّمري', new Set()), /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
