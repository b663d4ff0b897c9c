/**
 * Edits of the user's entity file (`.corpus/entities.json`): adding an alias to an entity, adding a
 * discovered person. Pure: takes the file's text, returns the new text (the caller writes it).
 */
import { fold } from './arabic';
import type { Entity, EntityType, UserKnowledgeBaseFile } from './entities';

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

export function idFor(nameAr: string, taken: ReadonlySet<string>): string {
  const base =
    fold(nameAr)
      .split(/\s+/)
      .map((w) => [...w].map((c) => LATIN[c] ?? (/[a-z0-9]/i.test(c) ? c.toLowerCase() : '')).join(''))
      .filter(Boolean)
      .join('-') || 'person';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Adds a discovered person as a known one: Arabic name, the role as the text gave it. Returns the new
 * text and the id given (a Latin transliteration, unique among `takenIds`).
 */
export function addDiscoveredPerson(text: string | undefined, person: Entity, takenIds: ReadonlySet<string>): { text: string; id: string } {
  const file = parseUserFile(text);
  const list = entriesOf(file, 'person');
  const taken = new Set([...takenIds, ...list.map((e) => e?.id).filter((x): x is string => typeof x === 'string')]);
  const existing = list.find((e) => typeof e?.nameAr === 'string' && fold(e.nameAr) === fold(person.nameAr));
  if (existing) return { text: text ?? serialize(file), id: existing.id };
  const id = idFor(person.nameAr, taken);
  const roles = (person.roles ?? []).filter((r) => r.titleAr).map((r) => ({ titleAr: r.titleAr }));
  list.push({ id, nameAr: person.nameAr, nameEn: person.nameEn || undefined, aliases: [], ...(roles.length ? { roles } : {}) });
  return { text: serialize(file), id };
}
