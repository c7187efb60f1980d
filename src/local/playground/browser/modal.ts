// The modal the app opened (views.open), drawn as a dialog over the page; Submit reads its inputs into
// Slack's `state.values` shape and posts them, and the app's errors are shown under their inputs.
import { PLAYGROUND_PATHS, type PlaygroundModal, type PlaygroundReply } from '../protocol.ts';
import { escapeHtml, type RenderOptions, renderBlocks } from './block-kit.ts';

type Post = (path: string, body: unknown) => Promise<PlaygroundReply>;

let dialog: HTMLDialogElement | null = null;

/** Shows, redraws or closes the modal as the stand-in reports it. */
export function showModal(modal: PlaygroundModal, post: Post, options: RenderOptions): void {
  if (!modal.open) {
    dialog?.close();
    dialog?.remove();
    dialog = null;
    return;
  }
  const view = (modal.view ?? {}) as Record<string, unknown>;
  const label = (value: unknown) => escapeHtml(String((value as { text?: unknown } | undefined)?.text ?? ''));
  dialog?.remove();
  dialog = document.createElement('dialog');
  dialog.className = 'modal';
  dialog.dataset.viewId = modal.id;
  dialog.innerHTML =
    `<form method="dialog" class="modal-form"><h2 class="modal-title">${label(view.title)}</h2>` +
    `<div class="modal-body">${renderBlocks(view.blocks, options)}</div>` +
    `<p class="modal-error" role="alert"></p><div class="modal-buttons">` +
    `<button type="button" value="cancel" class="bk-button" data-modal-close>${label(view.close) || 'Cancel'}</button>` +
    `<button type="submit" class="bk-button bk-button-primary">${label(view.submit) || 'Submit'}</button></div></form>`;
  document.body.append(dialog);
  const current = dialog;
  current.querySelector('[data-modal-close]')?.addEventListener('click', () => {
    current.close();
    current.remove();
    if (dialog === current) dialog = null;
  });
  current.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(current, modal.id, post);
  });
  current.showModal();
}

/** The form's inputs as Slack's `state.values`: block id → action id → `{type, …value}`. */
function valuesOf(form: HTMLElement): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  const put = (name: string, value: Record<string, unknown>) => {
    const [block = '', action = ''] = name.split('/');
    values[block] = { ...(values[block] ?? {}), [action]: value };
  };
  for (const group of form.querySelectorAll<HTMLElement>('[data-type="checkboxes"]')) {
    const checked = [...group.querySelectorAll<HTMLInputElement>('input:checked')];
    put(group.dataset.name ?? '', {
      type: 'checkboxes',
      selected_options: checked.map((box) => ({
        text: { type: 'plain_text', text: box.parentElement?.textContent?.trim() ?? '', emoji: true },
        value: box.value,
      })),
    });
  }
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-type="timepicker"]')) {
    put(input.name, { type: 'timepicker', selected_time: input.value || null });
  }
  for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-type="static_select"]')) {
    const option = select.selectedOptions[0];
    put(select.name, {
      type: 'static_select',
      selected_option: option
        ? { text: { type: 'plain_text', text: option.text, emoji: true }, value: option.value }
        : null,
    });
  }
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-type="plain_text_input"]')) {
    put(input.name, { type: 'plain_text_input', value: input.value || null });
  }
  return values;
}

async function submit(current: HTMLDialogElement, viewId: string, post: Post): Promise<void> {
  for (const error of current.querySelectorAll('.bk-input-error, .modal-error')) error.textContent = '';
  const reply = await post(PLAYGROUND_PATHS.modal, { viewId, values: valuesOf(current) });
  if (reply.ok) return;
  let errors: Record<string, string> | null = null;
  try {
    errors = reply.error === 'invalid_input' ? (JSON.parse(reply.message) as Record<string, string>) : null;
  } catch {
    errors = null;
  }
  if (errors === null) {
    const general = current.querySelector('.modal-error');
    if (general) general.textContent = reply.message;
    return;
  }
  for (const [block, message] of Object.entries(errors)) {
    const slot = current.querySelector(`[data-input-block="${CSS.escape(block)}"] .bk-input-error`);
    if (slot) slot.textContent = message;
  }
}
