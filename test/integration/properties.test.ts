/**
 * Property tests of the request routes: submissions, officers' transitions, documents, tracking
 * (the runtime, checks and arbitraries: test/support/properties.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contentType,
  countTable,
  countVillage,
  expectWellFormed,
  fixture,
  headerValue,
  jsonBody,
  junk,
  officer,
  POLLUTING,
  pathSegment,
  RUNS,
  raw,
  text,
  usePropertiesRuntime,
} from '../support/properties';
import { NIK, skuBody, TAMANSARI } from '../support/runtime';

usePropertiesRuntime();

describe('POST /villages/{code}/requests', () => {
  it('random and malformed JSON never 5xx, and a rejected submission writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, fc.option(headerValue, { nil: undefined }), async (body, idempotencyKey) => {
        const beforeVillage = await countVillage(TAMANSARI);
        const beforeTable = await countTable();
        const res = await raw('POST', `/villages/${TAMANSARI}/requests`, {
          body,
          contentType: 'application/json',
          ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
        });
        expectWellFormed(res, { body, idempotencyKey });
        if (res.status >= 400) {
          expect(await countVillage(TAMANSARI), body).toBe(beforeVillage);
          expect(await countTable(), body).toBe(beforeTable);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('random form posts with dotted names never 5xx; rejected ones write nothing', async () => {
    const name = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'applicant',
            'name',
            'nik',
            'whatsapp',
            'fields',
            'serviceCode',
            'lang',
            'nama_usaha',
            '',
            ...POLLUTING,
          ),
          fc.string({ maxLength: 10 }),
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((parts) => parts.join('.'));
    const valid = Object.entries({
      serviceCode: 'sku',
      'applicant.name': 'Form Property',
      'applicant.nik': NIK,
      ...Object.fromEntries(Object.entries(skuBody().fields).map(([k, v]) => [`fields.${k}`, v])),
    });
    const form = fc.oneof(
      fc.array(fc.tuple(name, fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), text)), {
        maxLength: 12,
      }),
      // a valid form with random extra / repeated names
      fc.array(fc.tuple(name, fc.string()), { maxLength: 4 }).map((extra) => [...valid, ...extra]),
    );
    await fc.assert(
      fc.asyncProperty(form, async (pairs) => {
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v.replace(/[\ud800-\udfff]/g, '?'));
        const body = params.toString();
        const beforeVillage = await countVillage(TAMANSARI);
        const res = await raw('POST', `/villages/${TAMANSARI}/requests`, {
          body,
          contentType: 'application/x-www-form-urlencoded',
        });
        // a form post answers HTML (an error page, or a 303 to the receipt)
        expectWellFormed(res, body, true);
        if (res.status >= 400) expect(await countVillage(TAMANSARI), body).toBe(beforeVillage);
        if (res.status === 303)
          expect(res.headers.get('location')).toMatch(/^\/requests\/[^/]+\/receipt\?secret=/);
      }),
      { numRuns: RUNS },
    );
  });

  it('random content types never 5xx', async () => {
    const body = fc.oneof(fc.constant(JSON.stringify(skuBody('Content Type'))), jsonBody, fc.string());
    await fc.assert(
      fc.asyncProperty(
        contentType,
        body,
        fc.constantFrom(undefined, 'text/html', 'application/json'),
        async (type, b, accept) => {
          const res = await raw('POST', `/villages/${TAMANSARI}/requests`, {
            body: b,
            contentType: type,
            ...(accept ? { headers: { accept } } : {}),
          });
          expectWellFormed(res, { type, b, accept }, true);
          // an empty media type with an empty body reads as `{}` (400); any other unknown type is 415
          const mime = type.split(';')[0]?.trim().toLowerCase();
          if (mime && mime !== 'application/json' && mime !== 'application/x-www-form-urlencoded')
            expect([413, 415], `${type} → ${res.status}`).toContain(res.status);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random village codes in the path never 5xx, and write nowhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        pathSegment,
        fc.oneof(fc.constant(JSON.stringify(skuBody('Path Property'))), jsonBody),
        async (code, body) => {
          const before = await countTable();
          const res = await raw('POST', `/villages/$code/requests`, {
            body,
            contentType: 'application/json',
          });
          expectWellFormed(res, { code, body });
          if (res.status >= 400) expect(await countTable(), code).toBe(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('POST /requests/{id}/transitions (officer)', () => {
  const transition = fc.oneof(
    jsonBody,
    fc
      .record(
        {
          to: fc.oneof(
            fc.constantFrom(
              'submitted',
              'in_review',
              'needs_revision',
              'forwarded',
              'approved',
              'completed',
              'rejected',
            ),
            text,
            junk,
          ),
          version: fc.oneof(
            fc.integer(),
            fc.constantFrom(1, 2, 0, -1, 2 ** 53, 1.5, Number.MAX_VALUE),
            text,
            junk,
          ),
          reason: fc.oneof(text, junk),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('random ids and bodies never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(encodeURIComponent(fixture.id || 'placeholder-id')), pathSegment),
        transition,
        fc.boolean(),
        async (id, body, real) => {
          const path = `/requests/${real ? fixture.id : id}/transitions`;
          const res = await raw('POST', path, { body, contentType: 'application/json', token: officer });
          expectWellFormed(res, { path, body });
          expect([401, 403], `${path} ${body}`).not.toContain(res.status);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random form bodies are a JSON 400, not an HTML page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 6 }), async (pairs) => {
        const res = await raw('POST', `/requests/${fixture.id}/transitions`, {
          body: new URLSearchParams(
            pairs.map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, '?')]),
          ).toString(),
          contentType: 'application/x-www-form-urlencoded',
          token: officer,
        });
        expectWellFormed(res, pairs);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

describe('POST /requests/{id}/documents', () => {
  const documentBody = fc.oneof(
    jsonBody,
    fc
      .record(
        {
          requirement: fc.oneof(fc.constantFrom('ktp', 'kk', 'pengantar_rt_rw'), text, junk),
          contentType: fc.oneof(fc.constantFrom('application/pdf', 'image/png', 'image/svg+xml'), text, junk),
          size: fc.oneof(
            fc.integer(),
            fc.double(),
            fc.constantFrom(1, 5 * 1024 * 1024, 5 * 1024 * 1024 + 1),
            text,
            junk,
          ),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('random ids, secrets and bodies never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        pathSegment,
        fc.boolean(),
        fc.oneof(fc.constant('real'), fc.constant('none'), headerValue),
        documentBody,
        async (id, real, secret, body) => {
          const path = `/requests/${real ? fixture.id : id}/documents`;
          const headers: Record<string, string> =
            secret === 'none' ? {} : { 'x-request-secret': secret === 'real' ? fixture.secret : secret };
          const res = await raw('POST', path, { body, contentType: 'application/json', headers });
          expectWellFormed(res, { path, secret, body });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('GET /track', () => {
  it('random tracking codes (unicode, look-alikes, junk) never 5xx', async () => {
    const code = fc.oneof(
      pathSegment,
      fc.stringMatching(/^[0-9A-Za-z]{5}-?[0-9A-Za-z]{5}$/).map(encodeURIComponent),
      fc.constant(encodeURIComponent(fixture.trackingCode || 'ABCDE-12345')),
      fc.constantFrom('%EF%BC%A1BCDE-12345', 'abcde%E2%80%9012345', 'O0OIL-ILIL1'),
    );
    await fc.assert(
      fc.asyncProperty(
        code,
        fc.constantFrom(undefined, 'text/html', 'application/json'),
        fc.boolean(),
        async (c, accept, asQuery) => {
          const path = asQuery ? `/track?code=${c}` : `/track/${c}`;
          const res = await raw('GET', path, accept ? { headers: { accept } } : {});
          expectWellFormed(res, path, true);
          // the tracking view never carries personal data
          expect(res.text).not.toContain(NIK);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
