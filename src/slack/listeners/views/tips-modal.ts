import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { scheduleFor } from '../../../tips/schedule-words.ts';
import { timezoneProblem } from '../../../tips/tip-config.ts';
import { renderTipFailure } from '../../blocks/tip-settings.ts';
import { readTipsModal } from '../../blocks/tips-modal.ts';
import { slackErrorCode } from '../../slack-errors.ts';
import { applyTipsChange, confirmInChannel } from '../channel-tips.ts';
import type { ListenerDeps } from '../deps.ts';

/** The channel the modal was opened for, from its private_metadata. */
function channelOf(metadata: string): { channel: string; name: string } | null {
  try {
    const { c, n } = JSON.parse(metadata) as { c?: unknown; n?: unknown };
    return typeof c === 'string' && /^[CG][A-Z0-9]{2,}$/.test(c)
      ? { channel: c, name: typeof n === 'string' ? n : '' }
      : null;
  } catch {
    return null;
  }
}

/**
 * Save in the Set up tips modal: a missing day or time is shown next to its input (the modal stays open);
 * otherwise the modal closes, the tips are set, and the channel is told who set them. When the bot cannot
 * post there, the person who saved is told in their DM how to fix it.
 */
export function submitTipsModal(deps: ListenerDeps) {
  return async ({
    ack,
    view,
    body,
    client,
    logger,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const read = readTipsModal(view.state.values);
    const target = channelOf(view.private_metadata);
    if (!read.ok) {
      await ack({ response_action: 'errors', errors: read.errors });
      return;
    }
    const zoneProblem = timezoneProblem(read.timezone);
    if (zoneProblem !== null || target === null || deps.channelTips === undefined) {
      await ack({
        response_action: 'errors',
        errors: { tips_timezone: zoneProblem ?? 'Tips cannot be saved right now; try again in a minute.' },
      });
      return;
    }
    await ack();
    const { cron } = scheduleFor(read.days, { hour: read.hour, minute: read.minute });
    const user = body.user.id;
    const result = await applyTipsChange(deps.channelTips, target.channel, user, {
      kind: 'on',
      cron,
      timezone: read.timezone,
      channelName: target.name,
    });
    if (!('change' in result)) return;
    try {
      await confirmInChannel({ client, channel: target.channel }, user, result.change);
    } catch (error) {
      const code = slackErrorCode(error) ?? (error as Error).message;
      logger.warn(`tips set in ${target.channel}, but the confirmation could not be posted: ${code}`);
      const name = target.name ? `#${target.name}` : target.channel;
      const message = renderTipFailure(name, code, false);
      await client.chat.postMessage({ channel: user, text: message.text, blocks: message.blocks });
    }
  };
}
