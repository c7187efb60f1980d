import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { cronDaysAndTime } from '../../../tips/schedule-words.ts';
import { renderError } from '../../blocks/index.ts';
import { TIP_SETTINGS_IDS } from '../../blocks/tip-settings.ts';
import { renderTipsModal } from '../../blocks/tips-modal.ts';
import {
  applyTipsChange,
  confirmInChannel,
  type TipsRequest,
  tipSettingsMessage,
  tipsUnavailable,
  userTimezone,
} from '../channel-tips.ts';
import type { ListenerDeps } from '../deps.ts';
import { yieldAfterAck } from '../yield-after-ack.ts';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** A channel ID as the settings buttons carry it. */
const channelId = /^[CG][A-Z0-9]{2,}$/;

/** How long the settings' Pause button pauses. */
const pauseDays = 14;

/**
 * Set up tips / Change: opens the modal (days, time, zone), filled with the channel's settings, or with
 * weekdays at 09:00 in the clicker's own Slack time zone. Opened before anything slow: a trigger lasts 3 s.
 */
export function openTipsModal(deps: ListenerDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const tips = deps.channelTips;
    const channel = action.value ?? '';
    if (tips === undefined || !channelId.test(channel)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderError(tipsUnavailable) });
      return;
    }
    const [setting, ownZone] = await Promise.all([tips.get(channel), userTimezone(client, body.user.id)]);
    const current = setting === null ? null : cronDaysAndTime(setting.cron);
    const view = renderTipsModal({
      channel: JSON.stringify({ c: channel, n: body.channel?.name ?? '' }),
      days: current?.days ?? [1, 2, 3, 4, 5],
      hour: current?.hour ?? 9,
      minute: current?.minute ?? 0,
      timezone: setting?.timezone ?? ownZone ?? 'UTC',
    });
    await client.views.open({ trigger_id: body.trigger_id, view });
  };
}

/** Turn off, Pause 2 weeks, Resume: changes the channel's tips, tells the channel, and redraws the settings. */
export function changeTipsFromButton(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    await yieldAfterAck();
    const tips = deps.channelTips;
    const channel = action.value ?? '';
    if (tips === undefined || !channelId.test(channel)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderError(tipsUnavailable) });
      return;
    }
    const request: TipsRequest =
      action.action_id === TIP_SETTINGS_IDS.off
        ? { kind: 'off' }
        : action.action_id === TIP_SETTINGS_IDS.pause
          ? { kind: 'pause', days: pauseDays }
          : { kind: 'resume' };
    const result = await applyTipsChange(tips, channel, body.user.id, request);
    if ('change' in result) await confirmInChannel({ respond }, body.user.id, result.change);
    const settings = await tipSettingsMessage(tips, channel);
    if (body.container?.is_ephemeral === true) await respond({ replace_original: true, ...settings });
    else await respond({ response_type: 'ephemeral', replace_original: false, ...settings });
  };
}
