/** Resolvers of answers waiting for their turn, first come first served. */
const waiting: Array<() => void> = [];
let scheduled = false;

/**
 * Waits, after an ack, for this answer's turn: one answer is computed per turn of the event loop, so
 * the acks of requests that arrive meanwhile go out between them instead of queueing behind every
 * search in flight (each a few milliseconds of CPU). Under load this keeps acks quick and the loop
 * free for Socket Mode's pings; alone, an answer waits one turn.
 */
export function yieldAfterAck(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    scheduleNext();
  });
}

function scheduleNext(): void {
  if (scheduled || waiting.length === 0) return;
  scheduled = true;
  // An immediate queued from inside an immediate runs on the next turn, after that turn's I/O.
  setImmediate(() => {
    scheduled = false;
    waiting.shift()?.();
    scheduleNext();
  });
}
