import type { Logger, webApi } from '@slack/bolt';
import type { InsightsConfig } from '../config.ts';
import type { Library } from '../search/library.ts';
import { newQuestionId, withFeedback } from '../slack/blocks/feedback.ts';
import type { ChannelTipsDeps, FeedbackDeps, HomeInsights } from '../slack/listeners/deps.ts';
import { slackErrorCode } from '../slack/slack-errors.ts';
import type { Store } from '../store/index.ts';
import { summariseInsights } from '../store/insights-summary.ts';
import { ChannelTips } from '../tips/channel-tips.ts';
import type { SlotClaims, SlotResult } from '../tips/scheduler.ts';
import type { TipSettings } from '../tips/tip-config.ts';
import { slackTipPoster } from './tip-poster.ts';

const dayMs = 86_400_000;

/** What the store gives the app beyond dedupe and claims: per-channel tips, feedback, insights. */
export interface StoreFeatures {
  readonly channelTips: ChannelTipsDeps;
  readonly feedback: FeedbackDeps;
  /** Runs every channel's schedule; start once the app is up. */
  readonly scheduler: ChannelTips;
  /** Starts the schedules and the daily pruning of old insights. */
  start(): Promise<void>;
  stop(): void;
}

/** Everything the features are composed from. */
export interface StoreFeaturesOptions {
  readonly state: Store;
  readonly client: webApi.WebClient;
  readonly library: () => Library;
  readonly tipSettings: TipSettings;
  /** The site's effective base URL (SITE_BASE_URL, else the served load's baseURL), read at each use. */
  readonly siteBaseUrl: () => string | null;
  readonly insights: InsightsConfig;
  readonly logger: Logger;
  /** The subscription `TIP_CHANNEL` (or local mode's #general) stands for, made at startup. */
  readonly startupChannel: string | null;
  readonly claims?: SlotClaims;
  readonly onSlot?: (result: SlotResult) => void;
  readonly now?: () => Date;
  /** @default 30 s */
  readonly refreshMs?: number;
}

/** Composes the store's subscriptions and insights into what the listeners and the scheduler need: wiring only. */
export function storeFeatures(options: StoreFeaturesOptions): StoreFeatures {
  const { state, client, logger, insights } = options;
  const now = options.now ?? (() => new Date());
  const style = insights.feedbackStyle;
  const asked: FeedbackDeps['asked'] = (question) => {
    state.insights.asked(question, now().getTime()).catch((error: unknown) => {
      logger.warn(`a question could not be recorded for insights: ${(error as Error).message}`);
    });
  };
  const scheduler = new ChannelTips({
    subscriptions: state.subscriptions,
    library: options.library,
    seed: options.tipSettings.seed,
    siteBaseUrl: options.siteBaseUrl,
    poster: slackTipPoster(client),
    errorCode: slackErrorCode,
    logger,
    notify: async (user, message) => {
      await client.chat.postMessage({ channel: user, text: message.text, blocks: message.blocks });
    },
    decorate: (message, tip) => {
      const id = newQuestionId();
      asked({ id, query: tip.resource.title, urls: [tip.resource.url], surface: 'tip' });
      return withFeedback(message, { id, query: tip.resource.title, offset: 0, surface: 'tip' }, style);
    },
    ...(options.claims ? { claims: options.claims } : {}),
    ...(options.onSlot ? { onSlot: options.onSlot } : {}),
    ...(options.refreshMs ? { refreshMs: options.refreshMs } : {}),
    now,
  });
  const channelTips: ChannelTipsDeps = {
    get: (channel) => state.subscriptions.get(channel),
    list: () => state.subscriptions.list(),
    set: (setting) => state.subscriptions.set(setting, now().getTime()),
    remove: (channel) => state.subscriptions.remove(channel),
    pause: (channel, until) => state.subscriptions.pause(channel, until, now().getTime()),
    nextTip: (setting) => scheduler.nextTip(setting, now()),
    changed: () => {
      void scheduler.refresh();
    },
    now,
  };
  const admins = new Set(insights.admins);
  const feedback: FeedbackDeps = {
    style,
    asked,
    rated: (vote) => state.insights.rated(vote, now().getTime()),
    noted: (id, user, note) => state.insights.noted(id, user, note),
    summaryFor: async (user): Promise<HomeInsights | null> => {
      if (!admins.has(user)) return null;
      const since = new Date(now().getTime() - insights.days * dayMs);
      const rows = await state.insights.since(since);
      const summary = summariseInsights(rows, since);
      const weekAgo = now().getTime() - 7 * dayMs;
      return {
        days: insights.days,
        questions: summary.questions,
        questionsThisWeek: rows.questions.filter((q) => q.askedAt.getTime() >= weekAgo).length,
        helpful: summary.feedback.helpful,
        unhelpful: summary.feedback.unhelpful,
        unanswered: summary.unanswered,
      };
    },
  };
  let pruner: NodeJS.Timeout | null = null;
  const prune = () => {
    state.insights.prune(new Date(now().getTime() - insights.days * dayMs)).catch((error: unknown) => {
      logger.warn(`old insights could not be deleted: ${(error as Error).message}`);
    });
  };
  return {
    channelTips,
    feedback,
    scheduler,
    start: async () => {
      if (options.startupChannel !== null) {
        const { schedule, timezone } = options.tipSettings;
        await state.subscriptions
          .ensure({ channel: options.startupChannel, cron: schedule, timezone, subscriber: 'environment' })
          .catch((error: unknown) => {
            logger.warn(`the TIP_CHANNEL subscription could not be made now: ${(error as Error).message}`);
          });
      }
      prune();
      pruner = setInterval(prune, dayMs);
      pruner.unref();
      await scheduler.start();
    },
    stop: () => {
      if (pruner !== null) clearInterval(pruner);
      scheduler.stop();
    },
  };
}
