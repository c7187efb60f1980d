import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { defaultTipSchedule, defaultTipSeed, todaysSlot } from '../../src/tips/index.ts';
import { SEED_READING_HEADINGS } from '../slack/blocks/fixtures.ts';

// A newcomer's first run: `npm start` with no Slack tokens, then the page in a real (headless) browser.

const CHROMIUM = '/usr/bin/chromium';
const repo = new URL('../..', import.meta.url).pathname;
const artifacts = join(repo, 'test', 'artifacts');
const seedSections = SEED_READING_HEADINGS;

/** Why the test cannot run here, or null. In CI a missing browser is a failure, never a skip. */
function reasonToSkip(): string | null {
  if (!existsSync(CHROMIUM)) {
    const why = `${CHROMIUM} is missing: install it with "apt-get install -y chromium" (.ci/run does)`;
    if (process.env.CI) throw new Error(why);
    return why;
  }
  const dotenv = join(repo, '.env');
  if (existsSync(dotenv) && /^\s*SLACK_[A-Z_]+\s*=\s*\S/m.test(readFileSync(dotenv, 'utf8'))) {
    return '.env sets Slack variables, so `npm start` would not start local mode; this test runs it as a newcomer would';
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** `node bin/talkbot.js start` (what `npm start` runs), with no Slack variables at all. */
interface Talkbot {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

async function startTalkbot(extraEnv: Record<string, string> = {}): Promise<Talkbot> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['bin/talkbot.js', 'start'], {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      PORT: String(port),
      // Its own store, so that tip subscriptions and feedback from one run never reach another (or the user's).
      TALKBOT_DATA_DIR: mkdtempSync(join(tmpdir(), 'talkbot-browser-data-')),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "open ${url}" line within 20 s:\n${output}`)),
      20_000,
    );
    const check = () => {
      if (output.includes(`open ${url}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`talkbot exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** Types into the focused element and presses Enter: the keyboard only. */
async function typeAndSend(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The text a locator holds. */
async function text(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** The message in the main pane whose text matches. */
function message(page: Page, text: string | RegExp): Locator {
  return page.locator('#messages article.msg').filter({ hasText: text });
}

const skip = reasonToSkip();
if (skip !== null) console.log(`# skipping the playground browser test: ${skip}`);

describe('the local playground in a browser, started as a newcomer would', { skip: skip ?? false }, () => {
  let context: BrowserContext;
  let profile: string;

  before(async () => {
    profile = await mkdtemp(join(tmpdir(), 'talkbot-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  after(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  /** `npm start` as a newcomer runs it, and the page open in the browser once it has greeted. */
  async function openPlayground(env: Record<string, string> = {}): Promise<{ talkbot: Talkbot; page: Page }> {
    const talkbot = await startTalkbot(env);
    const page = await context.newPage();
    await page.goto(talkbot.url);
    await page.locator('#messages .intro').waitFor();
    return { talkbot, page };
  }

  describe('with the seed content', () => {
    let talkbot: Talkbot;
    let page: Page;

    before(async () => {
      ({ talkbot, page } = await openPlayground());
    });

    after(async () => {
      await page?.close();
      await talkbot?.stop();
    });

    it('prints one line saying where to open it and how to use a real workspace', () => {
      const line = talkbot
        .output()
        .split('\n')
        .find((l) => l.includes('open http://localhost'));
      assert.match(line ?? '', /running locally: open http:\/\/localhost:\d+ .*SLACK_BOT_TOKEN/);
    });

    it('shows what is loaded: the content folder, posts, resources and problems', async () => {
      const panel = page.locator('#content-panel');
      await panel.getByText('./content').waitFor();
      const count = (label: string) =>
        text(panel.locator('.stat').filter({ hasText: label }).locator('.stat-count'));
      assert.equal(await count('post'), '1');
      assert.match(await count('resources'), /^\d{2}$/);
      assert.match(await text(panel), /No content problems/);
    });

    it('answers /talk testing distributed, typed with the keyboard alone, with the QCon talk and its six sections', async () => {
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert.equal(focused, 'composer', 'the message box has the focus when the page opens');
      assert.equal(await page.getByLabel('Message #general').count(), 1, 'the message box is labelled');
      await typeAndSend(page, '/talk testing distributed');
      const answer = message(page, 'QCon: How Did I Get Here?');
      await answer.waitFor();
      const shown = await text(answer);
      assert.match(shown, /Only visible to you/);
      let last = -1;
      for (const section of seedSections) {
        const at = shown.indexOf(section, last + 1);
        assert.ok(at > last, `${section} is shown, in order`);
        last = at;
      }
      await mkdir(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, 'playground.png') });
    });

    it('Share in channel posts the answer for everyone and removes the one only you could see', async () => {
      const ephemeral = message(page, 'Only visible to you').filter({ hasText: 'testing distributed' });
      await ephemeral.getByRole('button', { name: 'Share in channel' }).click();
      const shared = message(page, 'Shared by @you');
      await shared.waitFor();
      assert.doesNotMatch(await text(shared), /Only visible to you/);
      assert.match(await text(shared), /QCon: How Did I Get Here\?/);
      await ephemeral.waitFor({ state: 'detached' });
    });

    it('answers a mention in a thread under it', async () => {
      await page.locator('#composer').focus();
      await typeAndSend(page, '@talkbot jepsen');
      const mention = message(page, '@talkbot jepsen');
      await mention.waitFor();
      await mention.getByRole('button', { name: /1 reply/ }).waitFor();
      const thread = page.locator('#thread-panel');
      await thread.waitFor();
      const reply = thread.locator('article.msg').filter({ hasText: 'Kyle Kingsbury' });
      await reply.waitFor();
      assert.match(await text(reply), /talkbot/);
      await page.keyboard.press('Escape');
      await thread.waitFor({ state: 'hidden' });
    });

    it("posts today's reading tip to #general from the side panel, and its button lists the talk's resources", async () => {
      await page.getByRole('button', { name: "📚 Post today's tip" }).click();
      const tip = message(page, 'Reading tip');
      await tip.waitFor();
      await tip.getByRole('button', { name: 'More from this talk' }).click();
      await message(page, 'Only visible to you').filter({ hasText: 'Chaos Engineering' }).last().waitFor();
    });

    it('/talk tips shows #general’s settings; Change opens the modal, and Save confirms in the channel', async () => {
      await page.locator('#composer').focus();
      await typeAndSend(page, '/talk tips');
      const settings = message(page, 'Reading tips here');
      await settings.waitFor();
      await settings.getByRole('button', { name: 'Change' }).click();
      const modal = page.locator('dialog.modal');
      await modal.getByText('Days of the week').waitFor();
      for (const day of ['Monday', 'Wednesday', 'Thursday', 'Friday']) await modal.getByLabel(day).uncheck();
      await modal.locator('input[type="time"]').fill('10:15');
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.waitFor({ state: 'detached' });
      await message(page, 'set reading tips here for Tuesdays at 10:15').waitFor();
    });

    it('👎 on an answer asks what was missing in place; Enter sends it and thanks you', async () => {
      await page.locator('#composer').focus();
      await typeAndSend(page, '/talk jepsen');
      const answer = message(page, 'Only visible to you').filter({ hasText: 'Jepsen' }).last();
      await answer.waitFor();
      await answer.getByRole('button', { name: 'This answer did not help' }).click();
      const question = answer.getByLabel(/What were you looking for\?/);
      await question.waitFor();
      await question.fill('the Jepsen talk video');
      await question.press('Enter');
      await message(page, 'Thanks, that helps').waitFor();
    });

    it('answers a plain message in the DM with the bot, and shows the Home tab', async () => {
      await page.getByRole('button', { name: /^talkbot APP$/ }).click();
      await page.getByLabel('Message talkbot').waitFor();
      await typeAndSend(page, 'deterministic simulation');
      await message(page, 'Testing Distributed Systems w/ Deterministic Simulation').waitFor();
      await page.getByRole('button', { name: 'talkbot Home' }).click();
      await page.locator('.home-view').getByText('Latest posts').waitFor();
    });
  });

  describe('with a content folder being edited', () => {
    let talkbot: Talkbot;
    let page: Page;
    let site: string;

    before(async () => {
      site = await mkdtemp(join(tmpdir(), 'talkbot-playground-site-'));
      await cp(join(repo, 'content'), site, { recursive: true });
      ({ talkbot, page } = await openPlayground({ CONTENT_DIR: site, TALKBOT_CACHE_DIR: 'off' }));
    });

    after(async () => {
      await page?.close();
      await talkbot?.stop();
      if (site) await rm(site, { recursive: true, force: true });
    });

    it('the problems panel follows reloads live, with the backticks of a message shown as code', async () => {
      const panel = page.locator('#content-panel');
      await panel.getByText('No content problems').waitFor();
      await writeFile(
        join(site, 'posts', 'half-written.md'),
        '---\ntitle: "Half written"\n\nNo end to the front matter.\n',
      );
      const problem = panel.locator('.problems li').filter({ hasText: 'half-written.md' });
      await problem.waitFor({ timeout: 10_000 });
      assert.equal(await text(problem.locator('.problem-message code').first()), '---');
      assert.doesNotMatch(await text(problem), /`/, 'no raw backticks');
      await rm(join(site, 'posts', 'half-written.md'));
      await panel.getByText('No content problems').waitFor({ timeout: 10_000 });
    });

    it("Post today's tip says which slot's tip it posted, the one /talk tip and the Home tab call today's", async () => {
      const options = { schedule: defaultTipSchedule, timezone: 'UTC', seed: defaultTipSeed };
      const before = todaysSlot(options, new Date());
      await page.getByRole('button', { name: "📚 Post today's tip" }).click();
      const note = page.locator('#tip-note');
      await note.getByText(/Posted today's tip/).waitFor();
      const after = todaysSlot(options, new Date());
      const said = /the one for (.+ UTC)\./.exec(await text(note))?.[1];
      const shown = (at: Date | null) =>
        at === null
          ? null
          : `${at.toLocaleString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })} UTC`;
      assert.ok(said === shown(before) || said === shown(after), `${said} is today's slot`);
    });

    it('below 800 px wide the side panel folds away, and its button brings it back', async () => {
      await page.setViewportSize({ width: 760, height: 800 });
      try {
        const panel = page.locator('#content-panel');
        await panel.waitFor({ state: 'hidden' });
        const messagesWidth = await page.locator('#messages').evaluate((el) => el.clientWidth);
        assert.ok(messagesWidth >= 500, `messages keep their width (${messagesWidth} px)`);
        const toggle = page.getByRole('button', { name: /^Content/ });
        await toggle.click();
        await panel.waitFor({ state: 'visible' });
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'hidden' });
      } finally {
        await page.setViewportSize({ width: 1400, height: 900 });
      }
      await page.locator('#content-panel').waitFor({ state: 'visible' });
    });
  });

  describe('with a larger site', () => {
    let talkbot: Talkbot;
    let page: Page;

    before(async () => {
      ({ talkbot, page } = await openPlayground({ CONTENT_DIR: 'test/fixtures/sites/talks' }));
    });

    after(async () => {
      await page?.close();
      await talkbot?.stop();
    });

    it('More results replaces the answer with the next page', async () => {
      await typeAndSend(page, '/talk tag:testing');
      const answer = message(page, 'Only visible to you').filter({ hasText: 'tag:testing' });
      await answer.getByText(/results 1–5 of \d+/).waitFor();
      await answer.getByRole('button', { name: 'More results' }).click();
      await answer.getByText(/results 6–\d+ of \d+/).waitFor();
    });
  });
});
