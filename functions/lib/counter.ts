/**
 * Counters: named numbers changed atomically — the rate limits' fixed windows (lib/rate-limit.ts,
 * gone by TTL after the window) and the letter numbers of each village and year
 * (requests/workflow.ts, gap-free).
 */
import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { type AccessPattern, inTable, primaryKey } from './table';

export const counterKey = { pk: 'counter#{name}', sk: 'counter' } as const satisfies AccessPattern;

/** pk `counter#<name>` (e.g. `counter#letter#35.10.24.2008#2026`), sk `counter` */
export const Counter = /* @__PURE__ */ (() =>
  new Entity({
    name: 'counter',
    ...inTable,
    schema: item({
      name: string().key(),
      value: number().putDefault(0),
      expiresAt: number().optional(),
      ...primaryKey(counterKey),
    }),
  }))();
