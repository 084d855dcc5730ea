/**
 * A citizen's request, its documents and its tracking-code claim. A request is found by id
 * (`request#<id>`), by its tracking code (the claim, `tracking#<code>`), and through three queues on
 * the indexes, each ordered by `queueSort` (requests/store.ts: open by due time, then awaiting
 * documents, then closed).
 */
import { Entity, type FormattedItem } from 'dynamodb-toolbox/entity';
import { anyOf } from 'dynamodb-toolbox/schema/anyOf';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { record } from 'dynamodb-toolbox/schema/record';
import { string } from 'dynamodb-toolbox/schema/string';
import { history, localized } from '../lib/attributes';
import { type AccessPattern, indexKeys, inTable, primaryKey } from '../lib/table';
import { STATUSES } from './domain/transitions';

/** A village's queue (gsi2 projects only public attributes: Open311's list and the sites read it). */
export const requestByVillage = {
  index: 'gsi2',
  pk: 'village#{villageCode}#requests',
  sk: 'request#{queueSort}#{id}',
} as const satisfies AccessPattern;
export const requestByVillageStatus = {
  index: 'gsi3',
  pk: 'village#{villageCode}#requests#{status}',
  sk: 'request#{queueSort}#{id}',
} as const satisfies AccessPattern;
export const requestByKecamatanStatus = {
  index: 'gsi4',
  pk: 'kecamatan#{kecamatanCode}#requests#{status}',
  sk: 'request#{queueSort}#{id}',
} as const satisfies AccessPattern;
export const documentsOfRequest = {
  pk: 'documents#{requestId}',
  sk: 'document#{documentId}',
} as const satisfies AccessPattern;
export const requestKey = { pk: 'request#{id}', sk: 'request' } as const satisfies AccessPattern;
export const letterKey = { pk: 'letter#{token}', sk: 'letter' } as const satisfies AccessPattern;
export const trackingCodeKey = {
  pk: 'tracking#{trackingCode}',
  sk: 'tracking',
} as const satisfies AccessPattern;

/**
 * pk `request#<id>`, sk `request`; gsi2 `village#<village>#requests`, gsi3
 * `village#<village>#requests#<status>`, gsi4 `kecamatan#<kecamatan>#requests#<status>`, each with sk
 * `request#<queueSort>#<id>`
 */
export const ServiceRequest = /* @__PURE__ */ (() => {
  const byVillage = indexKeys(requestByVillage, ['id']);
  const byVillageStatus = indexKeys(requestByVillageStatus, ['id']);
  const byKecamatanStatus = indexKeys(requestByKecamatanStatus, ['id']);
  return new Entity({
    name: 'request',
    ...inTable,
    schema: item({
      id: string().key(),
      trackingCode: string(),
      secretHash: string(),
      villageCode: string(),
      kecamatanCode: string(),
      regencyCode: string(),
      serviceCode: string(),
      serviceLevel: string().enum('desa', 'kecamatan'),
      serviceName: localized(),
      duration: string(),
      applicant: map({ name: string(), nik: string(), whatsapp: string().optional() }),
      /** the service's form fields: text, or a list of texts (multivaluelist) */
      fields: record(string(), anyOf(string(), list(string()))).putDefault(() => ({})),
      /** every document requirement of the service; only `required` ones make the request complete */
      requiredDocuments: list(
        map({ code: string(), name: localized(), accept: list(string()), required: boolean() }),
      ).putDefault(() => []),
      status: string().enum(...STATUSES),
      version: number(),
      source: string().enum('web', 'form', 'open311', 'counter'),
      /** walk-in filing: the required documents the officer saw in original (no upload), by whom, when */
      documentsSeen: list(
        map({ requirement: string(), by: string(), byName: string(), at: string() }),
      ).optional(),
      lang: string().enum('id', 'en').putDefault('id'),
      createdAt: string(),
      updatedAt: string(),
      completeAt: string().optional(),
      dueAt: string().optional(),
      /** office time left on the promise while it is paused (needs_revision), e.g. `PT95M` */
      clockRemaining: string().optional(),
      /** when the receipt page showed the secret (it shows it once) */
      secretShownAt: string().optional(),
      closedAt: string().optional(),
      queueSort: string(),
      letterNumber: string().optional(),
      /** the verification token of its current letter (requests/letters.ts) */
      letterToken: string().optional(),
      history: history(),
      ...primaryKey(requestKey),
      gsi2pk: byVillage.pk,
      gsi2sk: byVillage.sk,
      gsi3pk: byVillageStatus.pk,
      gsi3sk: byVillageStatus.sk,
      gsi4pk: byKecamatanStatus.pk,
      gsi4sk: byKecamatanStatus.sk,
    }),
  });
})();

/** pk `documents#<requestId>`, sk `document#<documentId>`: an upload of a requirement, and its checks */
export const RequestDocument = /* @__PURE__ */ (() =>
  new Entity({
    name: 'document',
    ...inTable,
    schema: item({
      requestId: string().key(),
      documentId: string().key(),
      requirement: string(),
      key: string(),
      declaredType: string(),
      declaredSize: number(),
      status: string().enum('pending', 'confirmed', 'replaced'),
      detectedType: string().optional(),
      size: number().optional(),
      createdAt: string(),
      confirmedAt: string().optional(),
      ...primaryKey(documentsOfRequest),
    }),
  }))();

/** pk `tracking#<code>`, sk `tracking`: the claim that makes a tracking code name one request */
export const TrackingCode = /* @__PURE__ */ (() =>
  new Entity({
    name: 'tracking',
    ...inTable,
    schema: item({
      trackingCode: string().key(),
      requestId: string(),
      ...primaryKey(trackingCodeKey),
    }),
  }))();

/**
 * pk `letter#<token>`, sk `letter`: one issued letter, found by its verification token (≥ 128 random
 * bits). Written `pending` in the completion's own transaction — the outbox intent the letter issuer
 * (requests/handlers/issue-letter) renders and stores — then `issued` with its file's SHA-256, or
 * `revoked` with the date and reason. Holds nothing personal but the masked holder's name.
 */
export const Letter = /* @__PURE__ */ (() =>
  new Entity({
    name: 'letter',
    ...inTable,
    schema: item({
      token: string().key(),
      requestId: string(),
      number: string(),
      serviceCode: string(),
      title: string(),
      office: string(),
      villageCode: string(),
      kecamatanCode: string(),
      holderMasked: string(),
      issuedAt: string(),
      status: string().enum('pending', 'issued', 'revoked'),
      /** 1 for the first issue; a re-issue after a correction is the next, under the same number */
      version: number().optional(),
      /** the version this one replaced, and the one that replaced this */
      previousToken: string().optional(),
      replacedBy: string().optional(),
      objectKey: string().optional(),
      sha256: string().optional(),
      renderedAt: string().optional(),
      revokedAt: string().optional(),
      revokedBy: string().optional(),
      revokeReason: string().optional(),
      ...primaryKey(letterKey),
    }),
  }))();

export type LetterItem = FormattedItem<typeof Letter>;
export type RequestItem = FormattedItem<typeof ServiceRequest>;
export type DocumentItem = FormattedItem<typeof RequestDocument>;
/** A required document seen in original at the counter (walk-in filing). */
export type SeenDocument = NonNullable<RequestItem['documentsSeen']>[number];
/** A document requirement of a request. */
export type RequestDocumentRef = RequestItem['requiredDocuments'][number];
