import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { runTalkbot } from '../helpers/run-cli.ts';

// Slack's published manifest schema, copied with its MIT licence from shared/schemas.
const schemaPath = 'test/fixtures/schemas/slack-app-manifest.v1.schema.json';

/** The bot scope each Web API method needs (null: none), from Slack's method reference pages. */
const methodScopes: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'views.publish': null,
  'chat.unfurl': 'links:write',
  'views.open': null,
  'users.info': 'users:read',
};

/** The bot scope each subscribed event needs (null: none). */
const eventScopes: Record<string, string | null> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  app_home_opened: null,
  link_shared: 'links:read',
};

interface Manifest {
  features: { slash_commands: Array<{ command: string; description: string; usage_hint?: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    socket_mode_enabled: boolean;
    interactivity: { is_enabled: boolean };
  };
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

async function allSource(): Promise<string> {
  const files = await sourceFiles('src');
  return (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
}

describe('manifest.yml', async () => {
  const manifest = parse(await readFile('manifest.yml', 'utf8')) as Manifest;
  const source = await allSource();

  it('is valid against Slack’s published app manifest schema', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(schemaPath, 'utf8')));
    assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  });

  it('grants a scope for every Web API method the code calls, and no scope the code does not need', () => {
    const called = new Set(
      [...source.matchAll(/client\s*\.\s*(\w+)\s*\.\s*(\w+)\s*\(/g)].map((m) => `${m[1]}.${m[2]}`),
    );
    called.add('auth.test'); // Bolt calls it at startup to learn the bot's own ids.
    assert.ok(
      called.has('chat.postMessage') && called.has('views.publish'),
      `found ${[...called].join(', ')}`,
    );
    const needed = new Set<string>(['commands']);
    for (const method of called) {
      assert.ok(
        method in methodScopes,
        `${method} is called: add its scope to methodScopes (and to manifest.yml)`,
      );
      const scope = methodScopes[method];
      if (scope) needed.add(scope);
    }
    for (const event of manifest.settings.event_subscriptions.bot_events) {
      assert.ok(event in eventScopes, `${event} is subscribed: add its scope to eventScopes`);
      const scope = eventScopes[event];
      if (scope) needed.add(scope);
    }
    assert.deepEqual([...manifest.oauth_config.scopes.bot].sort(), [...needed].sort());
  });

  it('subscribes to exactly the events the code listens to', () => {
    const listened = [...source.matchAll(/app\.event\(\s*'(\w+)'/g)].map((m) =>
      m[1] === 'message' ? 'message.im' : m[1],
    );
    assert.deepEqual(
      [...manifest.settings.event_subscriptions.bot_events].sort(),
      [...new Set(listened)].sort(),
    );
  });

  it('declares /talk with a description and usage hint, interactivity and Socket Mode', () => {
    const talk = manifest.features.slash_commands.find((c) => c.command === '/talk');
    assert.ok(talk?.description && talk.usage_hint);
    assert.match(source, /app\.command\('\/talk'/);
    assert.equal(manifest.settings.interactivity.is_enabled, true);
    assert.equal(manifest.settings.socket_mode_enabled, true);
  });
});

describe('.env.example', () => {
  it('documents every variable the configuration reads', async () => {
    const example = await readFile('.env.example', 'utf8');
    // config.ts and its area readers in src/config/ are the one reader of the environment, and their only
    // all-capital strings are variable names.
    const readers = [
      'src/config.ts',
      ...(await readdir('src/config')).map((name) => join('src/config', name)),
    ];
    const config = (await Promise.all(readers.map((file) => readFile(file, 'utf8')))).join('\n');
    const read = new Set([...config.matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1]));
    assert.ok(read.size >= 13, `found ${[...read].join(', ')}`);
    for (const name of read) assert.match(example, new RegExp(`^${name}=`, 'm'), `${name} in .env.example`);
  });
});

describe('talkbot manifest', () => {
  it('prints manifest.yml with unfurl_domains set from the site configuration, valid against Slack’s schema', async () => {
    const site = await mkdtemp(join(tmpdir(), 'talkbot-manifest-'));
    try {
      await mkdir(join(site, 'content', 'posts'), { recursive: true });
      await writeFile(join(site, 'hugo.toml'), 'baseURL = "https://Talks.Example.org/blog/"\n');
      const run = await runTalkbot(['manifest', '--content', join(site, 'content')]);
      assert.equal(run.code, 0, run.stderr);
      const printed = parse(run.stdout) as Manifest & { features: { unfurl_domains: string[] } };
      const committed = parse(await readFile('manifest.yml', 'utf8')) as Manifest & { features: object };
      assert.deepEqual(printed.features.unfurl_domains, ['talks.example.org']);
      assert.deepEqual(
        { ...printed, features: { ...committed.features, unfurl_domains: ['talks.example.org'] } },
        printed,
      );
      assert.deepEqual(printed.oauth_config, committed.oauth_config);
      assert.ok(
        printed.oauth_config.scopes.bot.includes('links:read') &&
          printed.oauth_config.scopes.bot.includes('links:write'),
      );
      assert.ok(printed.settings.event_subscriptions.bot_events.includes('link_shared'));
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(await readFile(schemaPath, 'utf8')));
      assert.ok(validate(printed), JSON.stringify(validate.errors, null, 2));
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('without a base URL prints the committed manifest and says why nothing will unfurl', async () => {
    const run = await runTalkbot(['manifest', '--content', 'test/fixtures/sites/talks']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, await readFile('manifest.yml', 'utf8'));
    assert.match(run.stderr, /no base URL .*SITE_BASE_URL.*unfurl_domains is left out/);
  });
});
