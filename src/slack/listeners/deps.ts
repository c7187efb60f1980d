import type { Library } from '../../search/library.ts';
import type { Citation, Resource } from '../../search/types.ts';
import type { GitStatus } from '../../sources/git-source.ts';
import type { ChannelSubscription } from '../../tips/channel-tips.ts';
import type { HomeInsightsInput } from '../blocks/home.ts';

/** The next reading tip, when tips are on. */
export interface UpcomingTip {
  readonly resource: Resource;
  readonly at: Date;
}

/** A tip as `/talk tip` shows it. */
export interface TodaysTip {
  readonly resource: Resource;
  readonly citation: Citation;
  readonly at: Date;
}

/** What listeners need from the rest of talkbot, passed in so that they hold no state of their own. */
export interface ListenerDeps {
  /** The Library to answer from; read once per request (it may be swapped between requests). */
  readonly library: () => Library;
  /** The next scheduled tip, or null when tips are off. */
  readonly nextTip: () => UpcomingTip | null;
  /** Today's tip for `/talk tip` (the latest slot's, or the next one's), or null when nothing is tip-worthy. */
  readonly todaysTip?: () => TodaysTip | null;
  /** The content repository's commit being served and since when, or null when content is a local folder. */
  readonly contentSource?: () => GitStatus | null;
  /** Per-channel tips (`/talk tips`), when talkbot has a store. @default none: `/talk tips` says they are unavailable */
  readonly channelTips?: ChannelTipsDeps;
  /** Feedback buttons on answers and tips, and the insights, when talkbot has a store. @default none */
  readonly feedback?: FeedbackDeps;
}

/** A channel's tips as the store keeps them: the subscription the tips' scheduler runs. */
export type ChannelTipSetting = ChannelSubscription;

/** Per-channel reading tips, when talkbot has a store: the subscriptions and what they post next. */
export interface ChannelTipsDeps {
  get(channel: string): Promise<ChannelTipSetting | null>;
  list(): Promise<readonly ChannelTipSetting[]>;
  set(setting: {
    channel: string;
    channelName?: string;
    cron: string;
    timezone: string;
    subscriber: string;
  }): Promise<unknown>;
  remove(channel: string): Promise<boolean>;
  /** Pauses until a time; null resumes (and clears a stop after failures). */
  pause(channel: string, until: Date | null): Promise<boolean>;
  /** The tip a subscription posts next, with its talk; null when stopped or nothing is worth one. */
  nextTip(setting: ChannelTipSetting): TodaysTip | null;
  /** Tells every schedule on this replica of a change at once (others see it at their next refresh). */
  changed(): void;
  readonly now: () => Date;
}

/** Feedback and insights, when talkbot has a store. */
export interface FeedbackDeps {
  /** Slack's feedback element, or plain buttons where a client does not render it. */
  readonly style: 'element' | 'buttons';
  /** Records a question and what was shown; never awaited by an answer. */
  asked(question: {
    id: string;
    query: string;
    urls: readonly string[];
    surface: 'command' | 'mention' | 'dm' | 'tip';
  }): void;
  rated(vote: {
    questionId: string;
    user: string;
    outcome: 'helpful' | 'unhelpful';
    query: string;
    urls: readonly string[];
  }): Promise<void>;
  noted(questionId: string, user: string, note: string): Promise<boolean>;
  /** The insights summary for the Home tab of an admin; null for everyone else. */
  summaryFor(user: string): Promise<HomeInsights | null>;
}

/** What an admin's Home tab shows of the insights. */
export type HomeInsights = HomeInsightsInput;
