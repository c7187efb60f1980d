import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RedactingLogger } from '../../src/slack/logger.ts';

describe('LOG_FORMAT=json', () => {
  it('writes one JSON object a line, secrets redacted even where JSON would escape them', () => {
    const lines: string[] = [];
    const secret = 'pass"word\\with-quotes';
    const logger = new RedactingLogger(
      'info',
      ['xoxb-test-123456789', secret],
      (line) => lines.push(line),
      'json',
    );
    logger.info('token', 'xoxb-test-123456789', 'and', { password: secret });
    logger.debug('not shown at info');
    logger.warn(new Error(`connect failed for ${secret}`));
    assert.equal(lines.length, 2);
    const [info, warn] = lines.map((line) => {
      assert.ok(line.endsWith('\n'));
      return JSON.parse(line) as { time: string; level: string; name: string; msg: string };
    });
    assert.equal(info?.level, 'info');
    assert.equal(info?.name, 'talkbot');
    assert.ok(!Number.isNaN(Date.parse(info?.time ?? '')));
    assert.equal(info?.msg, 'token [redacted] and {"password":"[redacted]"}');
    assert.equal(warn?.level, 'warn');
    assert.match(warn?.msg ?? '', /^Error: connect failed for \[redacted\]/);
    assert.doesNotMatch(lines.join(''), /with-quotes|xoxb-test/);
  });
});
