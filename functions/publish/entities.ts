/**
 * The per-village site signal (decision 0008): "this village's site is out of date", written in the
 * same transaction as the change, read by the dispatcher and the site build. Its own partition kind
 * (`site#<village>`): the site build may update exactly these items (infra/stacks/publish-stack.ts).
 */
import { Entity, type FormattedItem } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { string } from 'dynamodb-toolbox/schema/string';
import { type AccessPattern, indexKeys, inTable, primaryKey } from '../lib/table';

export const siteStateByState = {
  index: 'gsi1',
  pk: 'regency#{regencyCode}',
  sk: 'site#{state}#{villageCode}',
} as const satisfies AccessPattern;
export const siteStateKey = { pk: 'site#{villageCode}', sk: 'site' } as const satisfies AccessPattern;

/** pk `site#35.10.24.2008`, sk `site`; gsi1 `regency#35.10` / `site#dirty#35.10.24.2008` */
export const SiteState = /* @__PURE__ */ (() => {
  const byState = indexKeys(siteStateByState, ['villageCode']);
  return new Entity({
    name: 'sitestate',
    ...inTable,
    schema: item({
      villageCode: string().key(),
      regencyCode: string(),
      state: string().enum('dirty', 'clean'),
      reason: string().optional(),
      lastChangeAt: string(),
      /** when a reader of the signal first saw it dirty and not quiet (signal.ts: max wait) */
      dirtySince: string().optional(),
      dispatchedAt: string().optional(),
      publishedAt: string().optional(),
      ...primaryKey(siteStateKey),
      gsi1pk: byState.pk,
      gsi1sk: byState.sk,
    }),
  });
})();

export type SiteStateItem = FormattedItem<typeof SiteState>;
