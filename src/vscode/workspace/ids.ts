/** Command, view, setting and context-key ids, defined once (they match package.json). */
export const Commands = {
  sortByDate: 'corpusNavigator.sortByDate',
  sortByTitle: 'corpusNavigator.sortByTitle',
  refresh: 'corpusNavigator.refresh',
  cancelIndexing: 'corpusNavigator.cancelIndexing',
  articlesGroupBy: 'corpusNavigator.articles.groupBy',
  articlesShowMore: 'corpusNavigator.articles.showMore',
  entitiesShowMore: 'corpusNavigator.entities.showMore',
  chooseCorpusFolder: 'corpusNavigator.chooseCorpusFolder',
  openLocation: 'corpusNavigator.openLocation',
  showSummary: 'corpusNavigator.showSummary',
  showArticleSummary: 'corpusNavigator.showArticleSummary',
  showEntitySummary: 'corpusNavigator.showEntitySummary',
  entitiesSortByCount: 'corpusNavigator.entities.sortByCount',
  entitiesSortByName: 'corpusNavigator.entities.sortByName',
  entitiesFilter: 'corpusNavigator.entities.filter',
  entitiesClearFilter: 'corpusNavigator.entities.clearFilter',
  entitiesShowMentions: 'corpusNavigator.entities.showMentions',
  entitiesAddAlias: 'corpusNavigator.entities.addAlias',
  entitiesAddToKnowledgeBase: 'corpusNavigator.entities.addToKnowledgeBase',
  search: 'corpusNavigator.search',
  concordance: 'corpusNavigator.concordance',
} as const;

/** Webview panel types (the serializer restores them after a reload). */
export const Webviews = {
  summary: 'corpusNavigator.summary',
  concordance: 'corpusNavigator.concordance',
} as const;

export const Views = {
  articles: 'corpusNavigator.articles',
  entities: 'corpusNavigator.entities',
} as const;

export const Settings = {
  section: 'corpusNavigator',
  corpusFolders: 'corpusFolders',
  articlesSortBy: 'articles.sortBy',
  articlesGroupBy: 'articles.groupBy',
  highlightEntities: 'highlightEntities',
  rowLength: 'rowLength',
  searchServer: 'searchServer',
  searchServerUpdates: 'searchServerUpdates',
} as const;

/** Our language of corpus articles (contributes.languages, the grammar's scope suffix). */
export const Languages = {
  article: 'corpus-article',
} as const;

/** Colours contributed for entity highlights, one per entity type. */
export const Colors = {
  person: 'corpusNavigator.entity.personBackground',
  organisation: 'corpusNavigator.entity.organisationBackground',
  place: 'corpusNavigator.entity.placeBackground',
  law: 'corpusNavigator.entity.lawBackground',
} as const;

export const ContextKeys = {
  articlesSort: 'corpusNavigator.articlesSort',
  indexed: 'corpusNavigator.indexed',
  indexing: 'corpusNavigator.indexing',
  articlesGrouped: 'corpusNavigator.articlesGrouped',
  articleCount: 'corpusNavigator.articleCount',
  entitiesSort: 'corpusNavigator.entitiesSort',
  entitiesFiltered: 'corpusNavigator.entitiesFiltered',
} as const;
