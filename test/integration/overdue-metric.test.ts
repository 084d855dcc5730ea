/**
 * The overdue-requests metric over the embedded DynamoDB: what it counts (open requests past their due
 * time, by key queries) and the embedded-metric-format line CloudWatch turns into the metric.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime';
import { client, KEMIREN, NIK, skuBody, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startRuntime();
}, 120_000);
afterAll(async () => {
  await runtime?.stop();
});

describe('OverdueRequests metric', () => {
  it('counts open requests past their due time across kecamatan, not closed or future ones', async () => {
    const { UpdateItemCommand } = await import('dynamodb-toolbox/entity/actions/update');
    const { ServiceRequest } = await import('../../functions/requests/entities');
    const { getItem } = await import('../../functions/lib/table');
    const { queueSort } = await import('../../functions/requests/store');
    const { handler, countOverdue } = await import('../../functions/requests/handlers/overdue-metric');
    const call = client(runtime.apiUrl);
    const now = new Date();
    const before = await countOverdue('35.10', now);

    const file = async (village: string, name: string) => {
      const res = await call('POST', `/villages/${village}/requests`, {
        json: { ...skuBody(name), applicant: { ...skuBody(name).applicant, nik: NIK } },
      });
      expect(res.status, res.text).toBe(201);
      return res.data.id as string;
    };
    // time passes: the promise of these requests ran out an hour ago (or runs out tomorrow)
    const setDue = async (id: string, dueAt: string, status?: 'completed') => {
      const r = (await getItem(ServiceRequest, { id })).Item;
      if (!r) throw new Error('request');
      const next = { ...r, dueAt, ...(status ? { status, closedAt: now.toISOString() } : {}) };
      await ServiceRequest.build(UpdateItemCommand)
        .item({
          id,
          villageCode: r.villageCode,
          kecamatanCode: r.kecamatanCode,
          dueAt,
          status: next.status,
          queueSort: queueSort(next),
          ...(status ? { closedAt: now.toISOString() } : {}),
        })
        .options({ condition: { attr: 'id', exists: true } })
        .send();
    };
    const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
    await setDue(await file(TAMANSARI, 'Overdue Satu'), hourAgo);
    await setDue(await file(KEMIREN, 'Overdue Dua'), hourAgo);
    await setDue(await file(TAMANSARI, 'Selesai Tepat'), hourAgo, 'completed');
    await setDue(
      await file(TAMANSARI, 'Masih Ada Waktu'),
      new Date(now.getTime() + 86_400_000).toISOString(),
    );

    expect(await countOverdue('35.10', new Date())).toBe(before + 2);

    // the functions log in Lambda's JSON format, which wraps console output in its own JSON (CloudWatch
    // then sees no EMF): the metric must be one raw JSON line on stdout, never a console call
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let result: Awaited<ReturnType<typeof handler>>;
    let consoleCalls: number;
    let written: string[];
    try {
      result = await handler();
    } finally {
      // read before restoring: a restored spy forgets its calls
      consoleCalls = log.mock.calls.length + info.mock.calls.length;
      written = write.mock.calls.map(([chunk]) => String(chunk)).filter((c) => c.includes('"_aws"'));
      log.mockRestore();
      info.mockRestore();
      write.mockRestore();
    }
    expect(consoleCalls).toBe(0);
    expect(written).toHaveLength(1);
    const raw = written[0] as string;
    expect(raw.endsWith('\n')).toBe(true);
    expect(raw.trimEnd()).not.toContain('\n');
    const line = JSON.parse(raw);
    expect(result).toEqual({ overdue: before + 2 });
    expect(line).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'SmartKampung',
            Dimensions: [['Regency']],
            Metrics: [{ Name: 'OverdueRequests', Unit: 'Count' }],
          },
        ],
      },
      Regency: '35.10',
      OverdueRequests: before + 2,
    });
    // the metric line is the whole log line: nothing personal in it
    expect(JSON.stringify(line)).not.toContain(NIK);
  });
});
