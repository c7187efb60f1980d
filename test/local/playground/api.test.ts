import assert from 'node:assert/strict';
import { get, type IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { App } from '@slack/bolt';
import { loadContent } from '../../../src/content/load.ts';
import type { SlackStandIn } from '../../../src/local/index.ts';
import {
  type ContentStatus,
  PLAYGROUND_PATHS,
  type PlaygroundMessage,
  type PlaygroundSnapshot,
  startPlayground,
} from '../../../src/local/playground/index.ts';
import { Library } from '../../../src/search/library.ts';
import { startAppAgainst } from '../../e2e/harness.ts';

/** One Server-Sent Event: its name and its JSON data. */
interface ServerEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Reads `GET /playground/events` as the page does, and waits for events matching a predicate. */
class EventStream {
  readonly events: ServerEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private response: IncomingMessage | undefined;

  static open(url: string): Promise<EventStream> {
    const stream = new EventStream();
    return new Promise((resolve, reject) => {
      get(url, (response) => {
        stream.response = response;
        assert.match(String(response.headers['content-type']), /^text\/event-stream/);
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            stream.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
          }
        });
        resolve(stream);
      }).once('error', reject);
    });
  }

  private parse(raw: string): void {
    const lines = raw.split('\n');
    const event = lines.find((l) => l.startsWith('event: '))?.slice('event: '.length);
    const data = lines.find((l) => l.startsWith('data: '))?.slice('data: '.length);
    if (event === undefined || data === undefined) return;
    this.events.push({ event, data: JSON.parse(data) });
    for (const wake of [...this.waiters]) wake();
  }

  /** The first event (already received or yet to come) named `event` whose data passes `test`. */
  next<T>(event: string, test: (data: T) => boolean = () => true, timeoutMs = 4000): Promise<T> {
    const find = () => this.events.find((e) => e.event === event && test(e.data as T))?.data as T | undefined;
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${event} event in time; got: ${this.events.map((e) => e.event).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.response?.destroy();
  }
}

async function postJson(url: string, body: unknown, contentType = 'application/json') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const statusOf = (library: Library): ContentStatus => ({
  contentDir: 'content',
  posts: library.posts.length,
  resources: library.resources.length,
  problems: [{ path: 'posts/broken.md', line: 3, message: 'invalid YAML <front> matter' }],
});

/** The stand-in with the playground, and the real talkbot app connected to it over Socket Mode. */
async function startWithApp(
  postTip: () => Promise<Date | null> = async () => null,
): Promise<{ standIn: SlackStandIn; app: App }> {
  const library = new Library(await loadContent('content'));
  const standIn = await startPlayground({ port: 0, status: () => statusOf(library), postTip });
  const { app } = await startAppAgainst(library, standIn, 'socket', { logLevel: 'error', tips: false });
  return { standIn, app };
}

