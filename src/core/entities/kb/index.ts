/**
 * The built-in knowledge base: the curated entities of the Syrian file (entities.json, validated by
 * schema.json and the unit tests), widened to world politics: officials of the Arab world and beyond
 * (people-arab.json, people-world.json), organisations (organisations.json), agreements, treaties and UN resolutions
 * beyond Syria (laws-world.json), a gazetteer (places.json)
 * and every country's Arabic name from the i18n-iso-countries package. An entry of a wider file whose id
 * is already known adds its aliases; a word listed as ambiguous is a context alias (see Entity.contextAliases).
 */
import { fold } from '../../text/arabic';
import { entitiesOf, Entity, KnowledgeBaseFile, mergeKnowledgeBases, UserKnowledgeBaseFile } from '../recognizer';
import { teamId } from '../recognitionContext';
import { COMMON_NOUNS, joinCompound, MASCULINE_NATIONALITIES, NATIONALITY_ADJECTIVES, NOT_NAME } from '../names';
import data from './entities.json';
import peopleArab from './people-arab.json';
import peopleWorld from './people-world.json';
import organisations from './organisations.json';
import lawsWorld from './laws-world.json';
import places from './places.json';
import teams from './teams.json';
import arCountries from 'i18n-iso-countries/langs/ar.json';
import enCountries from 'i18n-iso-countries/langs/en.json';

interface WiderFile extends KnowledgeBaseFile {
  extend?: { id: string; aliases: string[] }[];
  ambiguous?: { id: string; word: string }[];
}

interface PlacesFile extends WiderFile {
  countryAliases?: Record<string, string[]>;
}

type CountryNames = { countries: Record<string, string | string[]> };

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const key = (name: string): string => joinCompound(fold(name));

/** Every country as a place: its Arabic name from i18n-iso-countries, other names from places.json. */
function countries(known: readonly Entity[], extraAliases: Record<string, string[]>): { added: Entity[]; extend: { id: string; aliases: string[] }[] } {
  const byCode = new Map(known.filter((e) => e.type === 'place' && e.kind === 'country' && e.country).map((e) => [e.country!, e]));
  const added: Entity[] = [];
  const extend: { id: string; aliases: string[] }[] = [];
  const ar = (arCountries as CountryNames).countries;
  const en = (enCountries as CountryNames).countries;
  const codes = new Set([...Object.keys(ar), ...Object.keys(extraAliases)]);
  for (const code of codes) {
    const names = [...(Array.isArray(ar[code]) ? (ar[code] as string[]) : ar[code] ? [ar[code] as string] : []), ...(extraAliases[code] ?? [])];
    const existing = byCode.get(code);
    if (existing) {
      const have = new Set([existing.nameAr, ...existing.aliases].map(key));
      const more = names.filter((n) => !have.has(key(n)) && (have.add(key(n)), true));
      if (more.length > 0) extend.push({ id: existing.id, aliases: more });
      continue;
    }
    const [nameAr, ...aliases] = names;
    if (!nameAr) continue;
    added.push({ id: `country-${code.toLowerCase()}`, type: 'place', kind: 'country', country: code, nameAr, nameEn: first(en[code]) ?? code, aliases: [...new Set(aliases)] });
  }
  return { added, extend };
}

/** A wider file as a user-style file over the entities so far: new ids add entities, known ids add aliases. */
function asOverlay(file: WiderFile): UserKnowledgeBaseFile {
  const out: UserKnowledgeBaseFile = {};
  if (file.people) out.people = file.people;
  if (file.organisations) out.organisations = file.organisations;
  if (file.places) out.places = file.places;
  if (file.laws) out.laws = file.laws;
  return out;
}

/**
 * Country names that are ordinary words too: "مالي" (Mali; "financial"). Like the files' ambiguous words,
 * they name the place only with context.
 */
const AMBIGUOUS_COUNTRIES: { id: string; word: string }[] = [{ id: 'country-ml', word: 'مالي' }];

