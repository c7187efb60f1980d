import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { openStore, type Store, type StoreEngine, type StoreOptions } from '../../src/store/index.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';

/** Opens a fresh store of one engine (its own SQLite folder, or its own PostgreSQL database). */
export type OpenFresh = () => Promise<Store>;
/** Opens another store (own connections) on the same data as one `open()` gave: another replica. */
export type OpenAgain = (store: Store) => Promise<Store>;

/**
 * Runs a suite once per engine: embedded SQLite in a temporary folder, and a throwaway PostgreSQL server.
 * `open()` gives each test a store of its own; every store and the server are closed when the suite ends.
 */
export function forEachEngine(
  title: string,
  suite: (engine: StoreEngine, open: OpenFresh, again: OpenAgain) => void,
): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    describe(`${title} (${engine})`, () => {
      let server: TestPostgres | null = null;
      const opened: Store[] = [];
      const folders: string[] = [];
      const optionsOf = new Map<Store, StoreOptions>();
      let count = 0;
      before(async () => {
        if (engine === 'postgres') server = await startTestPostgres();
      });
      after(async () => {
        await Promise.all(opened.map((store) => store.close().catch(() => {})));
        await server?.stop();
        await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
      });
      const open: OpenFresh = async () => {
        count += 1;
        let options: StoreOptions;
        if (engine === 'postgres') {
          if (!server) throw new Error('the PostgreSQL server did not start');
          options = { databaseUrl: await server.createDatabase(`t${count}`), dataDir: '' };
        } else {
          const dir = await mkdtemp(join(tmpdir(), 'talkbot-store-'));
          folders.push(dir);
          options = { databaseUrl: null, dataDir: dir };
        }
        return await openWith(options);
      };
      const openWith = async (options: StoreOptions) => {
        const store = await openStore(options);
        opened.push(store);
        optionsOf.set(store, options);
        return store;
      };
      const again: OpenAgain = async (store) => {
        const options = optionsOf.get(store);
        if (!options) throw new Error('open the first store with open()');
        return await openWith(options);
      };
      suite(engine, open, again);
    });
  }
}
