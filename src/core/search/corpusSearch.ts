/**
 * Keeps a search index in step with a live corpus: after each corpus change, documents whose parsed
 * entry changed are indexed again (their text read through `readText`), removed ones are dropped.
 * Pure TypeScript; VS Code passes a reader over `workspace.fs`.
 */
import type { ParseOptions } from '../article';
import { parseCorpus } from '../corpus';
import type { Corpus, CorpusEntry, CorpusFile, Disposable } from '../corpus';
import type { Recognizer } from '../entities';
import { SearchDocument, SearchIndex } from './index';

/** The search document of a corpus entry. */
export function searchDocument(entry: Pick<CorpusEntry, 'file' | 'article' | 'mentions'>, text: string): SearchDocument {
  const { article } = entry;
  return {
    id: entry.file.id,
    name: entry.file.name,
    text,
    title: { text: article.title.text, start: article.title.range.start, end: article.title.range.end },
    outlet: article.outlet?.text,
    date: article.date?.iso,
    mentions: entry.mentions.map(({ entity, type, start, end }) => ({ entity, type, start, end })),
  };
}

const READ_CONCURRENCY = 16;

export class CorpusSearch implements Disposable {
  readonly index = new SearchIndex();
  private readonly indexed = new Map<string, CorpusEntry>();
  private syncing: Promise<void> = Promise.resolve();
  private stale = true;
  private readonly subscription: Disposable;

  constructor(
    private readonly corpus: Corpus,
    private readonly readText: (file: CorpusFile) => Promise<string | undefined>,
  ) {
    this.subscription = corpus.onDidChange(() => {
      this.stale = true;
    });
  }

  /**
   * The index as soon as it can answer: while the corpus is still being read, the articles read so far
   * (`partial`); otherwise the whole corpus, as `ready()`.
   */
  async current(): Promise<{ index: SearchIndex; partial: boolean }> {
    if (!this.corpus.indexing) return { index: await this.ready(), partial: false };
    this.stale = false;
    this.syncing = this.syncing.then(() => this.sync());
    await this.syncing;
    return { index: this.index, partial: this.corpus.indexing !== undefined };
  }

  /** Resolves when the index holds the corpus as it is now. */
  async ready(): Promise<SearchIndex> {
    await this.corpus.ready();
    while (this.stale) {
      this.stale = false;
      this.syncing = this.syncing.then(() => this.sync());
      await this.syncing;
    }
    await this.syncing;
    return this.index;
  }

  private async sync(): Promise<void> {
    // The recognizer's entities and those discovered in the corpus (people named with a role).
    const entities = new Map(this.corpus.entityRecognizer?.entities ?? []);
    for (const stats of this.corpus.entities().byId.values()) if (!entities.has(stats.entity.id)) entities.set(stats.entity.id, stats.entity);
    this.index.setEntities([...entities.values()]);
    const current = new Map(this.corpus.all().map((e) => [e.file.id, e]));
    for (const id of [...this.indexed.keys()]) {
      if (!current.has(id)) {
        this.index.remove(id);
        this.indexed.delete(id);
      }
    }
    const changed = [...current.values()].filter((e) => this.indexed.get(e.file.id) !== e);
    for (let i = 0; i < changed.length; i += READ_CONCURRENCY) {
      const batch = changed.slice(i, i + READ_CONCURRENCY);
      const texts = await Promise.all(batch.map((e) => this.readText(e.file).catch(() => undefined)));
      batch.forEach((entry, k) => {
        const text = texts[k];
        if (text === undefined) return;
        this.index.add(searchDocument(entry, text));
        this.indexed.set(entry.file.id, entry);
      });
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** An index over plain texts (the CLI, tests, the benchmark): each parsed and recognized once. */
export function buildSearchIndex(inputs: readonly { name: string; text: string; id?: string }[], recognizer?: Recognizer, options: ParseOptions = {}): SearchIndex {
  const index = new SearchIndex(recognizer ? [...recognizer.entities.values()] : []);
  const articles = parseCorpus(inputs, options);
  inputs.forEach(({ name, text, id }, i) => {
    const article = articles[i]!;
    const mentions = recognizer?.recognize(text) ?? [];
    index.add(searchDocument({ file: { id: id ?? name, name }, article, mentions }, text));
  });
  return index;
}