/** Words the wider files mark as ambiguous become context aliases of their entity, whichever file holds it. */
function withAmbiguous(entities: Entity[], ambiguous: readonly { id: string; word: string }[]): Entity[] {
  const byId = new Map<string, string[]>();
  for (const { id, word } of ambiguous) byId.set(id, [...(byId.get(id) ?? []), word]);
  return entities.map((e) => (byId.has(e.id) ? { ...e, contextAliases: [...new Set([...(e.contextAliases ?? []), ...byId.get(e.id)!])] } : e));
}

/**
 * A one-word alias that is also an ordinary word — a nationality ("السوداني" for Mohammed Shia al-Sudani),
 * a common noun or a function word — names the entity only with context: it becomes a context alias.
 */
function ordinaryAliasesNeedContext(e: Entity): Entity {
  const ordinary = (a: string): boolean => {
    const k = fold(a);
    if (k.includes(' ')) return false;
    // "إلبيت" (Elbit) folds onto "البيت" (the house): a name whose hamza folds into the article.
    if (/^[أإآ]ل/u.test(a.trim())) return true;
    return NATIONALITY_ADJECTIVES.has(k) || COMMON_NOUNS.has(k) || NOT_NAME.has(k);
  };
  const moved = e.aliases.filter(ordinary);
  if (moved.length === 0) return e;
  return { ...e, aliases: e.aliases.filter((a) => !ordinary(a)), contextAliases: [...new Set([...(e.contextAliases ?? []), ...moved])] };
}

/**
 * Every country's national team, as an organisation: "منتخب قطر", "المنتخب القطري", and its nicknames
 * (teams.json: "العنابي", "أسود الأطلس"). A country named in a match report is its team (recognizer.ts).
 */
function nationalTeams(entities: readonly Entity[]): Entity[] {
  const nicknames = (teams as { nicknames: Record<string, string[]> }).nicknames;
  const out: Entity[] = [];
  for (const e of entities) {
    if (e.type !== 'place' || e.kind !== 'country' || !e.country) continue;
    const names = [e.nameAr, ...e.aliases.filter((a) => !a.includes(' '))];
    const aliases = [
      ...names.slice(1).map((n) => `منتخب ${n}`),
      ...(MASCULINE_NATIONALITIES.get(e.country) ?? []).map((adj) => `المنتخب ال${adj}`),
      ...(nicknames[e.country] ?? []),
    ];
    out.push({ id: teamId(e.id), type: 'organisation', kind: 'sports', country: e.country, nameAr: `منتخب ${e.nameAr}`, nameEn: `${e.nameEn} national team`, aliases: [...new Set(aliases)] });
  }
  return out;
}

let cached: Entity[] | undefined;

/** The built-in entities (made once; callers must not change them). */
export function builtInEntities(): Entity[] {
  if (cached) return cached;
  let entities = entitiesOf(data as KnowledgeBaseFile);
  const wider = [peopleArab, peopleWorld, organisations, lawsWorld, places] as WiderFile[];
  const { added, extend } = countries(entities, (places as PlacesFile).countryAliases ?? {});
  entities = [...entities, ...added];
  for (const file of wider) {
    entities = mergeKnowledgeBases(entities, asOverlay(file)).entities;
    const more = [...(file.extend ?? []), ...(file === places ? extend : [])];
    // Entries of only id and aliases extend an entity whatever its type (as in a user's file); the group is not read for them.
    if (more.length > 0) entities = mergeKnowledgeBases(entities, { people: more as Omit<Entity, 'type'>[] }).entities;
  }
  entities = [...entities, ...nationalTeams(entities)];
  cached = withAmbiguous(entities, [...wider.flatMap((f) => f.ambiguous ?? []), ...AMBIGUOUS_COUNTRIES]).map(ordinaryAliasesNeedContext);
  return cached;
}