describe('the playground API over HTTP, with the real app connected', () => {
  let standIn: SlackStandIn;
  let app: App;
  let events: EventStream;
  const url = (path: string) => `${standIn.url}${path}`;

  before(async () => {
    ({ standIn, app } = await startWithApp());
    events = await EventStream.open(url(PLAYGROUND_PATHS.events));
  });

  after(async () => {
    events.close();
    await app.stop();
    await standIn.close();
  });

  it('serves the page with a strict Content-Security-Policy, and its script and styles', async () => {
    const page = await fetch(url('/'));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await page.text();
    assert.match(html, /<label[^>]* for="composer"/);
    assert.doesNotMatch(html, /https?:\/\/(?!localhost)/, 'nothing fetched from outside this machine');
    const script = await fetch(url(PLAYGROUND_PATHS.script));
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(await script.text(), /unsupported/);
    const styles = await fetch(url(PLAYGROUND_PATHS.styles));
    assert.match(await styles.text(), /--aubergine: #3f0e40/);
  });

  it('leaves the Web API where it was', async () => {
    const response = await postJson(url('/api/auth.test'), {});
    assert.equal(response.body.error, 'not_authed');
  });

  it('starts the event stream with a snapshot: the local user, #general and the DM with the bot', async () => {
    const snapshot = await events.next<PlaygroundSnapshot>('snapshot');
    assert.deepEqual(snapshot.me, { id: 'U0YOU', name: 'you' });
    assert.deepEqual(
      snapshot.channels.map((c) => `${c.kind}:${c.name}`),
      ['channel:general', 'im:talkbot'],
    );
  });

  it('runs /talk jepsen and streams the ephemeral answer', async () => {
    const sent = await postJson(url(PLAYGROUND_PATHS.send), { channel: 'C0GENERAL', text: '/talk jepsen' });
    assert.deepEqual(sent, { status: 200, body: { ok: true } });
    const answer = await events.next<PlaygroundMessage>(
      'message',
      (m) => m.isBot && m.ephemeral && m.text.includes('jepsen'),
    );
    assert.equal(answer.channel, 'C0GENERAL');
    assert.match(JSON.stringify(answer.blocks), /aphyr\.com\/tags\/Jepsen/);
  });

  it('shares the answer when Share in channel is clicked, and streams the removal of the ephemeral one', async () => {
    const answer = await events.next<PlaygroundMessage>(
      'message',
      (m) => m.ephemeral && m.text.includes('jepsen'),
    );
    const clicked = await postJson(url(PLAYGROUND_PATHS.click), {
      channel: answer.channel,
      ts: answer.ts,
      actionId: 'talk_share',
    });
    assert.equal(clicked.status, 200);
    const shared = await events.next<PlaygroundMessage>(
      'message',
      (m) => !m.ephemeral && /Shared by <@U0YOU>/.test(JSON.stringify(m.blocks)),
    );
    assert.equal(shared.channel, 'C0GENERAL');
    await events.next<PlaygroundMessage>('message', (m) => m.ts === answer.ts && m.deleted);
  });

  it('turns @talkbot into a mention and streams the reply in the thread of the message', async () => {
    const sent = await postJson(url(PLAYGROUND_PATHS.send), {
      channel: 'C0GENERAL',
      text: '@talkbot jepsen',
    });
    assert.equal(sent.status, 200);
    const ts = sent.body.ts;
    assert.equal(typeof ts, 'string');
    const mine = await events.next<PlaygroundMessage>('message', (m) => m.ts === ts);
    assert.equal(mine.text, '<@U0BOT> jepsen');
    assert.equal(mine.userName, 'you');
    const reply = await events.next<PlaygroundMessage>('message', (m) => m.isBot && m.threadTs === ts);
    assert.match(reply.text, /Jepsen/);
  });

  it('passes typed text on as Slack does, with &, < and > as entities', async () => {
    const sent = await postJson(url(PLAYGROUND_PATHS.send), { channel: 'C0GENERAL', text: 'R&D <script>' });
    const mine = await events.next<PlaygroundMessage>('message', (m) => m.ts === sent.body.ts);
    assert.equal(mine.text, 'R&amp;D &lt;script&gt;');
    assert.deepEqual(mine.blocks, [], 'the page renders a typed message from its text');
  });

  it('answers a plain message in the DM', async () => {
    await postJson(url(PLAYGROUND_PATHS.send), { channel: 'D0YOU', text: 'chaos engineering' });
    const reply = await events.next<PlaygroundMessage>('message', (m) => m.isBot && m.channel === 'D0YOU');
    assert.match(reply.text, /Chaos/);
  });

  it('opens the Home tab and streams the view published for the local user', async () => {
    const opened = await postJson(url(PLAYGROUND_PATHS.home), {});
    assert.equal(opened.status, 200);
    const view = await events.next<{ type: string; blocks: unknown[] }>('home');
    assert.equal(view.type, 'home');
    assert.match(JSON.stringify(view.blocks), /Latest posts/);
  });

  it('reports what is loaded, with problems', async () => {
    const status = (await (await fetch(url(PLAYGROUND_PATHS.status))).json()) as Record<string, unknown>;
    assert.equal(status.contentDir, 'content');
    assert.equal(status.posts, 1);
    assert.deepEqual(status.problems, [
      { path: 'posts/broken.md', line: 3, message: 'invalid YAML <front> matter' },
    ]);
  });

  it('refuses what the page never sends: other content types, unknown commands, bad ids, other paths', async () => {
    const plain = await postJson(
      url(PLAYGROUND_PATHS.send),
      { channel: 'C0GENERAL', text: 'hi' },
      'text/plain',
    );
    assert.equal(plain.status, 415);
    const unknown = await postJson(url(PLAYGROUND_PATHS.send), {
      channel: 'C0GENERAL',
      text: '/deploy prod',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error, 'unknown_command');
    const empty = await postJson(url(PLAYGROUND_PATHS.send), { channel: 'C0GENERAL', text: '   ' });
    assert.equal(empty.body.error, 'no_text');
    const badChannel = await postJson(url(PLAYGROUND_PATHS.send), { channel: '../x', text: 'hi' });
    assert.equal(badChannel.body.error, 'invalid_arguments');
    const gone = await postJson(url(PLAYGROUND_PATHS.click), {
      channel: 'C0GENERAL',
      ts: '1.000000',
      actionId: 'talk_more',
    });
    assert.equal(gone.status, 404);
    assert.equal((await fetch(url('/nowhere'))).status, 404);
    assert.equal((await fetch(url(PLAYGROUND_PATHS.send))).status, 405);
  });
});

describe('the playground with a tip poster wired in', () => {
  it('calls it from "Post today\'s tip"', async () => {
    let posted = 0;
    const { standIn, app } = await startWithApp(async () => {
      posted += 1;
      return new Date('2026-12-02T09:00:00Z');
    });
    try {
      const tip = await postJson(`${standIn.url}${PLAYGROUND_PATHS.tip}`, {});
      // The page is told which slot's tip it was, to say its time.
      assert.deepEqual(tip, { status: 200, body: { ok: true, at: '2026-12-02T09:00:00.000Z' } });
      assert.equal(posted, 1);
    } finally {
      await app.stop();
      await standIn.close();
    }
  });
});

describe('the playground unfurls links to the blog', () => {
  it('streams the card chat.unfurl attached under the typed link', async () => {
    const library = new Library(await loadContent('content', { baseUrl: 'https://talks.example.org' }));
    const standIn = await startPlayground({
      port: 0,
      status: () => statusOf(library),
      postTip: async () => null,
      unfurlDomains: ['talks.example.org'],
    });
    const { app } = await startAppAgainst(library, standIn, 'socket', { logLevel: 'error', tips: false });
    const events = await EventStream.open(`${standIn.url}${PLAYGROUND_PATHS.events}`);
    try {
      const link = 'https://talks.example.org/posts/qcon-how-did-i-get-here/';
      const sent = await postJson(`${standIn.url}${PLAYGROUND_PATHS.send}`, {
        channel: 'C0GENERAL',
        text: `have you seen ${link}`,
      });
      assert.equal(sent.status, 200);
      const unfurled = await events.next<PlaygroundMessage>(
        'message',
        (m) => m.ts === sent.body.ts && m.unfurls.length > 0,
      );
      assert.equal(unfurled.unfurls[0]?.url, link);
      assert.match(JSON.stringify(unfurled.unfurls[0]?.blocks), /QCon: How Did I Get Here\?/);
    } finally {
      events.close();
      await app.stop();
      await standIn.close();
    }
  });
});
