import { hostname } from 'node:os';
// Types only: Kysely itself loads with the engine, on first use, so that importing the store costs nothing.
import type { Kysely } from 'kysely';
import { StoreDedupe } from './dedupe.ts';
import { redactedUrl } from './errors.ts';
import { Insights } from './insights.ts';
import type { StoreTables } from './schema.ts';
import { Subscriptions } from './subscriptions.ts';
import { TipClaims } from './tip-claims.ts';

/** Which database the store runs on. */
export type StoreEngine = 'sqlite' | 'postgres';

/**
 * State that outlives a process and is shared by every replica. Each capability is one field (its own
 * module beside this one, its own tables and migration); nothing here knows about Slack.
 */
export interface Store {
  readonly engine: StoreEngine;
  /** Where the data is, fit to print: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** Migrations the database has that this version does not know: a newer talkbot migrated it. */
  readonly unknownMigrations: readonly string[];
  /** This process's name in claims: host and process id. */
  readonly replica: string;
  /** Fleet-wide memory of Slack event ids being answered. */
  readonly dedupe: StoreDedupe;
  /** Fleet-wide claims of reading-tip slots. */
  readonly tipClaims: TipClaims;
  /** Channels' reading-tip subscriptions. */
  readonly subscriptions: Subscriptions;
  /** Questions asked and feedback given, kept `INSIGHTS_DAYS` days. */
  readonly insights: Insights;
  /** For a capability's own queries (and tests); features should add methods instead. */
  readonly db: Kysely<StoreTables>;
  /** True when the database answers a trivial query now. */
  ping(): Promise<boolean>;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** Where to keep the store: `databaseUrl` (PostgreSQL) when set, else an SQLite file in `dataDir`. */
export interface StoreOptions {
  readonly databaseUrl: string | null;
  readonly dataDir: string;
}

/** Opens the configured store and applies its migrations; throws a `StoreError` naming the variable to fix. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    const { db, ping, migrations } = await openPostgres(options.databaseUrl);
    return storeOn(db, 'postgres', redactedUrl(options.databaseUrl), ping, migrations.unknown);
  }
  const { openSqlite } = await import('./sqlite.ts');
  const { db, file, ping, migrations } = await openSqlite(options.dataDir);
  return storeOn(db, 'sqlite', file, ping, migrations.unknown);
}

function storeOn(
  db: Kysely<StoreTables>,
  engine: StoreEngine,
  location: string,
  ping: () => Promise<boolean>,
  unknownMigrations: readonly string[],
): Store {
  return {
    engine,
    location,
    unknownMigrations,
    replica: `${hostname()}:${process.pid}`,
    dedupe: new StoreDedupe(db),
    tipClaims: new TipClaims(db),
    subscriptions: new Subscriptions(db),
    insights: new Insights(db),
    db,
    ping,
    close: () => db.destroy(),
  };
}
