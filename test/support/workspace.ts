/**
 * The world of the workspace API tests (test/integration/workspace-*.test.ts): the requests world,
 * plus ID tokens minted with the local key for any account (a display name, another regency, a
 * moved clock) without the sign-in endpoint and its per-username limits, and walk-in filing.
 */
import { issueLocalTokens } from '../../functions/auth/local-identity';
import { localKey } from '../../functions/auth/local-key';
import { config } from '../../functions/lib/config';
import { call } from './requests';
import { skuBody, TAMANSARI } from './runtime';

export const LICIN = '35.10.24';

const ACCOUNTS = {
  officer: {
    username: 'officer@tamansari-licin',
    groups: ['village-officer'],
    attributes: { 'custom:village': TAMANSARI, 'custom:kecamatan': LICIN, 'custom:regency': '35.10' },
  },
  kemiren: {
    username: 'officer@kemiren-glagah',
    groups: ['village-officer'],
    attributes: {
      'custom:village': '35.10.15.2004',
      'custom:kecamatan': '35.10.15',
      'custom:regency': '35.10',
    },
  },
  camat: {
    username: 'camat@licin',
    groups: ['kecamatan-officer'],
    attributes: { 'custom:kecamatan': LICIN, 'custom:regency': '35.10' },
  },
  admin: {
    username: 'admin@banyuwangi',
    groups: ['regency-admin'],
    attributes: { 'custom:regency': '35.10' },
  },
  otherAdmin: {
    username: 'admin@jember',
    groups: ['regency-admin'],
    attributes: { 'custom:regency': '35.09' },
  },
} as const;

/** An ID token of a demo account, with a `name` claim when given, issued at `at` (default now). */
export async function tokenOf(who: keyof typeof ACCOUNTS, opts: { name?: string; at?: Date } = {}) {
  const account = ACCOUNTS[who];
  const { idToken } = await issueLocalTokens(
    await localKey(),
    {
      username: account.username,
      groups: [...account.groups],
      attributes: { ...account.attributes, ...(opts.name ? { name: opts.name } : {}) },
    },
    {
      issuer: config().AUTH_ISSUER,
      audience: config().AUTH_CLIENT_ID,
      ...(opts.at ? { now: Math.floor(opts.at.getTime() / 1000) } : {}),
    },
  );
  return idToken;
}

export const EVERY_SKU_DOCUMENT = ['ktp', 'kk', 'pengantar_rt_rw'];

/** Files an SKU at Tamansari's counter. */
export function walkIn(
  token: string,
  opts: { name?: string; documentsSeen?: string[]; key?: string; body?: Record<string, unknown> } = {},
) {
  return call('POST', `/villages/${TAMANSARI}/walk-in-requests`, {
    token,
    json: {
      ...skuBody(opts.name ?? 'Warga Loket'),
      documentsSeen: opts.documentsSeen ?? EVERY_SKU_DOCUMENT,
      ...opts.body,
    },
    ...(opts.key ? { headers: { 'idempotency-key': opts.key } } : {}),
  });
}

type Json = Record<string, unknown>;
let openapi: Promise<Json> | undefined;

/** Inlines the document's `$ref`s (components) so one schema compiles on its own. */
function inline(node: unknown, doc: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => inline(n, doc));
  if (node && typeof node === 'object') {
    const ref = (node as Json).$ref;
    if (typeof ref === 'string')
      return inline(
        ref
          .slice(2)
          .split('/')
          .reduce<unknown>((n, k) => (n as Json)?.[k], doc),
        doc,
      );
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, doc)]));
  }
  return node;
}

/**
 * The errors of a real answer against the OpenAPI document's schema of that operation and status
 * (JSON Schema 2020-12): [] when the document describes what the API answered.
 */
export async function openApiErrors(method: string, path: string, status: number, body: unknown) {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  openapi ??= call('GET', '/openapi.json').then((r) => r.data as Json);
  const doc = await openapi;
  const op = ((doc.paths as Json)[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  const content = ((op?.responses as Json | undefined)?.[String(status)] as Json | undefined)?.content as
    | Json
    | undefined;
  const schema = (content?.['application/json'] as Json | undefined)?.schema;
  if (!schema) return [`no schema for ${method} ${path} ${status}`];
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  const validate = ajv.compile(inline(schema, doc) as Json);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
