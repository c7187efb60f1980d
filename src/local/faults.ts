/** A failure to answer instead of the real result: an error code, an HTTP status, or a rate limit. */
export interface Fault {
  /** Slack's error code, e.g. `not_in_channel`; `ratelimited` answers HTTP 429. */
  error?: string;
  /** An HTTP status to answer with, e.g. 500. */
  status?: number;
  /** Seconds for the `Retry-After` header; implies a 429 `ratelimited` answer. @default 1 when rate-limited */
  retryAfter?: number;
  /**
   * Closes the connection of a Web API call without answering, before even the token is looked at: what the app sees when
   * Slack cannot be reached (a network down, a proxy in the way).
   */
  drop?: boolean;
}

/** The HTTP answer a fault turns into. */
export interface FaultAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: { ok: false; error: string };
}

/** Turns a fault into Slack's answer: 429 + Retry-After for rate limits, the given status, or 200 `ok: false`. */
export function answerFor(fault: Fault): FaultAnswer {
  if (fault.error === 'ratelimited' || fault.retryAfter !== undefined || fault.status === 429) {
    return {
      status: 429,
      headers: { 'Retry-After': String(fault.retryAfter ?? 1) },
      body: { ok: false, error: 'ratelimited' },
    };
  }
  const status = fault.status ?? 200;
  return { status, headers: {}, body: { ok: false, error: fault.error ?? 'internal_error' } };
}

/** Failures queued per method, each used by exactly one call, in order. */
export class Faults {
  private readonly queued = new Map<string, Fault[]>();

  /** Makes the next `times` calls of `method` (a Web API method, or `response_url`) fail with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i += 1) list.push(fault);
    this.queued.set(method, list);
  }

  /** The fault for this call of `method`, if one is queued (and uses it up). */
  take(method: string): Fault | undefined {
    const list = this.queued.get(method);
    const fault = list?.shift();
    if (list?.length === 0) this.queued.delete(method);
    return fault;
  }

  /** Uses up the next fault of `method` if it is a dropped connection, and says whether it was. */
  takeDrop(method: string): boolean {
    if (this.queued.get(method)?.[0]?.drop !== true) return false;
    this.take(method);
    return true;
  }

  /** Forgets every queued fault. */
  clear(): void {
    this.queued.clear();
  }
}
