// The store: state that lasts and is shared by replicas. To add a capability (subscriptions, feedback, …):
// 1. `src/store/<capability>.ts`: its tables' types (`<Capability>Tables`) and a class of methods over
//    `Kysely<<Capability>Tables>`, written once in Kysely's builder so both engines run it;
// 2. `src/store/migrations/NNNN-<capability>.ts` with `up(db)`, listed in `migrations/index.ts`;
// 3. its tables added to `StoreTables` (schema.ts) and one field on `Store` (store.ts), built in `storeOn`;
// 4. a test in `test/store/` that runs on both engines (`forEachEngine` in test/store/engines.ts).
export { StoreDedupe } from './dedupe.ts';
export { redactedUrl, StoreError } from './errors.ts';
export { type FeedbackRecord, type InsightRows, Insights, type QuestionRecord } from './insights.ts';
export type { StoreTables } from './schema.ts';
export { openStore, type Store, type StoreEngine, type StoreOptions } from './store.ts';
export { type Subscription, type SubscriptionSetting, Subscriptions } from './subscriptions.ts';
export { TipClaims, type UnpostedClaim } from './tip-claims.ts';
