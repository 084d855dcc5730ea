/**
 * Rate limits (sign-in, tracking, submissions), what onboarding writes for villages to take
 * requests, and the guards (no Scan, logs without personal data).
 */
import { describe, expect, it } from 'vitest';
import { SPOOFED_PDF } from '../fixtures/files';
import {
  call,
  officerToken,
  runtime,
  submitSku,
  uploadDocument,
  useRequestsRuntime,
} from '../support/requests';
import { KEMIREN, NIK, skuBody, TAMANSARI, toCall } from '../support/runtime';

useRequestsRuntime();

describe('rate limits', () => {
  it('the eleventh sign-in attempt for one username within five minutes answers 429 with Retry-After', async () => {
    const username = `nobody-${Date.now()}`;
    const attempts = [];
    for (let i = 0; i < 11; i++)
      attempts.push(await call('POST', '/local/token', { json: { username, password: 'wrong' } }));
    expect(attempts.slice(0, 10).every((a) => a.status === 401)).toBe(true);
    const last = attempts[10];
    expect(last?.status).toBe(429);
    expect(last?.data.error.code).toBe('too_many_requests');
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it("failing on someone else's username from another address never locks its owner out", async () => {
    const { handler } = await import('../../functions/auth/local-token');
    // the sign-in function as API Gateway invokes it, from an attacker's address (the local runtime
    // always sees 127.0.0.1)
    const fromAttacker = async (password: string) => {
      const res = (await handler(
        {
          version: '2.0',
          routeKey: 'POST /local/token',
          rawPath: '/local/token',
          rawQueryString: '',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'officer@kemiren-glagah', password }),
          isBase64Encoded: false,
          requestContext: {
            http: { method: 'POST', path: '/local/token', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7' },
            requestId: `attacker-${password}`,
          },
        } as never,
        {} as never,
      )) as { statusCode: number };
      return res.statusCode;
    };
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push(await fromAttacker(`wrong-${i}`));
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // the attacker is held back even with the right password; the officer, elsewhere, is not
    expect(await fromAttacker('smartkampung')).toBe(429);
    const officer = await call('POST', '/local/token', {
      json: { username: 'officer@kemiren-glagah', password: 'smartkampung' },
    });
    expect(officer.status, officer.text).toBe(200);
  });
});

describe('submit rate limit (both submit routes share it)', () => {
  it('past RATE_LIMIT_SUBMIT per source and village, the JSON and the Open311 submit routes answer a structured 429', async () => {
    const { config } = await import('../../functions/lib/config');
    const saved = config().RATE_LIMIT_SUBMIT;
    // the limit as `RATE_LIMIT_SUBMIT=2` would set it (the handlers read it once, from config)
    config().RATE_LIMIT_SUBMIT = 2;
    const open311 = () =>
      fetch(`${runtime.apiUrl}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          jurisdiction_id: KEMIREN,
          service_code: 'sku',
          'attribute[applicant_name]': 'Warga Kemiren',
          'attribute[applicant_nik]': NIK,
          ...Object.fromEntries(Object.entries(skuBody().fields).map(([k, v]) => [`attribute[${k}]`, v])),
        }).toString(),
      }).then(toCall);
    const web = () => call('POST', `/villages/${KEMIREN}/requests`, { json: skuBody('Warga Kemiren') });
    try {
      expect((await web()).status).toBe(201);
      expect((await open311()).status).toBe(201);
      // the third submission of this address to Kemiren within the window, on either route
      const limited = await open311();
      expect(limited.status).toBe(429);
      expect(limited.data).toEqual([{ code: 429, description: expect.any(String) }]);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const limitedWeb = await web();
      expect(limitedWeb.status).toBe(429);
      expect(limitedWeb.data.error).toMatchObject({ code: 'too_many_requests', message: expect.any(String) });
      expect(Number(limitedWeb.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      config().RATE_LIMIT_SUBMIT = saved;
    }
  });
});

describe('onboarding a regency writes what villages need to take requests', () => {
  it('writes the default catalogue (if absent) and the holiday calendar, idempotently, for any regency', async () => {
    const { onboardRegency } = await import('../../functions/onboarding/onboard');
    const { getItem, queryPage } = await import('../../functions/lib/table');
    const { CatalogueEntry, catalogueOfScope } = await import('../../functions/catalogue/entities');
    const { Regency, villageByRegency } = await import('../../functions/villages/entities');
    const { DEFAULT_CATALOGUE } = await import('../../functions/catalogue/regency-defaults');
    const { UpdateItemCommand, $set } = await import('dynamodb-toolbox/entity/actions/update');
    const BATU = '35.79'; // Kota Batu: 24 villages, onboarded by nothing else
    const first = await onboardRegency(BATU);
    expect(first).toMatchObject({ villages: 24, servicesAdded: DEFAULT_CATALOGUE.length });
    const regency = (await getItem(Regency, { code: BATU })).Item;
    expect(regency?.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-03-21', '2026-08-17']));
    expect(regency?.holidays).toHaveLength(first.holidays);
    const catalogue = async () =>
      (await queryPage(CatalogueEntry, catalogueOfScope, { scope: BATU }, { all: true, consistent: true }))
        .items;
    expect((await catalogue()).map((e) => e.code).sort()).toEqual(
      DEFAULT_CATALOGUE.map((s) => s.code).sort(),
    );

    // the regency edits a service and adds a regional holiday: a second run keeps both, adds nothing
    await CatalogueEntry.build(UpdateItemCommand)
      .item({ scope: BATU, code: 'sku', disabled: true, updatedAt: 'edited' })
      .send();
    await Regency.build(UpdateItemCommand)
      .item({ code: BATU, holidays: $set([...(regency?.holidays ?? []), '2026-12-01']) })
      .send();
    const again = await onboardRegency(BATU);
    expect(again).toMatchObject({ servicesAdded: 0, created: 0, holidays: first.holidays + 1 });
    expect((await catalogue()).find((e) => e.code === 'sku')).toMatchObject({
      disabled: true,
      updatedAt: 'edited',
    });
    expect((await getItem(Regency, { code: BATU })).Item?.holidays).toContain('2026-12-01');

    // a village of the new regency takes requests for its (regency's) services
    const { Village } = await import('../../functions/villages/entities');
    const village = (await queryPage(Village, villageByRegency, { regencyCode: BATU }, { limit: 1 }))
      .items[0];
    const services = await call('GET', `/villages/${village?.code}/services`);
    expect(services.data.items.map((s: { code: string }) => s.code)).toContain('domisili');
    expect(services.data.items.map((s: { code: string }) => s.code)).not.toContain('sku'); // disabled above
    const domisili = services.data.items.find((s: { code: string }) => s.code === 'domisili');
    const fields = Object.fromEntries(
      domisili.fields
        .filter((f: { required: boolean }) => f.required)
        .map((f: { code: string; datatype: string; values?: { key: string }[] }) => [
          f.code,
          f.values?.[0]?.key ??
            (f.datatype === 'number' ? '2' : f.datatype === 'datetime' ? '2020-01-01' : '001/002'),
        ]),
    );
    const filed = await call('POST', `/villages/${village?.code}/requests`, {
      json: { serviceCode: 'domisili', applicant: { name: 'Warga Batu', nik: NIK }, fields },
    });
    expect(filed.status, filed.text).toBe(201);
  });

  it('due times of an onboarded regency skip its holidays (17 August 2026 is a Monday)', async () => {
    const { dueCalculator } = await import('../../functions/requests/store');
    const due = await dueCalculator({ regencyCode: '35.10' });
    // Friday 14 August 2026 15:00 WIB + 4 office hours: 1 h on Friday, Monday is a holiday → Tuesday 11:00
    expect(due(new Date('2026-08-14T08:00:00Z'), 'PT4H')).toBe('2026-08-18T04:00:00.000Z');
  });

  it('a stored village override that does not validate is skipped (logged by code), not a 500', async () => {
    const { CatalogueEntry } = await import('../../functions/catalogue/entities');
    const { getParams } = await import('../../functions/lib/table');
    const documentClient = (await import('../../functions/lib/aws')).documentClient();
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const { DeleteItemCommand } = await import('dynamodb-toolbox/entity/actions/delete');
    const { logOutput } = await import('../../functions/lib/log');
    // raw: the entity itself refuses to write a service of the wrong shape (a hand edit, an old item)
    const put = (code: string, service: Record<string, unknown>) => {
      const { TableName, Key } = getParams(CatalogueEntry, { scope: KEMIREN, code });
      return documentClient.send(
        new PutCommand({
          TableName,
          Item: { ...Key, scope: KEMIREN, code, disabled: false, service, updatedAt: `${Date.now()}` },
        }),
      );
    };
    await put('sku', { duration: 'dua hari', fields: 'bukan daftar' });
    await put('baru', { name: { id: 'Setengah', en: 'Half' } }); // a new service, incomplete
    await put('domisili', { cost: 5000 }); // a valid override still applies
    const lines: string[] = [];
    const saved = { level: logOutput.level, write: logOutput.write };
    logOutput.level = 'warn';
    logOutput.write = (_level, line) => lines.push(line);
    try {
      const services = await call('GET', `/villages/${KEMIREN}/services`);
      expect(services.status).toBe(200);
      const codes = services.data.items.map((s: { code: string }) => s.code);
      expect(codes).toContain('sku');
      expect(codes).not.toContain('baru');
      const sku = services.data.items.find((s: { code: string }) => s.code === 'sku');
      expect(sku.duration).not.toBe('dua hari');
      expect(services.data.items.find((s: { code: string }) => s.code === 'domisili').cost).toBe(5000);
      const filed = await call('POST', `/villages/${KEMIREN}/requests`, { json: skuBody('Warga Kemiren') });
      expect(filed.status).toBe(201);
    } finally {
      Object.assign(logOutput, saved);
      for (const code of ['sku', 'baru', 'domisili'])
        await CatalogueEntry.build(DeleteItemCommand).key({ scope: KEMIREN, code }).send();
    }
    const skippedLines = lines.filter((l) => l.includes('catalogue entry skipped'));
    expect(skippedLines.some((l) => l.includes('"code":"sku"'))).toBe(true);
    expect(skippedLines.some((l) => l.includes('"code":"baru"'))).toBe(true);
  });
});

describe('guards', () => {
  it('the DynamoDB client of the handlers refuses a Scan outright', async () => {
    const dynamo = (await import('../../functions/lib/aws')).dynamo();
    const { ScanCommand } = await import('@aws-sdk/client-dynamodb');
    await expect(dynamo.send(new ScanCommand({ TableName: runtime.tableName }))).rejects.toThrow(
      /Scan is not allowed/,
    );
  });

  it('no NIK, name or phone number reaches a log line, across submit, upload, errors and officer reads', async () => {
    const { logOutput } = await import('../../functions/lib/log');
    const lines: string[] = [];
    const saved = { level: logOutput.level, write: logOutput.write };
    logOutput.level = 'debug';
    logOutput.write = (_level, line) => lines.push(line);
    try {
      const { data: r } = await submitSku('Nama Sangat Pribadi');
      await uploadDocument(r.id, r.secret, 'ktp', SPOOFED_PDF, 'application/pdf');
      await call('POST', `/villages/${TAMANSARI}/requests`, {
        json: {
          ...skuBody('Nama Sangat Pribadi'),
          applicant: { name: 'Nama Sangat Pribadi', nik: '3510243102900001', whatsapp: '081299998888' },
        },
      });
      const token = await officerToken();
      await call('GET', `/requests/${r.id}`, { token });
    } finally {
      Object.assign(logOutput, saved);
    }
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    for (const secret of [
      NIK,
      '3510243102900001',
      'Nama Sangat Pribadi',
      '081299998888',
      '+6281234567890',
      '81234567890',
    ])
      expect(all).not.toContain(secret);
  });
});
