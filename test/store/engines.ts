import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { openStore, type Store, type StoreEngine } from '../../src/store/index.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';

/** Opens a fresh store of one engine (its own SQLite folder, or its own PostgreSQL database). */
export type OpenFresh = () => Promise<Store>;

/**
 * Runs a suite once per engine: embedded SQLite in a temporary folder, and a throwaway PostgreSQL server.
 * `open()` gives each test a store of its own; every store and the server are closed when the suite ends.
 */
export function forEachEngine(title: string, suite: (engine: StoreEngine, open: OpenFresh) => void): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    describe(`${title} (${engine})`, () => {
      let server: TestPostgres | null = null;
      const opened: Store[] = [];
      const folders: string[] = [];
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
        let store: Store;
        if (engine === 'postgres') {
          if (!server) throw new Error('the PostgreSQL server did not start');
          const url = await server.createDatabase(`t${count}`);
          store = await openStore({ databaseUrl: url, dataDir: '' });
        } else {
          const dir = await mkdtemp(join(tmpdir(), 'talkbot-store-'));
          folders.push(dir);
          store = await openStore({ databaseUrl: null, dataDir: dir });
        }
        opened.push(store);
        return store;
      };
      suite(engine, open);
    });
  }
}
