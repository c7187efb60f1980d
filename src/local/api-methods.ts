import { checkBlocks, isJsonObject, type JsonObject, MAX_VIEW_BLOCKS } from './block-rules.ts';
import type { Chat } from './chat.ts';
import { SlackApiError } from './errors.ts';
import type { IdSource } from './ids.ts';
import { type Modals, viewArgument } from './modals.ts';
import type { MessageRecord, RecordStore } from './store.ts';
import type { UnfurlBook } from './unfurls.ts';
import { channelNameOf, channelTypeOf, isUserId, userNameOf, type Workspace } from './workspace.ts';

/** Which token a method wants: the bot token (`xoxb-`) or the app-level token (`xapp-`). */
export type TokenKind = 'bot' | 'app';

/** One Web API method: the token it needs and what it answers (it throws `SlackApiError` for `ok: false`). */
export interface ApiMethod {
  readonly token: TokenKind;
  run(args: JsonObject): JsonObject;
}

/** What the methods work on. */
export interface MethodContext {
  readonly store: RecordStore;
  readonly chat: Chat;
  readonly workspace: Workspace;
  readonly ids: IdSource;
  /** Modals opened with views.open, and the trigger ids that may open them. */
  readonly modals: Modals;
  /** Issues a one-time Socket Mode URL (`ws://.../socket?ticket=...`). */
  readonly socketUrl: () => string;
  /** Which links `chat.unfurl` may unfurl, and where it records them. */
  readonly unfurls: UnfurlBook;
}

