import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Colors, Commands, ContextKeys, Languages, Settings, Views } from '../../src/vscode/workspace/ids';
import { ROOT } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}

interface Manifest {
  name: string;
  displayName: string;
  description: string;
  publisher: string;
  license: string;
  icon: string;
  galleryBanner?: { color: string; theme: string };
  categories: string[];
  keywords: string[];
  repository?: string | { type: string; url: string };
  scripts: Record<string, string>;
  main: string;
  browser?: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
    walkthroughs: { id: string; title: string; description: string; steps: Step[] }[];
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

/** A manifest string as English users see it: a `%key%` placeholder resolved through package.nls.json. */
const nlsPath = join(ROOT, 'package.nls.json');
const nlsStrings = existsSync(nlsPath) ? (JSON.parse(readFileSync(nlsPath, 'utf8')) as Record<string, string>) : {};
const english = (s: string | undefined): string => s?.replace(/^%([^%]+)%$/, (whole, key: string) => nlsStrings[key] ?? whole) ?? '';

/** Every `%key%` string of a JSON value, resolved to English (what VS Code shows an English user). */
function resolved(value: unknown): unknown {
  if (typeof value === 'string') return english(value);
  if (Array.isArray(value)) return value.map(resolved);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(v)]));
  return value;
}

const rawManifestText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const manifest = resolved(JSON.parse(rawManifestText)) as Manifest;
const c = manifest.contributes;

