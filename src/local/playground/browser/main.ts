// The playground page: keeps the stand-in's messages (from the event stream) and draws them like a Slack channel.
import {
  PLAYGROUND_EVENTS,
  PLAYGROUND_PATHS,
  type PlaygroundChannel,
  type PlaygroundMessage,
  type PlaygroundModal,
  type PlaygroundReply,
  type PlaygroundSnapshot,
  type PlaygroundStatus,
} from '../protocol.ts';
import { escapeHtml, type RenderOptions, renderBlocks } from './block-kit.ts';
import { showModal } from './modal.ts';
import {
  channelLabel,
  EXAMPLES,
  headerHtml,
  introHtml,
  messageHtml,
  navHtml,
  statusHtml,
  type View,
} from './templates.ts';

interface State {
  snapshot: PlaygroundSnapshot | null;
  /** In the order they were posted; a changed message keeps its place. */
  messages: PlaygroundMessage[];
  channels: PlaygroundChannel[];
  home: unknown;
  view: View;
  /** The open thread, by its parent. */
  thread: { channel: string; ts: string } | null;
  status: PlaygroundStatus | null;
  /** Messages sent from the main box, whose thread opens by itself when the bot answers in it. */
  awaitingReply: Set<string>;
  /** True from "Post today's tip" until the tip arrives, to show it wherever it was posted. */
  awaitingTip: boolean;
}

const state: State = {
  snapshot: null,
  messages: [],
  channels: [],
  home: null,
  view: { kind: 'channel', channel: 'C0GENERAL' },
  thread: null,
  status: null,
  awaitingReply: new Set(),
  awaitingTip: false,
};

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

const dom = {
  workspace: element('workspace-name'),
  connection: element('connection'),
  nav: element('nav'),
  header: element('header'),
  messages: element('messages'),
  composerForm: element<HTMLFormElement>('composer-form'),
  composer: element<HTMLTextAreaElement>('composer'),
  composerLabel: element('composer-label'),
  composerError: element('composer-error'),
  threadPanel: element('thread-panel'),
  threadTitle: element('thread-channel'),
  threadMessages: element('thread-messages'),
  threadForm: element<HTMLFormElement>('thread-form'),
  threadComposer: element<HTMLTextAreaElement>('thread-composer'),
  threadError: element('thread-error'),
  threadClose: element<HTMLButtonElement>('thread-close'),
  contentPanel: element('content-panel'),
  status: element('status'),
  tipButton: element<HTMLButtonElement>('tip-button'),
  tipNote: element('tip-note'),
  announcer: element('announcer'),
};

const keyOf = (message: Pick<PlaygroundMessage, 'channel' | 'ts'>): string =>
  `${message.channel}/${message.ts}`;

function renderOptions(): RenderOptions {
  return {
    userName: (id) => state.snapshot?.userNames[id],
    channelName: (id) => state.channels.find((c) => c.id === id)?.name,
  };
}

function dmChannel(): PlaygroundChannel | undefined {
  return state.channels.find((c) => c.kind === 'im');
}

function currentChannel(): PlaygroundChannel | undefined {
  const { view } = state;
  return view.kind === 'channel' ? state.channels.find((c) => c.id === view.channel) : undefined;
}

function visible(message: PlaygroundMessage): boolean {
  // An ephemeral message that is deleted (Share in channel removes it) vanishes, as in Slack.
  return !(message.deleted && message.ephemeral);
}

function repliesTo(channel: string, ts: string): PlaygroundMessage[] {
  return state.messages.filter((m) => m.channel === channel && m.threadTs === ts && visible(m));
}

// ---- drawing ----

/** A selector for the focused control, to focus its redrawn twin after a redraw. */
function focusSelector(active: Element | null): string | null {
  if (!(active instanceof HTMLElement)) return null;
  const message = active.closest<HTMLElement>('[data-msg]')?.dataset.msg;
  const inMessage = message === undefined ? '' : `[data-msg="${CSS.escape(message)}"] `;
  for (const attribute of ['data-action-id', 'data-open-thread', 'data-nav', 'data-try']) {
    const value = active.getAttribute(attribute);
    if (value !== null) return `${inMessage}[${attribute}="${CSS.escape(value)}"]`;
  }
  return null;
}

/** Redraws a container, keeping the focus on the same control and the reader's scroll position. */
function redraw(container: HTMLElement, html: string, scroll: 'keep' | 'bottom' = 'keep'): void {
  const active = document.activeElement;
  const hadFocus = active !== null && container.contains(active);
  const selector = hadFocus ? focusSelector(active) : null;
  const top = container.scrollTop;
  container.innerHTML = html;
  container.scrollTop = scroll === 'bottom' ? container.scrollHeight : top;
  if (!hadFocus) return;
  const twin = selector === null ? null : container.querySelector<HTMLElement>(selector);
  // The control is gone (a shared answer, a replaced page): the message box is where to carry on.
  (twin ?? activeComposer()).focus({ preventScroll: true });
}

