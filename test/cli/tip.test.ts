import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickTip } from '../../src/tips/pick-tip.ts';
import { runTalkbot } from '../helpers/run-cli.ts';
import { berlinWeekdays, loadSite } from '../tips/helpers.ts';

describe('talkbot tip', () => {
  it('--at 2026-03-02T09:00:00+01:00 --json prints the stable tip of that slot', async () => {
    const run = await runTalkbot(['tip', '--at', '2026-03-02T09:00:00+01:00', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const tip = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(tip), ['at', 'round', 'position', 'resource', 'post']);
    assert.deepEqual(Object.keys(tip.resource), ['title', 'url', 'kind', 'section']);
    assert.deepEqual(Object.keys(tip.post), ['slug', 'title', 'url']);
    // Defaults: weekdays at 09:00 UTC, so 08:00 UTC on Monday falls back to Friday's run. Pinned: changing
    // what a slot shows would re-post tips a channel has already seen (issue 18's spacing rule changed it once).
    assert.deepEqual(tip, {
      at: '2026-02-27T09:00:00.000Z',
      round: 62,
      position: 6,
      resource: {
        title:
          "The Verification of a Distributed System: A practitioner's guide to increasing confidence in system correctness",
        url: 'http://queue.acm.org/detail.cfm?ref=rss&id=2889274',
        kind: 'article',
        section: 'Catie McCaffrey',
      },
      post: { slug: 'qcon-how-did-i-get-here', title: 'QCon: How Did I Get Here?', url: null },
    });
    const again = await runTalkbot(['tip', '--at', '2026-03-02T09:00:00+01:00', '--json']);
    assert.equal(again.stdout, run.stdout, 'another process, the same tip');
  });

  it('prints what the scheduler in another process would post, for each slot of a week', async () => {
    const library = await loadSite('test/fixtures/sites/talks');
    const env = { TIP_TIMEZONE: 'Europe/Berlin' };
    for (const day of ['2026-03-23', '2026-03-27', '2026-03-30']) {
      const run = await runTalkbot(
        ['tip', '--json', '--content', 'test/fixtures/sites/talks', '--at', `${day}T09:00`],
        {
          env,
        },
      );
      assert.equal(run.code, 0, run.stderr);
      const printed = JSON.parse(run.stdout);
      const expected = pickTip(library, new Date(printed.at), berlinWeekdays);
      assert.equal(
        new Date(printed.at).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin' }),
        '09:00:00',
      );
      assert.equal(printed.at.slice(0, 10), day);
      assert.equal(printed.resource.url, expected?.resource.url);
      assert.equal(printed.position, expected?.position);
    }
  });

  it('prints a readable tip, with flags for the schedule, zone and seed; a date alone means that day', async () => {
    const run = await runTalkbot([
      'tip',
      '--at',
      '2026-03-04',
      '--schedule',
      '30 8 * * *',
      '--timezone',
      'America/New_York',
      '--seed',
      'our team',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^Reading tip for Wed, 4 Mar 2026, 08:30 \(America\/New_York\), round \d+, tip \d+ of 9:\n\n {2}.+ \[(video|paper|article|slides|link)\]\n {2}https?:\/\/\S+\n {2}From .+QCon: How Did I Get Here\?\n$/,
    );
  });

  it('reads TIP_SCHEDULE, TIP_TIMEZONE and TIP_SEED from the environment', async () => {
    const withEnv = await runTalkbot(['tip', '--json', '--at', '2026-03-04T12:00:00Z'], {
      env: { TIP_SCHEDULE: '0 7 * * *', TIP_TIMEZONE: 'Asia/Tokyo', TIP_SEED: 'xyz' },
    });
    const withFlags = await runTalkbot([
      'tip',
      '--json',
      '--at',
      '2026-03-04T12:00:00Z',
      '--schedule',
      '0 7 * * *',
      '--timezone',
      'Asia/Tokyo',
      '--seed',
      'xyz',
    ]);
    assert.equal(withEnv.code, 0, withEnv.stderr);
    assert.equal(withEnv.stdout, withFlags.stdout);
    assert.equal(JSON.parse(withEnv.stdout).at, '2026-03-03T22:00:00.000Z');
  });

  it('explains a bad --at, a bad flag and a bad variable', async () => {
    const badAt = await runTalkbot(['tip', '--at', 'next tuesday']);
    assert.equal(badAt.code, 2);
    assert.match(
      badAt.stderr,
      /--at "next tuesday" is not a time; write it in ISO 8601, e\.g\. 2026-03-02T09:00:00\+01:00/,
    );
    const badDate = await runTalkbot(['tip', '--at', '2026-02-30']);
    assert.equal(badDate.code, 2);

    const badZone = await runTalkbot(['tip', '--timezone', 'Mars/Olympus']);
    assert.equal(badZone.code, 2);
    assert.match(badZone.stderr, /--timezone: "Mars\/Olympus" is not an IANA time zone/);
    assert.match(badZone.stderr, /Usage: talkbot tip/);

    const badFlag = await runTalkbot(['tip', '--when', 'now']);
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /Usage: talkbot tip/);

    const badEnv = await runTalkbot(['tip'], { env: { TIP_SCHEDULE: 'every morning' } });
    assert.equal(badEnv.code, 1);
    assert.match(badEnv.stderr, /TIP_SCHEDULE: "every morning" is not a cron expression/);

    // A flag replaces its variable: a bad TIP_TIMEZONE does not matter when --timezone is given.
    const flagWins = await runTalkbot(['tip', '--timezone', 'Europe/Berlin', '--at', '2026-03-02T09:00'], {
      env: { TIP_TIMEZONE: 'Mars/Olympus' },
    });
    assert.equal(flagWins.code, 0, flagWins.stderr);
    const badEnvZone = await runTalkbot(['tip', '--schedule', '0 8 * * *'], {
      env: { TIP_TIMEZONE: 'Mars/Olympus' },
    });
    assert.equal(badEnvZone.code, 1);
    assert.match(badEnvZone.stderr, /TIP_TIMEZONE: "Mars\/Olympus" is not an IANA time zone/);
  });

  it("--channel C prints that channel's tip: its own round, the same as pickTip for that channel", async () => {
    const library = await loadSite('test/fixtures/sites/talks');
    const at = '2026-03-02T09:00:00+01:00';
    const general = await runTalkbot([
      'tip',
      '--json',
      '--content',
      'test/fixtures/sites/talks',
      '--at',
      at,
      '--channel',
      'C0GENERAL',
    ]);
    const viaEnv = await runTalkbot(['tip', '--json', '--content', 'test/fixtures/sites/talks', '--at', at], {
      env: { TIP_CHANNEL: 'C0GENERAL' },
    });
    assert.equal(general.code, 0, general.stderr);
    assert.equal(viaEnv.stdout, general.stdout, 'TIP_CHANNEL is the default channel');
    const printed = JSON.parse(general.stdout);
    const expected = pickTip(library, new Date(at), {
      schedule: '0 9 * * 1-5',
      timezone: 'UTC',
      seed: 'talkbot',
      channel: 'C0GENERAL',
    });
    assert.equal(printed.resource.url, expected?.resource.url);
    assert.equal(printed.position, expected?.position);

    const bad = await runTalkbot(['tip', '--channel', '#general']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--channel: "#general" is not a channel ID/);
  });

  it('says so when there is nothing worth a tip', async () => {
    const run = await runTalkbot([
      'tip',
      '--json',
      '--content',
      'test/fixtures/sites/talks',
      '--at',
      '2023-06-01T00:00:00Z',
    ]);
    assert.equal(run.code, 1);
    assert.deepEqual(JSON.parse(run.stdout), {
      at: '2023-06-01T00:00:00.000Z',
      round: null,
      position: null,
      resource: null,
      post: null,
    });
    assert.match(run.stderr, /no tip at 2023-06-01T00:00:00\.000Z/);
  });
});
