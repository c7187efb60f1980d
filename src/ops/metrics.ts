import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What kind of request Slack sent, as the metrics label it. */
export type RequestKind = 'command' | 'event' | 'action' | 'view' | 'shortcut' | 'options' | 'other';
/** How a request ended: answered, dropped as a re-delivery, or failed before the app could answer. */
export type RequestOutcome = 'answered' | 'deduped' | 'failed';
/** What a tip slot came to on this replica. */
export type TipResult = 'posted' | 'claimed_elsewhere' | 'store_down' | 'nothing' | 'failed';

/** Buckets around Slack's deadlines: an ack within 3 s, an answer a user does not notice waiting for. */
const ackBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3];
const answerBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One replica's metrics in Prometheus' text format (prom-client), in a registry of its own so that two apps
 * in one process (tests) never share counts.
 */
export class TalkbotMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'talkbot_requests_total',
    help: 'Requests from Slack, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly ackSeconds = new Histogram({
    name: 'talkbot_ack_seconds',
    help: 'From a request reaching the app to its acknowledgement.',
    labelNames: ['kind'] as const,
    buckets: ackBuckets,
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: 'talkbot_answer_seconds',
    help: 'From a request reaching the app to its listeners having answered.',
    labelNames: ['kind'] as const,
    buckets: answerBuckets,
    registers: [this.registry],
  });
  readonly retriesDeduped = new Counter({
    name: 'talkbot_retries_deduped_total',
    help: 'Re-delivered events dropped because this or another replica already took them.',
    registers: [this.registry],
  });
  readonly tips = new Counter({
    name: 'talkbot_tips_total',
    help: 'Tip slots on this replica, by result (posted, claimed_elsewhere, store_down, nothing, failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  readonly storeErrors = new Counter({
    name: 'talkbot_store_errors_total',
    help: 'Store operations that failed, by operation.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  readonly storeUp = new Gauge({
    name: 'talkbot_store_up',
    help: '1 when the store answered the last health check, else 0.',
    registers: [this.registry],
  });
  readonly postsLoaded: Gauge;
  readonly problemsLoaded: Gauge;

  /** `library` is read at each scrape, so the gauges follow reloads without being told. */
  constructor(library: () => { readonly posts: readonly unknown[]; readonly problems: readonly unknown[] }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'talkbot_' });
    this.postsLoaded = new Gauge({
      name: 'talkbot_posts_loaded',
      help: 'Posts in the Library answers come from.',
      registers: [this.registry],
      collect() {
        this.set(library().posts.length);
      },
    });
    this.problemsLoaded = new Gauge({
      name: 'talkbot_problems_loaded',
      help: 'Problems found in the content when it was last loaded.',
      registers: [this.registry],
      collect() {
        this.set(library().problems.length);
      },
    });
  }

  /** The text a scrape of `GET /metrics` gets. */
  async text(): Promise<string> {
    return await this.registry.metrics();
  }

  /** The content type of `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
