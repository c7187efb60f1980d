import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSlackText, queryFromMessage } from '../../src/slack/answer-query.ts';
import { SeenEvents } from '../../src/slack/dedupe.ts';
import { RedactingLogger } from '../../src/slack/logger.ts';

describe('RedactingLogger', () => {
  it('never writes a configured secret, whatever it is handed', () => {
    const lines: string[] = [];
    const token = 'xoxb-1111-2222-abcdefabcdef';
    const logger = new RedactingLogger('debug', [token, null, 'short'], (line) => lines.push(line));
    logger.error('call failed', new Error(`bad token ${token}`), {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]?.includes(token));
    assert.match(lines[0] ?? '', /\[redacted\]/);
  });

  it('drops messages below its level', () => {
    const lines: string[] = [];
    const logger = new RedactingLogger('warn', [], (line) => lines.push(line));
    logger.info('quiet');
    logger.warn('loud');
    assert.equal(lines.length, 1);
  });
});

describe('SeenEvents', () => {
  it('recognises a re-delivered event id, and forgets it after an hour', () => {
    const seen = new SeenEvents();
    assert.equal(seen.check('Ev1', 0), false);
    assert.equal(seen.check('Ev1', 1000), true);
    assert.equal(seen.check('Ev1', 2 * 60 * 60 * 1000), false);
  });
});

describe('queryFromMessage', () => {
  it('removes mentions of the bot, with or without a label, and keeps the rest', () => {
    assert.equal(queryFromMessage('<@U0BOT> jepsen?', 'U0BOT'), 'jepsen?');
    assert.equal(
      queryFromMessage('hey <@U0BOT|talkbot> chaos <@U0OTHER>', 'U0BOT'),
      'hey   chaos <@U0OTHER>',
    );
  });
});

describe('decodeSlackText', () => {
  it('turns Slack’s entities back into what was typed, once', () => {
    assert.equal(decodeSlackText('R&amp;D &lt;b&gt;'), 'R&D <b>');
    assert.equal(decodeSlackText('&amp;amp;'), '&amp;');
    assert.equal(decodeSlackText('<!channel> <@U1>'), '<!channel> <@U1>');
  });
});
