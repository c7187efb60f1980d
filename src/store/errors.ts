/** Why the store could not be used; `variable` names the setting to look at (`DATABASE_URL`, `TALKBOT_DATA_DIR`). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly variable: 'DATABASE_URL' | 'TALKBOT_DATA_DIR';
  readonly reason: string;

  constructor(variable: 'DATABASE_URL' | 'TALKBOT_DATA_DIR', reason: string, options?: { cause?: unknown }) {
    super(`${variable} ${reason}`, options);
    this.variable = variable;
    this.reason = reason;
  }
}

/** A database URL fit to print: the password (if any) replaced, so it never reaches a log. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
