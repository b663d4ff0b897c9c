import * as assert from 'node:assert/strict';
import kb from '../../src/core/entities/kb/entities.json';
import schema from '../../src/core/entities/kb/schema.json';
import { fold } from '../../src/core/text/arabic';
import { type Entity, Recognizer, type Role } from '../../src/core/entities/recognizer';
import { builtInEntities } from '../../src/core/entities/kb';
import peopleArab from '../../src/core/entities/kb/people-arab.json';
import peopleWorld from '../../src/core/entities/kb/people-world.json';
import organisationsFile from '../../src/core/entities/kb/organisations.json';
import lawsWorldFile from '../../src/core/entities/kb/laws-world.json';
import placesFile from '../../src/core/entities/kb/places.json';
import givenNames from '../../src/core/entities/kb/given-names.json';
import { type Schema, validate } from './jsonSchema';

/** An entry of the knowledge base file: an entity without its type (the group it is listed in gives it). */
type Entry = Omit<Entity, 'type'>;

const people = kb.people as Entry[];
const organisations = kb.organisations as Entry[];
const places = kb.places as Entry[];
const laws = kb.laws as Entry[];
const all: Entry[] = [...people, ...organisations, ...places, ...laws];
const byId = new Map(all.map((e) => [e.id, e]));
const get = (id: string): Entry => {
  const e = byId.get(id);
  assert.ok(e, `no entity "${id}"`);
  return e;
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ARABIC = /[\u0600-\u06FF]/;
const ISO2 = /^[A-Z]{2}$/;

/** Every property declared anywhere in the schema, with its path. */
function declaredProperties(s: unknown, path: string, out: Array<[string, Schema]>): void {
  if (!s || typeof s !== 'object') return;
  if (Array.isArray(s)) return s.forEach((x, i) => declaredProperties(x, `${path}[${i}]`, out));
  const o = s as Schema;
  if (o.properties) for (const [k, v] of Object.entries(o.properties as Record<string, Schema>)) out.push([`${path}.${k}`, v]);
  for (const [k, v] of Object.entries(o)) declaredProperties(v, `${path}.${k}`, out);
}

// ───────────── Tests ─────────────

describe('knowledge base (src/core/entities/kb/entities.json)', () => {
  it('is large enough to cover the Syrian file', () => {
    assert.equal(kb.version, 1);
    assert.ok(people.length >= 100, `${people.length} people`);
    assert.ok(organisations.length >= 40, `${organisations.length} organisations`);
    assert.ok(places.length >= 40, `${places.length} places`);
    assert.ok(laws.length >= 20, `${laws.length} laws`);
  });

  it('validates against schema.json', () => {
    assert.equal(kb.$schema, './schema.json');
    const errors = validate(kb, schema as Schema, schema as Schema);
    assert.deepEqual(errors.slice(0, 20), []);
  });

  it('rejects what the schema should reject (the validator is not a no-op)', () => {
    const s = schema as Schema;
    const bad = (patch: unknown): number => validate(patch, s, s).length;
    assert.ok(bad({ people: [{ id: 'Not Kebab' }] }) > 0);
    assert.ok(bad({ people: [{ id: 'x', nameAr: 'Latin only' }] }) > 0);
    assert.ok(bad({ people: [{ id: 'x', roles: [{ from: 2004 }] }] }) > 0, 'a role needs a title');
    assert.ok(bad({ laws: [{ id: 'x', adopted: '2015-13-01' }] }) > 0);
    assert.ok(bad({ places: [{ id: 'x', kind: 'planet' }] }) > 0);
    assert.ok(bad({ people: [{ id: 'x', alias: ['typo'] }] }) > 0);
    assert.ok(bad({ extra: true }) > 0);
    // A user file: extra aliases for a built-in entity, and ids to hide.
    assert.equal(bad({ $schema: './schema.json', version: 1, people: [{ id: 'anatoly-antonov', aliases: ['السفير أنطونوف'] }], hide: ['sputnik'] }), 0);
  });

  it('the schema describes every property (directly or through its $ref)', () => {
    const props: Array<[string, Schema]> = [];
    declaredProperties(schema, '$', props);
    assert.ok(props.length > 30);
    const definitions = (schema as Schema).definitions as Record<string, Schema>;
    const described = (p: Schema): boolean =>
      (typeof p.description === 'string' && p.description.length > 0) ||
      (typeof p.$ref === 'string' && described(definitions[p.$ref.replace('#/definitions/', '')] ?? {}));
    for (const [path, p] of props) assert.ok(described(p), `${path} has no description`);
  });

  it('ids are unique across the whole file and kebab-case', () => {
    const seen = new Set<string>();
    for (const e of all) {
      assert.match(e.id, ID);
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
  });

  it('every entry has its required fields', () => {
    const text = (e: Entry, k: keyof Entry): void => assert.ok(typeof e[k] === 'string' && (e[k] as string).trim() !== '', `${e.id}.${k}`);
    for (const e of all) {
      text(e, 'nameAr');
      text(e, 'nameEn');
      assert.ok(Array.isArray(e.aliases), `${e.id}.aliases`);
    }
    for (const e of people) {
      text(e, 'descriptionEn');
      text(e, 'descriptionAr');
      assert.ok(Array.isArray(e.roles), `${e.id}.roles`);
      if (e.nationality !== undefined) assert.match(e.nationality, ISO2);
    }
    for (const e of organisations) {
      text(e, 'kind');
      text(e, 'descriptionEn');
      text(e, 'descriptionAr');
    }
    for (const e of places) text(e, 'kind');
    for (const e of laws) {
      text(e, 'kind');
      text(e, 'issuer');
      text(e, 'summaryEn');
      text(e, 'summaryAr');
    }
    for (const e of all) if (e.country !== undefined) assert.match(e.country, ISO2, e.id);
  });

  it('Arabic fields are written in Arabic', () => {
    for (const e of all) {
      assert.match(e.nameAr, ARABIC, e.id);
      for (const a of e.aliases) assert.ok(ARABIC.test(a) || /^[A-Za-z]/.test(a), `${e.id}: alias ${a}`);
      for (const k of ['descriptionAr', 'summaryAr'] as const) if (e[k] !== undefined) assert.match(e[k]!, ARABIC, `${e.id}.${k}`);
      for (const r of e.roles ?? []) if (r.titleAr !== undefined) assert.match(r.titleAr, ARABIC, `${e.id}: ${r.titleAr}`);
    }
  });

  it('roles have titles, sane years, and organisation ids that resolve', () => {
    const orgIds = new Set(organisations.map((o) => o.id));
    for (const p of people) {
      for (const r of p.roles!) {
        assert.ok(r.titleEn && r.titleAr, `${p.id}: a role needs titleEn and titleAr`);
        for (const y of [r.from, r.to]) if (y !== undefined) assert.ok(Number.isInteger(y) && y >= 1950 && y <= 2025, `${p.id}: year ${y}`);
        if (r.from !== undefined && r.to !== undefined) assert.ok(r.from <= r.to, `${p.id}: ${r.from} > ${r.to}`);
        if (r.organisation !== undefined && ID.test(r.organisation)) assert.ok(orgIds.has(r.organisation), `${p.id}: unknown organisation id "${r.organisation}"`);
      }
    }
  });

  it('adoption dates are well-formed real dates, not in the future', () => {
    for (const l of laws) {
      if (l.adopted === undefined) continue;
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(l.adopted);
      assert.ok(m, `${l.id}: ${l.adopted}`);
      const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
      const date = new Date(Date.UTC(y, mo - 1, d));
      assert.ok(date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d, `${l.id}: no such date ${l.adopted}`);
      assert.ok(y >= 1990 && y <= 2025, `${l.id}: ${l.adopted}`);
    }
    // A resolution's id, name and aliases agree on its number.
    for (const l of laws.filter((x) => x.kind === 'un-resolution')) {
      const n = /^unsc-(\d{4})$/.exec(l.id)?.[1];
      assert.ok(n, l.id);
      assert.ok(l.nameAr.includes(n) && l.nameEn.includes(n), l.id);
      assert.ok(l.aliases.every((a) => a.includes(n)), l.id);
    }
  });

  it('aliases are not repeated once folded, within an entity or across entities (except names that context decides)', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of all) {
      const names = [e.nameAr, ...e.aliases].map((n) => fold(n).replace(/\s+/g, ' ').trim());
      assert.equal(new Set(names).size, names.length, `${e.id}: an alias repeats another once folded`);
      for (const n of names) owners.set(n, (owners.get(n) ?? new Set()).add(e.id));
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([n, ids]) => `${n}: ${[...ids].sort().join(', ')}`);
    // The newspaper Asharq Al-Awsat and the region: the recognizer picks the outlet after صحيفة, قناة, … or in quotes.
    assert.deepEqual(shared, [`${fold('الشرق الأوسط')}: asharq-al-awsat, middle-east`]);
  });

  it('covers everyone and everything the seed articles name', () => {
    for (const id of [
      'joe-biden', 'vladimir-putin', 'sergey-lavrov', 'antony-blinken', 'anatoly-antonov', 'donald-trump', 'sergey-vershinin',
      'geir-pedersen', 'john-sullivan', 'bashar-al-assad', 'yuri-borisov', 'husam-najjar', 'bassam-al-quwatli',
      'russian-foreign-ministry', 'us-state-department', 'pentagon', 'us-congress', 'un', 'unsc', 'sdf', 'islamic-state', 'sputnik',
      'asharq-al-awsat', 'politico', 'newsweek', 'al-arabiya', 'al-hal-net', 'tayf-post', 'mada-post', 'syrian-dialogue-center',
      'white-house', 'russian-embassy-washington',
      'syria', 'russia', 'usa', 'libya', 'ukraine', 'geneva', 'moscow', 'washington', 'new-york', 'idlib', 'damascus', 'turkey',
      'iran', 'israel', 'lebanon', 'china', 'serbia', 'europe', 'middle-east', 'sochi', 'astana',
      'caesar-act', 'unsc-2254', 'deconfliction-memorandum', 'new-start', 'unsc-2585', 'astana-process', 'sochi-agreement', 'constitutional-committee',
    ]) get(id);
  });

  it('lists a body (a committee, a mechanism, an institution) as an organisation, not a law', () => {
    for (const id of ['constitutional-committee', 'jim', 'iiim', 'missing-persons-institution']) {
      assert.ok(organisations.some((o) => o.id === id), `${id} is an organisation`);
      assert.equal(builtInEntities().find((e) => e.id === id)?.type, 'organisation', id);
    }
    // No law is a body or named as a committee, a mechanism or an institution.
    for (const l of laws) {
      assert.notEqual(l.kind as string, 'body', l.id);
      assert.doesNotMatch(l.nameEn, /\b(Committee|Mechanism|Institution|Commission)\b/, l.id);
    }
  });

  it('dates the roles of Mohammed bin Salman: deputy crown prince in 2015, crown prince from 2017', () => {
    const roles = get('mohammed-bin-salman').roles!;
    const role = (en: string): Role | undefined => roles.find((r) => r.titleEn === en);
    assert.deepEqual([role('Deputy Crown Prince of Saudi Arabia')?.from, role('Deputy Crown Prince of Saudi Arabia')?.to], [2015, 2017]);
    assert.equal(role('Crown Prince of Saudi Arabia')?.from, 2017);
  });

  it('states the key facts correctly', () => {
    assert.equal(get('unsc-2254').adopted, '2015-12-18');
    assert.equal(get('unsc-2585').adopted, '2021-07-09');
    assert.equal(get('caesar-act').adopted, '2019-12-20');
    assert.equal(get('geneva-communique').adopted, '2012-06-30');
    assert.equal(get('sochi-agreement').adopted, '2018-09-17');
    assert.equal(get('moscow-protocol-2020').adopted, '2020-03-05');
    assert.equal(get('unsc-2254').kind, 'un-resolution');
    for (const a of ['القرار 2254', 'قرار مجلس الأمن 2254']) assert.ok([get('unsc-2254').nameAr, ...get('unsc-2254').aliases].includes(a), a);
    for (const a of ['قانون قيصر', 'قيصر']) assert.ok(get('caesar-act').aliases.includes(a), a);
    assert.ok(get('sdf').aliases.includes('قسد'));
    assert.ok(get('islamic-state').aliases.includes('داعش'));
    assert.equal(get('assad-anti-normalization-act').adopted, undefined, 'the Anti-Normalization Act never became law');

    const role = (id: string, org: string): Role => {
      const r = get(id).roles!.find((x) => x.organisation === org);
      assert.ok(r, `${id} @ ${org}`);
      return r;
    };
    const lavrov = role('sergey-lavrov', 'russian-foreign-ministry');
    assert.equal(lavrov.from, 2004);
    assert.equal(lavrov.to, undefined, 'Lavrov is still foreign minister');
    assert.deepEqual([role('antony-blinken', 'us-state-department').from, role('antony-blinken', 'us-state-department').to], [2021, 2025]);
    const antonov = get('anatoly-antonov');
    const antonovNames = [antonov.nameAr, ...antonov.aliases];
    assert.ok(antonovNames.some((n) => n.includes('أنطونوف')) && antonovNames.some((n) => n.includes('أنتونوف')));
    assert.deepEqual(
      antonov.roles!.filter((r) => /ambassador/i.test(r.titleEn!)).map((r) => [r.from, r.to]),
      [[2017, 2024]],
    );
    assert.deepEqual([get('bashar-al-assad').roles![0]!.from, get('bashar-al-assad').roles![0]!.to], [2000, 2024]);
    assert.equal(role('geir-pedersen', 'un').from, 2019);
    for (const [id, variants] of [
      ['donald-trump', ['ترامب', 'ترمب']],
      ['geir-pedersen', ['بيدرسون', 'بيدرسن']],
      ['sergey-lavrov', ['سيرغي لافروف', 'سيرجي لافروف']],
      ['antony-blinken', ['بلينكن', 'بلينكين']],
      ['bashar-al-assad', ['الأسد']],
    ] as const) {
      const names = [get(id).nameAr, ...get(id).aliases];
      for (const v of variants) assert.ok(names.includes(v), `${id}: ${v}`);
    }
  });
});

