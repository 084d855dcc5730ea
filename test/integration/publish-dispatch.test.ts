/**
 * The AWS dispatcher (functions/publish/handlers/dispatch.ts) over the embedded DynamoDB: which villages
 * it asks to publish, once per change. EventBridge itself cannot run here: its client is mocked (only
 * `send` is replaced, to record the events), everything else is real.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { UpdateItemInput } from 'dynamodb-toolbox/entity/actions/update';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SiteState as SiteStateEntity } from '../../functions/publish/entities';
import type { LocalRuntime } from '../../infra/local/runtime';
import { KEMIREN, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
const sent: { village: string }[] = [];

beforeAll(async () => {
  runtime = await startRuntime();
  vi.spyOn(EventBridgeClient.prototype, 'send').mockImplementation(async (command: unknown) => {
    const entries = (command as { input: { Entries: { Detail: string }[] } }).input.Entries;
    for (const e of entries) sent.push(JSON.parse(e.Detail));
    return { Entries: entries.map(() => ({ EventId: 'mock' })), FailedEntryCount: 0 } as never;
  });
}, 120_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await runtime?.stop();
});

describe('site publish dispatcher (EventBridge mocked)', () => {
  it('dispatches villages quiet for a minute, once per change, and again after a new change', async () => {
    const { SiteState } = await import('../../functions/publish/entities');
    const { UpdateItemCommand } = await import('dynamodb-toolbox/entity/actions/update');
    const upsert = (item: UpdateItemInput<typeof SiteStateEntity>) =>
      SiteState.build(UpdateItemCommand).item(item).send();
    const { markPublished, pendingSites } = await import('../../functions/publish/signal');
    const { handler } = await import('../../functions/publish/handlers/dispatch');
    // everything the onboarding and the seed marked is fresh: nothing is dispatched yet
    for (const p of await pendingSites('35.10', new Date(), 0))
      await markPublished({ code: p.villageCode, regencyCode: '35.10' }, p.lastChangeAt, new Date());
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
    for (const villageCode of [TAMANSARI, KEMIREN])
      await upsert({
        villageCode,
        regencyCode: '35.10',
        state: 'dirty',
        reason: 'test',
        lastChangeAt: twoMinutesAgo,
      });
    const justNow = new Date().toISOString();
    await upsert({
      villageCode: '35.10.24.2001',
      regencyCode: '35.10',
      state: 'dirty',
      reason: 'burst',
      lastChangeAt: justNow,
    });

    expect(await handler()).toEqual({ dispatched: 2 });
    expect(sent.map((e) => e.village).sort()).toEqual([KEMIREN, TAMANSARI].sort());
    // the build has not run yet: asking again would start a second one
    expect(await handler()).toEqual({ dispatched: 0 });

    // a change that came after the last dispatch (and has been quiet since) is dispatched again
    await upsert({ villageCode: TAMANSARI, dispatchedAt: new Date(Date.now() - 180_000).toISOString() });
    sent.length = 0;
    expect((await handler()).dispatched).toBe(1);
    expect(sent).toEqual([expect.objectContaining({ village: TAMANSARI })]);
  });

  it('many villages out of date at once (an onboarding) become one build of the whole regency', async () => {
    const { queryPage } = await import('../../functions/lib/table');
    const { SiteState } = await import('../../functions/publish/entities');
    const { Village, villageByRegency } = await import('../../functions/villages/entities');
    const { PutItemCommand } = await import('dynamodb-toolbox/entity/actions/put');
    const { handler } = await import('../../functions/publish/handlers/dispatch');
    const villages = (await queryPage(Village, villageByRegency, { regencyCode: '35.10' }, { all: true }))
      .items;
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
    for (const v of villages.slice(0, 40))
      await SiteState.build(PutItemCommand)
        .item({
          villageCode: v.code,
          regencyCode: '35.10',
          state: 'dirty',
          reason: 'onboarded',
          lastChangeAt: twoMinutesAgo,
        })
        .send();
    sent.length = 0;
    expect((await handler()).dispatched).toBeGreaterThanOrEqual(40);
    expect(sent).toEqual([expect.objectContaining({ village: '*' })]);
    expect(await handler()).toEqual({ dispatched: 0 });
  });

  it('a village edited without pause is still rebuilt once it has waited MAX_WAIT_MS, then waits again', async () => {
    const { SiteState } = await import('../../functions/publish/entities');
    const { UpdateItemCommand } = await import('dynamodb-toolbox/entity/actions/update');
    const { MAX_WAIT_MS, markPublished, pendingSites } = await import('../../functions/publish/signal');
    const code = '35.10.24.2999';
    const village = { code, regencyCode: '35.10' };
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    const edit = (ms: number) =>
      SiteState.build(UpdateItemCommand)
        .item({
          villageCode: code,
          regencyCode: '35.10',
          state: 'dirty',
          reason: 'edit',
          lastChangeAt: at(ms).toISOString(),
        })
        .send();
    const due = async (ms: number) =>
      (await pendingSites('35.10', at(ms), 60_000)).some((p) => p.villageCode === code);
    // an edit every 30 s: never a quiet minute
    await edit(0);
    expect(await due(0)).toBe(false);
    await edit(MAX_WAIT_MS - 30_000);
    expect(await due(MAX_WAIT_MS - 30_000)).toBe(false);
    await edit(MAX_WAIT_MS);
    expect(await due(MAX_WAIT_MS)).toBe(true);
    // dispatched then: not again on the next round while the edits go on
    await SiteState.build(UpdateItemCommand)
      .item({ villageCode: code, dispatchedAt: at(MAX_WAIT_MS).toISOString() })
      .send();
    await edit(MAX_WAIT_MS + 30_000);
    expect(await due(MAX_WAIT_MS + 30_000)).toBe(false);
    // the build published what it saw; a later edit keeps the village dirty and the wait restarts
    expect(await markPublished(village, at(MAX_WAIT_MS).toISOString(), at(MAX_WAIT_MS + 60_000))).toBe(false);
    await edit(2 * MAX_WAIT_MS);
    expect(await due(2 * MAX_WAIT_MS)).toBe(false);
    await edit(2 * MAX_WAIT_MS + 60_000 + 1);
    expect(await due(2 * MAX_WAIT_MS + 60_000 + 1)).toBe(true);
    // once quiet and published, clean: nothing pending, and the next burst waits from its own start
    const last = at(2 * MAX_WAIT_MS + 60_000 + 1).toISOString();
    expect(await markPublished(village, last, at(3 * MAX_WAIT_MS))).toBe(true);
    await edit(3 * MAX_WAIT_MS);
    expect(await due(3 * MAX_WAIT_MS)).toBe(false);
    expect(await due(3 * MAX_WAIT_MS + 30_000)).toBe(false);
  });
});
