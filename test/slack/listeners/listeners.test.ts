import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { webApi } from '@slack/bolt';
import { staleButtonText } from '../../../src/slack/listeners/actions/answer-ref-from-button.ts';
import { moreResults } from '../../../src/slack/listeners/actions/more-results.ts';
import { postResources } from '../../../src/slack/listeners/actions/post-resources.ts';
import { shareAnswer } from '../../../src/slack/listeners/actions/share.ts';
import { talkCommand } from '../../../src/slack/listeners/commands/talk.ts';
import type { ListenerDeps } from '../../../src/slack/listeners/deps.ts';
import { appHomeOpened } from '../../../src/slack/listeners/events/app-home-opened.ts';
import { directMessage } from '../../../src/slack/listeners/events/direct-message.ts';
import {
  buttonArgs,
  commandArgs,
  directMessageArgs,
  homeOpenedArgs,
  recordedRespond,
  recordingClient,
} from './bolt-args.ts';
import { CallLog, seedDeps } from './helpers.ts';

// Listener functions are called directly with typed arguments shaped as Bolt builds them (bolt-args.ts); the
// e2e tests run the same listeners in the real Bolt app against the stand-in of Slack.

/** What @slack/web-api throws when Slack answers `ok: false`. */
const platformError = (code: string) => () => new webApi.WebAPIPlatformError({ ok: false, error: code });

let deps: ListenerDeps;
before(async () => {
  deps = await seedDeps();
});

describe('/talk', () => {
  it('acks before it answers, and answers ephemerally', async () => {
    const log = new CallLog();
    await talkCommand(deps)(commandArgs(log, { text: 'jepsen' }));
    assert.deepEqual(log.names(), ['ack', 'respond']);
    const [reply] = log.argsOf('respond') as Array<{ response_type: string; text: string }>;
    assert.equal(reply?.response_type, 'ephemeral');
    assert.match(reply?.text ?? '', /Jepsen/);
  });

  it('answers a query that is too long with the reason, not a crash', async () => {
    const log = new CallLog();
    await talkCommand(deps)(commandArgs(log, { text: 'x'.repeat(500) }));
    const [reply] = log.argsOf('respond') as Array<{ text: string }>;
    assert.match(reply?.text ?? '', /the limit is 200/);
    assert.doesNotMatch(JSON.stringify(reply), /try again/i, 'a mistake to fix, not a moment to wait');
  });

  it('leaves a failed answer to the app’s one error handler instead of swallowing it', async () => {
    const log = new CallLog();
    const respond = recordedRespond(log, platformError('expired_url'));
    await assert.rejects(talkCommand(deps)(commandArgs(log, { text: 'jepsen' }, respond)), /expired_url/);
    assert.deepEqual(log.names(), ['ack', 'respond']);
  });
});

describe('Share in channel', () => {
  it('posts in the channel first, then deletes the ephemeral answer', async () => {
    const log = new CallLog();
    await shareAnswer(deps)(buttonArgs(log, { value: '{"q":"jepsen","o":0}' }));
    const [posted, deleted] = log.argsOf('respond') as Array<Record<string, unknown>>;
    assert.equal(posted?.response_type, 'in_channel');
    assert.match(JSON.stringify(posted), /Shared by <@U0ANN>/);
    assert.deepEqual(deleted, { delete_original: true });
  });

  it('keeps the ephemeral answer when the post is refused, and leaves telling to the error handler', async () => {
    const log = new CallLog();
    const respond = recordedRespond(log, platformError('channel_not_found'));
    await assert.rejects(
      shareAnswer(deps)(buttonArgs(log, { value: '{"q":"jepsen","o":0}' }, respond)),
      /channel_not_found/,
    );
    const replies = log.argsOf('respond') as Array<Record<string, unknown>>;
    assert.equal(replies.length, 1);
    assert.ok(!replies.some((r) => r.delete_original));
  });

  it('answers a tampered button value with a plain explanation', async () => {
    const log = new CallLog();
    await shareAnswer(deps)(buttonArgs(log, { value: '{"q":1}' }));
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
      await moreResults(deps)(
        buttonArgs(log, { value: '{"q":"tag:testing","o":0}', actionId: 'talk_more', isEphemeral }),
      );
      const [reply] = log.argsOf('respond') as Array<Record<string, unknown>>;
      for (const [key, value] of Object.entries(expected)) assert.equal(reply?.[key], value);
    }
  });
});

describe('More from this talk', () => {
  it('lists the talk’s resources, or says the talk is gone', async () => {
    const log = new CallLog();
    await postResources(deps)(
      buttonArgs(log, { value: '/posts/qcon-how-did-i-get-here/', actionId: 'tip_more' }),
    );
    await postResources(deps)(buttonArgs(log, { value: 'qcon-how-did-i-get-here', actionId: 'tip_more' }));
    await postResources(deps)(buttonArgs(log, { value: 'no-such-talk', actionId: 'tip_more' }));
    const [found, bySlug, missing] = log.argsOf('respond') as Array<{ text: string; blocks: unknown[] }>;
    assert.match(JSON.stringify(found?.blocks), /Kyle Kingsbury/, "by the post's id, as buttons carry it");
    assert.match(
      JSON.stringify(bySlug?.blocks),
      /Kyle Kingsbury/,
      'by slug, as buttons posted before ids did',
    );
    assert.match(missing?.text ?? '', /no longer in the library/);
  });
});

describe('events', () => {
  it('ignores edits, bot messages and non-DM messages', async () => {
    const log = new CallLog();
    const client = recordingClient(log);
    const handler = directMessage(deps);
    await handler(directMessageArgs(log, client, { subtype: 'message_changed' }));
    await handler(directMessageArgs(log, client, { bot_id: 'B1' }));
    await handler(directMessageArgs(log, client, { channel: 'C0GENERAL', channel_type: 'channel' }));
    assert.deepEqual(log.names(), []);
    await handler(directMessageArgs(log, client));
    assert.deepEqual(log.names(), ['postMessage']);
  });

  it('publishes the Home tab only for the home tab, and lets a refused publish reach the error handler', async () => {
    const log = new CallLog();
    const client = recordingClient(log, { method: 'publish', error: platformError('invalid_auth') });
    const handler = appHomeOpened(deps);
    await handler(homeOpenedArgs(log, client, 'messages'));
    assert.deepEqual(log.names(), []);
    await assert.rejects(handler(homeOpenedArgs(log, client, 'home')), /invalid_auth/);
    assert.deepEqual(log.names(), ['publish']);
  });
});
