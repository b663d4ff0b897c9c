/**
 * The corpus seen by entity: which entities it names, how often, in which articles, and with whom.
 * Derived from the corpus's entries (each parsed and recognized once); rebuilt when the corpus changes.
 */
import type { CorpusEntry } from './corpus';
import type { Entity, EntityType, Mention, Statement } from './entities';

export interface ArticleMentions {
  entry: CorpusEntry;
  mentions: Mention[];
}

export interface EntityStats {
  entity: Entity;
  /** Mentions across the corpus. */
  count: number;
  /** Articles naming the entity, most mentions first. */
  articles: ArticleMentions[];
}

export class EntityIndex {
  readonly byId = new Map<string, EntityStats>();
  /** Per person: the sentences in which they speak, with their article (built with the index). */
  private readonly statementsById = new Map<string, { entry: CorpusEntry; statement: Statement }[]>();
  /** `cooccurring` results, computed once per entity and limit. */
  private readonly cooccurringCache = new Map<string, { stats: EntityStats; articles: number }[]>();

  constructor(entries: readonly CorpusEntry[], entities: ReadonlyMap<string, Entity>) {
    for (const entry of entries) {
      for (const statement of entry.statements) {
        const list = this.statementsById.get(statement.entity);
        if (list) list.push({ entry, statement });
        else this.statementsById.set(statement.entity, [{ entry, statement }]);
      }
      const perEntity = new Map<string, Mention[]>();
      for (const m of entry.mentions) {
        const list = perEntity.get(m.entity);
        if (list) list.push(m);
        else perEntity.set(m.entity, [m]);
      }
      for (const [id, mentions] of perEntity) {
        const entity = entities.get(id);
        if (!entity) continue;
        let stats = this.byId.get(id);
        if (!stats) this.byId.set(id, (stats = { entity, count: 0, articles: [] }));
        stats.count += mentions.length;
        stats.articles.push({ entry, mentions });
      }
    }
    for (const s of this.byId.values()) {
      s.articles.sort((a, b) => b.mentions.length - a.mentions.length || a.entry.file.name.localeCompare(b.entry.file.name));
    }
  }

  /** Entities of a type (or all), most mentioned first. */
  list(type?: EntityType): EntityStats[] {
    return [...this.byId.values()]
      .filter((s) => type === undefined || s.entity.type === type)
      .sort((a, b) => b.count - a.count || a.entity.nameAr.localeCompare(b.entity.nameAr, 'ar'));
  }

  get(id: string): EntityStats | undefined {
    return this.byId.get(id);
  }

  /** The sentences in which the person speaks, in corpus order. */
  statementsOf(id: string): readonly { entry: CorpusEntry; statement: Statement }[] {
    return this.statementsById.get(id) ?? [];
  }

  /** The entities most often named in the same articles as `id`: by shared articles, then mentions. */
  cooccurring(id: string, limit = 5): { stats: EntityStats; articles: number }[] {
    const key = `${limit}:${id}`;
    let cached = this.cooccurringCache.get(key);
    if (!cached) this.cooccurringCache.set(key, (cached = this.computeCooccurring(id, limit)));
    return cached;
  }

  private computeCooccurring(id: string, limit: number): { stats: EntityStats; articles: number }[] {
    const own = this.byId.get(id);
    if (!own) return [];
    const shared = new Map<string, number>();
    for (const { entry } of own.articles) {
      for (const other of new Set(entry.mentions.map((m) => m.entity))) {
        if (other !== id) shared.set(other, (shared.get(other) ?? 0) + 1);
      }
    }
    return [...shared.entries()]
      .map(([other, articles]) => ({ stats: this.byId.get(other)!, articles }))
      .filter((x) => x.stats !== undefined)
      .sort((a, b) => b.articles - a.articles || b.stats.count - a.stats.count)
      .slice(0, limit);
  }
}
