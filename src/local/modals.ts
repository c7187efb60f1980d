import { checkBlocks, isJsonObject, type JsonObject, MAX_VIEW_BLOCKS } from './block-rules.ts';
import type { Delivery } from './delivery.ts';
import { SlackApiError, StandInError } from './errors.ts';
import type { IdSource } from './ids.ts';
import { userNameOf, type Workspace } from './workspace.ts';

/** How long a trigger_id may be used to open a modal, as Slack allows. */
export const triggerLifetimeMs = 3000;

/** A modal the app opened: its view as Slack stores it, and who sees it. */
export interface OpenModal {
  readonly userId: string;
  view: JsonObject;
  open: boolean;
}

/** What Submit in a modal came to: the delivery, whether the modal closed, and the errors it shows if not. */
export interface ViewSubmitted {
  readonly delivery: Delivery;
  readonly closed: boolean;
  readonly errors?: JsonObject;
}

/** Trigger ids handed out with slash commands and clicks, and the modals opened with them. */
export class Modals {
  readonly #triggers = new Map<string, { userId: string; issuedAt: number; used: boolean }>();
  readonly views = new Map<string, OpenModal>();
  readonly #listeners = new Set<(modal: OpenModal) => void>();

  /** Remembers a trigger id given to a user's interaction. */
  issue(triggerId: string, userId: string, now = Date.now()): void {
    this.#triggers.set(triggerId, { userId, issuedAt: now, used: false });
  }

  /** Calls `listener` whenever a modal opens, changes or closes; returns the unsubscribe function. */
  subscribe(listener: (modal: OpenModal) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Resolves with the user's open modal, now or once one opens; rejects after `timeoutMs`. */
  waitFor(userId: string, timeoutMs: number): Promise<OpenModal> {
    const find = () => [...this.views.values()].findLast((m) => m.open && m.userId === userId);
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new StandInError('wait_timeout', `no modal opened for ${userId} within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.subscribe(() => {
        const modal = find();
        if (modal === undefined) return;
        clearTimeout(timer);
        stop();
        resolve(modal);
      });
    });
  }

  /** `views.open`: checks the trigger and the view as Slack does, stores and announces it. */
  open(args: JsonObject, workspace: Workspace, ids: IdSource, now = Date.now()): JsonObject {
    const triggerId = typeof args.trigger_id === 'string' ? args.trigger_id : '';
    const trigger = this.#triggers.get(triggerId);
    if (trigger === undefined || now - trigger.issuedAt > triggerLifetimeMs)
      throw new SlackApiError('expired_trigger_id');
    if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
    const view = parseView(args.view);
    trigger.used = true;
    const stored: JsonObject = {
      id: ids.viewId(),
      team_id: workspace.teamId,
      type: 'modal',
      blocks: view.blocks,
      private_metadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
      callback_id: typeof view.callback_id === 'string' ? view.callback_id : '',
      state: { values: {} },
      hash: `${Math.floor(now / 1000)}.${ids.secret().slice(0, 8)}`,
      title: view.title,
      clear_on_close: false,
      notify_on_close: false,
      ...(view.close !== undefined ? { close: view.close } : {}),
      ...(view.submit !== undefined ? { submit: view.submit } : {}),
      previous_view_id: null,
      root_view_id: null,
      app_id: workspace.apiAppId,
      external_id: '',
      app_installed_team_id: workspace.teamId,
      bot_id: workspace.botId,
    };
    stored.root_view_id = stored.id;
    const modal: OpenModal = { userId: trigger.userId, view: stored, open: true };
    this.views.set(String(stored.id), modal);
    this.#emit(modal);
    return { ok: true, view: stored };
  }

  /** The `view_submission` a press of Submit sends, with `values` as `state.values` (block id → action id → value). */
  submission(viewId: string, userId: string, values: JsonObject, workspace: Workspace): JsonObject {
    const modal = this.views.get(viewId);
    if (modal === undefined || !modal.open) throw new SlackApiError('not_found');
    if (modal.userId !== userId) throw new SlackApiError('not_visible');
    const name = userNameOf(workspace, userId);
    return {
      type: 'view_submission',
      team: { id: workspace.teamId, domain: workspace.teamDomain },
      user: { id: userId, username: name, name, team_id: workspace.teamId },
      api_app_id: workspace.apiAppId,
      token: workspace.verificationToken,
      trigger_id: `${Date.now()}.${viewId}`,
      view: { ...modal.view, state: { values } },
      response_urls: [],
    };
  }

  /** What Slack does with the app's ack of a submission: an empty one closes the modal; errors keep it open. */
  acknowledged(viewId: string, ack: unknown): { closed: boolean; errors?: JsonObject } {
    const modal = this.views.get(viewId);
    if (modal === undefined) return { closed: false };
    if (isJsonObject(ack) && ack.response_action === 'errors' && isJsonObject(ack.errors)) {
      return { closed: false, errors: ack.errors };
    }
    if (isJsonObject(ack) && ack.response_action === 'update' && isJsonObject(ack.view)) {
      modal.view = { ...modal.view, ...parseView(ack.view) };
      this.#emit(modal);
      return { closed: false };
    }
    modal.open = false;
    this.#emit(modal);
    return { closed: true };
  }

  #emit(modal: OpenModal): void {
    for (const listener of this.#listeners) listener(modal);
  }
}

/** Block types and elements that Slack allows in messages only, not in modals or the Home tab. */
const messageOnlyBlocks = new Set(['context_actions']);

/** A view argument as Slack takes it: an object, or a JSON string in a form body. */
export function viewArgument(raw: unknown): JsonObject {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new SlackApiError('invalid_arguments', ['[ERROR] view is not valid JSON [json-pointer:/view]']);
    }
  }
  if (!isJsonObject(value))
    throw new SlackApiError('invalid_arguments', ['[ERROR] missing required field: view']);
  return value;
}

function parseView(raw: unknown): JsonObject & { blocks: unknown[] } {
  const value = viewArgument(raw);
  const problems: string[] = [];
  if (value.type !== 'modal') problems.push('[ERROR] must be modal [json-pointer:/view/type]');
  const title = value.title;
  if (
    !isJsonObject(title) ||
    title.type !== 'plain_text' ||
    typeof title.text !== 'string' ||
    title.text === ''
  )
    problems.push('[ERROR] missing required field: title [json-pointer:/view/title]');
  else if (title.text.length > 24)
    problems.push('[ERROR] must be less than 25 characters [json-pointer:/view/title/text]');
  const blocks = Array.isArray(value.blocks) ? value.blocks : [];
  blocks.forEach((block, i) => {
    if (isJsonObject(block) && messageOnlyBlocks.has(String(block.type)))
      problems.push(
        `[ERROR] ${String(block.type)} is not allowed in a modal [json-pointer:/view/blocks/${i}]`,
      );
  });
  problems.push(...checkBlocks(blocks, MAX_VIEW_BLOCKS).map((p) => p.replace('pointer:', 'pointer:/view')));
  if (problems.length > 0) throw new SlackApiError('invalid_arguments', problems);
  return { ...value, blocks };
}
