// Block Kit's feedback element and input blocks → HTML: the 👍/👎 of a message, a message's text input that
// sends on Enter, and a modal's checkboxes, time picker and select. Pure, like block-kit.ts.
import { escapeHtml } from './html.ts';

type Json = Readonly<Record<string, unknown>>;

const asObject = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const text = (value: unknown): string => {
  const t = asObject(value)?.text;
  return typeof t === 'string' ? t : '';
};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A `context_actions` block: feedback buttons as two buttons a click delivers as `feedback_buttons`. */
export function renderContextActions(block: Json, blockId: string, interactive: boolean): string {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const disabled = interactive ? '' : ' disabled';
  const html = elements
    .map((value) => {
      const element = asObject(value);
      if (element?.type !== 'feedback_buttons') return '';
      const actionId = escapeHtml(str(element.action_id));
      return (['positive', 'negative'] as const)
        .map((side) => {
          const button = asObject(element[`${side}_button`]);
          const label = escapeHtml(str(button?.accessibility_label) || text(button?.text));
          return (
            `<button type="button" class="bk-feedback" data-action-id="${actionId}" data-block-id="${escapeHtml(blockId)}"` +
            ` data-feedback="${side}" aria-label="${label}"${disabled}>${escapeHtml(text(button?.text))}</button>`
          );
        })
        .join('');
    })
    .join('');
  return `<div class="bk-block bk-context-actions" role="group">${html}</div>`;
}

/**
 * An `input` block. In a message, a text input that sends on Enter (`data-input-action-id`); in a modal, the
 * form control named `block_id/action_id`, read back into Slack's `state.values` on Submit.
 */
export function renderInput(block: Json, blockId: string): string {
  const element = asObject(block.element);
  const actionId = str(element?.action_id);
  const name = escapeHtml(`${blockId}/${actionId}`);
  const label = `<span class="bk-input-label">${escapeHtml(text(block.label))}${block.optional === true ? ' <span class="muted">(optional)</span>' : ''}</span>`;
  const hint = text(block.hint)
    ? `<span class="bk-input-hint muted">${escapeHtml(text(block.hint))}</span>`
    : '';
  let control: string;
  switch (element?.type) {
    case 'plain_text_input':
      control =
        `<input type="text" class="bk-text-input" data-input-action-id="${escapeHtml(actionId)}" data-block-id="${escapeHtml(blockId)}"` +
        ` data-type="plain_text_input" name="${name}" placeholder="${escapeHtml(text(element.placeholder))}">`;
      break;
    case 'checkboxes': {
      const initial = new Set(
        (Array.isArray(element.initial_options) ? element.initial_options : []).map((o) =>
          str(asObject(o)?.value),
        ),
      );
      const options = Array.isArray(element.options) ? element.options : [];
      control = `<span class="bk-checkboxes" data-type="checkboxes" data-name="${name}">${options
        .map((o) => {
          const value = str(asObject(o)?.value);
          const checked = initial.has(value) ? ' checked' : '';
          return `<label><input type="checkbox" name="${name}" value="${escapeHtml(value)}"${checked}> ${escapeHtml(text(asObject(o)?.text))}</label>`;
        })
        .join('')}</span>`;
      break;
    }
    case 'timepicker':
      control = `<input type="time" data-type="timepicker" name="${name}" value="${escapeHtml(str(element.initial_time))}">`;
      break;
    case 'static_select': {
      const initial = str(asObject(element.initial_option)?.value);
      const options = Array.isArray(element.options) ? element.options : [];
      control = `<select data-type="static_select" name="${name}">${options
        .map((o) => {
          const value = str(asObject(o)?.value);
          return `<option value="${escapeHtml(value)}"${value === initial ? ' selected' : ''}>${escapeHtml(text(asObject(o)?.text))}</option>`;
        })
        .join('')}</select>`;
      break;
    }
    default:
      control = `<span class="bk-unsupported">[unsupported element: ${escapeHtml(str(element?.type) || '?')}]</span>`;
  }
  // Checkboxes carry a label each, and labels do not nest: their block is a named group instead.
  const tag = element?.type === 'checkboxes' ? 'div' : 'label';
  const group = tag === 'div' ? ` role="group" aria-label="${escapeHtml(text(block.label))}"` : '';
  return `<${tag} class="bk-block bk-input" data-input-block="${escapeHtml(blockId)}"${group}>${label}${control}${hint}<span class="bk-input-error" role="alert"></span></${tag}>`;
}
