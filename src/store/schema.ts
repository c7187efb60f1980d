import type { DedupeTables } from './dedupe.ts';
import type { InsightTables } from './insights.ts';
import type { SubscriptionTables } from './subscriptions.ts';
import type { TipClaimTables } from './tip-claims.ts';

/**
 * Every table of the store, as Kysely sees it: each capability declares its own tables beside its methods
 * (`src/store/<capability>.ts`) and is added here, with its migration in `src/store/migrations/`.
 */
export type StoreTables = DedupeTables & TipClaimTables & SubscriptionTables & InsightTables;
