import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** What a slash command gets while the bot shuts down: an honest answer now rather than a timeout. */
export const restartingText = 'talkbot is restarting: please try again in a few seconds.';

/**
 * Counts requests being answered, so that shutdown can let them finish before it closes connections,
 * and turns new requests away once shutdown has begun.
 */
export class InFlight {
  #count = 0;
  #closing = false;
  #waiters: Array<() => void> = [];

  /** From now on, new requests are acknowledged (a command with `restartingText`) but not answered. */
  close(): void {
    this.#closing = true;
  }

  /** How many requests are being answered now. */
  get count(): number {
    return this.#count;
  }

  /** Bolt global middleware that counts each request from arrival until its listeners are done. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async (args) => {
      const { next } = args;
      if (this.#closing) {
        // Events were acknowledged by Bolt already; commands and actions are acknowledged here.
        if ('ack' in args && typeof args.ack === 'function') {
          const isCommand = 'command' in args.body;
          await (args.ack as (response?: unknown) => Promise<void>)(
            isCommand ? { response_type: 'ephemeral', text: restartingText } : undefined,
          );
        }
        return;
      }
      this.#count++;
      try {
        await next();
      } finally {
        this.#count--;
        if (this.#count === 0) for (const wake of this.#waiters.splice(0)) wake();
      }
    };
  }

  /** Resolves when nothing is in flight, or after `timeoutMs`: true when everything finished. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.#count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
