// One measurement in a fresh process (so that memory figures are its own), given as a JSON file; the
// figures go back to the parent over IPC. Modules are imported per task: each loads only what it needs.
import { readFileSync } from 'node:fs';

type Task = { mode: 'size' | 'memory' | 'load-app' | 'load-driver'; [field: string]: unknown };

const task = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Task;

async function run(): Promise<unknown> {
  switch (task.mode) {
    case 'size':
      return (await import('./size-figures.ts')).measureSize(task as never);
    case 'memory':
      return (await import('./size-figures.ts')).measureMemory(String(task.root));
    case 'load-app':
      return (await import('./load-test.ts')).runLoadApp(
        String(task.root),
        typeof task.databaseUrl === 'string' ? task.databaseUrl : null,
      );
    case 'load-driver':
      return (await import('./load-test.ts')).runLoadDriver(task as never);
  }
}

run().then(
  (result) => process.send?.({ type: 'result', ok: true, result }, () => process.exit(0)),
  (error: unknown) =>
    process.send?.(
      {
        type: 'result',
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      },
      () => process.exit(1),
    ),
);
