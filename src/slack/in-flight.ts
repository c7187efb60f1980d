import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** Counts requests being answered, so that shutdown can let them finish before it closes connections. */
export class InFlight {
  #count = 0;
  #waiters: Array<() => void> = [];

  /** How many requests are being answered now. */
  get count(): number {
    return this.#count;
  }

  /** Bolt global middleware that counts each request from arrival until its listeners are done. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async ({ next }) => {
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
