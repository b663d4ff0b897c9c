/**
 * Edits of the user's entity file (`.corpus/entities.json`): adding an alias to an entity, adding a
 * discovered person, organisation or law. Pure: takes the file's text, returns the new text (the caller writes it).
 */
import { fold } from '../text/arabic';
import type { Entity, EntityType, Role, UserKnowledgeBaseFile } from './recognizer';
import schema from './kb/schema.json';

const GROUP: Record<EntityType, 'people' | 'organisations' | 'places' | 'laws'> = {
  person: 'people',
  organisation: 'organisations',
  place: 'places',
  law: 'laws',
};

type Entry = Partial<Omit<Entity, 'type'>> & { id: string };

/** Parses the file's text; an empty or missing file is an empty knowledge base. Throws on bad JSON. */
export function parseUserFile(text: string | undefined): UserKnowledgeBaseFile {
  if (text === undefined || text.trim() === '') return { version: 1 };
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('the file should hold a JSON object');
  return data as UserKnowledgeBaseFile;
}

function serialize(file: UserKnowledgeBaseFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

function entriesOf(file: UserKnowledgeBaseFile, type: EntityType): Entry[] {
  const key = GROUP[type];
  const list = file[key];
  if (list !== undefined && !Array.isArray(list)) throw new Error(`"${key}" should be a list`);
  return (file[key] ??= []) as Entry[];
}

/** Adds `alias` to the entity (creating its entry in the user file when it has none). Unchanged if known. */
export function addAlias(text: string | undefined, entity: Entity, alias: string): { text: string; changed: boolean } {
  const file = parseUserFile(text);
  const name = alias.trim();
  if (!name) throw new Error('the alias is empty');
  const known = [entity.nameAr, entity.nameEn, ...entity.aliases].map(fold);
  if (known.includes(fold(name))) return { text: text ?? serialize(file), changed: false };
  const list = entriesOf(file, entity.type);
  let entry = list.find((e) => e?.id === entity.id);
  if (!entry) {
    entry = entity.discovered ? { id: entity.id, nameAr: entity.nameAr, aliases: [] } : { id: entity.id, aliases: [] };
    list.push(entry);
  }
  entry.aliases = [...(Array.isArray(entry.aliases) ? entry.aliases : []), name];
  return { text: serialize(file), changed: true };
}

/** Latin letters for an id: a plain transliteration of the Arabic name (ids are kebab-case Latin). */
const LATIN: Record<string, string> = {
  ا: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's',
  ض: 'd', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w', ي: 'y', ء: '',
};

/** `fallback`: the id's base when the name has no letter to write (a name of punctuation alone). */
export function idFor(nameAr: string, taken: ReadonlySet<string>, fallback = 'person'): string {
  const base =
    fold(nameAr)
      .split(/\s+/)
      .map((w) => [...w].map((c) => LATIN[c] ?? (/[a-z0-9]/i.test(c) ? c.toLowerCase() : '')).join(''))
      .filter(Boolean)
      .join('-') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The kinds the schema allows for each type (a user file with another kind would be flagged by the editor). */
const KINDS: Partial<Record<EntityType, ReadonlySet<string>>> = {
  organisation: new Set(schema.definitions.organisation.properties.kind.enum),
  law: new Set(schema.definitions.law.properties.kind.enum),
};

/**
 * The kinds recognition finds by pattern (see patterns.ts) that the schema names otherwise: a newspaper is a
 * "media" organisation, a memorandum an "agreement". A kind in neither is "other" for an organisation, left out
 * for a law (its list has no "other").
 */
const KIND_IN_SCHEMA: Record<string, string> = {
  newspaper: 'media',
  magazine: 'media',
  channel: 'media',
  radio: 'media',
  army: 'military',
  forces: 'military',
  company: 'company',
  bank: 'company',
  university: 'education',
  college: 'education',
  academy: 'education',
  institute: 'think-tank',
  club: 'sports',
  association: 'ngo',
  foundation: 'ngo',
  memorandum: 'agreement',
  declaration: 'agreement',
  initiative: 'process',
};

/** The discovered kind as the user file's schema names it, or undefined when it has no name for it. */
export function schemaKind(type: EntityType, kind: string | undefined): string | undefined {
  const allowed = KINDS[type];
  if (!allowed || kind === undefined) return undefined;
  if (allowed.has(kind)) return kind;
  const mapped = KIND_IN_SCHEMA[kind];
  if (mapped !== undefined && allowed.has(mapped)) return mapped;
  return allowed.has('other') ? 'other' : undefined;
}

/** A discovered role as the user file keeps it: the title as the text stated it, the sentence and the file. */
function keptRole(r: Role): Role {
  const role: Role = { titleAr: r.titleAr! };
  if (r.sentence) role.sentence = r.sentence;
  if (r.file) role.file = r.file;
  return role;
}

/**
 * Adds a discovered entity as a known one, in its type's list: a person with the roles as the text gave them
 * (each with the sentence that states it and its file), an organisation or a law with its kind. Returns the
 * new text and the id given (a Latin transliteration, unique among `takenIds`). An entry of the same type and
 * name (any spelling) already in the file is kept as it is.
 */
export function addDiscoveredEntity(text: string | undefined, entity: Entity, takenIds: ReadonlySet<string>): { text: string; id: string } {
  const file = parseUserFile(text);
  const list = entriesOf(file, entity.type);
  // Ids are unique across the whole file, not only within the type's list.
  const inFile = Object.values(GROUP).flatMap((key) => (Array.isArray(file[key]) ? (file[key] as Entry[]) : []));
  const taken = new Set([...takenIds, ...inFile.map((e) => e?.id).filter((x): x is string => typeof x === 'string')]);
  const existing = list.find((e) => typeof e?.nameAr === 'string' && fold(e.nameAr) === fold(entity.nameAr));
  if (existing) return { text: text ?? serialize(file), id: existing.id };
  const id = idFor(entity.nameAr, taken, entity.type);
  const entry: Entry = { id, nameAr: entity.nameAr, nameEn: entity.nameEn || undefined, aliases: [] };
  if (entity.type === 'person') {
    const roles = (entity.roles ?? []).filter((r) => r.titleAr).map(keptRole);
    if (roles.length) entry.roles = roles;
  } else {
    const kind = schemaKind(entity.type, entity.kind);
    if (kind !== undefined) entry.kind = kind;
  }
  list.push(entry);
  return { text: serialize(file), id };
}
