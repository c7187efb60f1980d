import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cron } from 'croner';
import { nearestRun } from '../../src/tips/scheduler.ts';

describe('nearestRun: the slot a timer meant', () => {
  const everyMinute = new Cron('* * * * *', { timezone: 'UTC' });
  const slot = new Date('2026-12-01T09:00:00.000Z');

  it('is the slot itself when the timer fires on time or a little late', () => {
    assert.deepEqual(nearestRun(everyMinute, slot), slot);
    assert.deepEqual(nearestRun(everyMinute, new Date(slot.getTime() + 300)), slot);
  });

  it('is the coming slot, not the one before, when the timer fires a moment early', () => {
    assert.deepEqual(nearestRun(everyMinute, new Date(slot.getTime() - 2)), slot);
  });

  it('is the slot before when the run is nearer to it than to the next', () => {
    assert.deepEqual(nearestRun(everyMinute, new Date(slot.getTime() + 29_000)), slot);
  });
});
