/** Where a command writes and reads, so tests can run commands in-process as well as through the binary. */
export interface CommandIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly input: NodeJS.ReadableStream;
  /** The environment, read only by the CLI's entry point and passed on as config. */
  readonly env: NodeJS.ProcessEnv;
}
