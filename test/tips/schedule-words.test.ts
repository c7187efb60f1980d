import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCron, parseScheduleWords, scheduleFor } from '../../src/tips/schedule-words.ts';
import { isTipsCommand, parseTipsCommand } from '../../src/tips/tips-command.ts';

describe('schedule words', () => {
  const cases: [string, string, string][] = [
    ['weekdays 9:00', '0 9 * * 1-5', 'weekdays at 09:00'],
    ['daily 8:30', '30 8 * * *', 'daily at 08:30'],
    ['mondays 10am', '0 10 * * 1', 'Mondays at 10:00'],
    ['Mondays at 2:15pm', '15 14 * * 1', 'Mondays at 14:15'],
    ['mon,wed,fri 14:15', '15 14 * * 1,3,5', 'Mondays, Wednesdays and Fridays at 14:15'],
    ['tuesdays and thursdays at 9', '0 9 * * 2,4', 'Tuesdays and Thursdays at 09:00'],
    ['sun 7.45', '45 7 * * 0', 'Sundays at 07:45'],
    ['mon-fri 12 pm', '0 12 * * 1-5', 'weekdays at 12:00'],
    ['weekends 10am', '0 10 * * 0,6', 'weekends at 10:00'],
    ['every day at 12am', '0 0 * * *', 'daily at 00:00'],
    ['fridays', '0 9 * * 5', 'Fridays at 09:00'],
    ['16:00', '0 16 * * 1-5', 'weekdays at 16:00'],
    ['', '0 9 * * 1-5', 'weekdays at 09:00'],
    ['0 9 * * 1-5', '0 9 * * 1-5', 'weekdays at 09:00'],
    ['30 7 * * 1,4', '30 7 * * 1,4', 'Mondays and Thursdays at 07:30'],
    ['0 9 1 * *', '0 9 1 * *', 'on the schedule `0 9 1 * *`'],
  ];
  for (const [typed, cron, description] of cases) {
    it(`"${typed}" is ${cron}, said "${description}"`, () => {
      assert.deepEqual(parseScheduleWords(typed), { cron, description });
    });
  }

  for (const [typed, why] of [
    ['every morning', /could not read "every morning" as a schedule \(at "morning"\)/],
    ['weekdays 25:00', /at "25:00"/],
    ['mondays 13pm', /at "13pm"/],
    ['*/10 * * * * *', /runs more than once a minute/],
    ['0 9 * * 9', /is not a cron expression/],
  ] as const) {
    it(`"${typed}" is refused with what to type instead`, () => {
      const parsed = parseScheduleWords(typed);
      assert.ok('error' in parsed);
      assert.match(parsed.error, why);
      if (!/cron|minute/.test(parsed.error)) assert.match(parsed.error, /weekdays 9:00/);
    });
  }

  it("the modal's days and time become the same cron as the words", () => {
    assert.deepEqual(
      scheduleFor([5, 1, 2, 3, 4], { hour: 9, minute: 0 }),
      parseScheduleWords('weekdays 9:00'),
    );
    assert.deepEqual(
      scheduleFor([0, 1, 2, 3, 4, 5, 6], { hour: 8, minute: 30 }),
      parseScheduleWords('daily 8:30'),
    );
    assert.equal(describeCron('*/30 * * * *'), 'on the schedule `*/30 * * * *`');
  });
});

describe('/talk tips commands', () => {
  it('reads show, on with a schedule and a zone, off, pause and resume', () => {
    assert.deepEqual(parseTipsCommand('tips'), { kind: 'show' });
    assert.deepEqual(parseTipsCommand('tips on weekdays 9:00 Europe/Berlin'), {
      kind: 'on',
      cron: '0 9 * * 1-5',
      description: 'weekdays at 09:00',
      timezone: 'Europe/Berlin',
    });
    assert.deepEqual(parseTipsCommand('tips on'), {
      kind: 'on',
      cron: '0 9 * * 1-5',
      description: 'weekdays at 09:00',
      timezone: null,
    });
    assert.deepEqual(parseTipsCommand('TIPS ON 0 9 * * 1-5 utc'), {
      kind: 'on',
      cron: '0 9 * * 1-5',
      description: 'weekdays at 09:00',
      timezone: 'UTC',
    });
    assert.deepEqual(parseTipsCommand('tips off'), { kind: 'off' });
    assert.deepEqual(parseTipsCommand('tips pause 2w'), { kind: 'pause', days: 14 });
    assert.deepEqual(parseTipsCommand('tips pause 10 days'), { kind: 'pause', days: 10 });
    assert.deepEqual(parseTipsCommand('tips resume'), { kind: 'resume' });
  });

  it('explains a mistake: a zone that is none, a pause without a length, an unknown word', () => {
    const zone = parseTipsCommand('tips on daily 8:30 Mars/Olympus');
    assert.equal(zone.kind, 'invalid');
    assert.match(zone.kind === 'invalid' ? zone.message : '', /"Mars\/Olympus" is not an IANA time zone/);
    const pause = parseTipsCommand('tips pause for a while');
    assert.match(pause.kind === 'invalid' ? pause.message : '', /pause 2w/);
    const long = parseTipsCommand('tips pause 60w');
    assert.match(long.kind === 'invalid' ? long.message : '', /1 to 365 days/);
    const verb = parseTipsCommand('tips on every morning');
    assert.match(verb.kind === 'invalid' ? verb.message : '', /could not read/);
  });

  it('only `tips` and its verbs are commands: "tips and tricks" is still a search', () => {
    assert.ok(isTipsCommand('tips'));
    assert.ok(isTipsCommand(' tips on daily 9 '));
    assert.ok(isTipsCommand('tips pause 2w'));
    assert.ok(!isTipsCommand('tips and tricks'));
    assert.ok(!isTipsCommand('tip'));
    assert.ok(!isTipsCommand('testing tips'));
  });
});