describe('package.json localisation', () => {
  const keysIn = (text: string): string[] => [...new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!))].sort();
  const arabic = JSON.parse(readFileSync(join(ROOT, 'package.nls.ar.json'), 'utf8')) as Record<string, string>;

  it('every %key% of the manifest is in package.nls.json and package.nls.ar.json, and nothing else is', () => {
    const used = keysIn(rawManifestText);
    assert.ok(used.length > 30, `${used.length} localised strings`);
    assert.deepEqual(Object.keys(nlsStrings).sort(), used);
    assert.deepEqual(Object.keys(arabic).sort(), used);
  });

  it('the Arabic strings are Arabic (but for the product name) and keep the English links and code', () => {
    for (const [key, en] of Object.entries(nlsStrings)) {
      const ar = arabic[key]!;
      if (en === 'Corpus Navigator') continue;
      assert.match(ar, /[\u0600-\u06ff]/, key);
      for (const link of en.matchAll(/\]\((command:[^)]+)\)/g)) assert.ok(ar.includes(`](${link[1]})`), `${key} keeps ${link[1]}`);
      for (const code of en.matchAll(/`[^`]+`/g)) assert.ok(ar.includes(code[0]), `${key} keeps ${code[0]}`);
    }
  });
});

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

  it('every command has a codicon, every menu item a when clause, and a command that needs an argument is hidden from the palette', () => {
    for (const cmd of c.commands) assert.match(cmd.icon ?? '', /^\$\([a-z0-9-]+\)$/, `${cmd.command} has a codicon`);
    for (const [menu, items] of Object.entries(c.menus)) for (const m of items) assert.ok(m.when, `${menu}: ${m.command} has a when clause`);
    const palette = new Map(c.menus['commandPalette']!.map((m) => [m.command, m.when]));
    assert.equal(palette.get(Commands.openLocation), 'false', 'Open Article Location takes a location: not in the palette');
    // The toggles only show the sort or filter that would change something.
    assert.equal(palette.get(Commands.sortByDate), `${ContextKeys.articlesSort} != date`);
    assert.equal(palette.get(Commands.entitiesClearFilter), ContextKeys.entitiesFiltered);
    // Every corpusNavigator.* name in a when clause is a context key the code sets, or one of our views.
    const names = new Set<string>([...Object.values(ContextKeys), ...Object.values(Views)]);
    for (const items of Object.values(c.menus)) {
      for (const m of items) for (const [key] of (m.when ?? '').matchAll(/\bcorpusNavigator\.[\w.]+/g)) assert.ok(names.has(key), `${m.command}: ${key} is a context key the code sets or a view`);
    }
  });

  it('keybindings name our commands, with a Mac variant', () => {
    assert.ok(c.keybindings.length >= 1);
    const ours = new Set(Object.values(Commands) as string[]);
    for (const k of c.keybindings) {
      assert.ok(ours.has(k.command), k.command);
      assert.match(k.key, /^(ctrl|alt|shift)\+/, k.command);
      assert.match(k.mac ?? '', /^(cmd|alt|shift|ctrl)\+/, `${k.command} has a mac key`);
    }
    assert.equal(c.keybindings.find((k) => k.command === Commands.search)?.key, 'ctrl+alt+f');
  });

  it('is complete for the marketplace: names, a 128×128 PNG icon, banner, categories, keywords, licence', () => {
    assert.equal(manifest.displayName, 'Corpus Navigator');
    assert.ok(manifest.description.length > 40 && manifest.publisher && manifest.name === 'corpus-navigator');
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG', `${manifest.icon} is a PNG`);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is 128×128');
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''));
    const known = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization'];
    for (const cat of manifest.categories) assert.ok(known.includes(cat), `marketplace category ${cat}`);
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, 'the marketplace takes up to 30 keywords');
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /MIT License/);
    // No repository is published yet: no placeholder URL, and packaging says so explicitly.
    if (manifest.repository === undefined) assert.match(manifest.scripts['package'] ?? '', /--allow-missing-repository/);
    else assert.doesNotMatch(JSON.stringify(manifest.repository), /example|placeholder|your-?org/i);
  });

  it('declares the web entry next to the Node one', () => {
    assert.equal(manifest.browser, './dist/web/extension.js');
  });

  it('every setting has a markdownDescription', () => {
    const props = Object.entries(c.configuration.properties);
    assert.ok(props.length >= 3);
    for (const [key, p] of props) assert.ok(english(p.markdownDescription).length > 30 && !english(p.markdownDescription).startsWith('%'), key);
  });

  it("the README's Commands and Settings tables name every palette command and every setting", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = (title: string): string => readme.slice(readme.indexOf(`## ${title}\n`), readme.indexOf('\n## ', readme.indexOf(`## ${title}\n`) + 1));
    const commands = section('Commands');
    const hidden = new Set(c.menus['commandPalette']!.filter((m) => m.when === 'false').map((m) => m.command));
    for (const cmd of c.commands) if (!hidden.has(cmd.command)) assert.ok(commands.includes(english(cmd.title)), `README Commands: ${english(cmd.title)}`);
    const settings = section('Settings');
    for (const key of Object.keys(c.configuration.properties)) assert.ok(settings.includes(`\`${key}\``), `README Settings: ${key}`);
  });

  it('a walkthrough of 4–5 steps whose pages, images, links and completion events exist', () => {
    assert.equal(c.walkthroughs.length, 1);
    const [w] = c.walkthroughs;
    assert.ok(w!.steps.length >= 4 && w!.steps.length <= 5, `${w!.steps.length} steps`);
    const ours = new Set<string>(Object.values(Commands));
    const views = new Set<string>(Object.values(Views));
    const linkOk = (cmd: string): boolean => ours.has(cmd) || cmd.startsWith('workbench.') || views.has(cmd.replace(/\.focus$/, ''));
    for (const { description: raw, ...step } of w!.steps) {
      const description = english(raw);
      assert.ok(english(step.title) && description, step.id);
      // Step descriptions render links and bold only: a `code span` would show its backticks.
      assert.doesNotMatch(description, /`/, `${step.id}: no backticks`);
      const links = [...description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!);
      assert.ok(links.length >= 1, `${step.id} has a button`);
      for (const cmd of links) assert.ok(linkOk(cmd), `${step.id}: ${cmd}`);
      const md = step.media.markdown;
      assert.ok(md && md.startsWith('media/walkthrough/') && existsSync(join(ROOT, md)), `${step.id}: ${md} exists`);
      const images = [...readFileSync(join(ROOT, md), 'utf8').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)];
      assert.ok(images.length >= 1, `${md} shows a screenshot`);
      for (const [, alt, src] of images) {
        assert.ok(alt, `${md}: an image has alt text`);
        assert.ok(existsSync(join(ROOT, dirname(md), src!)), `${md}: ${src} exists`);
      }
      assert.ok(step.completionEvents?.length, `${step.id} can be completed`);
      for (const ev of step.completionEvents ?? []) {
        const [kind, arg] = [ev.slice(0, ev.indexOf(':')), ev.slice(ev.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(ours.has(arg), ev);
        else if (kind === 'onView') assert.ok(views.has(arg), ev);
        else assert.equal(kind, 'onContext', ev);
      }
    }
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
