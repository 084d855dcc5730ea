/**
 * Property tests of the villages' routes: random filters and cursors on the list, and the officer's
 * village content (the runtime, checks and arbitraries: test/support/properties.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  call,
  expectWellFormed,
  jsonBody,
  junk,
  officer,
  pathSegment,
  RUNS,
  raw,
  text,
  usePropertiesRuntime,
} from '../support/properties';
import { KEMIREN, TAMANSARI } from '../support/runtime';

usePropertiesRuntime();

describe('GET /villages (random filters and cursors)', () => {
  it('random kecamatan, limit and cursor never 5xx', async () => {
    const first = await call('GET', '/villages?limit=2');
    expect(first.status).toBe(200);
    const real: string = first.data.cursor;
    expect(typeof real).toBe('string');
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const cursor = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.jsonValue().map((v) => b64(JSON.stringify(v))),
      fc
        .record(
          {
            pk: fc.oneof(fc.string(), junk),
            sk: fc.oneof(fc.string(), junk),
            gsi1pk: fc.oneof(fc.string(), junk),
            gsi1sk: fc.oneof(fc.string(), junk),
          },
          { requiredKeys: [] },
        )
        .map((o) => b64(JSON.stringify(o))),
      // a real cursor, tampered with
      fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([i, ch]) => {
        const at = i % real.length;
        return real.slice(0, at) + ch + real.slice(at + 1);
      }),
      fc.constant(b64(`${Buffer.from(real, 'base64url').toString()}x`)),
      fc.constant(real),
      fc.constant('x'.repeat(3000)),
    );
    const kecamatan = fc.oneof(fc.constantFrom('35.10.24', '35.10.15', '99.99.99', ''), fc.string());
    const limit = fc.oneof(
      fc.integer().map(String),
      fc.constantFrom('0', '101', '-1', '1e3', '0x10', '1.5', ' 5', 'NaN'),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.option(kecamatan, { nil: undefined }),
        fc.option(limit, { nil: undefined }),
        fc.option(cursor, { nil: undefined }),
        async (k, l, c) => {
          const q = new URLSearchParams();
          if (k !== undefined) q.set('kecamatan', k.replace(/[\ud800-\udfff]/g, '?'));
          if (l !== undefined) q.set('limit', l.replace(/[\ud800-\udfff]/g, '?'));
          if (c !== undefined) q.set('cursor', c.replace(/[\ud800-\udfff]/g, '?'));
          const res = await raw('GET', `/villages?${q}`);
          expectWellFormed(res, { k, l, c });
          if (res.status === 200) {
            expect(Array.isArray(res.data.items)).toBe(true);
            if (k === '35.10.24')
              for (const v of res.data.items) expect(v.kecamatan.code, `${q}`).toBe('35.10.24');
          }
        },
      ),
      {
        numRuns: RUNS * 2,
        // found by this property: base64url JSON that is no key of the index answered 500 (`{}`, `5e-324`)
        examples: [
          [undefined, undefined, 'e30'],
          [undefined, undefined, 'NWUtMzI0'],
          ['35.10.24', '5', 'e30'],
        ],
      },
    );
  });

  it("random cursors on an officer's queue never 5xx and never leak another village", async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    const cursor = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => b64(JSON.stringify(v))),
      fc
        .record(
          {
            pk: fc.string(),
            sk: fc.string(),
            gsi2pk: fc.oneof(fc.constant(`$smart-kampung#villagecode_${KEMIREN}`), fc.string()),
            gsi2sk: fc.string(),
          },
          { requiredKeys: [] },
        )
        .map((o) => b64(JSON.stringify(o))),
    );
    await fc.assert(
      fc.asyncProperty(
        cursor,
        fc.option(fc.constantFrom('submitted', 'in_review', 'nope'), { nil: undefined }),
        async (c, status) => {
          const q = new URLSearchParams({ cursor: c.replace(/[\ud800-\udfff]/g, '?') });
          if (status) q.set('status', status);
          const res = await raw('GET', `/villages/${TAMANSARI}/requests?${q}`, { token: officer });
          expectWellFormed(res, { c, status });
          if (res.status === 200)
            for (const item of res.data.items) expect(item.villageCode, `${q}`).toBe(TAMANSARI);
        },
      ),
      {
        numRuns: RUNS,
        examples: [
          ['e30', undefined],
          ['Ingi', 'submitted'],
        ],
      },
    );
  });
});

describe('village content (officer)', () => {
  const content = fc.oneof(
    jsonBody,
    fc
      .record(
        {
          slug: fc.oneof(fc.constantFrom('berita-baru', 'X Y'), text, junk),
          date: fc.oneof(fc.constantFrom('2026-11-24', '2026-13-45', '24-11-2026'), text, junk),
          title: fc.oneof(fc.record({ id: text }), junk),
          summary: fc.oneof(fc.record({ id: text }), junk),
          body: fc.oneof(fc.record({ id: fc.array(text) }), junk),
          income: fc.oneof(fc.integer(), fc.double(), text, junk),
          sectors: fc.oneof(fc.array(fc.record({ code: text, budget: fc.double() })), junk),
          about: fc.oneof(fc.record({ id: text }), junk),
          population: fc.oneof(fc.integer(), fc.double(), junk),
          facilities: fc.oneof(fc.array(fc.constantFrom('free_wifi', 'pool')), junk),
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  );

  it('random news, APBDes and profile bodies never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        content,
        fc.constantFrom('news', 'apbdes', 'profile'),
        fc.oneof(fc.constant('2026'), pathSegment),
        async (body, kind, year) => {
          const [method, path] =
            kind === 'news'
              ? ['POST', `/villages/${TAMANSARI}/news`]
              : kind === 'apbdes'
                ? ['PUT', `/villages/${TAMANSARI}/apbdes/${year}`]
                : ['PUT', `/villages/${TAMANSARI}/profile`];
          const res = await raw(method, path, { body, contentType: 'application/json', token: officer });
          expectWellFormed(res, { kind, body, year });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
