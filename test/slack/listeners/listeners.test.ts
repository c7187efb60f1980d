import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { staleButtonText } from '../../../src/slack/listeners/actions/answer-ref-from-button.ts';
import { moreResults } from '../../../src/slack/listeners/actions/more-results.ts';
import { postResources } from '../../../src/slack/listeners/actions/post-resources.ts';
import { shareAnswer } from '../../../src/slack/listeners/actions/share.ts';
import { talkCommand } from '../../../src/slack/listeners/commands/talk.ts';
import type { ListenerDeps } from '../../../src/slack/listeners/deps.ts';
import { appHomeOpened } from '../../../src/slack/listeners/events/app-home-opened.ts';
import { directMessage } from '../../../src/slack/listeners/events/direct-message.ts';
import { CallLog, memoryLogger, platformError, seedDeps } from './helpers.ts';

// Listener functions are called directly with recorded stand-ins for Bolt's arguments; the casts
// are the price of not building Bolt's whole argument object (the e2e tests run them in real Bolt).
// biome-ignore lint/suspicious/noExplicitAny: a partial Bolt argument object, see above
type Args = any;

let deps: ListenerDeps;
before(async () => {
  deps = await seedDeps();
});

describe('/talk', () => {
  it('acks before it answers, and answers ephemerally', async () => {
    const log = new CallLog();
    await talkCommand(deps)({
      ack: log.fn('ack'),
      respond: log.fn('respond'),
      command: { text: 'jepsen', channel_id: 'C1' },
      logger: memoryLogger([]),
    } as Args);
    assert.deepEqual(log.names(), ['ack', 'respond']);
    const [reply] = log.argsOf('respond') as Array<{ response_type: string; text: string }>;
    assert.equal(reply?.response_type, 'ephemeral');
    assert.match(reply?.text ?? '', /Jepsen/);
  });

  it('answers a query that is too long with the reason, not a crash', async () => {
    const log = new CallLog();
    await talkCommand(deps)({
      ack: log.fn('ack'),
      respond: log.fn('respond'),
      command: { text: 'x'.repeat(500), channel_id: 'C1' },
      logger: memoryLogger([]),
    } as Args);
    const [reply] = log.argsOf('respond') as Array<{ text: string }>;
    assert.match(reply?.text ?? '', /under 200/);
  });

  it('leaves a failed answer to the app’s one error handler instead of swallowing it', async () => {
    const log = new CallLog();
    await assert.rejects(
      talkCommand(deps)({
        ack: log.fn('ack'),
        respond: log.fn('respond', () => platformError('expired_url')),
        command: { text: 'jepsen', channel_id: 'C1' },
      } as Args),
      /expired_url/,
    );
    assert.deepEqual(log.names(), ['ack', 'respond']);
  });
});

describe('Share in channel', () => {
  it('posts in the channel first, then deletes the ephemeral answer', async () => {
    const log = new CallLog();
    await shareAnswer(deps)({
      ack: log.fn('ack'),
      respond: log.fn('respond'),
      action: { value: '{"q":"jepsen","o":0}' },
      body: { user: { id: 'U0ANN' }, channel: { id: 'C1' } },
      logger: memoryLogger([]),
    } as Args);
    const [posted, deleted] = log.argsOf('respond') as Array<Record<string, unknown>>;
    assert.equal(posted?.response_type, 'in_channel');
    assert.match(JSON.stringify(posted), /Shared by <@U0ANN>/);
    assert.deepEqual(deleted, { delete_original: true });
  });

  it('keeps the ephemeral answer when the post is refused, and leaves telling to the error handler', async () => {
    const log = new CallLog();
    await assert.rejects(
      shareAnswer(deps)({
        ack: log.fn('ack'),
        respond: log.fn('respond', () => platformError('channel_not_found')),
        action: { value: '{"q":"jepsen","o":0}' },
        body: { user: { id: 'U0ANN' } },
      } as Args),
      /channel_not_found/,
    );
    const replies = log.argsOf('respond') as Array<Record<string, unknown>>;
    assert.equal(replies.length, 1);
    assert.ok(!replies.some((r) => r.delete_original));
  });

  it('answers a tampered button value with a plain explanation', async () => {
    const log = new CallLog();
    await shareAnswer(deps)({
      ack: log.fn('ack'),
      respond: log.fn('respond'),
      action: { value: '{"q":1}' },
      body: { user: { id: 'U0ANN' } },
      logger: memoryLogger([]),
    } as Args);
    assert.match(JSON.stringify(log.argsOf('respond')), new RegExp(staleButtonText.slice(0, 20)));
  });
});

