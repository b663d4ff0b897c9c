/** Command, view, setting and context-key ids, defined once (they match package.json). */
export const Commands = {
  sortByDate: 'corpusNavigator.sortByDate',
  sortByTitle: 'corpusNavigator.sortByTitle',
  refresh: 'corpusNavigator.refresh',
  chooseCorpusFolder: 'corpusNavigator.chooseCorpusFolder',
  openLocation: 'corpusNavigator.openLocation',
  entitiesSortByCount: 'corpusNavigator.entities.sortByCount',
  entitiesSortByName: 'corpusNavigator.entities.sortByName',
  entitiesFilter: 'corpusNavigator.entities.filter',
  entitiesClearFilter: 'corpusNavigator.entities.clearFilter',
} as const;

export const Views = {
  articles: 'corpusNavigator.articles',
  entities: 'corpusNavigator.entities',
} as const;

export const Settings = {
  section: 'corpusNavigator',
  corpusFolders: 'corpusFolders',
  articlesSortBy: 'articles.sortBy',
} as const;

export const ContextKeys = {
  articlesSort: 'corpusNavigator.articlesSort',
  indexed: 'corpusNavigator.indexed',
  articleCount: 'corpusNavigator.articleCount',
  entitiesSort: 'corpusNavigator.entitiesSort',
  entitiesFiltered: 'corpusNavigator.entitiesFiltered',
} as const;
