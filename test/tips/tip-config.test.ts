import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readTipSettings } from '../../src/config.ts';
import { defaultTipSeed } from '../../src/tips/tip-config.ts';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readTipSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail('expected a ConfigError');
}

describe('readTipSettings', () => {
  it('defaults to weekdays at 09:00 UTC with the default seed', () => {
    assert.deepEqual(readTipSettings({}), { schedule: '0 9 * * 1-5', timezone: 'UTC', seed: defaultTipSeed });
    assert.deepEqual(
      readTipSettings({ TIP_SCHEDULE: ' ', TIP_TIMEZONE: '', TIP_SEED: '' }),
      readTipSettings({}),
    );
  });

  it('reads TIP_SCHEDULE, TIP_TIMEZONE and TIP_SEED', () => {
    assert.deepEqual(
      readTipSettings({
        TIP_SCHEDULE: '30 8 * * MON',
        TIP_TIMEZONE: 'Europe/Berlin',
        TIP_SEED: 'platform team',
      }),
      { schedule: '30 8 * * MON', timezone: 'Europe/Berlin', seed: 'platform team' },
    );
  });

  it('names the variable and says how to fix a bad value', () => {
    for (const [env, variable, message] of [
      [
        { TIP_TIMEZONE: 'Europe/Atlantis' },
        'TIP_TIMEZONE',
        /"Europe\/Atlantis" is not an IANA time zone; use a name such as Europe\/Berlin/,
      ],
      [
        { TIP_SCHEDULE: '0 25 * * *' },
        'TIP_SCHEDULE',
        /"0 25 \* \* \*" is not a cron expression .*e\.g\. "0 9 \* \* 1-5"/,
      ],
      [{ TIP_SCHEDULE: 'weekdays' }, 'TIP_SCHEDULE', /is not a cron expression/],
      [{ TIP_SCHEDULE: '* * * * * *' }, 'TIP_SCHEDULE', /runs more than once a minute/],
      [{ TIP_SCHEDULE: '0 0 9 * * 1-5 2020' }, 'TIP_SCHEDULE', /never runs again/],
    ] as const) {
      const error = configError(env);
      assert.equal(error.variable, variable);
      assert.match(error.reason, message);
      assert.equal(error.message, `${variable}: ${error.reason}`);
    }
  });
});
