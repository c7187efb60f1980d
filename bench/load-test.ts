import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadContent } from '../src/content/load.ts';
import { SlackStandIn } from '../src/local/index.ts';
import { Library } from '../src/search/library.ts';
import { openStore } from '../src/store/index.ts';
import {
  testSigningSecret as benchSigningSecret,
  type SlackEndpoints,
  startAppAgainst,
} from '../test/e2e/harness.ts';
import { median, percentile, round } from './measure.ts';
import type { BenchQuery } from './queries.ts';

// The Slack-facing test runs in two processes, as in production: the app (with its Library) in one,
// Slack's stand-in and the 50 senders in the other, talking over loopback HTTP. The parent relays:
//   driver → {standIn}         parent → app {endpoints}      app → {appUrl, posts}
//   parent → driver {appUrl}   driver → {measuring}          parent → app {reset}
//   driver → {figures}         parent → app {report}         app → {stall}       parent → both {stop}

/** How hard to push. */
export interface LoadTask {
  readonly root: string;
  readonly queries: readonly BenchQuery[];
  readonly requests: number;
  readonly senders: number;
  /** Requests sent (and not counted) before the measured ones, so the figures are of a warm app. */
  readonly warmup: number;
  /** An answer later than this is a failure. @default 10000 */
  readonly answerTimeoutMs?: number;
}

/** What Slack would see, and how the app's event loop fared. */
export interface LoadFigures {
  readonly posts: number;
  readonly requests: number;
  readonly senders: number;
  readonly ack: { readonly medianMs: number; readonly p99Ms: number };
  readonly answer: { readonly medianMs: number; readonly p99Ms: number };
  readonly failures: number;
  readonly failureReasons: Readonly<Record<string, number>>;
  /** Longest event-loop delay in the app's process while the measured requests ran. */
  readonly maxStallMs: number;
  /** CPU time (user + system) each process spent on the measured requests, per request. */
  readonly cpuPerRequestMs: { readonly app: number; readonly slack: number };
}

/** What the driver measured, before the app's stall is added. */
export type DriverFigures = Omit<LoadFigures, 'posts' | 'maxStallMs' | 'cpuPerRequestMs'> & {
  readonly cpuMs: number;
};

function cpuMs(since?: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

type Message = { type: string; [field: string]: unknown };

function post(message: Message): void {
  process.send?.(message);
}

function nextMessage(type: string): Promise<Message> {
  return new Promise((resolve) => {
    const listener = (message: Message) => {
      if (message.type !== type) return;
      process.off('message', listener);
      resolve(message);
    };
    process.on('message', listener);
  });
}

/** The app's side: loads the site, serves `/talk` over signed HTTP, watches its event loop. */
export async function runLoadApp(root: string, databaseUrl: string | null = null): Promise<void> {
  const { endpoints } = (await nextMessage('endpoints')) as unknown as { endpoints: SlackEndpoints };
  const library = new Library(await loadContent(root));
  const state = databaseUrl ? await openStore({ databaseUrl, dataDir: '' }) : null;
  const running = await startAppAgainst(library, endpoints, 'http', {
    logLevel: 'error',
    tips: false,
    state,
  });
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  post({ type: 'app', appUrl: running.url, posts: library.posts.length });
  await nextMessage('reset');
  stalls.enable();
  const cpu = process.cpuUsage();
  await nextMessage('report');
  stalls.disable();
  post({
    type: 'stall',
    maxStallMs: round(stalls.max / 1e6, 1),
    errors: running.logs.length,
    cpuMs: cpuMs(cpu),
  });
  await nextMessage('stop');
  await running.stop();
  await state?.close();
}

/** Slack's side: the stand-in, and senders sharing the requests, each waiting for its ack then its answer. */
export async function runLoadDriver(task: LoadTask): Promise<void> {
  const slack = await SlackStandIn.start({ transport: 'http', signingSecret: benchSigningSecret });
  const { apiUrl, botToken, appToken, signingSecret } = slack;
  post({ type: 'standIn', endpoints: { apiUrl, botToken, appToken, signingSecret } });
  slack.appUrl = String((await nextMessage('go')).appUrl);
  await send(slack, task, task.warmup, 'W');
  post({ type: 'measuring' });
  const cpu = process.cpuUsage();
  const outcome = await send(slack, task, task.requests, 'U');
  const spent = cpuMs(cpu);
  const figures: DriverFigures = {
    requests: task.requests,
    senders: task.senders,
    ack: { medianMs: round(median(outcome.acks), 1), p99Ms: round(percentile(outcome.acks, 99), 1) },
    answer: { medianMs: round(median(outcome.answers), 1), p99Ms: round(percentile(outcome.answers, 99), 1) },
    failures: outcome.failures,
    failureReasons: outcome.reasons,
    cpuMs: spent,
  };
  post({ type: 'figures', figures });
  await nextMessage('stop');
  await slack.close();
}

interface Outcome {
  readonly acks: number[];
  readonly answers: number[];
  failures: number;
  readonly reasons: Record<string, number>;
}

async function send(slack: SlackStandIn, task: LoadTask, count: number, prefix: string): Promise<Outcome> {
  const outcome: Outcome = { acks: [], answers: [], failures: 0, reasons: {} };
  const fail = (reason: string) => {
    outcome.failures++;
    outcome.reasons[reason] = (outcome.reasons[reason] ?? 0) + 1;
  };
  const waiting = new Map<string, () => void>();
  const unsubscribe = slack.subscribe((event) => {
    if (
      event.type === 'message_added' &&
      event.record.source === 'response_url' &&
      event.record.ephemeralTo
    ) {
      waiting.get(event.record.ephemeralTo)?.();
    } else if (event.type === 'api_call' && event.call.method === 'response_url' && !event.call.ok) {
      fail(`response_url ${event.call.error ?? 'error'}`);
    }
  });
  let next = 0;
  const sender = async () => {
    while (next < count) {
      const n = next++;
      // One user per request: the answer is ephemeral to that user, which is how it is told apart.
      const userId = `${prefix}${n}`;
      const query = task.queries[n % task.queries.length] as BenchQuery;
      let timer: NodeJS.Timeout | undefined;
      const answered = new Promise<boolean>((resolve) => {
        waiting.set(userId, () => resolve(true));
        timer = setTimeout(() => resolve(false), task.answerTimeoutMs ?? 10_000);
      });
      const start = performance.now();
      try {
        const delivery = await slack.slashCommand({ text: query.text, userId });
        outcome.acks.push(performance.now() - start);
        if (delivery.status !== 200) fail(`ack status ${delivery.status}`);
        if (await answered) outcome.answers.push(performance.now() - start);
        else fail('no answer in time');
      } catch (error) {
        fail((error as Error).name);
      } finally {
        clearTimeout(timer);
        waiting.delete(userId);
      }
    }
  };
  await Promise.all(Array.from({ length: task.senders }, sender));
  unsubscribe();
  return outcome;
}
