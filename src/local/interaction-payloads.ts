import { isJsonObject, type JsonObject } from './block-rules.ts';
import { StandInError } from './errors.ts';
import type { FoundButton } from './payloads.ts';
import type { MessageRecord } from './store.ts';

/**
 * The first element matching `test` in a message's blocks, with its block's id: actions blocks' elements,
 * section accessories, context_actions elements (feedback buttons) and input blocks' elements.
 */
export function findElement(
  blocks: readonly JsonObject[],
  test: (element: JsonObject) => boolean,
): FoundButton | undefined {
  for (const block of blocks) {
    const blockId = typeof block.block_id === 'string' ? block.block_id : '';
    const candidates =
      (block.type === 'actions' || block.type === 'context_actions') && Array.isArray(block.elements)
        ? block.elements
        : [block.type === 'input' ? block.element : block.accessory];
    const element = candidates.filter(isJsonObject).find(test);
    if (element !== undefined) return { blockId, element };
  }
  return undefined;
}

/** Refuses a click a user could not make: on a deleted message, or on someone else's ephemeral one. */
function checkVisible(record: MessageRecord, userId: string): void {
  if (record.deleted) throw new StandInError('message_deleted', `message ${record.ts} was deleted`);
  if (record.ephemeralTo !== undefined && record.ephemeralTo !== userId) {
    throw new StandInError('not_visible', `${userId} cannot see ephemeral message ${record.ts}`);
  }
}

/**
 * The action a click on one of a message's feedback buttons sends: type `feedback_buttons`, the clicked
 * button's text and value (Slack sends no separate positive/negative flag).
 */
export function feedbackToClick(record: MessageRecord, userId: string, positive: boolean): FoundButton {
  checkVisible(record, userId);
  const found = findElement(record.blocks, (e) => e.type === 'feedback_buttons');
  const side = found?.element[positive ? 'positive_button' : 'negative_button'];
  if (found === undefined || !isJsonObject(side)) {
    throw new StandInError('no_such_button', `no feedback buttons in message ${record.ts}`);
  }
  const text = isJsonObject(side.text) ? { ...side.text, emoji: true } : side.text;
  return {
    blockId: found.blockId,
    element: { type: 'feedback_buttons', action_id: found.element.action_id, text, value: side.value },
  };
}

/** The action Enter in a message's dispatching text input sends: type `plain_text_input`, with what was typed. */
export function inputToSubmit(record: MessageRecord, userId: string, actionId: string): FoundButton {
  checkVisible(record, userId);
  const found = findElement(record.blocks, (e) => e.type === 'plain_text_input' && e.action_id === actionId);
  if (found === undefined) {
    throw new StandInError('no_such_input', `no text input ${actionId} in message ${record.ts}`);
  }
  return { blockId: found.blockId, element: { type: 'plain_text_input', action_id: actionId } };
}
