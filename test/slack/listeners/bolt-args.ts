import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  EnvelopedEvent,
  Logger,
  RespondFn,
  SayFn,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlashCommand,
  types,
} from '@slack/bolt';
import { LogLevel, webApi } from '@slack/bolt';

// Typed builders of the arguments Bolt hands a listener, shaped like the payloads Slack sends (field names and
// kinds from Slack's captures), so a listener is called directly with what Bolt would give it.

/** Records what a listener called, in order. */
export interface Recorder {
  readonly calls: Array<{ name: string; args: unknown }>;
}

/** A logger that keeps what it is told. */
export function memoryLogger(lines: string[] = []): Logger {
  const keep = (...msg: unknown[]) => {
    lines.push(msg.join(' '));
  };
  return {
    debug: keep,
    info: keep,
    warn: keep,
    error: keep,
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

/** A recording function; `fail` makes it reject like a failing Slack call. */
export function recorded(log: Recorder, name: string, fail?: () => Error) {
  return async (args?: unknown): Promise<void> => {
    log.calls.push({ name, args });
    if (fail) throw fail();
  };
}

/** A recording `respond`, answering as response_url does; `fail` makes it reject like a refused post. */
export function recordedRespond(log: Recorder, fail?: () => Error): RespondFn {
  return async (args) => {
    log.calls.push({ name: 'respond', args });
    if (fail) throw fail();
    return new Response('{"ok":true}');
  };
}

function recordedSay(log: Recorder): SayFn {
  return async (args) => {
    log.calls.push({ name: 'say', args });
    return { ok: true };
  };
}

/** A Web API client that reaches nothing: a listener's calls go to the methods a test replaces. */
function offlineClient(): webApi.WebClient {
  return new webApi.WebClient('xoxb-test', {
    slackApiUrl: 'http://127.0.0.1:9/api/',
    retryConfig: { retries: 0 },
  });
}

function common(log: Recorder, client = offlineClient()): AllMiddlewareArgs {
  return {
    context: { isEnterpriseInstall: false, botUserId: 'U0BOT' },
    logger: memoryLogger(),
    client,
    next: recorded(log, 'next'),
  };
}

/** What `/talk <text>` gives the command listener. */
export function commandArgs(
  log: Recorder,
  fields: { text: string; channel_id?: string },
  respond: RespondFn = recordedRespond(log),
): AllMiddlewareArgs & SlackCommandMiddlewareArgs {
  const command: SlashCommand = {
    token: 'verification-token',
    team_id: 'T0001',
    team_domain: 'talks',
    channel_id: fields.channel_id ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/talk',
    text: fields.text,
    api_app_id: 'A0TALKBOT',
    response_url: 'https://hooks.slack.com/commands/T0001/1/x',
    trigger_id: '1.2.3',
  };
  return {
    ...common(log),
    payload: command,
    command,
    body: command,
    say: recordedSay(log),
    respond,
    ack: recorded(log, 'ack'),
  };
}

/** What a click on a button with `value` gives the action listener. */
export function buttonArgs(
  log: Recorder,
  fields: { value: string; actionId?: string; user?: string; isEphemeral?: boolean },
  respond: RespondFn = recordedRespond(log),
): AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>> {
  const action: ButtonAction = {
    type: 'button',
    action_id: fields.actionId ?? 'talk_share',
    block_id: 'answer_actions',
    text: { type: 'plain_text', text: 'Share in channel' },
    value: fields.value,
    action_ts: '1700000000.000200',
  };
  const body: BlockAction<ButtonAction> = {
    type: 'block_actions',
    actions: [action],
    team: { id: 'T0001', domain: 'talks' },
    user: { id: fields.user ?? 'U0ANN', username: 'ann', name: 'ann' },
    channel: { id: 'C0GENERAL', name: 'general' },
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: 'C0GENERAL',
      is_ephemeral: fields.isEphemeral ?? true,
    },
    token: 'verification-token',
    response_url: 'https://hooks.slack.com/actions/T0001/1/y',
    trigger_id: '1.2.3',
    api_app_id: 'A0TALKBOT',
  };
  return {
    ...common(log),
    payload: action,
    action,
    body,
    respond,
    ack: recorded(log, 'ack'),
    say: recordedSay(log),
  };
}

function envelope<E extends { type: string }>(event: E): EnvelopedEvent<E> {
  return {
    token: 'verification-token',
    team_id: 'T0001',
    api_app_id: 'A0TALKBOT',
    event,
    type: 'event_callback',
    event_id: 'Ev0001',
    event_time: 1700000000,
  };
}

/** A direct message event as Slack sends it, with `changes` for edits, bot messages and other channels. */
export function directMessageArgs(
  log: Recorder,
  client: webApi.WebClient,
  changes: Omit<Partial<types.GenericMessageEvent>, 'subtype'> & { subtype?: string } = {},
): AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'> {
  const event = {
    type: 'message',
    subtype: undefined,
    channel: 'D0ALICE',
    channel_type: 'im',
    user: 'U0ALICE',
    text: 'jepsen',
    ts: '1700000000.000300',
    event_ts: '1700000000.000300',
    ...changes,
  } as types.GenericMessageEvent; // a subtype other than undefined stands for an edit or a join: the listener must skip it
  return {
    ...common(log, client),
    payload: event,
    event,
    message: event,
    body: envelope(event),
    say: recordedSay(log),
    sayStream: () => client.chatStream({ channel: event.channel, thread_ts: event.ts }),
    setStatus: async () => ({ ok: true }),
  };
}

/** `app_home_opened` for a tab, as Slack sends it when a user opens the bot's Home or Messages tab. */
export function homeOpenedArgs(
  log: Recorder,
  client: webApi.WebClient,
  tab: 'home' | 'messages',
): AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'> {
  const event: types.AppHomeOpenedEvent = {
    type: 'app_home_opened',
    user: 'U0ALICE',
    channel: 'D0ALICE',
    tab,
    event_ts: '1700000000.000400',
  };
  return { ...common(log, client), payload: event, event, body: envelope(event), say: recordedSay(log) };
}

/** A Web API client whose `chat.postMessage`, `chat.postEphemeral` and `views.publish` are recorded, not sent. */
export function recordingClient(
  log: Recorder,
  fail?: { method: string; error: () => Error },
): webApi.WebClient {
  const client = offlineClient();
  const answer = (name: string) => async (args?: unknown) => {
    log.calls.push({ name, args });
    if (fail?.method === name) throw fail.error();
    return { ok: true };
  };
  client.chat.postMessage = answer('postMessage');
  client.chat.postEphemeral = answer('postEphemeral');
  client.views.publish = answer('publish');
  return client;
}
