import { describe, it } from 'vitest';
import type { Service } from '../../../functions/catalogue/defaults';
import type { RequestItem } from '../../../functions/requests/entities';
import {
  receiptLinkErrorPage,
  receiptPage,
  type UploadForm,
} from '../../../functions/requests/receipt-views';
import { confirmErrorPage, trackFormPage, trackingView, trackPage } from '../../../functions/requests/views';
import { expectEscaped } from '../../support/html';

const LANGS = ['id', 'en'] as const;
const now = new Date('2026-12-01T03:00:00Z');

/** A request whose every stored text is `v`, in `status`. */
const request = (v: string, status: RequestItem['status']) =>
  ({
    id: v,
    trackingCode: v,
    serviceCode: v,
    villageCode: v,
    serviceName: { id: v, en: v },
    status,
    createdAt: '2026-11-28T01:00:00Z',
    dueAt: '2026-11-30T01:00:00Z',
    letterNumber: v,
    history: [
      { at: '2026-11-28T01:00:00Z', to: 'submitted' },
      { at: '2026-11-29T01:00:00Z', to: status, reason: v },
    ],
  }) as unknown as RequestItem;

const village = (v: string) => ({
  name: v,
  kind: 'desa' as const,
  kecamatanName: v,
  regencyName: v,
  slug: v,
});

/** Upload forms (one refused, one received, one locked) whose names, codes and presigned fields are `v`. */
const forms = (v: string): UploadForm[] => [
  {
    requirement: { code: v, name: { id: v, en: v }, accept: [v] },
    confirmed: false,
    post: { url: `https://s3.example/${v}`, fields: { key: v, [v]: v } },
  },
  {
    requirement: { code: `${v}2`, name: { id: v, en: v }, accept: [], required: false },
    confirmed: true,
    post: { url: v, fields: { policy: v } },
  },
  { requirement: { code: `${v}3`, name: { id: v, en: v }, accept: [] }, confirmed: false },
  { requirement: { code: `${v}4`, name: { id: v, en: v }, accept: [] }, confirmed: true },
];

/** The service's fields on the resubmit form, labels, codes and list values `v`. */
const fields = (v: string) =>
  [
    { code: v, label: { id: v, en: v }, datatype: 'string', order: 1 },
    { code: `${v}n`, label: { id: v, en: v }, datatype: 'number', order: 2 },
    { code: `${v}d`, label: { id: v, en: v }, datatype: 'datetime', order: 3 },
    {
      code: `${v}l`,
      label: { id: v, en: v },
      datatype: 'singlevaluelist',
      order: 4,
      values: [{ key: v, name: { id: v, en: v } }],
    },
  ] as Service['fields'];

describe('the tracking pages render hostile stored values escaped and never throw', () => {
  it('the tracking form, with an unknown code', () => {
    for (const lang of LANGS) expectEscaped((v) => trackFormPage(lang, v, true));
  });

  it("a request's status, in every status", () => {
    for (const lang of LANGS)
      for (const status of ['submitted', 'needs_revision', 'completed', 'rejected'] as const)
        expectEscaped((v) =>
          trackPage(
            lang,
            trackingView(request(v, status), now, lang),
            village(v),
            `https://api.example/${v}`,
          ),
        );
  });

  it('the failed upload confirmation, with and without a receipt to go back to', () => {
    for (const lang of LANGS) {
      expectEscaped((v) => confirmErrorPage(lang, { code: v, message: v }, `https://api.example/${v}`));
      expectEscaped((v) => confirmErrorPage(lang, { code: v, message: v }, undefined));
    }
  });
});

describe('the receipt renders hostile stored values escaped and never throws', () => {
  it('first view (secret shown), a refused upload, the resubmit form with every kind of field', () => {
    for (const lang of LANGS)
      expectEscaped((v) =>
        receiptPage(
          lang,
          request(v, 'needs_revision'),
          v,
          v,
          forms(v),
          { error: 'invalid_file', requirement: v, why: v, size: v, detected: v },
          now,
          fields(v),
        ),
      );
  });

  it('later views, in every status', () => {
    for (const lang of LANGS)
      for (const status of ['submitted', 'in_review', 'completed', 'rejected'] as const)
        expectEscaped((v) => receiptPage(lang, request(v, status), undefined, v, forms(v), {}, now));
  });

  it('a receipt link that does not open a receipt', () => {
    for (const lang of LANGS) expectEscaped((v) => receiptLinkErrorPage(lang, { code: v, message: v }));
  });
});
