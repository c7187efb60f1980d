/** A JSON object as it arrives over the wire. */
export type JsonObject = Record<string, unknown>;

/** Slack's cap on blocks in a message; a Home tab or modal view may hold 100. */
export const MAX_MESSAGE_BLOCKS = 50;
/** Slack's cap on blocks in a view (Home tab, modal). */
export const MAX_VIEW_BLOCKS = 100;

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Block types Slack accepts today; an unknown one is an error, as Slack answers for a typo. */
const BLOCK_TYPES = new Set([
  'actions',
  'call',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

type Report = (message: string, pointer: string) => void;

/** Checks a composition text object: its type, non-empty text, and length cap. */
function checkText(value: unknown, pointer: string, max: number, report: Report, plainOnly = false): void {
  if (!isJsonObject(value)) {
    report('expected object', pointer);
    return;
  }
  const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
    report(`must be one of ${allowed.join(', ')}`, `${pointer}/type`);
  }
  if (typeof value.text !== 'string' || value.text.length === 0) {
    report('must be more than 0 characters', `${pointer}/text`);
  } else if (value.text.length > max) {
    report(`must be less than ${max + 1} characters`, `${pointer}/text`);
  }
}

/** Checks a string field's length cap when the field is present. */
function checkLength(owner: JsonObject, key: string, pointer: string, max: number, report: Report): void {
  const value = owner[key];
  if (typeof value === 'string' && value.length > max) {
    report(`must be less than ${max + 1} characters`, `${pointer}/${key}`);
  }
}

/** Checks an interactive element (button, select, ...) inside an actions block or a section accessory. */
function checkElement(element: unknown, pointer: string, actionIds: Set<string>, report: Report): void {
  if (!isJsonObject(element) || typeof element.type !== 'string') {
    report('missing required field: type', pointer);
    return;
  }
  checkLength(element, 'action_id', pointer, 255, report);
  if (typeof element.action_id === 'string') {
    if (actionIds.has(element.action_id)) report('duplicate action_id', `${pointer}/action_id`);
    actionIds.add(element.action_id);
  }
  if (element.type === 'button') {
    checkText(element.text, `${pointer}/text`, 75, report, true);
    checkLength(element, 'value', pointer, 2000, report);
    checkLength(element, 'url', pointer, 3000, report);
    if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
      report('must be one of primary, danger', `${pointer}/style`);
    }
  }
}

/** Checks an element of a context_actions block: feedback buttons (both buttons, plain text, a value each) or an icon button. */
function checkContextAction(element: unknown, pointer: string, report: Report): void {
  if (!isJsonObject(element) || (element.type !== 'feedback_buttons' && element.type !== 'icon_button')) {
    report('must be one of feedback_buttons, icon_button', `${pointer}/type`);
    return;
  }
  checkLength(element, 'action_id', pointer, 255, report);
  if (element.type !== 'feedback_buttons') return;
  for (const side of ['positive_button', 'negative_button'] as const) {
    const button = element[side];
    if (!isJsonObject(button)) {
      report(`missing required field: ${side}`, `${pointer}/${side}`);
      continue;
    }
    checkText(button.text, `${pointer}/${side}/text`, 75, report, true);
    if (typeof button.value !== 'string' || button.value === '') {
      report('missing required field: value', `${pointer}/${side}/value`);
    }
    checkLength(button, 'value', `${pointer}/${side}`, 2000, report);
    checkLength(button, 'accessibility_label', `${pointer}/${side}`, 75, report);
  }
}

/** Checks the fields of one block by its type. */
function checkBlockBody(block: JsonObject, pointer: string, report: Report): void {
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        report('must provide either text or fields', pointer);
      }
      if (block.text !== undefined) checkText(block.text, `${pointer}/text`, 3000, report);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length > 10) {
          report('no more than 10 items allowed', `${pointer}/fields`);
        } else {
          block.fields.forEach((field, i) => {
            checkText(field, `${pointer}/fields/${i}`, 2000, report);
          });
        }
      }
      if (block.accessory !== undefined)
        checkElement(block.accessory, `${pointer}/accessory`, new Set(), report);
      return;
    }
    case 'header':
      checkText(block.text, `${pointer}/text`, 150, report, true);
      return;
    case 'context':
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) {
        report('must have between 1 and 10 items', `${pointer}/elements`);
        return;
      }
      // Its text elements are text objects, held to a text object's own 3,000 characters.
      block.elements.forEach((element, i) => {
        if (isJsonObject(element) && element.type !== 'image') {
          checkText(element, `${pointer}/elements/${i}`, 3000, report);
        }
      });
      return;
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) {
        report('must have between 1 and 25 items', `${pointer}/elements`);
        return;
      }
      const actionIds = new Set<string>();
      block.elements.forEach((element, i) => {
        checkElement(element, `${pointer}/elements/${i}`, actionIds, report);
      });
      return;
    }
    case 'context_actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 5) {
        report('must have between 1 and 5 items', `${pointer}/elements`);
        return;
      }
      block.elements.forEach((element, i) => {
        checkContextAction(element, `${pointer}/elements/${i}`, report);
      });
      return;
    }
    case 'input':
      checkText(block.label, `${pointer}/label`, 2000, report, true);
      if (!isJsonObject(block.element) || typeof block.element.type !== 'string') {
        report('missing required field: element', `${pointer}/element`);
      }
      return;
    case 'image':
      if (typeof block.alt_text !== 'string' || block.alt_text.length === 0) {
        report('missing required field: alt_text', pointer);
      }
      checkLength(block, 'alt_text', pointer, 2000, report);
      checkLength(block, 'image_url', pointer, 3000, report);
      return;
    default:
      return;
  }
}

/** Block Kit limits Slack enforces, as Slack's `[ERROR] ... [json-pointer:...]` messages; empty when the blocks pass. */
export function checkBlocks(blocks: unknown, maxBlocks: number = MAX_MESSAGE_BLOCKS): string[] {
  const problems: string[] = [];
  const report: Report = (message, pointer) => {
    problems.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  };
  if (!Array.isArray(blocks)) {
    report('expected array', '/blocks');
    return problems;
  }
  if (blocks.length > maxBlocks) report(`no more than ${maxBlocks} items allowed`, '/blocks');
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const pointer = `/blocks/${i}`;
    if (!isJsonObject(block) || typeof block.type !== 'string') {
      report('missing required field: type', pointer);
      return;
    }
    if (!BLOCK_TYPES.has(block.type)) {
      report(`unsupported type: ${block.type}`, `${pointer}/type`);
      return;
    }
    checkLength(block, 'block_id', pointer, 255, report);
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) report('duplicate block_id', `${pointer}/block_id`);
      blockIds.add(block.block_id);
    }
    checkBlockBody(block, pointer, report);
  });
  return problems;
}
