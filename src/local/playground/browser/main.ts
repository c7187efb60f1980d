// The playground page: what people do (type, click, open threads) turned into actions on the state
// (state.ts), drawn by draw.ts, and sent to the stand-in by client.ts.
import {
  PLAYGROUND_PATHS,
  type PlaygroundMessage,
  type PlaygroundReply,
  type PlaygroundStatus,
} from '../protocol.ts';
import { escapeHtml } from './block-kit.ts';
import { connect, fetchStatus, post } from './client.ts';
import {
  announce,
  drawAll,
  drawHeader,
  drawMessages,
  drawNav,
  drawStatus,
  drawThread,
  findElements,
  renderOptions,
} from './draw.ts';
import { showModal } from './modal.ts';
import { initialState, isNewMessage, keyOf, type PageAction, reduce, repliesTo, visible } from './state.ts';
import type { View } from './templates.ts';

const dom = findElements();
let state = initialState;

function dispatch(action: PageAction): void {
  state = reduce(state, action);
}

function showError(target: HTMLElement, reply: PlaygroundReply): void {
  target.textContent = reply.ok ? '' : reply.message;
}

function showStatus(status: PlaygroundStatus | null): void {
  if (status !== null) dispatch({ type: 'status', status });
  drawStatus(dom, state);
  if (state.view.kind === 'channel') drawMessages(dom, state);
}

async function loadStatus(): Promise<void> {
  showStatus(await fetchStatus());
}

