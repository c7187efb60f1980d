import type { Citation, Resource } from '../../search/types.ts';
import { escapeMrkdwn, userMention } from './escape.ts';
import { foldSpace, slackDate } from './format.ts';
import { fitMessage } from './limits.ts';
import type { Message } from './message.ts';
import { actions, button, context, postTitle, resourceLink, section } from './parts.ts';

/** Action ids of the tip settings' buttons; each button's value is the channel ID. */
export const TIP_SETTINGS_IDS = {
  setUp: 'tips_set_up',
  off: 'tips_off',
  pause: 'tips_pause',
  resume: 'tips_resume',
} as const;

/** A channel's tips as the settings message shows them. */
export interface TipSettingsInput {
  readonly channel: string;
  /** Null when the channel has no tips. */
  readonly subscription: {
    readonly description: string;
    readonly timezone: string;
    readonly pausedUntil: Date | null;
    /** Slack's error code when tips stopped after repeated failures. */
    readonly suspended: string | null;
  } | null;
  readonly next: { readonly resource: Resource; readonly citation: Citation; readonly at: Date } | null;
  readonly now: Date;
}

/** `/talk tips`: this channel's tip settings, for the asker alone, with buttons to change them. */
export function renderTipSettings(input: TipSettingsInput): Message {
  const { subscription, channel } = input;
  if (subscription === null) {
    const text = 'Reading tips are off in this channel.';
    return fitMessage({
      text,
      blocks: [
        section(
          `*${text}*\nGet one resource worth reading from the blog on a schedule: \`/talk tips on weekdays 9:00\`, or set it up here.`,
        ),
        actions('tips_settings', [button('Set up tips', TIP_SETTINGS_IDS.setUp, channel, 'primary')]),
      ],
    });
  }
  const paused =
    subscription.pausedUntil !== null && subscription.pausedUntil.getTime() > input.now.getTime();
  const state = subscription.suspended
    ? `⚠️ Stopped after repeated failures (\`${escapeMrkdwn(subscription.suspended)}\`): ${fixFor(subscription.suspended)} Then press *Resume*.`
    : paused
      ? `Paused until ${slackDate(subscription.pausedUntil as Date, '{date_short_pretty}') ?? ''}.`
      : null;
  const schedule = `${escapeMrkdwn(subscription.description)} (${escapeMrkdwn(subscription.timezone)})`;
  const lines = [`*Reading tips here:* ${schedule}`];
  if (state !== null) lines.push(state);
  else if (input.next !== null) lines.push(nextLine(input.next));
  const buttons = [button('Change', TIP_SETTINGS_IDS.setUp, channel)];
  if (paused || subscription.suspended) buttons.push(button('Resume', TIP_SETTINGS_IDS.resume, channel));
  else buttons.push(button('Pause 2 weeks', TIP_SETTINGS_IDS.pause, channel));
  buttons.push(button('Turn off', TIP_SETTINGS_IDS.off, channel));
  return fitMessage({
    text: `Reading tips here: ${escapeMrkdwn(subscription.description)} (${escapeMrkdwn(subscription.timezone)})`,
    blocks: [section(lines.join('\n')), actions('tips_settings', buttons)],
  });
}

/** The next tip of a channel: when, the resource, and its talk. */
export function nextLine(next: NonNullable<TipSettingsInput['next']>): string {
  const when = slackDate(next.at, '{date_short_pretty} at {time}') ?? '';
  return `Next tip ${when}: ${resourceLink(next.resource)} from ${postTitle(next.citation.post)}`;
}

/** What a change of a channel's tips tells the channel, naming who made it. */
export type TipsChange =
  | { readonly kind: 'on'; readonly description: string; readonly timezone: string }
  | { readonly kind: 'off' }
  | { readonly kind: 'pause'; readonly until: Date }
  | { readonly kind: 'resume' };

/** The confirmation posted in the channel for everyone: "@ana set reading tips here for weekdays at 09:00 Europe/Berlin". */
export function renderTipsConfirmation(user: string, change: TipsChange): Message {
  const who = userMention(user) ?? 'Someone';
  const plainWho = userMention(user) ?? 'Someone';
  let what: string;
  switch (change.kind) {
    case 'on':
      what = `set reading tips here for ${escapeMrkdwn(change.description)} ${escapeMrkdwn(change.timezone)}`;
      break;
    case 'off':
      what = 'turned reading tips off here';
      break;
    case 'pause':
      what = `paused reading tips here until ${slackDate(change.until, '{date_short_pretty}') ?? change.until.toISOString().slice(0, 10)}`;
      break;
    case 'resume':
      what = 'resumed reading tips here';
      break;
  }
  const hint = change.kind === 'off' ? '' : ' · `/talk tips` to see or change them';
  return fitMessage({
    text: `${plainWho} ${what}`,
    blocks: [section(`${who} ${what}`), context(`📚 Reading tips${hint}`)],
  });
}

/** How to fix a channel the tips cannot be posted to, by Slack's error code. */
export function fixFor(code: string): string {
  switch (code) {
    case 'not_in_channel':
    case 'channel_not_found':
      return 'invite the bot to the channel (`/invite @talkbot`).';
    case 'is_archived':
      return 'the channel is archived: unarchive it, or set tips up in another channel.';
    default:
      return 'check the app’s installation (`chat:write`).';
  }
}

/** What the subscriber is told when a channel's tip could not be posted. */
export function renderTipFailure(channelName: string, code: string, stopped: boolean): Message {
  const what = `I could not post the reading tip in ${escapeMrkdwn(foldSpace(channelName))} (\`${escapeMrkdwn(code)}\`): ${fixFor(code)}`;
  const then = stopped
    ? 'Tips there are stopped until you fix it and press *Resume* in `/talk tips` in that channel.'
    : 'I will try again at the next tip.';
  return fitMessage({ text: `${what} ${then}`, blocks: [section(`${what}\n${then}`)] });
}
