import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidSlackRequest } from '@slack/bolt';
import { signRequest } from '../../src/local/index.ts';

// Slack's documented test vector (docs.slack.dev/authentication/verifying-requests-from-slack),
// as recorded in /work/shared/slack-payloads/08_request_signing.json.
const VECTOR = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
    '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

/** The check Bolt's receivers make of every request, at a given time. */
function boltAccepts(
  request: { signingSecret: string; timestamp?: string; signature?: string; body: string },
  nowSeconds: number,
): boolean {
  return isValidSlackRequest({
    signingSecret: request.signingSecret,
    body: request.body,
    headers: {
      'x-slack-signature': request.signature ?? '',
      'x-slack-request-timestamp': Number(request.timestamp),
    },
    nowMilliseconds: nowSeconds * 1000,
  });
}

describe('request signing', () => {
  it('reproduces the signature of Slack’s documented test vector', () => {
    assert.equal(signRequest(VECTOR.signingSecret, VECTOR.timestamp, VECTOR.body), VECTOR.signature);
  });

  it('signs as Bolt checks: its verifier accepts the stand-in’s signature, and refuses a changed one', () => {
    const now = Number(VECTOR.timestamp) + 10;
    const signature = signRequest(VECTOR.signingSecret, VECTOR.timestamp, VECTOR.body);
    assert.equal(boltAccepts({ ...VECTOR, signature }, now), true);
    assert.equal(boltAccepts({ ...VECTOR, signature, body: `${VECTOR.body}&x=1` }, now), false);
    assert.equal(boltAccepts({ ...VECTOR, signature, signingSecret: 'other' }, now), false);
    assert.equal(boltAccepts({ ...VECTOR, signature: signature.replace('v0=', 'v1=') }, now), false);
    assert.equal(boltAccepts({ ...VECTOR, signature }, now + 600), false, 'outside the five-minute window');
  });
});