/** "2 Dec 2026, 09:00 UTC": a slot's time as the page shows Slack's dates (their UTC fallback). */
function slotTime(iso: string): string {
  const at = new Date(iso);
  const shown = at.toLocaleString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${shown} UTC`;
}

/** Below ~800 px the side panel is a drawer: this opens or closes it. */
function togglePanel(open = !dom.app.classList.contains('panel-open')): void {
  dom.app.classList.toggle('panel-open', open);
  dom.panelToggle.setAttribute('aria-expanded', String(open));
}

function receive(message: PlaygroundMessage): void {
  const before = state;
  const isNew = isNewMessage(before, message);
  dispatch({ type: 'message', message });
  if (state.channels.length !== before.channels.length) drawNav(dom, state);
  if (isNew && message.isBot && visible(message)) announce(dom, message);
  if (state.view !== before.view) {
    // The tip the user asked for arrived elsewhere: go there, as a click in the sidebar would.
    showView();
  } else if (state.view.kind === 'channel' && state.view.channel === message.channel) {
    drawMessages(dom, state, isNew && message.threadTs === null ? keyOf(message) : undefined);
  }
  drawThread(dom, state);
}

function showView(): void {
  drawNav(dom, state);
  drawHeader(dom, state);
  drawMessages(dom, state);
  if (dom.messages.scrollHeight > dom.messages.clientHeight && state.view.kind === 'channel') {
    dom.messages.scrollTop = dom.messages.scrollHeight;
  }
  if (state.view.kind === 'channel') dom.composer.focus();
}

function select(key: string): void {
  const view: View = key === 'home' ? { kind: 'home' } : { kind: 'channel', channel: key };
  dispatch({ type: 'select', view });
  if (view.kind === 'home') void post(PLAYGROUND_PATHS.home, {});
  showView();
}

async function sendFrom(
  composer: HTMLTextAreaElement,
  errorBox: HTMLElement,
  threadTs?: string,
): Promise<void> {
  const text = composer.value.trim();
  const view = state.view;
  const channel =
    threadTs === undefined ? (view.kind === 'channel' ? view.channel : undefined) : state.thread?.channel;
  if (text === '' || channel === undefined) return;
  errorBox.textContent = '';
  composer.value = '';
  const reply = await post(
    PLAYGROUND_PATHS.send,
    threadTs === undefined ? { channel, text } : { channel, text, threadTs },
  );
  if (!reply.ok) {
    composer.value = text;
    showError(errorBox, reply);
    return;
  }
  // A mention in the channel is answered in its thread; open it when the answer comes.
  const mentionsBot =
    state.snapshot !== null && text.toLowerCase().includes(`@${state.snapshot.bot.name.toLowerCase()}`);
  if (threadTs === undefined && reply.ts !== undefined && mentionsBot && !channel.startsWith('D')) {
    const thread = { channel, ts: reply.ts };
    // The answer may have come over the event stream before this reply did.
    if (repliesTo(state, thread).some((m) => m.isBot)) openThread(channel, reply.ts, false);
    else dispatch({ type: 'awaitReply', thread });
  }
}

function onComposerKey(composer: HTMLTextAreaElement, form: HTMLFormElement) {
  composer.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

async function click(button: HTMLButtonElement): Promise<void> {
  const message = button.closest<HTMLElement>('[data-msg]');
  const channel = message?.dataset.channel;
  const ts = message?.dataset.ts;
  const actionId = button.dataset.actionId;
  if (channel === undefined || ts === undefined || actionId === undefined) return;
  // Busy, not disabled: disabling the focused button would drop the keyboard focus to the page.
  if (button.getAttribute('aria-busy') === 'true') return;
  button.setAttribute('aria-busy', 'true');
  const blockId = button.dataset.blockId;
  const feedback = button.dataset.feedback;
  const reply = await post(PLAYGROUND_PATHS.click, {
    channel,
    ts,
    actionId,
    ...(blockId ? { blockId } : {}),
    ...(feedback ? { feedback } : {}),
  });
  button.removeAttribute('aria-busy');
  showError(button.closest('#thread-panel') === null ? dom.composerError : dom.threadError, reply);
}

function openThread(channel: string, ts: string, focus = true): void {
  dispatch({ type: 'openThread', thread: { channel, ts } });
  drawThread(dom, state);
  if (focus) dom.threadComposer.focus();
}

function closeThread(): void {
  const thread = state.thread;
  dispatch({ type: 'closeThread' });
  drawThread(dom, state);
  const link =
    thread === null
      ? null
      : dom.messages.querySelector<HTMLElement>(
          `[data-msg="${CSS.escape(keyOf(thread))}"] [data-open-thread]`,
        );
  (link ?? dom.composer).focus();
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const actionButton = target?.closest<HTMLButtonElement>('button[data-action-id]');
  if (actionButton && !actionButton.disabled) {
    void click(actionButton);
    return;
  }
  const nav = target?.closest<HTMLElement>('[data-nav]');
  if (nav?.dataset.nav) {
    select(nav.dataset.nav);
    return;
  }
  const threadLink = target?.closest<HTMLElement>('[data-open-thread]');
  const threadMessage = threadLink?.closest<HTMLElement>('[data-msg]');
  if (threadLink?.dataset.openThread && threadMessage?.dataset.channel) {
    openThread(threadMessage.dataset.channel, threadLink.dataset.openThread);
    return;
  }
  const example = target?.closest<HTMLElement>('[data-try]');
  if (example?.dataset.try !== undefined) {
    dom.composer.value = example.dataset.try;
    dom.composer.focus();
  }
});

document.addEventListener('keydown', (event) => {
  // Enter in a message's text input (the 👎's question) sends what was typed, as Slack's dispatch_action does.
  const input = event.target instanceof HTMLInputElement ? event.target : null;
  const message = input?.closest<HTMLElement>('[data-msg]');
  if (
    event.key === 'Enter' &&
    input?.dataset.inputActionId &&
    message?.dataset.channel &&
    message.dataset.ts
  ) {
    event.preventDefault();
    void post(PLAYGROUND_PATHS.click, {
      channel: message.dataset.channel,
      ts: message.dataset.ts,
      actionId: input.dataset.inputActionId,
      value: input.value,
    });
    return;
  }
  if (event.key !== 'Escape') return;
  if (state.thread !== null) closeThread();
  else if (dom.app.classList.contains('panel-open')) togglePanel(false);
});

dom.composerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void sendFrom(dom.composer, dom.composerError);
});
dom.threadForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.thread !== null) void sendFrom(dom.threadComposer, dom.threadError, state.thread.ts);
});
onComposerKey(dom.composer, dom.composerForm);
onComposerKey(dom.threadComposer, dom.threadForm);
dom.threadClose.addEventListener('click', closeThread);
dom.panelToggle.addEventListener('click', () => togglePanel());
dom.tipButton.addEventListener('click', () => {
  dispatch({ type: 'tipRequested' });
  void post(PLAYGROUND_PATHS.tip, {}).then((reply) => {
    if (!reply.ok || reply.at === undefined) dispatch({ type: 'tipFailed' });
    dom.tipNote.textContent = !reply.ok
      ? reply.message
      : reply.at === undefined
        ? 'Nothing was posted: no resource in the content is worth a tip yet.'
        : `Posted today's tip, the one for ${slotTime(reply.at)}.`;
  });
});

dom.messages.innerHTML = `<p class="muted">${escapeHtml('Connecting to talkbot…')}</p>`;
// The message box has the focus from the start, as in Slack: a newcomer can type a question straight away.
dom.composer.focus();
connect({
  snapshot: (snapshot) => {
    dispatch({ type: 'snapshot', snapshot });
    dom.connection.hidden = true;
    drawAll(dom, state);
    void loadStatus();
  },
  message: receive,
  home: (home) => {
    dispatch({ type: 'home', home });
    if (state.view.kind === 'home') drawMessages(dom, state);
  },
  modal: (modal) => showModal(modal, post, renderOptions(state)),
  status: showStatus,
  lost: () => {
    dom.connection.hidden = false;
  },
});
