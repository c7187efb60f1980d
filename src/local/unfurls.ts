import { checkBlocks, isJsonObject, type JsonObject, MAX_MESSAGE_BLOCKS } from './block-rules.ts';
import { SlackApiError } from './errors.ts';
import type { IdSource } from './ids.ts';
import { linkSharedEvent } from './payloads.ts';
import type { MessageRecord, RecordStore } from './store.ts';

/** One link of a `link_shared` event, as Slack lists it: the registered domain and the URL as typed. */
export interface SharedLink {
  readonly domain: string;
  readonly url: string;
}

/** Slack lists at most this many links of one message in a `link_shared` event. */
const MAX_LINKS = 5;

// A URL as Slack's client finds it in typed text: bare, or `<url>` / `<url|label>` once formatted.
const URL_IN_TEXT = /<?(https?:\/\/[^\s<>|]+)/g;

/** The registered domain a host falls under (the domain itself or any subdomain of it), or null. */
function registeredDomain(host: string, domains: readonly string[]): string | null {
  return domains.find((domain) => host === domain || host.endsWith(`.${domain}`)) ?? null;
}

/** The links in a message that fall under the app's unfurl domains, in order, each once, as Slack sends them. */
export function linksToUnfurl(text: string, domains: readonly string[]): SharedLink[] {
  const links: SharedLink[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = (match[1] ?? '').replace(/[.,;:!?)]+$/, '');
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      continue;
    }
    const domain = registeredDomain(host, domains);
    if (domain !== null && !links.some((link) => link.url === url)) links.push({ domain, url });
  }
  return links.slice(0, MAX_LINKS);
}

/**
 * What Slack allows `chat.unfurl` to attach: only URLs of a `link_shared` event already sent, to the
 * message named by its channel and ts. Each unfurl is recorded on the message as Slack shows it.
 */
export class UnfurlBook {
  readonly #shared = new Map<string, Set<string>>();
  readonly #store: RecordStore;

  constructor(store: RecordStore) {
    this.#store = store;
  }

  /** Notes that a `link_shared` for these links of a message was sent. */
  share(channel: string, ts: string, links: readonly SharedLink[]): void {
    this.#shared.set(`${channel} ${ts}`, new Set(links.map((link) => link.url)));
  }

  /** The `link_shared` event Slack sends for a posted message's links to the unfurl domains, noted as sent; null when none. */
  shareLinksOf(record: MessageRecord, domains: readonly string[], ids: IdSource): JsonObject | null {
    const links = linksToUnfurl(record.text, domains);
    if (links.length === 0) return null;
    this.share(record.channel, record.ts, links);
    return linkSharedEvent({
      channelId: record.channel,
      userId: record.user,
      messageTs: record.ts,
      ...(record.thread_ts ? { threadTs: record.thread_ts } : {}),
      links,
      unfurlId: `${record.channel}.${record.ts.replace('.', '')}.${ids.secret()}`,
      eventTs: ids.nextTs(),
    });
  }

  /** `chat.unfurl` with `channel` + `ts`: checks each unfurl and records it on the message. */
  unfurl(args: JsonObject): JsonObject {
    const channel = typeof args.channel === 'string' ? args.channel : '';
    const ts = typeof args.ts === 'string' ? args.ts : '';
    if (channel === '') throw new SlackApiError('missing_channel');
    if (ts === '') throw new SlackApiError('missing_ts');
    const unfurls = unfurlsArg(args.unfurls);
    const record = this.#store.findMessage(channel, ts);
    if (!record || record.deleted) throw new SlackApiError('cannot_find_message');
    const shared = this.#shared.get(`${channel} ${ts}`);
    for (const [url, unfurl] of Object.entries(unfurls)) {
      if (!shared?.has(url)) throw new SlackApiError('cannot_unfurl_url');
      if (!isJsonObject(unfurl)) throw new SlackApiError('cannot_parse_attachment');
      const blocks = unfurl.blocks;
      if (Array.isArray(blocks) && blocks.some((b) => isJsonObject(b) && b.type === 'rich_text')) {
        throw new SlackApiError('invalid_blocks');
      }
      const problems = checkBlocks(blocks, MAX_MESSAGE_BLOCKS);
      if (problems.length > 0) throw new SlackApiError('invalid_blocks', problems);
    }
    // A later call for the same message edits its unfurls rather than adding more.
    this.#store.changeMessage(record, (r) => {
      r.unfurls = { ...r.unfurls, ...(unfurls as Record<string, JsonObject>) };
    });
    return { ok: true };
  }
}

function unfurlsArg(raw: unknown): JsonObject {
  if (raw === undefined || raw === null || raw === '') throw new SlackApiError('missing_unfurls');
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new SlackApiError('invalid_unfurls_format');
    }
  }
  if (!isJsonObject(value)) throw new SlackApiError('invalid_unfurls_format');
  return value;
}
