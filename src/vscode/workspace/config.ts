import * as vscode from 'vscode';
import { Settings } from './ids';

export type ArticleSort = 'date' | 'title';
export type ArticleGroup = 'month' | 'outlet';

/** The `rowLength` setting's default: what a row of the default sidebar (300 px) shows, in Arabic letters. */
export const ROW_LENGTH = 30;

/** Typed access to the extension's settings. */
export const config = {
  corpusFolders(): string[] {
    const raw = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.corpusFolders);
    const list = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
    // Normalise "./seeds/" and "seeds\\" to "seeds"; ignore attempts to leave the workspace folder.
    const clean = list.map((f) => f.trim().replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '')).filter((f) => f !== '' && !f.split('/').includes('..'));
    return clean.length > 0 ? [...new Set(clean)] : ['seeds'];
  },
  articlesSortBy(): ArticleSort {
    return vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.articlesSortBy) === 'title' ? 'title' : 'date';
  },
  /** How a large corpus is grouped in the Articles view. */
  articlesGroupBy(): ArticleGroup {
    return vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.articlesGroupBy) === 'outlet' ? 'outlet' : 'month';
  },
  highlightEntities(): boolean {
    return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.highlightEntities) !== false;
  },
  /** About how many letters a tree row shows, label and description together; 0: no limit. */
  rowLength(): number {
    const n = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.rowLength);
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : ROW_LENGTH;
  },
  affectsRowLength(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${Settings.section}.${Settings.rowLength}`);
  },
  affectsHighlightEntities(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${Settings.section}.${Settings.highlightEntities}`);
  },
  /** The archive the search asks (`host:port/index`), or '' for the in-process engine. */
  searchServer(): string {
    const section = vscode.workspace.getConfiguration(Settings.section);
    // An untrusted workspace may not send searches to a server of its choosing: only the user's value counts (the
    // manifest also lists the setting in restrictedConfigurations).
    const raw = vscode.workspace.isTrusted ? section.get<unknown>(Settings.searchServer) : section.inspect<unknown>(Settings.searchServer)?.globalValue;
    return typeof raw === 'string' ? raw.trim() : '';
  },
  /**
   * The agents (`host:port/index[,…]`) the files seen created, changed or deleted are sent to, or '' (the default) to
   * send nothing. Only with a `searchServer` set; restricted like it (an untrusted workspace's value does not count).
   */
  searchServerUpdates(): string {
    if (config.searchServer() === '') return '';
    const section = vscode.workspace.getConfiguration(Settings.section);
    const raw = vscode.workspace.isTrusted ? section.get<unknown>(Settings.searchServerUpdates) : section.inspect<unknown>(Settings.searchServerUpdates)?.globalValue;
    return typeof raw === 'string' ? raw.trim() : '';
  },
  affectsSearchServerUpdates(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${Settings.section}.${Settings.searchServerUpdates}`) || config.affectsSearchServer(e);
  },
  affectsSearchServer(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${Settings.section}.${Settings.searchServer}`);
  },
  affectsCorpusFolders(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(`${Settings.section}.${Settings.corpusFolders}`);
  },
};
