// HTML for the parts of the page that change: pure functions of state, every string escaped (see block-kit.ts).
import type {
  PlaygroundChannel,
  PlaygroundMessage,
  PlaygroundProblem,
  PlaygroundStatus,
} from '../protocol.ts';
import { escapeHtml, type RenderOptions, renderBlocks, renderMrkdwn } from './block-kit.ts';

/** What the sidebar and the header point at. */
export type View = { readonly kind: 'channel'; readonly channel: string } | { readonly kind: 'home' };

/** Example questions offered as one-click starting points. */
export const EXAMPLES: Readonly<Record<PlaygroundChannel['kind'], readonly string[]>> = {
  channel: ['/talk testing distributed', '@talkbot jepsen', '/talk tag:testing', '/talk help'],
  im: ['jepsen', 'deterministic simulation', 'chaos engineering'],
};

const EYE_ICON =
  '<svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M10 4C5.5 4 2.2 7.6 1.2 9.4a1.2 1.2 0 0 0 0 1.2C2.2 12.4 5.5 16 10 16s7.8-3.6 8.8-5.4a1.2 1.2 0 0 0 0-1.2C17.8 7.6 14.5 4 10 4Zm0 9.5A3.5 3.5 0 1 1 10 6.5a3.5 3.5 0 0 1 0 7Zm0-5.25a1.75 1.75 0 1 0 0 3.5 1.75 1.75 0 0 0 0-3.5Z"/></svg>';
const HASH_ICON =
  '<svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M8.3 2.5 7.6 6.5H4.5v1.7h2.8l-.6 3.6H3.5v1.7h2.9l-.7 4h1.8l.7-4h3.5l-.7 4h1.8l.7-4h3v-1.7h-2.7l.6-3.6h3.1V6.5h-2.8l.7-4h-1.8l-.7 4H9.4l.7-4H8.3Zm.8 5.7h3.6l-.6 3.6H8.5l.6-3.6Z"/></svg>';
const HOME_ICON =
  '<svg class="icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M10 2.6 2 9.2l1.1 1.3L4 9.8V17h4.5v-4.5h3V17H16V9.8l.9.7L18 9.2l-8-6.6Zm4.3 12.7h-1.1v-4.5H6.8v4.5H5.7V8.4L10 4.8l4.3 3.6v6.9Z"/></svg>';