describe('knowledge base: the wider files (world officials, organisations, gazetteer, lexicons)', () => {
  type Wider = { version: number; people?: Entry[]; organisations?: Entry[]; places?: Entry[]; laws?: Entry[]; extend?: { id: string; aliases: string[] }[]; ambiguous?: { id: string; word: string }[] };
  const files: Record<string, Wider> = {
    'people-arab.json': peopleArab as Wider,
    'people-world.json': peopleWorld as Wider,
    'organisations.json': organisationsFile as Wider,
    'laws-world.json': lawsWorldFile as Wider,
    'places.json': placesFile as Wider,
  };
  const merged = builtInEntities();
  const mergedById = new Map(merged.map((e) => [e.id, e]));

  it('each validates against schema.json, entry by entry', () => {
    for (const [name, f] of Object.entries(files)) {
      assert.equal(f.version, 1, name);
      const errors = validate({ people: f.people ?? [], organisations: f.organisations ?? [], places: f.places ?? [], laws: f.laws ?? [] }, schema as Schema, schema as Schema);
      assert.deepEqual(errors.slice(0, 10), [], name);
    }
  });

  it('ids are kebab-case and unique across every file; extensions and ambiguous words name entities that exist', () => {
    const seen = new Set(all.map((e) => e.id));
    for (const [name, f] of Object.entries(files)) {
      for (const e of [...(f.people ?? []), ...(f.organisations ?? []), ...(f.places ?? []), ...(f.laws ?? [])]) {
        assert.match(e.id, ID, `${name}: ${e.id}`);
        // An entry of only id and aliases extends a built-in entity; any other is new.
        if (e.nameAr === undefined) assert.ok(byId.has(e.id), `${name}: ${e.id} extends nothing`);
        else assert.ok(!seen.has(e.id), `${name}: duplicate id ${e.id}`);
        seen.add(e.id);
      }
      for (const x of f.extend ?? []) assert.ok(mergedById.has(x.id), `${name}: extend ${x.id}`);
      for (const x of f.ambiguous ?? []) assert.ok(mergedById.has(x.id), `${name}: ambiguous ${x.id}`);
    }
  });

  it('new people have a name in both scripts, roles with titles and sane years, and a nationality code', () => {
    for (const f of [files['people-arab.json']!, files['people-world.json']!]) {
      for (const e of f.people!.filter((p) => p.nameAr !== undefined)) {
        assert.match(e.nameAr, ARABIC, e.id);
        assert.ok(e.nameEn.trim() !== '', e.id);
        assert.ok(Array.isArray(e.roles) && e.roles.length > 0, `${e.id}: roles`);
        for (const r of e.roles!) {
          assert.ok(r.titleAr && r.titleEn, `${e.id}: a role without its titles`);
          if (r.from !== undefined) assert.ok(r.from >= 1940 && r.from <= 2026, `${e.id}: from ${r.from}`);
          if (r.from !== undefined && r.to !== undefined) assert.ok(r.to >= r.from && r.to <= 2026, `${e.id}: ${r.from}–${r.to}`);
        }
        if (e.nationality !== undefined) assert.match(e.nationality, ISO2, e.id);
      }
    }
  });

  it('merges into one base without problems, large enough for world news', () => {
    const count = (t: string): number => merged.filter((e) => e.type === t).length;
    assert.ok(count('person') >= 900, `${count('person')} people`);
    assert.ok(count('place') >= 1500, `${count('place')} places`);
    assert.ok(count('organisation') >= 300, `${count('organisation')} organisations`);
    // Every country has an Arabic name, from i18n-iso-countries or the curated base.
    for (const code of ['DE', 'GB', 'YE', 'LY', 'NG', 'BR', 'JP']) {
      assert.ok(merged.some((e) => e.type === 'place' && e.kind === 'country' && e.country === code), code);
    }
  });

  it('states key facts of world politics correctly', () => {
    const role = (id: string, title: RegExp): Role => {
      const e = mergedById.get(id);
      assert.ok(e, id);
      const r = e.roles?.find((x) => title.test(x.titleEn ?? ''));
      assert.ok(r, `${id}: ${title}`);
      return r;
    };
    const blair = role('tony-blair', /Prime Minister/);
    assert.deepEqual([blair.from, blair.to], [1997, 2007]);
    const siniora = role('fouad-siniora', /Prime Minister of Lebanon/);
    assert.deepEqual([siniora.from, siniora.to], [2005, 2009]);
    assert.equal(role('condoleezza-rice', /Secretary of State/).from, 2005);
  });

  it('agreements and resolutions beyond Syria: dated, with an issuer and a line in each language, found in a sentence', () => {
    const recognizer = new Recognizer(merged);
    for (const l of (lawsWorldFile as Wider).laws!) {
      assert.match(l.adopted ?? '', /^\d{4}-\d{2}-\d{2}$/u, l.id);
      assert.ok(l.issuer && l.summaryEn && l.summaryAr, l.id);
      const found = recognizer.recognize(`وأكد البيان التمسك ب${l.nameAr} نصا وروحا`, undefined, { year: 2024 }).map((m) => m.entity);
      assert.deepEqual(found, [l.id], l.nameAr);
    }
    // An article older than the text does not cite it (the Taif Agreement is of 1989).
    assert.deepEqual(recognizer.recognize('وأكد البيان التمسك باتفاق الطائف', undefined, { year: 1985 }).map((m) => m.entity), []);
  });

  it('the ambiguous words are context aliases, never plain ones', () => {
    for (const f of Object.values(files)) {
      for (const { id, word } of f.ambiguous ?? []) {
        const e = mergedById.get(id)!;
        assert.ok(e.contextAliases?.includes(word), `${id}: ${word}`);
        assert.ok(!e.aliases.map(fold).includes(fold(word)), `${id}: ${word} is also a plain alias`);
      }
    }
  });

  it('the given-name lexicon covers the origins news names people from', () => {
    const names = (givenNames as { names: Record<string, string[]>; ambiguous: string[] }).names;
    for (const origin of ['arabic', 'persian', 'turkish', 'english', 'french', 'russian-slavic', 'hebrew', 'chinese']) {
      assert.ok((names[origin] ?? []).length >= 30, origin);
    }
    const all = new Set(Object.values(names).flat().map(fold));
    for (const n of ['توني', 'كوندوليزا', 'فؤاد', 'خافيير', 'هوشيار', 'رجب', 'سيرغي']) assert.ok(all.has(fold(n)), n);
    for (const w of (givenNames as { ambiguous: string[] }).ambiguous) assert.ok(all.has(fold(w)), `ambiguous ${w} is in no list`);
  });
});
