import assert from 'node:assert/strict';

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. Not a timing assertion: a bound on waiting. */
export async function eventually(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
