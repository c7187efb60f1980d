import type { BlockAction } from '@slack/bolt';

/** `thread_ts` of the thread a clicked message sits in, for a reply that stays there; nothing for a top-level message. */
export function inThreadOf(body: BlockAction): { thread_ts?: string } {
  const threadTs = (body.message as { thread_ts?: unknown } | undefined)?.thread_ts;
  return typeof threadTs === 'string' && threadTs !== '' ? { thread_ts: threadTs } : {};
}
