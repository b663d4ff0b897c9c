/**
 * An article read back from the entry cache (cache.ts): its head from the cache's columns (heads.ts), its body from
 * the cache's bodies, each when first read.
 */
import { type Article, needsCorpusContext } from '../article/article';
import { SnapshotError, utf16Bytes, utf16String } from './binary';
import type { CacheBodies } from './cache';
import type { ArticleHead, HeadNumbers, HeadParts } from './heads';

/** The rest: read when an article is shown, summarized, or its mentions are made. */
export type ArticleBody = Pick<Article, 'dates' | 'sections' | 'paragraphs' | 'boilerplate'>;

export function headOf(a: Article): ArticleHead {
  const { name, title, alternativeTitles, outlet, date, subheadings, yearsMentioned, lineCount, length } = a;
  return { name, title, alternativeTitles, outlet, date, subheadings, yearsMentioned, lineCount, length, needsContext: needsCorpusContext(a) };
}

export function bodyOf(a: Article): ArticleBody {
  const { dates, sections, paragraphs, boilerplate } = a;
  return { dates, sections, paragraphs, boilerplate };
}

const EMPTY_BODY: ArticleBody = { dates: [], sections: [], paragraphs: [], boilerplate: [] };

/** Where an article's body is, while it was never read: its bytes in a cache's bodies. */
class BodyRef {
  constructor(
    readonly bodies: CacheBodies,
    readonly start: number,
    readonly end: number,
  ) {}

  bytes(): Uint8Array {
    return this.bodies.read(this.start, this.end);
  }
}

/**
 * An article read back from the cache: its head's numbers at once, its head's parts (title, outlet, subheadings,
 * date) made from the cache's columns when first read, its body (paragraphs, sections, dates, boilerplate) parsed
 * from its JSON when first read. A warm start parses no body (a third of its time, and most of its garbage), and
 * reads none: bodies are most of a cache, and where the host reads the cache file in place (Node) they stay on
 * disk, out of memory, until read. Serialises (`JSON.stringify`) as the whole article.
 */
export class CachedArticle implements Article {
  name: string;
  yearsMentioned: number[];
  lineCount: number;
  length: number;
  /** `needsCorpusContext` of the article, known without its dates. */
  readonly needsContext: boolean;
  /** The year its date adds to the corpus's years (-1: none), known without parsing the date (see `datedYear`). */
  readonly datedYear: number;
  /** Words of its body (`bodyWords`), known without reading the body. */
  readonly words: number;
  #head: (() => HeadParts) | HeadParts;
  #body: BodyRef | ArticleBody;
  /** Its body could not be read, or was damaged: it is shown without, and left out of a cache written since. */
  #lost = false;

  constructor(head: HeadNumbers, parts: () => HeadParts, bodies: CacheBodies, start: number, end: number) {
    this.name = head.articleName;
    this.yearsMentioned = head.yearsMentioned;
    this.lineCount = head.lineCount;
    this.length = head.length;
    this.needsContext = head.needsContext;
    this.datedYear = head.datedYear;
    this.words = head.words;
    this.#head = parts;
    this.#body = new BodyRef(bodies, start, end);
  }

  private head(): HeadParts {
    if (typeof this.#head === 'function') {
      try {
        this.#head = this.#head();
      } catch {
        // A damaged head (the entry was checked when read: cannot happen but for a bug): an untitled article.
        this.#head = { title: { text: '', range: { start: 0, end: 0, line: 0, character: 0, endLine: 0, endCharacter: 0 }, derived: true, repeats: [] }, alternativeTitles: [], subheadings: [] };
      }
    }
    return this.#head;
  }

  get title(): Article['title'] {
    return this.head().title;
  }

  get alternativeTitles(): Article['alternativeTitles'] {
    return this.head().alternativeTitles;
  }

  get outlet(): Article['outlet'] {
    return this.head().outlet;
  }

  get date(): Article['date'] {
    return this.head().date;
  }

  get subheadings(): Article['subheadings'] {
    return this.head().subheadings;
  }

  /** Whether the body was read (and is now held as parsed). */
  get bodyRead(): boolean {
    return !(this.#body instanceof BodyRef);
  }

  private body(): ArticleBody {
    if (this.#body instanceof BodyRef) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(utf16String(this.#body.bytes()));
      } catch {
        parsed = undefined;
      }
      const b = parsed as Partial<ArticleBody> | undefined;
      // A damaged body (the cache's bytes changed on disk), or one that cannot be read (its cache closed since):
      // an article without paragraphs, rather than an error.
      const ok = b && Array.isArray(b.dates) && Array.isArray(b.sections) && Array.isArray(b.paragraphs) && Array.isArray(b.boilerplate);
      this.#body = ok ? (b as ArticleBody) : EMPTY_BODY;
      this.#lost = !ok;
    }
    return this.#body;
  }

  /**
   * The body's JSON (UTF-16) for a cache being written: as read, while it was never parsed. Throws when it cannot
   * be read, or could not be (the article is then left out of the cache).
   */
  bodyBytes(): Uint8Array {
    if (this.#lost) throw new SnapshotError('the body could not be read');
    return this.#body instanceof BodyRef ? this.#body.bytes() : utf16Bytes(JSON.stringify(this.#body));
  }

  /** A body never read is now at `start`…`end` of `bodies` (the same bytes, in a cache written since). */
  rebase(bodies: CacheBodies, start: number, end: number): void {
    if (this.#body instanceof BodyRef) this.#body = new BodyRef(bodies, start, end);
  }

  get dates(): Article['dates'] {
    return this.body().dates;
  }

  get sections(): Article['sections'] {
    return this.body().sections;
  }

  get paragraphs(): Article['paragraphs'] {
    return this.body().paragraphs;
  }

  get boilerplate(): Article['boilerplate'] {
    return this.body().boilerplate;
  }

  toJSON(): Article {
    const { name, title, alternativeTitles, outlet, date, subheadings, yearsMentioned, lineCount, length } = this;
    const a: Article = { name, title, alternativeTitles, outlet, date, subheadings, ...this.body(), yearsMentioned, lineCount, length };
    // As the parser's: no outlet or date key where there is none.
    if (!outlet) delete a.outlet;
    if (!date) delete a.date;
    return a;
  }
}

