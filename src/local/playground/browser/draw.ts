// Drawing the playground page from its state: each function redraws one part, keeping focus and scroll.
import type { PlaygroundMessage } from '../protocol.ts';
import { type RenderOptions, renderBlocks } from './block-kit.ts';
import { currentChannel, dmChannel, type PageState, repliesTo, visible } from './state.ts';
import {
  channelLabel,
  EXAMPLES,
  headerHtml,
  introHtml,
  messageHtml,
  navHtml,
  statusHtml,
} from './templates.ts';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

/** The page's elements that change or take input, found once. */
export function findElements() {
  return {
    app: element('app'),
    panelToggle: element<HTMLButtonElement>('panel-toggle'),
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
}

/** The page's elements. */
export type PageElements = ReturnType<typeof findElements>;

/** How blocks are drawn for this page: names of users and channels. */
export function renderOptions(state: PageState): RenderOptions {
  return {
    userName: (id) => state.snapshot?.userNames[id],
    channelName: (id) => state.channels.find((c) => c.id === id)?.name,
  };
}

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

/** The message box the user is typing in: the channel's, or the open thread's. */
export function activeComposer(dom: PageElements, state: PageState): HTMLTextAreaElement {
  return state.view.kind === 'channel' ? dom.composer : dom.threadComposer;
}

/** Redraws a container, keeping the focus on the same control and the reader's scroll position. */
function redraw(
  dom: PageElements,
  state: PageState,
  container: HTMLElement,
  html: string,
  scroll: 'keep' | 'bottom' = 'keep',
): void {
  const active = document.activeElement;
  const hadFocus = active !== null && container.contains(active);
  const selector = hadFocus ? focusSelector(active) : null;
  const top = container.scrollTop;
  container.innerHTML = html;
  container.scrollTop = scroll === 'bottom' ? container.scrollHeight : top;
  if (!hadFocus) return;
  const twin = selector === null ? null : container.querySelector<HTMLElement>(selector);
  // The control is gone (a shared answer, a replaced page): the message box is where to carry on.
  (twin ?? activeComposer(dom, state)).focus({ preventScroll: true });
}

/** The sidebar: channels, the DM and Home. */
export function drawNav(dom: PageElements, state: PageState): void {
  if (state.snapshot === null) return;
  redraw(dom, state, dom.nav, navHtml(state.channels, state.view, state.snapshot.bot.name));
}

/** The header and the message box's label, and the window's title. */
export function drawHeader(dom: PageElements, state: PageState): void {
  const snapshot = state.snapshot;
  if (snapshot === null) return;
  const channel = currentChannel(state);
  redraw(
    dom,
    state,
    dom.header,
    headerHtml(state.view, channel, snapshot.bot.name, dmChannel(state)?.id ?? ''),
  );
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

/** The main pane: the Home tab, or the conversation; `reveal` scrolls a new message (by key) into view. */
export function drawMessages(dom: PageElements, state: PageState, reveal?: string): void {
  const { view } = state;
  if (view.kind === 'home') {
    const home = state.home as { blocks?: unknown } | null;
    const body =
      home === null
        ? '<p class="muted home-loading">Opening the Home tab…</p>'
        : renderBlocks(home.blocks ?? [], { ...renderOptions(state), interactive: false });
    redraw(dom, state, dom.messages, `<div class="home-view">${body}</div>`);
    return;
  }
  const channel = currentChannel(state);
  if (channel === undefined) return;
  const wasAtBottom = isAtBottom(dom.messages);
  const options = renderOptions(state);
  const html = state.messages
    .filter((m) => m.channel === view.channel && m.threadTs === null && visible(m))
    .map((m) => messageHtml(m, repliesTo(state, m), options))
    .join('');
  const intro = introHtml(channel, state.status?.contentDir ?? null);
  redraw(dom, state, dom.messages, `${intro}<div class="day-divider"><span>Today</span></div>${html}`);
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

/** The thread panel, open or closed (the content panel shows when it is closed). */
export function drawThread(dom: PageElements, state: PageState): void {
  const { thread } = state;
  dom.threadPanel.hidden = thread === null;
  dom.contentPanel.hidden = thread !== null;
  if (thread === null) return;
  const parent = state.messages.find((m) => m.channel === thread.channel && m.ts === thread.ts);
  const channel = state.channels.find((c) => c.id === thread.channel);
  dom.threadTitle.textContent = channel === undefined ? '' : channelLabel(channel);
  if (parent === undefined) return;
  const replies = repliesTo(state, thread);
  const options = { ...renderOptions(state), inThread: true };
  const count = `<div class="thread-divider"><span>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</span></div>`;
  const html =
    messageHtml(parent, [], options) + count + replies.map((r) => messageHtml(r, [], options)).join('');
  const wasAtBottom = isAtBottom(dom.threadMessages);
  redraw(dom, state, dom.threadMessages, html, wasAtBottom ? 'bottom' : 'keep');
}

/** The side panel: what is loaded, and its problems. */
export function drawStatus(dom: PageElements, state: PageState): void {
  redraw(dom, state, dom.status, statusHtml(state.status));
  // The drawer's button says when there is something to look at.
  const problems = state.status?.problems.length ?? 0;
  dom.panelToggle.textContent = problems === 0 ? 'Content' : `Content · ${problems} ⚠`;
}

/** Every part of the page. */
export function drawAll(dom: PageElements, state: PageState): void {
  dom.workspace.textContent = state.snapshot?.workspaceName ?? 'talkbot';
  drawNav(dom, state);
  drawHeader(dom, state);
  drawMessages(dom, state);
  drawThread(dom, state);
  drawStatus(dom, state);
}

/** Reads a new bot message out to screen readers, as plain text. */
export function announce(dom: PageElements, message: PlaygroundMessage): void {
  const text = message.text
    .replace(/<[^|>]*\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  dom.announcer.textContent = `${message.userName}: ${text.slice(0, 300)}`;
}
