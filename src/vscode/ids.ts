/** Command, view, setting and context-key ids, defined once (they match package.json). */
export const Commands = {
  sortByDate: 'corpusNavigator.sortByDate',
  sortByTitle: 'corpusNavigator.sortByTitle',
  refresh: 'corpusNavigator.refresh',
  chooseCorpusFolder: 'corpusNavigator.chooseCorpusFolder',
  openLocation: 'corpusNavigator.openLocation',
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
} as const;
