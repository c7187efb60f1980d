import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';

// The dependency rules of docs/architecture.md, checked from the imports. A new part adds its row here (and
// in the map); a folder that does not exist yet (src/store/ before its branch lands) simply has no files.

/** One rule: what the files under `part` may not import, said as a reason a reader can act on. */
interface ImportRule {
  /** A folder (ending in `/`) or a file under `src/`. */
  readonly part: string;
  /** Packages it must not import (a name, or a scope ending in `/`). */
  readonly packages: readonly string[];
  /** Parts of talkbot it must not import (folders ending in `/`, or files). */
  readonly forbidden: readonly string[];
  /** Parts it may import even though a forbidden folder holds them. */
  readonly allowed?: readonly string[];
  /** Whether it may import nothing of talkbot outside itself. */
  readonly selfContained?: boolean;
  readonly why: string;
}

const slackPackages = ['@slack/', 'chokidar', 'ws'];

/** The rules, the source of truth for "which part may import which". */
const importRules: readonly ImportRule[] = [
  {
    part: 'src/content/',
    packages: slackPackages,
    forbidden: [],
    selfContained: true,
    why: 'content reads files into values: no Slack, Bolt or watcher, and nothing else of talkbot',
  },
  {
    part: 'src/search/',
    packages: slackPackages,
    forbidden: ['src/slack/', 'src/tips/', 'src/local/', 'src/wiring/', 'src/cli/', 'src/start.ts'],
    why: 'search builds and queries the Library from content alone: no Slack, Bolt or watcher',
  },
  {
    part: 'src/slack/blocks/',
    packages: ['chokidar', 'ws', '@slack/web-api', '@slack/socket-mode'],
    forbidden: ['src/slack/', 'src/tips/', 'src/local/', 'src/wiring/', 'src/cli/', 'src/start.ts'],
    allowed: ['src/slack/blocks/'],
    why: 'renderers are pure: values in, { text, blocks } out (Bolt’s block types only, as types)',
  },
  {
    part: 'src/tips/',
    packages: slackPackages,
    forbidden: ['src/slack/', 'src/local/', 'src/wiring/', 'src/cli/', 'src/start.ts'],
    allowed: ['src/slack/blocks/'],
    why: 'tips import no Slack but the renderers: the poster and the error classifier come from the wiring',
  },
  {
    part: 'src/store/',
    packages: slackPackages,
    forbidden: ['src/slack/', 'src/local/', 'src/tips/', 'src/wiring/', 'src/cli/', 'src/start.ts'],
    why: 'the store is SQL and nothing of Slack',
  },
  {
    part: 'src/ops/',
    packages: slackPackages,
    forbidden: [],
    selfContained: true,
    why: 'a replica’s metrics are counters and histograms (prom-client), fed by the wiring: nothing of Slack',
  },
  {
    part: 'src/sources/',
    packages: slackPackages,
    forbidden: ['src/slack/', 'src/local/', 'src/tips/', 'src/search/', 'src/cli/', 'src/start.ts'],
    why: 'sources fetch content (git, files) and hand a folder to src/content/',
  },
  {
    part: 'src/local/',
    packages: ['@slack/'],
    forbidden: [],
    selfContained: true,
    why: 'the stand-in of Slack is independent of talkbot, so tests check talkbot against Slack’s shapes',
  },
  {
    part: 'src/config.ts',
    packages: slackPackages,
    forbidden: ['src/slack/', 'src/local/', 'src/search/', 'src/content/', 'src/wiring/', 'src/cli/'],
    allowed: ['src/tips/tip-config.ts'],
    why: 'config reads the environment and checks values; it knows no other part',
  },
  {
    part: 'src/config/',
    packages: slackPackages,
    forbidden: ['src/slack/', 'src/local/', 'src/search/', 'src/content/', 'src/wiring/', 'src/cli/'],
    allowed: ['src/tips/tip-config.ts'],
    why: 'each area’s config reader checks values from the environment it is given; it knows no other part',
  },
];

/** The one file allowed to read the environment. */
const environmentReader = 'src/config.ts';

/** Every TypeScript file under a folder, as paths relative to the repository. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative('.', join(entry.parentPath, entry.name)))
    .sort();
}

/** The module specifiers a source imports: static imports and re-exports, and `import('…')`. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\b[^;'"`]*?\bfrom\s+'([^']+)'/gm))
    found.push(m[1] ?? '');
  for (const m of source.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(m[1] ?? '');
  for (const m of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(m[1] ?? '');
  return found;
}

/** Where an import leads: a path under `src/` for a relative one, else the package name as written. */
function target(
  file: string,
  specifier: string,
): { kind: 'file'; path: string } | { kind: 'package'; name: string } {
  if (specifier.startsWith('.')) return { kind: 'file', path: join(dirname(file), specifier) };
  return { kind: 'package', name: specifier };
}

const under = (path: string, part: string) => (part.endsWith('/') ? path.startsWith(part) : path === part);

/** What breaks a rule in one file's source: one line per import that should not be there. */
function violations(file: string, source: string, rule: ImportRule): string[] {
  const wrong: string[] = [];
  for (const specifier of importsOf(source)) {
    const to = target(file, specifier);
    if (to.kind === 'package') {
      if (
        rule.packages.some((p) =>
          p.endsWith('/') ? to.name.startsWith(p) : to.name === p || to.name.startsWith(`${p}/`),
        )
      )
        wrong.push(`${file} imports ${to.name}: ${rule.why}`);
      continue;
    }
    if (rule.allowed?.some((part) => under(to.path, part))) continue;
    const outside = rule.selfContained === true && !under(to.path, rule.part);
    if (outside || rule.forbidden.some((part) => under(to.path, part)))
      wrong.push(`${file} imports ${to.path}: ${rule.why}`);
  }
  return wrong;
}

describe('the dependency rules of docs/architecture.md', () => {
  const files = sourceFiles('src');

  for (const rule of importRules) {
    it(`${rule.part}: ${rule.why}`, () => {
      const covered = files.filter((file) => under(file, rule.part));
      const wrong = covered.flatMap((file) => violations(file, readFileSync(file, 'utf8'), rule));
      assert.deepEqual(wrong, []);
    });
  }

  it('covers the parts that exist today, so a rule cannot pass by matching nothing', () => {
    for (const part of [
      'src/content/',
      'src/search/',
      'src/slack/blocks/',
      'src/tips/',
      'src/local/',
      'src/config.ts',
      'src/config/',
      'src/store/',
      'src/ops/',
    ]) {
      assert.ok(
        files.some((file) => under(file, part)),
        `${part} has files`,
      );
    }
  });

  it(`only ${environmentReader} reads the environment`, () => {
    const readers = files.filter((file) => /\bprocess\.env\b|\bprocess\[/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(
      readers.filter((file) => file !== environmentReader),
      [],
    );
  });

  it('catches what it is meant to catch', () => {
    const tips = importRules.find((rule) => rule.part === 'src/tips/');
    const search = importRules.find((rule) => rule.part === 'src/search/');
    assert.ok(tips && search);
    const tipsSource = [
      "import { renderTip } from '../slack/blocks/tip.ts';",
      "import { slackErrorCode } from '../slack/slack-errors.ts';",
      "import type { webApi } from '@slack/bolt';",
    ].join('\n');
    assert.deepEqual(violations('src/tips/x.ts', tipsSource, tips).length, 2);
    const searchSource = "import { watch } from 'chokidar';\nconst bolt = await import('@slack/bolt');";
    assert.deepEqual(violations('src/search/x.ts', searchSource, search).length, 2);
  });
});
