import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachEngine } from './engines.ts';

forEachEngine('tip subscriptions', (_engine, open) => {
  test('a channel set from Slack is listed, paused, resumed, changed and removed', async () => {
    const store = await open();
    const subs = store.subscriptions;
    await subs.set(
      { channel: 'C0READING', cron: '0 9 * * 1-5', timezone: 'Europe/Berlin', subscriber: 'U0ANA' },
      1000,
    );
    await subs.set({ channel: 'C0GENERAL', cron: '30 8 * * *', timezone: 'UTC', subscriber: 'U0BEN' }, 2000);
    assert.deepEqual(
      (await subs.list()).map((s) => [s.channel, s.cron, s.timezone, s.subscriber]),
      [
        ['C0GENERAL', '30 8 * * *', 'UTC', 'U0BEN'],
        ['C0READING', '0 9 * * 1-5', 'Europe/Berlin', 'U0ANA'],
      ],
    );
    assert.equal(await subs.pause('C0READING', new Date(5000)), true);
    assert.equal((await subs.get('C0READING'))?.pausedUntil?.getTime(), 5000);
    assert.equal(await subs.pause('C0NOTHING', new Date(5000)), false);
    assert.equal(await subs.failed('C0READING'), 1);
    assert.equal(await subs.failed('C0READING'), 2);
    await subs.suspend('C0READING', 'not_in_channel');
    assert.equal((await subs.get('C0READING'))?.suspended, 'not_in_channel');
    await subs.pause('C0READING', null);
    const resumed = await subs.get('C0READING');
    assert.deepEqual([resumed?.pausedUntil, resumed?.failures, resumed?.suspended], [null, 0, null]);
    await subs.set({ channel: 'C0READING', cron: '0 10 * * 1', timezone: 'UTC', subscriber: 'U0CAT' }, 3000);
    assert.equal((await subs.get('C0READING'))?.subscriber, 'U0CAT');
    assert.equal(await subs.remove('C0READING'), true);
    assert.equal(await subs.remove('C0READING'), false);
    assert.equal(await subs.get('C0READING'), null);
  });

  test('TIP_CHANNEL is ensured at startup, but never overrides what the channel set from Slack', async () => {
    const store = await open();
    const subs = store.subscriptions;
    const fromEnv = { channel: 'C0GENERAL', cron: '0 9 * * 1-5', timezone: 'UTC', subscriber: 'environment' };
    await subs.ensure(fromEnv);
    await subs.ensure(fromEnv);
    assert.equal((await subs.list()).length, 1);
    await subs.set({ channel: 'C0GENERAL', cron: '0 7 * * *', timezone: 'UTC', subscriber: 'U0ANA' });
    await subs.ensure(fromEnv);
    assert.equal((await subs.get('C0GENERAL'))?.cron, '0 7 * * *');
  });
});

forEachEngine('insights', (_engine, open) => {
  test('questions and votes are kept without user IDs; one vote per person; a note joins the vote', async () => {
    const store = await open();
    const insights = store.insights;
    await insights.asked(
      { id: 'q1', query: 'jepsen', urls: ['https://aphyr.com/tags/Jepsen'], surface: 'command' },
      1000,
    );
    await insights.asked({ id: 'q2', query: 'raft leases', urls: [], surface: 'mention' }, 2000);
    const vote = {
      questionId: 'q1',
      user: 'U0ANA',
      query: 'jepsen',
      urls: ['https://aphyr.com/tags/Jepsen'],
    };
    await insights.rated({ ...vote, outcome: 'helpful' }, 3000);
    await insights.rated({ ...vote, outcome: 'unhelpful' }, 3500);
    assert.equal(await insights.noted('q1', 'U0ANA', 'the talk video itself'), true);
    const rows = await insights.since(new Date(0));
    assert.deepEqual(
      rows.questions.map((q) => [q.query, q.answered]),
      [
        ['jepsen', true],
        ['raft leases', false],
      ],
    );
    assert.deepEqual(
      rows.feedback.map((f) => [f.query, f.outcome, f.note, f.urls]),
      [['jepsen', 'unhelpful', 'the talk video itself', ['https://aphyr.com/tags/Jepsen']]],
    );
    const stored = await store.db.selectFrom('feedback').select('person').execute();
    assert.equal(stored.length, 1);
    assert.match(stored[0]?.person ?? '', /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(await store.db.selectFrom('feedback').selectAll().execute()).includes('U0ANA'));
    assert.equal(await insights.prune(new Date(2500)), 2);
    assert.deepEqual((await insights.since(new Date(0))).questions, []);
  });
});