/** `10:42 AM` for a Slack ts, in the reader's own locale and zone. */
export function timeOf(ts: string): string {
  const date = new Date(Number(ts) * 1000);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

function isoOf(ts: string): string {
  const date = new Date(Number(ts) * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** `#general`, or the bot's name for the DM. */
export function channelLabel(channel: PlaygroundChannel): string {
  return channel.kind === 'im' ? channel.name : `#${channel.name}`;
}

function avatar(message: Pick<PlaygroundMessage, 'isBot' | 'userName'>, small = false): string {
  const size = small ? ' avatar-small' : '';
  if (message.isBot) return `<img class="avatar avatar-bot${size}" src="/playground/icon.svg" alt="">`;
  const initial = Array.from(message.userName.trim())[0]?.toUpperCase() ?? '?';
  return `<span class="avatar avatar-user${size}" aria-hidden="true">${escapeHtml(initial)}</span>`;
}

/** One message: avatar, name (APP badge for the bot), time, "Only visible to you", content, and its replies' link. */
export function messageHtml(
  message: PlaygroundMessage,
  replies: readonly PlaygroundMessage[],
  options: RenderOptions & { readonly inThread?: boolean },
): string {
  const classes = ['msg', message.ephemeral ? 'msg-ephemeral' : '', message.isBot ? 'msg-bot' : '']
    .filter(Boolean)
    .join(' ');
  const ephemeral = message.ephemeral
    ? `<div class="msg-ephemeral-note">${EYE_ICON}<span>Only visible to you</span></div>`
    : '';
  const badge = message.isBot ? '<span class="badge">APP</span>' : '';
  const edited = message.edited ? '<span class="msg-edited">(edited)</span>' : '';
  const content = message.deleted
    ? '<p class="msg-deleted">This message was deleted.</p>'
    : message.blocks.length > 0
      ? renderBlocks(message.blocks, options)
      : renderMrkdwn(message.text, options);
  const thread =
    replies.length === 0 || options.inThread
      ? ''
      : `<button type="button" class="thread-link" data-open-thread="${escapeHtml(message.ts)}">` +
        `<span class="thread-avatars">${[...new Map(replies.map((r) => [r.user, r])).values()]
          .slice(0, 3)
          .map((r) => avatar(r, true))
          .join('')}</span>` +
        `<span class="thread-count">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</span>` +
        `<span class="thread-last">Last reply ${escapeHtml(timeOf(replies.at(-1)?.ts ?? ''))}</span>` +
        '<span class="thread-view">View thread</span></button>';
  return (
    `<article class="${classes}" data-msg="${escapeHtml(`${message.channel}/${message.ts}`)}" ` +
    `data-channel="${escapeHtml(message.channel)}" data-ts="${escapeHtml(message.ts)}">` +
    `${avatar(message)}<div class="msg-body">${ephemeral}` +
    `<div class="msg-meta"><span class="msg-author">${escapeHtml(message.userName)}</span>${badge}` +
    `<time class="msg-time" datetime="${escapeHtml(isoOf(message.ts))}">${escapeHtml(timeOf(message.ts))}</time>${edited}</div>` +
    `<div class="msg-content">${content}</div>${thread}</div></article>`
  );
}

/** The top of a conversation: what it is, and examples to start from. */
export function introHtml(channel: PlaygroundChannel, contentDir: string | null): string {
  const where = contentDir === null ? 'your content folder' : `<code>${escapeHtml(contentDir)}</code>`;
  const title =
    channel.kind === 'im'
      ? `<h2 class="intro-title"><img class="avatar avatar-bot" src="/playground/icon.svg" alt=""> ${escapeHtml(channel.name)}</h2>`
      : `<h2 class="intro-title">${HASH_ICON}${escapeHtml(channel.name)}</h2>`;
  const text =
    channel.kind === 'im'
      ? `This is your direct message with <strong>${escapeHtml(channel.name)}</strong>. Type what you are looking for, no command needed.`
      : `This is a stand-in of Slack running on your machine, connected to the real talkbot app. Ask it about the talks in ${where}:`;
  const chips = EXAMPLES[channel.kind]
    .map(
      (example) =>
        `<button type="button" class="chip" data-try="${escapeHtml(example)}">${escapeHtml(example)}</button>`,
    )
    .join('');
  return `<div class="intro">${title}<p>${text}</p><div class="chips">${chips}</div></div>`;
}

/** The sidebar's conversations and the app's Home tab. */
export function navHtml(channels: readonly PlaygroundChannel[], view: View, botName: string): string {
  const item = (key: string, label: string, icon: string, current: boolean, extra = ''): string =>
    `<li><button type="button" class="nav-item" data-nav="${escapeHtml(key)}"${current ? ' aria-current="page"' : ''}>` +
    `${icon}<span class="nav-label">${escapeHtml(label)}</span>${extra}</button></li>`;
  const isCurrent = (id: string) => view.kind === 'channel' && view.channel === id;
  const channelItems = channels
    .filter((c) => c.kind === 'channel')
    .map((c) => item(c.id, c.name, HASH_ICON, isCurrent(c.id)))
    .join('');
  const dmItems = channels
    .filter((c) => c.kind === 'im')
    .map((c) =>
      item(
        c.id,
        c.name,
        '<img class="nav-avatar" src="/playground/icon.svg" alt="">',
        isCurrent(c.id),
        '<span class="nav-badge">APP</span>',
      ),
    )
    .join('');
  return (
    `<h2 class="nav-heading">Channels</h2><ul class="nav-list">${channelItems}</ul>` +
    `<h2 class="nav-heading">Direct messages</h2><ul class="nav-list">${dmItems}</ul>` +
    `<h2 class="nav-heading">Apps</h2><ul class="nav-list">${item('home', `${botName} Home`, HOME_ICON, view.kind === 'home')}</ul>`
  );
}

/** The header above the conversation: its name, and for the bot the Messages and Home tabs. */
export function headerHtml(
  view: View,
  channel: PlaygroundChannel | undefined,
  botName: string,
  dmId: string,
): string {
  if (view.kind === 'channel' && channel?.kind === 'channel') {
    return (
      `<h1 class="header-title">${HASH_ICON}${escapeHtml(channel.name)}</h1>` +
      '<p class="header-topic">Conference talks and what they cite · try <code>/talk testing distributed</code></p>'
    );
  }
  const tab = (key: string, label: string, selected: boolean): string =>
    `<button type="button" class="tab" data-nav="${escapeHtml(key)}"${selected ? ' aria-current="page"' : ''}>${label}</button>`;
  return (
    `<h1 class="header-title"><img class="avatar avatar-bot avatar-small" src="/playground/icon.svg" alt=""> ${escapeHtml(botName)}<span class="badge">APP</span></h1>` +
    `<nav class="tabs" aria-label="${escapeHtml(botName)} tabs">${tab('home', 'Home', view.kind === 'home')}${tab(dmId, 'Messages', view.kind === 'channel')}</nav>`
  );
}

function problemLine(problem: PlaygroundProblem): string {
  const where = problem.line === null ? problem.path : `${problem.path}:${problem.line}`;
  // Messages quote what to change in backticks, as `talkbot index` prints them: shown as code here.
  const message = escapeHtml(problem.message).replace(/`([^`]+)`/g, '<code>$1</code>');
  return `<li><code class="problem-where">${escapeHtml(where)}</code><span class="problem-message">${message}</span></li>`;
}

/** The side panel's account of what is loaded: folder, counts and every content problem with its file and line. */
export function statusHtml(status: PlaygroundStatus | null): string {
  if (status === null) return '<p class="muted">Loading…</p>';
  const stat = (count: number, one: string, many: string, warn = false) =>
    `<div class="stat${warn ? ' stat-warn' : ''}"><span class="stat-count">${count}</span><span class="stat-label">${count === 1 ? one : many}</span></div>`;
  const problems =
    status.problems.length === 0
      ? '<p class="problems-none"><span aria-hidden="true">✓</span> No content problems</p>'
      : `<ul class="problems">${status.problems.map(problemLine).join('')}</ul>`;
  return (
    `<dl class="facts"><dt>Content folder</dt><dd><code>${escapeHtml(status.contentDir)}</code></dd></dl>` +
    `<div class="stats">${stat(status.posts, 'post', 'posts')}${stat(status.resources, 'resource', 'resources')}` +
    `${stat(status.problems.length, 'problem', 'problems', status.problems.length > 0)}</div>` +
    `<h3 class="panel-subheading">Problems</h3>${problems}`
  );
}
