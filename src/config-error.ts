/** A variable that is missing or malformed: names it and says how to fix it, never echoes a secret's value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    /** The environment variable at fault, e.g. `TIP_TIMEZONE`. */
    readonly variable: string,
    /** What is wrong with it and how to fix it, without the variable's name. */
    readonly reason: string,
  ) {
    super(`${variable}: ${reason}`);
  }
}
