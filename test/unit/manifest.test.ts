import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Colors, Commands, Languages, Settings, Views } from '../../src/vscode/ids';
import { ROOT } from './helpers';

interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command?: string; when?: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    configuration: { properties: Record<string, { default?: unknown; type?: string; markdownDescription?: string }> };
    languages?: { id: string; configuration?: string }[];
    grammars?: { language: string; scopeName: string; path: string }[];
    colors?: { id: string; defaults: Record<string, string> }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const c = manifest.contributes;

describe('package.json contributions', () => {
  it('activates on the corpus folder, never on "*"', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.some((e) => e.startsWith('workspaceContains:seeds/')));
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('every command has a category, and the code and the manifest name the same commands', () => {
    for (const cmd of c.commands) assert.equal(cmd.category, 'Corpus Navigator', cmd.command);
    assert.deepEqual(c.commands.map((x) => x.command).sort(), Object.values(Commands).sort());
  });

  it('menus and welcome links only name contributed or built-in commands', () => {
    const ours = new Set(c.commands.map((x) => x.command));
    for (const items of Object.values(c.menus)) for (const m of items) if (m.command) assert.ok(ours.has(m.command), m.command);
    for (const w of c.viewsWelcome) {
      for (const [, cmd] of w.contents.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(ours.has(cmd!) || cmd!.startsWith('workbench.') || cmd === `${Views.articles}.focus`, cmd);
      }
    }
  });

  it('a view container with its own icon holds the Articles and Entities views', () => {
    const [container] = c.viewsContainers.activitybar;
    assert.ok(container && existsSync(join(ROOT, container.icon)), 'the icon file exists');
    assert.deepEqual(
      c.views[container.id]!.map((v) => [v.id, v.name]),
      [[Views.articles, 'Articles'], [Views.entities, 'Entities']],
    );
  });

  it('the corpus folders setting defaults to seeds', () => {
    assert.deepEqual(c.configuration.properties[`${Settings.section}.${Settings.corpusFolders}`]?.default, ['seeds']);
    assert.ok(c.configuration.properties[`${Settings.section}.${Settings.articlesSortBy}`]);
  });

  it('contributes our article language with its grammar, the highlight colours of the code, and their setting', () => {
    const lang = c.languages?.find((l) => l.id === Languages.article);
    assert.ok(lang?.configuration && existsSync(join(ROOT, lang.configuration)), 'language configuration file exists');
    const grammar = c.grammars?.find((g) => g.language === Languages.article);
    assert.ok(grammar && existsSync(join(ROOT, grammar.path)), 'grammar file exists');
    const scopeName = (JSON.parse(readFileSync(join(ROOT, grammar.path), 'utf8')) as { scopeName: string }).scopeName;
    assert.equal(scopeName, grammar.scopeName);
    assert.deepEqual(c.colors?.map((x) => x.id).sort(), Object.values(Colors).sort());
    for (const color of c.colors ?? []) assert.deepEqual(Object.keys(color.defaults).sort(), ['dark', 'highContrast', 'highContrastLight', 'light'], color.id);
    const setting = c.configuration.properties[`${Settings.section}.${Settings.highlightEntities}`];
    assert.equal(setting?.type, 'boolean');
    assert.equal(setting?.default, true);
    assert.ok(setting?.markdownDescription);
  });
});
