/** The components a search index is made of, as the modules that read across them (queries, snapshots) see them. */
import type { DocumentStore } from './documents';
import type { EntityMatcher } from './entityMatch';
import type { Postings } from './postings';
import type { Vocabulary } from './vocabulary';

export interface IndexParts {
  readonly documents: DocumentStore;
  readonly vocabulary: Vocabulary;
  readonly postings: Postings;
  readonly entities: EntityMatcher;
}
