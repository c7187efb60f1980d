import type { App, ReceiverEvent } from '@slack/bolt';
import type { RequestKind, TalkbotMetrics } from '../ops/metrics.ts';

/** Requests the dedupe dropped, so their outcome is counted as `deduped`. */
const deduped = new WeakSet<object>();

/** Marks a request body as dropped by the dedupe (called from its middleware). */
export function markDeduped(body: object): void {
  deduped.add(body);
}

/** The kind of a request, from its body as Bolt hands it over. */
export function requestKind(body: Record<string, unknown>): RequestKind {
  if (typeof body.command === 'string') return 'command';
  if (body.type === 'event_callback') return 'event';
  if (body.type === 'block_actions' || body.type === 'interactive_message') return 'action';
  if (body.type === 'view_submission' || body.type === 'view_closed') return 'view';
  if (body.type === 'shortcut' || body.type === 'message_action') return 'shortcut';
  if (body.type === 'block_suggestion') return 'options';
  return 'other';
}

/**
 * Times every request the app processes, whatever the transport: both receivers hand each request to
 * `app.processEvent`, with the `ack` that answers Slack. The time is from there, so it leaves out the
 * network and the receiver's parsing; the ack time is what the listener took to acknowledge.
 */
export function instrumentApp(app: App, metrics: TalkbotMetrics): void {
  const process = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const started = performance.now();
    const kind = requestKind(event.body);
    const ack = event.ack;
    let acked = false;
    const timed: ReceiverEvent = {
      ...event,
      ack: async (response) => {
        if (!acked) {
          acked = true;
          metrics.ackSeconds.observe({ kind }, (performance.now() - started) / 1000);
        }
        return await ack(response);
      },
    };
    try {
      await process(timed);
      const outcome = deduped.has(event.body) ? 'deduped' : 'answered';
      if (outcome === 'answered')
        metrics.answerSeconds.observe({ kind }, (performance.now() - started) / 1000);
      metrics.requests.inc({ kind, outcome });
    } catch (error) {
      metrics.requests.inc({ kind, outcome: 'failed' });
      throw error;
    }
  };
}
