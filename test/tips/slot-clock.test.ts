import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cron } from 'croner';
import fc from 'fast-check';
import { nextSlot, slotsBetween } from '../../src/tips/pick-tip.ts';
import { repeatsWeekly, SlotClock, utcOffset, wallFormat } from '../../src/tips/slot-clock.ts';

const anchor = new Date('2024-01-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Runs in [a, b), asked of croner one by one: slow, obviously right. */
function bruteCount(schedule: string, timezone: string, a: Date, b: Date): number {
  const cron = new Cron(schedule, { timezone });
  let n = 0;
  for (let run = cron.nextRun(new Date(a.getTime() - 1)); run !== null && run < b; run = cron.nextRun(run))
    n++;
  return n;
}

/** The wall-clock hour and minute of an instant in a zone, e.g. "09:00". */
function wallTime(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

// Schedules and zones chosen for their DST corners: runs inside skipped and repeated hours, zones that
// change at midnight (Santiago), by half an hour (Lord Howe), by two hours (Troll), or never (Kolkata).
const schedules: readonly { schedule: string; timezone: string; span: number }[] = [
  { schedule: '0 9 * * 1-5', timezone: 'Europe/Berlin', span: 400 * DAY },
  { schedule: '30 2 * * *', timezone: 'Europe/Berlin', span: 400 * DAY },
  { schedule: '*/30 * * * *', timezone: 'Europe/Berlin', span: 20 * DAY },
  { schedule: '30 1 * * *', timezone: 'America/New_York', span: 400 * DAY },
  { schedule: '*/7 * * * *', timezone: 'America/New_York', span: 10 * DAY },
  { schedule: '30 0 * * *', timezone: 'America/Santiago', span: 400 * DAY },
  { schedule: '15 2 * * *', timezone: 'Australia/Lord_Howe', span: 400 * DAY },
  { schedule: '0 */2 * * *', timezone: 'Antarctica/Troll', span: 60 * DAY },
  { schedule: '0 0 L * *', timezone: 'Asia/Kolkata', span: 800 * DAY },
  { schedule: '0,30 10 1-7 * 1', timezone: 'Europe/London', span: 400 * DAY },
  { schedule: '0 */20 9 * * *', timezone: 'Europe/Berlin', span: 30 * DAY },
];

/** The instants in a year at which a zone's UTC offset changes. */
function offsetChanges(timezone: string, year: number): number[] {
  const format = wallFormat(timezone);
  const changes: number[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += HOUR) {
    if (utcOffset(format, t) === utcOffset(format, t + HOUR)) continue;
    let lo = t;
    let hi = t + HOUR;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (utcOffset(format, mid) === utcOffset(format, t)) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  return changes;
}

describe('SlotClock', () => {
  it('counts exactly the runs croner fires, for schedules and zones with every DST corner', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...schedules),
        fc.integer({ min: 0, max: 3 * 365 * DAY }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ schedule, timezone, span }, start, fraction) => {
          const from = new Date(anchor.getTime() + start);
          const until = new Date(from.getTime() + Math.floor(span * fraction));
          const clock = new SlotClock(schedule, timezone, from);
          assert.equal(clock.slotsBefore(until), bruteCount(schedule, timezone, from, until));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts exactly around each offset change, whether the anchor or the end falls before, on or after it', () => {
    for (const { schedule, timezone } of schedules) {
      for (const change of offsetChanges(timezone, 2026)) {
        for (const from of [-2 * HOUR, -1, 0, 1000, 20 * 60_000, 3 * HOUR - 60_000]) {
          for (const to of [HOUR, 3 * HOUR + 60_000, DAY]) {
            const a = new Date(change + from);
            const b = new Date(change + to);
            if (b <= a) continue;
            const clock = new SlotClock(schedule, timezone, a);
            assert.equal(
              clock.slotsBefore(b),
              bruteCount(schedule, timezone, a, b),
              `${schedule} ${timezone} from ${a.toISOString()} to ${b.toISOString()}`,
            );
          }
        }
      }
    }
  });

  it('gives consecutive runs consecutive slot numbers, through the DST changes of Berlin and New York', () => {
    const weeks: readonly [string, string, string][] = [
      ['Europe/Berlin', '2026-03-23', '2026-03-30'],
      ['Europe/Berlin', '2026-10-19', '2026-10-26'],
      ['America/New_York', '2026-03-02', '2026-03-09'],
      ['America/New_York', '2026-10-26', '2026-11-02'],
    ];
    for (const [timezone, monday, nextMonday] of weeks) {
      for (const schedule of ['0 9 * * 1-5', '30 2 * * *', '30 1 * * *', '*/30 * * * *']) {
        const clock = SlotClock.for(schedule, timezone, anchor);
        const runs = slotsBetween(
          schedule,
          timezone,
          new Date(`${monday}T00:00:00Z`),
          new Date(`${nextMonday}T12:00:00Z`),
        );
        const slots = runs.map((run) => clock.slotAtOrBefore(run));
        slots.forEach((slot, i) => {
          assert.equal(
            slot?.at.getTime(),
            runs[i]?.getTime(),
            `${schedule} ${timezone}: run ${i} is its own slot`,
          );
          if (i > 0)
            assert.equal(
              slot?.index,
              (slots[i - 1]?.index ?? 0) + 1,
              `${schedule} ${timezone}: no gap, no double`,
            );
        });
      }
    }
  });

  it('fires weekdays at 09:00 five times in each DST week, always at 09:00 local time', () => {
    const weeks: readonly [string, string][] = [
      ['Europe/Berlin', '2026-03-23'],
      ['Europe/Berlin', '2026-10-19'],
      ['America/New_York', '2026-03-02'],
      ['America/New_York', '2026-10-26'],
    ];
    for (const [timezone, monday] of weeks) {
      const from = new Date(`${monday}T00:00:00Z`);
      const runs = slotsBetween('0 9 * * 1-5', timezone, from, new Date(from.getTime() + 7 * DAY));
      assert.equal(runs.length, 5, `${timezone} week of ${monday}`);
      assert.deepEqual(
        runs.map((r) => wallTime(r, timezone)),
        ['09:00', '09:00', '09:00', '09:00', '09:00'],
      );
    }
  });

  it('a daily run in the skipped hour fires once that day, and once in the repeated hour', () => {
    const spring = slotsBetween(
      '30 2 * * *',
      'Europe/Berlin',
      new Date('2026-03-23T00:00:00Z'),
      new Date('2026-03-30T00:00:00Z'),
    );
    assert.equal(spring.length, 7);
    assert.equal(
      wallTime(spring[6] as Date, 'Europe/Berlin'),
      '03:00',
      '02:30 does not exist on 29 March: it runs at 03:00',
    );
    const autumn = slotsBetween(
      '30 2 * * *',
      'Europe/Berlin',
      new Date('2026-10-19T00:00:00Z'),
      new Date('2026-10-26T00:00:00Z'),
    );
    assert.equal(autumn.length, 7, '02:30 happens twice on 25 October: it runs once');
    const clock = SlotClock.for('30 2 * * *', 'Europe/Berlin', anchor);
    const first = clock.slotsBefore(new Date('2026-03-23T00:00:00Z'));
    assert.equal(clock.slotsBefore(new Date('2026-03-30T00:00:00Z')) - first, 7);
  });

  it('finds the latest run at or before a time, and none before the anchor', () => {
    const clock = SlotClock.for('0 9 * * 1-5', 'Europe/Berlin', anchor);
    const monday = new Date('2026-03-02T08:00:00Z');
    assert.equal(clock.slotAtOrBefore(monday)?.at.toISOString(), '2026-03-02T08:00:00.000Z');
    assert.equal(
      clock.slotAtOrBefore(new Date(monday.getTime() - 1))?.at.toISOString(),
      '2026-02-27T08:00:00.000Z',
    );
    assert.equal(
      clock.slotAtOrBefore(new Date(monday.getTime() + 5 * HOUR))?.at.toISOString(),
      '2026-03-02T08:00:00.000Z',
    );
    assert.equal(clock.slotAtOrBefore(new Date('2023-12-31T12:00:00Z')), null);
    assert.equal(
      clock.slotAtOrBefore(new Date('2024-01-01T08:00:00Z'))?.index,
      0,
      'Monday 1 January 2024 is slot 0',
    );
    assert.equal(nextSlot('0 9 * * 1-5', 'Europe/Berlin', monday)?.toISOString(), '2026-03-03T08:00:00.000Z');
  });

  it('counts a minutely schedule years after the anchor by arithmetic, not by walking every run', (t) => {
    // What is measured is the work, not the time: how often croner is asked for a run (a walk would ask
    // once per minute, 1.5 million times), so the test holds on any machine, however busy.
    const asked = t.mock.method(Cron.prototype, 'nextRun');
    const clock = new SlotClock('* * * * *', 'Europe/Berlin', anchor);
    const slots = clock.slotsBefore(new Date('2027-01-01T00:00:00Z'));
    // Every UTC minute is a run: croner skips the wall-clock minutes that do not exist and runs both
    // passes of the repeated hour, so the year neither loses nor gains one.
    assert.equal(slots, (366 + 365 + 365) * 1440);
    const first = asked.mock.callCount();
    assert.equal(clock.slotsBefore(new Date('2026-12-31T12:34:00Z')), slots - (11 * 60 + 26));
    const second = asked.mock.callCount() - first;
    assert.ok(first < 20_000, `croner was asked ${first} times for the first count`);
    assert.ok(second < first, `and ${second} times for a second count`);
  });

  it('knows which patterns repeat week after week', () => {
    assert.equal(repeatsWeekly('0 9 * * 1-5'), true);
    assert.equal(repeatsWeekly('*/30 * * * *'), true);
    assert.equal(repeatsWeekly('0 0 9 * * MON-FRI'), true);
    assert.equal(repeatsWeekly('@daily'), true);
    assert.equal(repeatsWeekly('0 9 1 * *'), false);
    assert.equal(repeatsWeekly('0 9 * 3 *'), false);
    assert.equal(repeatsWeekly('0 9 * * 5L'), false);
    assert.equal(repeatsWeekly('0 9 * * 1#2'), false);
    assert.equal(repeatsWeekly('0 0 9 * * * 2026'), false);
  });
});