function activeComposer(): HTMLTextAreaElement {
  return state.view.kind === 'channel' ? dom.composer : dom.threadComposer;
}

function drawNav(): void {
  if (state.snapshot === null) return;
  redraw(dom.nav, navHtml(state.channels, state.view, state.snapshot.bot.name));
}

function drawHeader(): void {
  const snapshot = state.snapshot;
  if (snapshot === null) return;
  const dm = dmChannel();
  redraw(dom.header, headerHtml(state.view, currentChannel(), snapshot.bot.name, dm?.id ?? ''));
  const channel = currentChannel();
  const isHome = state.view.kind === 'home';
  dom.composerForm.hidden = isHome;
  if (channel !== undefined) {
    const label = channelLabel(channel);
    const example = EXAMPLES[channel.kind][0] ?? '';
    dom.composerLabel.textContent = `Message ${label}`;
    dom.composer.placeholder = `Message ${label} — try ${example}`;
  }
  document.title = `${isHome ? 'Home' : channel === undefined ? 'talkbot' : channelLabel(channel)} · talkbot playground`;
}

function isAtBottom(container: HTMLElement): boolean {
  return container.scrollHeight - container.scrollTop - container.clientHeight < 48;
}

function drawMessages(reveal?: string): void {
  const { view } = state;
  if (view.kind === 'home') {
    const home = state.home as { blocks?: unknown } | null;
    const body =
      home === null
        ? '<p class="muted home-loading">Opening the Home tab…</p>'
        : renderBlocks(home.blocks ?? [], { ...renderOptions(), interactive: false });
    redraw(dom.messages, `<div class="home-view">${body}</div>`);
    return;
  }
  const channel = currentChannel();
  if (channel === undefined) return;
  const wasAtBottom = isAtBottom(dom.messages);
  const options = renderOptions();
  const html = state.messages
    .filter((m) => m.channel === view.channel && m.threadTs === null && visible(m))
    .map((m) => messageHtml(m, repliesTo(m.channel, m.ts), options))
    .join('');
  const intro = introHtml(channel, state.status?.contentDir ?? null);
  redraw(dom.messages, `${intro}<div class="day-divider"><span>Today</span></div>${html}`);
  const target =
    reveal === undefined
      ? null
      : dom.messages.querySelector<HTMLElement>(`[data-msg="${CSS.escape(reveal)}"]`);
  if (target !== null && target.offsetHeight > dom.messages.clientHeight - 24) {
    // A long answer is read from its top, as it would be in Slack after scrolling up a little.
    dom.messages.scrollTop = target.offsetTop - dom.messages.offsetTop - 12;
  } else if (target !== null || wasAtBottom) {
    dom.messages.scrollTop = dom.messages.scrollHeight;
  }
}

function drawThread(): void {
  const { thread } = state;
  dom.threadPanel.hidden = thread === null;
  dom.contentPanel.hidden = thread !== null;
  if (thread === null) return;
  const parent = state.messages.find((m) => m.channel === thread.channel && m.ts === thread.ts);
  const channel = state.channels.find((c) => c.id === thread.channel);
  dom.threadTitle.textContent = channel === undefined ? '' : channelLabel(channel);
  if (parent === undefined) return;
  const replies = repliesTo(thread.channel, thread.ts);
  const options = { ...renderOptions(), inThread: true };
  const count = `<div class="thread-divider"><span>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</span></div>`;
  const html =
    messageHtml(parent, [], options) + count + replies.map((r) => messageHtml(r, [], options)).join('');
  const wasAtBottom = isAtBottom(dom.threadMessages);
  redraw(dom.threadMessages, html, wasAtBottom ? 'bottom' : 'keep');
}

function drawStatus(): void {
  redraw(dom.status, statusHtml(state.status));
  const tips = state.status?.tips ?? false;
  dom.tipButton.disabled = !tips;
  dom.tipButton.title = tips
    ? 'Posts the tip the schedule would post today'
    : 'Reading tips are not wired into local mode yet';
  dom.tipNote.textContent = tips
    ? 'Posts the reading tip the schedule would post today, so you can see it before it goes out.'
    : 'Reading tips are not wired into local mode yet.';
}

function drawAll(): void {
  dom.workspace.textContent = state.snapshot?.workspaceName ?? 'talkbot';
  drawNav();
  drawHeader();
  drawMessages();
  drawThread();
  drawStatus();
}

function announce(message: PlaygroundMessage): void {
  const text = message.text
    .replace(/<[^|>]*\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  dom.announcer.textContent = `${message.userName}: ${text.slice(0, 300)}`;
}

// ---- talking to the server ----

async function post(path: string, body: unknown): Promise<PlaygroundReply> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return (await response.json()) as PlaygroundReply;
  } catch {
    return {
      ok: false,
      error: 'unreachable',
      message: 'The playground server is not answering. Is npm start still running?',
    };
  }
}

