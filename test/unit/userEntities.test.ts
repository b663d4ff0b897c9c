import * as assert from 'node:assert/strict';
import { type Entity, mergeKnowledgeBases, Recognizer, UserKnowledgeBaseFile } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import { addAlias, addDiscoveredEntity, idFor, parseUserFile, schemaKind } from '../../src/core/entities/userEntities';
import schema from '../../src/core/entities/kb/schema.json';
import { type Schema, validate } from './jsonSchema';

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

  it('adds a discovered person with the role as stated, its sentence and file, and a Latin id, once', () => {
    const sentence = 'المحلل السياسي، حسام نجار، قال لـ “الحل نت”، أن أمريكا لم تكن موافقة على اتفاقيات سوتشي وأستانا لأسباب عدة.';
    const role = { titleAr: 'المحلل السياسي', sentence, file: '004_b5b52c2c2e0b0d3b.txt' };
    const person: Entity = { id: '~حسام نجار', type: 'person', nameAr: 'حسام نجار', nameEn: '', aliases: [], roles: [role], discovered: true };
    const taken = new Set(builtIn.map((e) => e.id));
    const first = addDiscoveredEntity(undefined, person, taken);
    assert.equal(first.id, 'hsam-njar');
    assert.deepEqual(JSON.parse(first.text).people, [{ id: 'hsam-njar', nameAr: 'حسام نجار', aliases: [], roles: [role] }]);
    assert.deepEqual(validate(JSON.parse(first.text), schema as Schema, schema as Schema), [], 'the file the command writes is valid');
    const again = addDiscoveredEntity(first.text, person, taken);
    assert.equal(again.text, first.text);
    // Recognized as a known person once merged (the built-in Husam Najjar hidden, to be sure it is the new entry).
    const merged = JSON.parse(first.text) as UserKnowledgeBaseFile;
    merged.hide = ['husam-najjar'];
    assert.deepEqual(recognizerOver(JSON.stringify(merged)).recognize('قال حسام نجار').map((m) => m.entity), ['hsam-njar']);
  });

  it('keeps every role a person was found with; a person found from a given name has none', () => {
    const roles = [
      { titleAr: 'نائب وزير الخارجية الأردني', sentence: 'قال نائب وزير الخارجية الأردني، سامر الخطيب، إن المحادثات مستمرة.', file: 'a.txt' },
      { titleAr: 'المتحدث باسم الوزارة', sentence: 'وأكد المتحدث باسم الوزارة سامر الخطيب أن <b>الحل</b> سياسي.', file: 'b.txt' },
      // A role with neither sentence nor file (a built-in style role) stays a title alone.
      { titleAr: 'الدبلوماسي' },
    ];
    const person: Entity = { id: '~سامر الخطيب', type: 'person', nameAr: 'سامر الخطيب', nameEn: '', aliases: [], roles, discovered: true };
    const { text } = addDiscoveredEntity(undefined, person, new Set());
    assert.deepEqual(JSON.parse(text).people[0].roles, roles);
    const given: Entity = { id: '~ريم الحسن', type: 'person', nameAr: 'ريم الحسن', nameEn: '', aliases: [], roles: [], discovered: true };
    assert.deepEqual(JSON.parse(addDiscoveredEntity(text, given, new Set()).text).people[1], { id: 'rym-alhsn', nameAr: 'ريم الحسن', aliases: [] });
  });

  it('adds a discovered organisation with its kind, in the organisations list, and it is then recognized', () => {
    const ministry: Entity = { id: '~o:وزاره الزراعه الموريتانيه', type: 'organisation', nameAr: 'وزارة الزراعة الموريتانية', nameEn: '', aliases: [], kind: 'ministry', discovered: true };
    const before = JSON.stringify({ version: 1, hide: ['joe-biden'] });
    const { text, id } = addDiscoveredEntity(before, ministry, new Set(builtIn.map((e) => e.id)));
    const file = JSON.parse(text) as UserKnowledgeBaseFile;
    assert.deepEqual(file, { version: 1, hide: ['joe-biden'], organisations: [{ id, nameAr: 'وزارة الزراعة الموريتانية', aliases: [], kind: 'ministry' }] });
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.deepEqual(validate(file, schema as Schema, schema as Schema), []);
    const found = recognizerOver(text).recognize('وأعلنت وزارة الزراعة الموريتانية أمس');
    assert.deepEqual(found.map((m) => [m.entity, m.type]), [[id, 'organisation']]);
    // Once: the same name (another spelling of its hamza and ta marbuta) is the entry already there.
    assert.equal(addDiscoveredEntity(text, { ...ministry, nameAr: 'وزاره الزراعه الموريتانيه' }, new Set()).text, text);
  });

  it('adds a discovered law or resolution with its kind, in the laws list', () => {
    const law: Entity = { id: '~l:قانون حمايه الطفل الاردني', type: 'law', nameAr: 'قانون حماية الطفل الأردني', nameEn: '', aliases: [], kind: 'law', discovered: true };
    const resolution: Entity = { id: '~l:القرار 9999', type: 'law', nameAr: 'القرار 9999', nameEn: '', aliases: [], kind: 'un-resolution', discovered: true };
    const first = addDiscoveredEntity(undefined, law, new Set());
    const both = addDiscoveredEntity(first.text, resolution, new Set());
    const file = JSON.parse(both.text) as UserKnowledgeBaseFile;
    assert.deepEqual(file.laws, [
      { id: first.id, nameAr: 'قانون حماية الطفل الأردني', aliases: [], kind: 'law' },
      { id: 'alqrar-9999', nameAr: 'القرار 9999', aliases: [], kind: 'un-resolution' },
    ]);
    assert.equal(file.people, undefined, 'no other list is made');
    assert.deepEqual(validate(file, schema as Schema, schema as Schema), []);
    assert.deepEqual(recognizerOver(both.text).recognize('بموجب قانون حماية الطفل الأردني').map((m) => m.entity), [first.id]);
  });

  it('writes the kinds patterns find as the schema names them, and ids unique across the lists', () => {
    assert.equal(schemaKind('organisation', 'party'), 'party');
    assert.equal(schemaKind('organisation', 'newspaper'), 'media');
    assert.equal(schemaKind('organisation', 'university'), 'education');
    assert.equal(schemaKind('organisation', 'council'), 'other');
    assert.equal(schemaKind('law', 'memorandum'), 'agreement');
    assert.equal(schemaKind('law', 'initiative'), 'process');
    assert.equal(schemaKind('law', 'something-new'), undefined, 'a law has no "other" kind: left out');
    assert.equal(schemaKind('organisation', undefined), undefined);
    // A person and a party of the same name: one file, two ids.
    const person: Entity = { id: '~سامر', type: 'person', nameAr: 'الأمل', nameEn: '', aliases: [], roles: [], discovered: true };
    const party: Entity = { id: '~o:حزب الامل', type: 'organisation', nameAr: 'الأمل', nameEn: '', aliases: [], kind: 'party', discovered: true };
    const a = addDiscoveredEntity(undefined, person, new Set());
    const b = addDiscoveredEntity(a.text, party, new Set());
    assert.equal(a.id, 'alaml');
    assert.equal(b.id, 'alaml-2');
  });

  it('ids are kebab-case Latin and unique', () => {
    assert.equal(idFor('أناتولي أنتونوف', new Set()), 'anatwly-antwnwf');
    assert.equal(idFor('أناتولي أنتونوف', new Set(['anatwly-antwnwf'])), 'anatwly-antwnwf-2');
    assert.match(idFor('عبد الرحمن الشَّمري', new Set()), /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
