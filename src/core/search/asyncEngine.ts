/** The in-process engine as an `AsyncSearchEngine`: the same answers, as promises. */
import type { AsyncSearchEngine, SearchEngine } from './types';

export function asyncEngine(engine: SearchEngine, source = 'in-process'): AsyncSearchEngine {
  return {
    source,
    size: () => Promise.resolve(engine.size),
    search: (query, options) => Promise.resolve(engine.search(query, options)),
    searchAll: (query, limit) => Promise.resolve(engine.searchAll(query, limit)),
  };
}
