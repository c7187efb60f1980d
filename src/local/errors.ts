/** Base of every error the stand-in raises; `code` lets callers branch without reading messages. */
export class StandInError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = this.constructor.name;
  }
}

/** A Web API or response_url error answered to the app as `{ ok: false, error }`, as Slack does. */
export class SlackApiError extends StandInError {
  /** Slack's `[ERROR] ... [json-pointer:...]` details, sent as `response_metadata.messages`. */
  readonly messages: readonly string[];

  constructor(error: string, messages: readonly string[] = []) {
    super(error, messages.length > 0 ? `${error}: ${messages.join('; ')}` : error);
    this.messages = messages;
  }
}

/** The app did not acknowledge a delivery within Slack's deadline (3 s by default). */
export class NoAckError extends StandInError {
  readonly timeoutMs: number;

  constructor(what: string, timeoutMs: number) {
    super('no_ack', `no ack: the app did not acknowledge ${what} within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** Socket Mode delivery was asked for but no app was connected in time. */
export class NotConnectedError extends StandInError {
  constructor(waitedMs: number) {
    super('not_connected', `no Socket Mode connection: no app connected to /socket within ${waitedMs} ms`);
  }
}

/** A `waitFor...` call ran out of time; the message lists what was recorded so far. */
export class WaitTimeoutError extends StandInError {
  constructor(message: string) {
    super('wait_timeout', message);
  }
}

/** The stand-in was closed while a delivery or wait was still pending. */
export class StandInClosedError extends StandInError {
  constructor(what: string) {
    super('closed', `the Slack stand-in was closed while ${what}`);
  }
}
