import { randomBytes, randomUUID } from 'node:crypto';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A random string of `length` characters from `alphabet`. */
function randomString(alphabet: string, length: number): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Makes the identifiers Slack hands out: message timestamps, event, trigger, envelope, block and view ids. */
export class IdSource {
  private lastMicros = 0;

  /** A message ts like `1605853844.000800`: unique and increasing, since Slack uses ts as the message's id. */
  nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  /** An Events API event id like `Ev01ERKCFKK9`. */
  eventId(): string {
    return `Ev${randomString(UPPER, 10)}`;
  }

  /** A trigger id like `13345224609.738474920.8088930838d88f008e0`. */
  triggerId(): string {
    return `${Date.now()}.${randomString('0123456789', 9)}.${randomBytes(16).toString('hex')}`;
  }

  /** A Socket Mode envelope id (a UUID, as in the captures). */
  envelopeId(): string {
    return randomUUID();
  }

  /** A block id like `K8xp`, which Slack adds to every block sent without one. */
  blockId(): string {
    return randomString(MIXED, 5);
  }

  /** A view id like `VPASKP233`. */
  viewId(): string {
    return `V${randomString(UPPER, 10)}`;
  }

  /** An unguessable one-time token for a Socket Mode URL or a response_url. */
  secret(): string {
    return randomBytes(12).toString('hex');
  }
}
