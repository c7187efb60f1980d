import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  currentChannel,
  initialState,
  type PageState,
  reduce,
  repliesTo,
} from '../../../src/local/playground/browser/state.ts';
import type { PlaygroundMessage, PlaygroundSnapshot } from '../../../src/local/playground/protocol.ts';

const general = { id: 'C0GENERAL', name: 'general', kind: 'channel' } as const;
const dm = { id: 'D0YOU', name: 'talkbot', kind: 'im' } as const;

function message(fields: Partial<PlaygroundMessage> & Pick<PlaygroundMessage, 'ts'>): PlaygroundMessage {
  return {
    channel: 'C0GENERAL',
    channelName: 'general',
    threadTs: null,
    user: 'U0YOU',
    userName: 'you',
    isBot: false,
    text: 'jepsen',
    blocks: [],
    ephemeral: false,
    deleted: false,
    edited: false,
    ...fields,
  };
}

function snapshotWith(messages: PlaygroundMessage[]): PlaygroundSnapshot {
  return {
    workspaceName: 'Talks team',
    me: { id: 'U0YOU', name: 'you' },
    bot: { id: 'U0BOT', name: 'talkbot' },
    userNames: { U0YOU: 'you' },
    channels: [general, dm],
    messages,
    home: null,
  };
}

const loaded = (messages: PlaygroundMessage[] = []): PageState =>
  reduce(initialState, { type: 'snapshot', snapshot: snapshotWith(messages) });

describe('the playground page’s state', () => {
  it('starts in #general and takes the snapshot’s messages and channels', () => {
    const state = loaded([message({ ts: '1.000001' })]);
    assert.equal(currentChannel(state)?.name, 'general');
    assert.equal(state.messages.length, 1);
    assert.equal(initialState.messages.length, 0, 'the state it was given is unchanged');
  });

  it('adds a new message at the end, and replaces a changed one in its place', () => {
    const first = message({ ts: '1.000001' });
    const second = message({ ts: '2.000001', text: 'chaos' });
    let state = loaded([first, second]);
    state = reduce(state, { type: 'message', message: { ...first, text: 'edited' } });
    assert.deepEqual(
      state.messages.map((m) => m.text),
      ['edited', 'chaos'],
    );
    state = reduce(state, { type: 'message', message: message({ ts: '3.000001', text: 'third' }) });
    assert.deepEqual(
      state.messages.map((m) => m.ts),
      ['1.000001', '2.000001', '3.000001'],
    );
  });

  it('adds a conversation it did not know to the sidebar', () => {
    const state = reduce(loaded(), {
      type: 'message',
      message: message({ ts: '1.000001', channel: 'C0RANDOM', channelName: 'random' }),
    });
    assert.deepEqual(state.channels.at(-1), { id: 'C0RANDOM', name: 'random', kind: 'channel' });
  });

  it('hides a deleted ephemeral answer from its thread, as Slack does after Share in channel', () => {
    const parent = message({ ts: '1.000001' });
    const reply = message({
      ts: '2.000001',
      threadTs: parent.ts,
      isBot: true,
      ephemeral: true,
      deleted: true,
    });
    const state = loaded([parent, reply]);
    assert.deepEqual(repliesTo(state, parent), []);
  });

  it('opens the thread of a mention when the bot answers in it, and only then', () => {
    const mention = message({ ts: '1.000001', text: '@talkbot jepsen' });
    let state = reduce(loaded([mention]), { type: 'awaitReply', thread: mention });
    state = reduce(state, {
      type: 'message',
      message: message({ ts: '2.000001', threadTs: mention.ts, text: 'me too' }),
    });
    assert.equal(state.thread, null, 'a person’s reply does not open it');
    state = reduce(state, {
      type: 'message',
      message: message({ ts: '3.000001', threadTs: mention.ts, isBot: true }),
    });
    assert.deepEqual(state.thread, { channel: 'C0GENERAL', ts: mention.ts });
    assert.deepEqual(state.awaitingReply, []);
  });

  it('brings the requested tip’s channel into view when it arrives, once', () => {
    let state = reduce(loaded(), { type: 'select', view: { kind: 'home' } });
    state = reduce(state, { type: 'tipRequested' });
    state = reduce(state, {
      type: 'message',
      message: message({ ts: '1.000001', isBot: true, text: 'Reading tip' }),
    });
    assert.deepEqual(state.view, { kind: 'channel', channel: 'C0GENERAL' });
    assert.equal(state.awaitingTip, false);
    state = reduce(state, { type: 'select', view: { kind: 'home' } });
    state = reduce(state, { type: 'message', message: message({ ts: '2.000001', isBot: true }) });
    assert.deepEqual(state.view, { kind: 'home' }, 'a later bot message does not move the reader');
  });

  it('keeps the reader where they are when a requested tip fails', () => {
    let state = reduce(loaded(), { type: 'tipRequested' });
    state = reduce(state, { type: 'tipFailed' });
    state = reduce(state, { type: 'select', view: { kind: 'channel', channel: 'D0YOU' } });
    state = reduce(state, { type: 'message', message: message({ ts: '1.000001', isBot: true }) });
    assert.deepEqual(state.view, { kind: 'channel', channel: 'D0YOU' });
  });

  it('opens and closes a thread', () => {
    const opened = reduce(loaded(), { type: 'openThread', thread: { channel: 'C0GENERAL', ts: '1.000001' } });
    assert.deepEqual(opened.thread, { channel: 'C0GENERAL', ts: '1.000001' });
    assert.equal(reduce(opened, { type: 'closeThread' }).thread, null);
  });
});
