import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../src/config.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';
import { type RunningTalkbot, startTalkbot } from '../../src/start.ts';
import { eventually } from '../helpers/eventually.ts';
import { settle } from '../helpers/settle.ts';
import { visibleText } from './harness.ts';

const post = (title: string) =>
  `---\ntitle: "${title}"\ndate: 2024-01-01\ntags: [cache]\n---\n## Links\n* [${title} slides](https://example.com/${title.split(' ')[0]})\n`;

// The real `startTalkbot` in local mode, as `npm start` runs it, with its own content and cache folders.
describe('talkbot start: an edit while it runs, then a restart from the parse cache', () => {
  let content: string;
  let cache: string;
  const logs: string[] = [];
  const start = () =>
    startTalkbot(
      readConfig({
        CONTENT_DIR: content,
        PORT: '0',
        TALKBOT_CACHE_DIR: cache,
        TALKBOT_DATA_DIR: join(cache, 'data'),
        LOG_LEVEL: 'info',
      }),
      new RedactingLogger('info', [], (line) => {
        logs.push(line);
      }),
    );
  /** Asks `/talk` in the playground's stand-in and returns the visible answer. */
  const ask = async (bot: RunningTalkbot, text: string, userId: string) => {
    const slack = bot.standIn;
    assert.ok(slack, 'local mode runs the stand-in');
    await slack.slashCommand({ text, userId });
    return visibleText(await slack.waitFor((record) => record.ephemeralTo === userId));
  };

  before(async () => {
    content = await mkdtemp(join(tmpdir(), 'talkbot-restart-content-'));
    cache = await mkdtemp(join(tmpdir(), 'talkbot-restart-cache-'));
    await mkdir(join(content, 'posts'));
    for (const title of ['Alpha talk', 'Beta talk']) {
      const path = join(content, 'posts', `${title.split(' ')[0]?.toLowerCase()}.md`);
      await writeFile(path, post(title));
      await settle(path);
    }
  });
  after(async () => {
    await rm(content, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  });

  it('answers from an edit it picked up, and after a restart parses only what changed', async () => {
    const first = await start();
    try {
      assert.match(logs.join('\n'), /loaded 2 posts and 2 resources from .*talkbot-restart-content-\S+\n/);
      assert.match(await ask(first, 'alpha', 'U0FIRST'), /Alpha talk/);
      await first.watching;
      const alpha = join(content, 'posts', 'alpha.md');
      await writeFile(alpha, post('Omega talk'));
      await eventually('the edit to be picked up', () =>
        first.store.current.posts.some((p) => p.title === 'Omega talk'),
      );
      assert.match(await ask(first, 'omega', 'U0EDIT'), /Omega talk/);
      // Saved a while ago as far as its times go: the next start may trust its new stamp.
      await settle(alpha);
    } finally {
      await first.stop();
    }

    logs.length = 0;
    const second = await start();
    try {
      // Beta was cached by the first start; Alpha's stamp changed after, so it is parsed again.
      assert.match(
        logs.join('\n'),
        /loaded 2 posts and 2 resources .*\(1 file unchanged since the last run\)/,
      );
      assert.match(await ask(second, 'omega', 'U0SECOND'), /Omega talk/);
      assert.doesNotMatch(await ask(second, 'alpha', 'U0THIRD'), /Alpha talk/);
    } finally {
      await second.stop();
    }

    logs.length = 0;
    const third = await start();
    try {
      assert.match(logs.join('\n'), /\(2 files unchanged since the last run\)/);
    } finally {
      await third.stop();
    }
  });
});