describe('More results', () => {
  it('replaces an ephemeral answer, but sends a shared answer’s next page to the clicker alone', async () => {
    for (const [isEphemeral, expected] of [
      [true, { replace_original: true }],
      [false, { response_type: 'ephemeral', replace_original: false }],
    ] as const) {
      const log = new CallLog();
      await moreResults(deps)({
        ack: log.fn('ack'),
        respond: log.fn('respond'),
        action: { value: '{"q":"tag:testing","o":0}' },
        body: { user: { id: 'U0ANN' }, container: { is_ephemeral: isEphemeral } },
      } as Args);
      const [reply] = log.argsOf('respond') as Array<Record<string, unknown>>;
      for (const [key, value] of Object.entries(expected)) assert.equal(reply?.[key], value);
    }
  });
});

describe('More from this talk', () => {
  it('lists the talk’s resources, or says the talk is gone', async () => {
    const log = new CallLog();
    await postResources(deps)({
      ack: log.fn('ack'),
      respond: log.fn('respond'),
      action: { value: 'qcon-how-did-i-get-here' },
    } as Args);
    await postResources(deps)({
      ack: log.fn('ack'),
      respond: log.fn('respond'),
      action: { value: 'no-such-talk' },
    } as Args);
    const [found, missing] = log.argsOf('respond') as Array<{ text: string; blocks: unknown[] }>;
    assert.match(JSON.stringify(found?.blocks), /Kyle Kingsbury/);
    assert.match(missing?.text ?? '', /no longer in the library/);
  });
});

describe('events', () => {
  it('ignores edits, bot messages and non-DM messages', async () => {
    const log = new CallLog();
    const client = { chat: { postMessage: log.fn('postMessage'), postEphemeral: log.fn('postEphemeral') } };
    const handler = directMessage(deps);
    for (const event of [
      { channel_type: 'im', subtype: 'message_changed', channel: 'D1', ts: '1' },
      { channel_type: 'im', bot_id: 'B1', channel: 'D1', ts: '1', text: 'jepsen' },
      { channel_type: 'channel', channel: 'C1', ts: '1', text: 'jepsen', user: 'U1' },
    ]) {
      await handler({ event, client, context: { botUserId: 'U0BOT' }, logger: memoryLogger([]) } as Args);
    }
    assert.deepEqual(log.names(), []);
    await handler({
      event: { channel_type: 'im', channel: 'D1', ts: '1', text: 'jepsen', user: 'U1' },
      client,
      context: { botUserId: 'U0BOT' },
      logger: memoryLogger([]),
    } as Args);
    assert.deepEqual(log.names(), ['postMessage']);
  });

  it('publishes the Home tab only for the home tab, and lets a refused publish reach the error handler', async () => {
    const log = new CallLog();
    const client = { views: { publish: log.fn('publish', () => platformError('invalid_auth')) } };
    const handler = appHomeOpened(deps);
    await handler({ event: { tab: 'messages', user: 'U1' }, client } as Args);
    assert.deepEqual(log.names(), []);
    await assert.rejects(handler({ event: { tab: 'home', user: 'U1' }, client } as Args), /invalid_auth/);
    assert.deepEqual(log.names(), ['publish']);
  });
});
