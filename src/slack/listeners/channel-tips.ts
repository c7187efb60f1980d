import type { RespondFn, webApi } from '@slack/bolt';
import { describeCron } from '../../tips/schedule-words.ts';
import { pauseEnd } from '../../tips/tips-command.ts';
import type { Message } from '../blocks/message.ts';
import { renderTipSettings, renderTipsConfirmation, type TipsChange } from '../blocks/tip-settings.ts';
import type { ChannelTipsDeps } from './deps.ts';

/** What `/talk tips` says when talkbot runs without a store to keep subscriptions in. */
export const tipsUnavailable =
  'Reading tips per channel need talkbot’s store, which is not available right now. Try again in a minute.';

/** A channel's settings message, as `/talk tips` shows it. */
export async function tipSettingsMessage(tips: ChannelTipsDeps, channel: string): Promise<Message> {
  const setting = await tips.get(channel);
  return renderTipSettings({
    channel,
    subscription:
      setting === null
        ? null
        : {
            description: describeCron(setting.cron),
            timezone: setting.timezone,
            pausedUntil: setting.pausedUntil,
            suspended: setting.suspended,
          },
    next: setting === null ? null : tips.nextTip(setting),
    now: tips.now(),
  });
}

/** A change to make to a channel's tips, from the command, a button or the modal. */
export type TipsRequest =
  | { readonly kind: 'on'; readonly cron: string; readonly timezone: string; readonly channelName?: string }
  | { readonly kind: 'off' }
  | { readonly kind: 'pause'; readonly days: number }
  | { readonly kind: 'resume' };

/** Applies a change; returns what to tell the channel, or null when there was nothing to change (with why). */
export async function applyTipsChange(
  tips: ChannelTipsDeps,
  channel: string,
  user: string,
  request: TipsRequest,
): Promise<{ change: TipsChange } | { nothing: string }> {
  switch (request.kind) {
    case 'on': {
      await tips.set({
        channel,
        ...(request.channelName ? { channelName: request.channelName } : {}),
        cron: request.cron,
        timezone: request.timezone,
        subscriber: user,
      });
      tips.changed();
      return { change: { kind: 'on', description: describeCron(request.cron), timezone: request.timezone } };
    }
    case 'off': {
      if (!(await tips.remove(channel))) return { nothing: 'Reading tips are already off in this channel.' };
      tips.changed();
      return { change: { kind: 'off' } };
    }
    case 'pause': {
      const until = pauseEnd(tips.now(), request.days);
      if (!(await tips.pause(channel, until)))
        return { nothing: 'This channel has no reading tips to pause: `/talk tips on` sets them up.' };
      tips.changed();
      return { change: { kind: 'pause', until } };
    }
    case 'resume': {
      if (!(await tips.pause(channel, null)))
        return { nothing: 'This channel has no reading tips: `/talk tips on` sets them up.' };
      tips.changed();
      return { change: { kind: 'resume' } };
    }
  }
}

/**
 * Tells the channel who changed its tips, for everyone: through the command's or button's response_url
 * when there is one (it works even before the bot is invited), else as the bot's own post.
 */
export async function confirmInChannel(
  target: { respond: RespondFn } | { client: webApi.WebClient; channel: string },
  user: string,
  change: TipsChange,
): Promise<void> {
  const message = renderTipsConfirmation(user, change);
  if ('respond' in target) {
    await target.respond({ response_type: 'in_channel', replace_original: false, ...message });
    return;
  }
  await target.client.chat.postMessage({
    channel: target.channel,
    text: message.text,
    blocks: message.blocks,
  });
}

/** The user's own Slack time zone (`users.info`, `users:read`), or null when Slack does not say. */
export async function userTimezone(client: webApi.WebClient, user: string): Promise<string | null> {
  try {
    const info = await client.users.info({ user });
    const tz = info.user?.tz;
    return typeof tz === 'string' && tz !== '' ? tz : null;
  } catch {
    return null;
  }
}
