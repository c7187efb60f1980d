#!/usr/bin/env node
// The published entry point, plain JavaScript: it runs the bundle `npm run build` made (`npm ci` makes it too) while
// that is newer than every source file, and otherwise the TypeScript sources through tsx, so an edit never waits
// for a build. Startup is what differs: the bundle skips compiling about a hundred modules and finding some 600.
import { readdirSync, statSync } from 'node:fs';

const bundle = new URL('../dist/talkbot.js', import.meta.url);
const sources = new URL('../src/', import.meta.url);

/** Whether dist/ holds a build of the sources as they are now. */
function builtFromCurrentSources() {
  if (process.env.TALKBOT_FROM_SOURCES === '1') return false;
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  let files;
  try {
    files = readdirSync(sources, { recursive: true, withFileTypes: true });
  } catch {
    return true; // no sources beside it: the bundle is all there is
  }
  return files.every(
    (file) => !file.isFile() || statSync(`${file.parentPath ?? file.path}/${file.name}`).mtimeMs <= built,
  );
}

// A reader that stops early (`talkbot ask … | head -1`) closes the pipe: that ends the command, quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

// Before anything else is loaded: settings in .env count as if they were set in the environment.
const { config } = await import('dotenv');
config({ quiet: true });
let main;
if (builtFromCurrentSources()) {
  main = await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
const code = await main.runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  input: process.stdin,
  env: process.env,
});
process.exitCode = code;
