import type { RespondFn, webApi } from '@slack/bolt';
import { timezoneProblem } from '../../../tips/tip-config.ts';
import { parseTipsCommand, tipsCommandHelp } from '../../../tips/tips-command.ts';
import { renderError } from '../../blocks/index.ts';
import {
  applyTipsChange,
  confirmInChannel,
  tipSettingsMessage,
  tipsUnavailable,
  userTimezone,
} from '../channel-tips.ts';
import type { ListenerDeps } from '../deps.ts';

/** What a `/talk tips …` command carries. */
export interface TipsCommandInput {
  readonly text: string;
  readonly channel: string;
  readonly channelName: string;
  readonly user: string;
}

/**
 * `/talk tips`, `/talk tips on [SCHEDULE] [TZ]`, `off`, `pause 2w`, `resume`: shows or changes this
 * channel's tips. A change is confirmed in the channel for everyone; a mistake is explained to the asker alone.
 */
export async function tipsCommand(
  deps: ListenerDeps,
  input: TipsCommandInput,
  respond: RespondFn,
  client: webApi.WebClient,
): Promise<void> {
  const tips = deps.channelTips;
  const ephemeral = (text: string) => respond({ response_type: 'ephemeral', ...renderError(text) });
  if (tips === undefined) {
    await ephemeral(tipsUnavailable);
    return;
  }
  if (input.channel.startsWith('D')) {
    await ephemeral('Reading tips go to a channel: type `/talk tips` in the channel that should get them.');
    return;
  }
  const parsed = parseTipsCommand(input.text);
  if (parsed.kind === 'invalid') {
    await ephemeral(`${parsed.message}\n${tipsCommandHelp}`);
    return;
  }
  if (parsed.kind === 'show') {
    await respond({ response_type: 'ephemeral', ...(await tipSettingsMessage(tips, input.channel)) });
    return;
  }
  let request: Parameters<typeof applyTipsChange>[3];
  if (parsed.kind === 'on') {
    const timezone = parsed.timezone ?? (await userTimezone(client, input.user)) ?? 'UTC';
    const problem = timezoneProblem(timezone);
    if (problem !== null) {
      await ephemeral(
        `${problem}; add one at the end: \`/talk tips on ${parsed.description} Europe/Berlin\``,
      );
      return;
    }
    request = { kind: 'on', cron: parsed.cron, timezone, channelName: input.channelName };
  } else {
    request = parsed;
  }
  const result = await applyTipsChange(tips, input.channel, input.user, request);
  if ('nothing' in result) {
    await ephemeral(result.nothing);
    return;
  }
  await confirmInChannel({ respond }, input.user, result.change);
}
