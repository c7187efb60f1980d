#!/usr/bin/env node
// The published entry point: plain JavaScript, so it runs without a build step, registering tsx to load the
// TypeScript sources directly.
import { register } from 'tsx/esm/api';

register();
const { config } = await import('dotenv');
config({ quiet: true });
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  input: process.stdin,
  env: process.env,
});
process.exitCode = code;