/** A string argument, or undefined when absent or not a string. */
function stringArg(args: JsonObject, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A message as the Web API returns it in `message`. */
function messageJson(record: MessageRecord, workspace: Workspace): JsonObject {
  return {
    user: record.user,
    type: 'message',
    ts: record.ts,
    ...(record.bot_id ? { bot_id: record.bot_id, app_id: workspace.apiAppId } : {}),
    text: record.text,
    team: workspace.teamId,
    ...(record.blocks.length > 0 ? { blocks: record.blocks } : {}),
    ...(record.thread_ts ? { thread_ts: record.thread_ts } : {}),
  };
}

/** The messages methods: post, post ephemeral, update, delete. */
function chatMethods({ chat, workspace }: MethodContext): Record<string, ApiMethod> {
  // Both post methods check the channel and the content the same way; only who sees the message differs.
  const postFromBot = (
    args: JsonObject,
    source: 'chat.postMessage' | 'chat.postEphemeral',
    ephemeralTo?: string,
  ) => {
    const threadTs = stringArg(args, 'thread_ts');
    return chat.post({
      channel: chat.postableChannel(args.channel),
      user: workspace.botUserId,
      content: chat.content(args.text, args.blocks),
      source,
      ...(ephemeralTo ? { ephemeralTo } : {}),
      ...(threadTs ? { threadTs } : {}),
    });
  };
  return {
    'chat.postMessage': {
      token: 'bot',
      run(args) {
        const record = postFromBot(args, 'chat.postMessage');
        return { ok: true, channel: record.channel, ts: record.ts, message: messageJson(record, workspace) };
      },
    },
    'chat.postEphemeral': {
      token: 'bot',
      run(args) {
        const user = stringArg(args, 'user');
        if (user === undefined || !isUserId(user)) throw new SlackApiError('user_not_found');
        return { ok: true, message_ts: postFromBot(args, 'chat.postEphemeral', user).ts };
      },
    },
    'chat.update': {
      token: 'bot',
      run(args) {
        const record = chat.ownMessage(args.channel, args.ts, 'cant_update_message');
        // Slack keeps what an update leaves out: omitted blocks stay, and `blocks: []` removes them.
        const content = chat.content(
          args.text ?? record.text,
          args.blocks !== undefined ? args.blocks : record.blocks,
        );
        chat.replace(record, content);
        return {
          ok: true,
          channel: record.channel,
          ts: record.ts,
          text: record.text,
          message: messageJson(record, workspace),
        };
      },
    },
    'chat.delete': {
      token: 'bot',
      run(args) {
        const record = chat.ownMessage(args.channel, args.ts, 'cant_delete_message');
        chat.remove(record);
        return { ok: true, channel: record.channel, ts: record.ts };
      },
    },
  };
}

/** views.publish: checks and stores a user's Home tab, answering the stored view as Slack does. */
function viewsPublish({ store, chat, workspace, ids }: MethodContext): ApiMethod {
  return {
    token: 'bot',
    run(args) {
      const userId = stringArg(args, 'user_id');
      if (userId === undefined || !isUserId(userId)) throw new SlackApiError('invalid_arguments');
      const view = viewArgument(args.view);
      if (view.type !== 'home') {
        throw new SlackApiError('invalid_arguments', ['[ERROR] must be home [json-pointer:/view/type]']);
      }
      const previous = store.homeViews.get(userId);
      const hash = stringArg(args, 'hash');
      if (hash !== undefined && previous !== undefined && previous.hash !== hash) {
        throw new SlackApiError('hash_conflict');
      }
      const problems = checkBlocks(view.blocks ?? [], MAX_VIEW_BLOCKS).map((p) =>
        p.replace('pointer:', 'pointer:/view'),
      );
      (Array.isArray(view.blocks) ? view.blocks : []).forEach((block, i) => {
        if (isJsonObject(block) && block.type === 'context_actions')
          problems.push(
            `[ERROR] context_actions is not allowed in a home view [json-pointer:/view/blocks/${i}]`,
          );
      });
      if (problems.length > 0) throw new SlackApiError('invalid_arguments', problems);
      const blocks = chat.storedBlocks(Array.isArray(view.blocks) ? view.blocks : []);
      const id = typeof previous?.id === 'string' ? previous.id : ids.viewId();
      const stored: JsonObject = {
        id,
        team_id: workspace.teamId,
        type: 'home',
        blocks,
        private_metadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
        callback_id: typeof view.callback_id === 'string' ? view.callback_id : '',
        state: { values: {} },
        hash: `${Math.floor(Date.now() / 1000)}.${ids.secret().slice(0, 8)}`,
        clear_on_close: false,
        notify_on_close: false,
        close: null,
        submit: null,
        previous_view_id: null,
        root_view_id: id,
        app_id: workspace.apiAppId,
        external_id: typeof view.external_id === 'string' ? view.external_id : '',
        app_installed_team_id: workspace.teamId,
        bot_id: workspace.botId,
      };
      store.publishHome(userId, stored);
      return { ok: true, view: stored };
    },
  };
}

/** The lookups: auth.test, users.info, conversations.info, and the Socket Mode URL. */
function infoMethods({ workspace, socketUrl }: MethodContext): Record<string, ApiMethod> {
  return {
    'auth.test': {
      token: 'bot',
      run: () => ({
        ok: true,
        url: `https://${workspace.teamDomain}.slack.com/`,
        team: workspace.teamName,
        user: workspace.botName,
        team_id: workspace.teamId,
        user_id: workspace.botUserId,
        bot_id: workspace.botId,
        is_enterprise_install: false,
      }),
    },
    'apps.connections.open': { token: 'app', run: () => ({ ok: true, url: socketUrl() }) },
    'users.info': {
      token: 'bot',
      run(args) {
        const id = stringArg(args, 'user');
        if (id === undefined || !isUserId(id)) throw new SlackApiError('user_not_found');
        const name = userNameOf(workspace, id);
        const isBot = id === workspace.botUserId;
        return {
          ok: true,
          user: {
            id,
            team_id: workspace.teamId,
            name,
            deleted: false,
            real_name: name,
            is_bot: isBot,
            is_app_user: false,
            tz: workspace.userTimezones.get(id) ?? 'Europe/London',
            tz_label: 'Local time',
            tz_offset: 0,
            profile: { real_name: name, display_name: name, ...(isBot ? { bot_id: workspace.botId } : {}) },
          },
        };
      },
    },
    'conversations.info': {
      token: 'bot',
      run(args) {
        const id = stringArg(args, 'channel');
        if (id === undefined || workspace.unknownChannels.has(id))
          throw new SlackApiError('channel_not_found');
        const type = channelTypeOf(id);
        return {
          ok: true,
          channel: {
            id,
            ...(type === 'im' ? {} : { name: channelNameOf(workspace, id) }),
            is_channel: type === 'channel',
            is_group: type === 'group',
            is_im: type === 'im',
            is_private: type !== 'channel',
            is_archived: false,
            ...(type === 'im'
              ? { user: `U${id.slice(1)}` }
              : { is_member: !workspace.channelsWithoutBot.has(id) }),
          },
        };
      },
    },
  };
}

/** The Web API methods the stand-in answers, by name. */
export function createApiMethods(context: MethodContext): Map<string, ApiMethod> {
  return new Map(
    Object.entries({
      ...infoMethods(context),
      ...chatMethods(context),
      'views.publish': viewsPublish(context),
      'chat.unfurl': { token: 'bot', run: (args) => context.unfurls.unfurl(args) },
      'views.open': {
        token: 'bot',
        run: (args) => context.modals.open(args, context.workspace, context.ids),
      },
    }),
  );
}
