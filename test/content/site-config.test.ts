import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadContent } from '../../src/content/load.ts';
import { readSiteConfig } from '../../src/content/site-config.ts';
import { runTalkbot } from '../helpers/run-cli.ts';

const made: string[] = [];
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A project folder on disk holding these files (and an empty content folder). */
async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'talkbot-site-config-'));
  made.push(root);
  await mkdir(join(root, 'content'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return join(root, 'content');
}

describe('reading a Hugo site configuration', () => {
  it('gives Hugo defaults for a site with no configuration at all', async () => {
    const { config, problems } = await readSiteConfig(await project({}));
    assert.deepEqual(problems, []);
    assert.equal(config.baseUrl, null);
    assert.equal(config.title, null);
    assert.deepEqual(config.taxonomies, { tag: 'tags', category: 'categories' });
    assert.equal(config.defaultLanguage, 'en');
    assert.equal(config.unsafeHtml, false);
    assert.deepEqual(config.files, []);
  });

  it('reads hugo.toml before config.toml, and only the first root file found', async () => {
    const content = await project({
      'hugo.toml': 'baseURL = "https://talks.example.org/"\ntitle = "Talks We Liked"\n',
      'config.toml': 'baseURL = "https://old.example.org/"\n',
    });
    const { config } = await readSiteConfig(content);
    assert.equal(config.baseUrl, 'https://talks.example.org');
    assert.equal(config.title, 'Talks We Liked');
    assert.deepEqual(config.files, ['hugo.toml']);
  });

  it('reads YAML and JSON root files, keys in any letter case', async () => {
    const yaml = await readSiteConfig(
      await project({
        'config.yaml':
          'baseurl: https://y.example.org\nTitle: Yaml Notes\npermalinks:\n  posts: /:year/:slug/\n',
      }),
    );
    assert.equal(yaml.config.baseUrl, 'https://y.example.org');
    assert.equal(yaml.config.title, 'Yaml Notes');
    assert.deepEqual(yaml.config.permalinks, { page: { posts: '/:year/:slug/' }, section: {} });
    const json = await readSiteConfig(
      await project({
        'hugo.json': '{"baseURL": "https://j.example.org/", "taxonomies": {"topic": "topics"}}',
      }),
    );
    assert.equal(json.config.baseUrl, 'https://j.example.org');
    assert.deepEqual(json.config.taxonomies, { topic: 'topics' });
  });

  it('merges config/_default/ by file name, then config/production/, later files winning', async () => {
    const content = await project({
      'config/_default/hugo.toml':
        'baseURL = "https://dev.example.org/"\ntitle = "Field Notes"\ndefaultContentLanguage = "en"\n',
      'config/_default/markup.toml': '[goldmark.renderer]\nunsafe = true\n',
      'config/_default/params.toml': 'author = "Ada"\n',
      'config/_default/permalinks.toml':
        '[page]\nposts = "/:year/:month/:slug/"\n[section]\nposts = "/writing/"\n',
      'config/_default/languages.toml': '[en]\nweight = 1\n[de]\nweight = 2\ncontentDir = "content/de/"\n',
      'config/_default/menus.de.toml': '[[main]]\nname = "Start"\nurl = "/de/"\n',
      'config/production/hugo.toml': 'baseURL = "https://notes.example.org/"\n',
    });
    const { config, problems } = await readSiteConfig(content);
    assert.deepEqual(problems, []);
    assert.equal(config.baseUrl, 'https://notes.example.org');
    assert.equal(config.title, 'Field Notes');
    assert.equal(config.unsafeHtml, true);
    const permalinks = { page: { posts: '/:year/:month/:slug/' }, section: { posts: '/writing/' } };
    assert.deepEqual(config.permalinks, permalinks);
    assert.deepEqual(config.languages, [
      { code: 'en', contentDir: null, weight: 1, permalinks },
      { code: 'de', contentDir: 'content/de', weight: 2, permalinks },
    ]);
    assert.deepEqual(config.files, [
      'config/_default/hugo.toml',
      'config/_default/languages.toml',
      'config/_default/markup.toml',
      'config/_default/menus.de.toml',
      'config/_default/params.toml',
      'config/_default/permalinks.toml',
      'config/production/hugo.toml',
    ]);
  });

  it('lets SITE_BASE_URL win over baseURL', async () => {
    const content = await project({ 'hugo.toml': 'baseURL = "https://a.example.org/"\n' });
    const { config } = await readSiteConfig(content, { baseUrl: 'https://b.example.org' });
    assert.equal(config.baseUrl, 'https://b.example.org');
  });

  it('reports a broken TOML file with its path and line, and reads the rest', async () => {
    const content = await project({
      'config/_default/hugo.toml': 'title = "Good"\n',
      'config/_default/params.toml': 'author = "Ada"\nbroken = "no end\n',
    });
    const { config, problems } = await readSiteConfig(content);
    assert.equal(config.title, 'Good');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.path, '../config/_default/params.toml');
    assert.equal(problems[0]?.line, 2);
    assert.match(problems[0]?.message ?? '', /invalid TOML/);
  });

  it('says to quote a YAML value holding ": ", on its line', async () => {
    const content = await project({
      'hugo.yaml': 'baseURL: https://x.example.org/\ntitle: Pony: the good parts\n',
    });
    const { problems } = await readSiteConfig(content);
    assert.equal(problems[0]?.path, '../hugo.yaml');
    assert.equal(problems[0]?.line, 2);
    assert.match(problems[0]?.message ?? '', /put it in quotes, e\.g\. title: "Pony: the good parts"/);
  });

  it('gives a JSON error its line and column, not a character position', async () => {
    const content = await project({ 'hugo.json': '{\n  "title": "x",\n}\n' });
    const { problems } = await readSiteConfig(content);
    assert.equal(problems[0]?.line, 3);
    assert.match(problems[0]?.message ?? '', /at line 3, column 1/);
    assert.doesNotMatch(problems[0]?.message ?? '', /position/);
  });

  it('loads the posts of a site whose configuration is broken, and names the file and line', async () => {
    const content = await project({
      'hugo.toml': 'baseURL = "https://x.example.org/"\ntitle = "Unclosed\n',
      'content/posts/a-talk.md': '---\ntitle: A talk\n---\n[Slides](https://speakerdeck.com/a/b)\n',
    });
    const load = await loadContent(content);
    assert.deepEqual(
      load.posts.map((p) => [p.id, p.url]),
      [['/posts/a-talk/', null]],
    );
    const run = await runTalkbot(['index', '--content', content], { env: { TALKBOT_CACHE_DIR: 'off' } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`${join(dirname(content), 'hugo.toml')}:2: invalid TOML`));
  });
});
