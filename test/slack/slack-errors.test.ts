import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { webApi } from '@slack/bolt';
import { describeRequest } from '../../src/slack/listener-errors.ts';
import { explainSlackError, isWebApiCallError, slackErrorCode } from '../../src/slack/slack-errors.ts';

describe('slackErrorCode', () => {
  it('reads the code of each error the Web API client throws, told apart by its ErrorCode', () => {
    const platform = new webApi.WebAPIPlatformError({ ok: false, error: 'not_in_channel' });
    const limited = new webApi.WebAPIRateLimitedError(30);
    const http = new webApi.WebAPIHTTPError(503, 'Service Unavailable', {});
    const network = new webApi.WebAPIRequestError(new Error('connect ECONNREFUSED 127.0.0.1:1'));
    assert.equal(slackErrorCode(platform), 'not_in_channel');
    assert.equal(slackErrorCode(limited), 'ratelimited');
    assert.equal(slackErrorCode(http), 'http_503');
    assert.equal(slackErrorCode(network), null, 'its message says more than a code would');
    assert.ok([platform, limited, http, network].every(isWebApiCallError));
  });

  it('gives null for anything else, even an error that merely looks like one', () => {
    assert.equal(slackErrorCode(new Error('boom')), null);
    assert.equal(slackErrorCode({ code: 'slack_webapi_platform_error', data: { error: 'x' } }), null);
    assert.equal(slackErrorCode(Object.assign(new Error('axios'), { code: 'ERR_BAD_RESPONSE' })), null);
    assert.equal(slackErrorCode(undefined), null);
  });

  it('explains the codes a user can fix, and says to try again otherwise', () => {
    assert.match(explainSlackError('not_in_channel'), /\/invite @talkbot/);
    assert.match(explainSlackError(null), /try again/);
  });
});

describe('describeRequest', () => {
  it('says what was asked, by whom and where, for a command, a button and an event', () => {
    const command = describeRequest({
      command: '/talk',
      user_id: 'U1',
      channel_id: 'C1',
      response_url: 'https://hooks.slack.com/commands/T1/1/x',
    });
    assert.deepEqual(command, {
      what: '/talk from U1 in C1',
      event: undefined,
      responseUrl: 'https://hooks.slack.com/commands/T1/1/x',
      channel: 'C1',
      user: 'U1',
    });
    const button = describeRequest({
      type: 'block_actions',
      user: { id: 'U2' },
      channel: { id: 'C2' },
      actions: [{ action_id: 'talk_share' }],
      response_url: 'https://hooks.slack.com/actions/T1/2/y',
    });
    assert.equal(button.what, 'the talk_share button from U2 in C2');
    const mention = describeRequest({
      type: 'event_callback',
      event: { type: 'app_mention', user: 'U3', channel: 'C3' },
    });
    assert.equal(mention.what, 'app_mention event from U3 in C3');
    assert.equal(mention.responseUrl, undefined);
    assert.equal(describeRequest(null).what, 'a request');
  });
});