function showError(target: HTMLElement, reply: PlaygroundReply): void {
  target.textContent = reply.ok ? '' : reply.message;
}

async function loadStatus(): Promise<void> {
  try {
    const response = await fetch(PLAYGROUND_PATHS.status);
    if (response.ok) state.status = (await response.json()) as PlaygroundStatus;
  } catch {
    // The event stream reports the connection; the panel keeps what it had.
  }
  drawStatus();
  if (state.view.kind === 'channel') drawMessages();
}

function upsert(message: PlaygroundMessage): void {
  const key = keyOf(message);
  const index = state.messages.findIndex((m) => keyOf(m) === key);
  const isNew = index === -1;
  if (isNew) state.messages.push(message);
  else state.messages[index] = message;
  if (!state.channels.some((c) => c.id === message.channel)) {
    state.channels.push({
      id: message.channel,
      name: message.channelName,
      kind: message.channel.startsWith('D') ? 'im' : 'channel',
    });
    drawNav();
  }
  if (isNew && message.isBot && visible(message)) announce(message);
  const parentKey = message.threadTs === null ? null : `${message.channel}/${message.threadTs}`;
  if (isNew && parentKey !== null && message.isBot && state.awaitingReply.delete(parentKey)) {
    state.thread = { channel: message.channel, ts: message.threadTs ?? '' };
  }
  if (isNew && message.isBot && message.threadTs === null && state.awaitingTip) {
    state.awaitingTip = false;
    if (state.view.kind === 'home' || state.view.channel !== message.channel) select(message.channel);
  }
  const view = state.view;
  if (view.kind === 'channel' && view.channel === message.channel) {
    drawMessages(isNew && message.threadTs === null ? key : undefined);
  }
  drawThread();
}

function connect(): void {
  const events = new EventSource(PLAYGROUND_PATHS.events);
  events.addEventListener(PLAYGROUND_EVENTS.snapshot, (event) => {
    const snapshot = JSON.parse((event as MessageEvent<string>).data) as PlaygroundSnapshot;
    state.snapshot = snapshot;
    state.messages = [...snapshot.messages];
    state.channels = [...snapshot.channels];
    state.home = snapshot.home;
    dom.connection.hidden = true;
    drawAll();
    void loadStatus();
  });
  events.addEventListener(PLAYGROUND_EVENTS.message, (event) => {
    upsert(JSON.parse((event as MessageEvent<string>).data) as PlaygroundMessage);
  });
  events.addEventListener(PLAYGROUND_EVENTS.modal, (event) => {
    showModal(JSON.parse((event as MessageEvent<string>).data) as PlaygroundModal, post, renderOptions());
  });
  events.addEventListener(PLAYGROUND_EVENTS.home, (event) => {
    state.home = JSON.parse((event as MessageEvent<string>).data) as unknown;
    if (state.view.kind === 'home') drawMessages();
  });
  events.addEventListener('error', () => {
    dom.connection.hidden = false;
  });
}

// ---- what people do ----

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
    // The answer may have come over the event stream before this reply did.
    if (repliesTo(channel, reply.ts).some((m) => m.isBot)) openThread(channel, reply.ts, false);
    else state.awaitingReply.add(`${channel}/${reply.ts}`);
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

function select(key: string): void {
  if (key === 'home') {
    state.view = { kind: 'home' };
    void post(PLAYGROUND_PATHS.home, {});
  } else {
    state.view = { kind: 'channel', channel: key };
  }
  drawNav();
  drawHeader();
  drawMessages();
  if (dom.messages.scrollHeight > dom.messages.clientHeight && state.view.kind === 'channel') {
    dom.messages.scrollTop = dom.messages.scrollHeight;
  }
  if (state.view.kind === 'channel') dom.composer.focus();
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
  state.thread = { channel, ts };
  drawThread();
  if (focus) dom.threadComposer.focus();
}

function closeThread(): void {
  const thread = state.thread;
  state.thread = null;
  drawThread();
  const link =
    thread === null
      ? null
      : dom.messages.querySelector<HTMLElement>(
          `[data-msg="${CSS.escape(`${thread.channel}/${thread.ts}`)}"] [data-open-thread]`,
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
  if (event.key === 'Escape' && state.thread !== null) closeThread();
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
  }
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
dom.tipButton.addEventListener('click', () => {
  state.awaitingTip = true;
  void post(PLAYGROUND_PATHS.tip, {}).then((reply) => {
    if (!reply.ok) state.awaitingTip = false;
    dom.tipNote.textContent = reply.ok ? "Posted today's tip." : reply.message;
  });
});

dom.messages.innerHTML = `<p class="muted">${escapeHtml('Connecting to talkbot…')}</p>`;
// The message box has the focus from the start, as in Slack: a newcomer can type a question straight away.
dom.composer.focus();
connect();
