/**
 * The fuzzer's world (test/support/fuzz.ts): real resources on a running local runtime, so generated
 * requests reach deep into the handlers: a token per role (signed in once each: sign-in is rate
 * limited), a request with its secret, tracking code and an uploaded document, the demo seller, a
 * draft product of its own with an uploaded photo, and a published demo product with a ready photo.
 * Also the reads that must keep answering 2xx after any write to one of these resources.
 */
import type { Role, Route, RouteId } from '../../functions/routes';
import { PDF } from '../fixtures/files';
import { type Call, client, KEMIREN, signIn, skuBody, TAMANSARI, toCall } from './runtime';

export const KECAMATAN = '35.10.24';
const JPEG_SIZE = 1_000;

export interface World {
  apiUrl: string;
  tokens: Record<Role, string>;
  village: string;
  otherVillage: string;
  kecamatan: string;
  request: { id: string; secret: string; trackingCode: string; documentId: string };
  seller: { id: string };
  /** a draft of the demo seller made for the fuzzer, with one uploaded (unconfirmed) photo */
  product: { id: string; photoId: string };
  /** a published demo product and its ready photo */
  published: { id: string; photoId: string };
}

const ACCOUNTS: Record<Role, string> = {
  'village-officer': 'officer@tamansari-licin',
  'kecamatan-officer': 'camat@licin',
  'regency-admin': 'admin@banyuwangi',
  seller: 'seller@tamansari-licin',
};

function ok(res: Call, what: string): Call {
  if (res.status >= 300)
    throw new Error(`fuzz world: ${what} answered ${res.status} ${res.text.slice(0, 300)}`);
  return res;
}

/** A presigned POST's fields and a file, sent where the API said (the S3 front of the site server). */
async function upload(
  presigned: { url: string; fields: Record<string, string> },
  bytes: Buffer,
  type: string,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(presigned.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'file');
  const res = await fetch(presigned.url, { method: 'POST', body: form, redirect: 'manual' });
  if (res.status >= 400) throw new Error(`fuzz world: upload answered ${res.status}`);
}

export async function prepareWorld(apiUrl: string): Promise<World> {
  const call = client(apiUrl);
  const tokens = {} as Record<Role, string>;
  for (const [role, username] of Object.entries(ACCOUNTS) as [Role, string][])
    tokens[role] = await signIn(apiUrl, username);
  const seller = tokens.seller;

  const submitted = ok(
    await call('POST', `/villages/${TAMANSARI}/requests`, { json: skuBody('Fuzz Fixture') }),
    'submit',
  ).data;
  const document = ok(
    await call('POST', `/requests/${submitted.id}/documents`, {
      headers: { 'x-request-secret': submitted.secret },
      json: { requirement: 'ktp', contentType: 'application/pdf', size: PDF.length },
    }),
    'document',
  ).data;
  await upload(document, PDF, 'application/pdf');

  const sellerId = JSON.parse(Buffer.from(seller.split('.')[1] ?? '', 'base64url').toString())[
    'custom:seller'
  ] as string;
  const draft = ok(
    await call('POST', `/villages/${TAMANSARI}/products`, {
      token: seller,
      json: {
        name: 'Kopi Fuzz',
        description: { id: 'Kopi untuk pengujian.', en: 'Coffee for testing.' },
        category: 'coffee',
        price: 20_000,
        unit: 'bungkus',
      },
    }),
    'product',
  ).data;
  const photo = ok(
    await call('POST', `/products/${draft.id}/photos`, {
      token: seller,
      json: { contentType: 'image/jpeg', size: JPEG_SIZE },
    }),
    'photo',
  ).data;
  await upload(photo, Buffer.alloc(JPEG_SIZE, 0xff), 'image/jpeg');

  const list = ok(await call('GET', `/villages/${TAMANSARI}/products`), 'products').data;
  const shown = list.items.find((p: { photos: unknown[] }) => p.photos.length > 0);
  if (!shown) throw new Error('fuzz world: no published demo product with a photo');
  return {
    apiUrl,
    tokens,
    village: TAMANSARI,
    otherVillage: KEMIREN,
    kecamatan: KECAMATAN,
    request: {
      id: submitted.id,
      secret: submitted.secret,
      trackingCode: submitted.trackingCode,
      documentId: document.documentId,
    },
    seller: { id: sellerId },
    product: { id: draft.id, photoId: photo.photoId },
    published: { id: shown.id, photoId: shown.photos[0].id },
  };
}

/** A resource of the world a case wrote to. */
export type Target =
  | { kind: 'request' }
  | { kind: 'product'; id: string }
  | { kind: 'seller' }
  | { kind: 'village'; code: string };

/** The world's resource a write touched, from the route's path and the case's path parameters. */
export function targetOf(world: World, path: string, params: Record<string, string>): Target | undefined {
  const id = params.id;
  if (path.startsWith('/requests/') && id === world.request.id) return { kind: 'request' };
  if (path.startsWith('/products/') && (id === world.product.id || id === world.published.id))
    return { kind: 'product', id };
  if (path.startsWith('/sellers/') && id === world.seller.id) return { kind: 'seller' };
  if (path.startsWith('/villages/') && (params.code === world.village || params.code === world.otherVillage))
    return { kind: 'village', code: params.code };
  if (path.startsWith('/open311/v2/requests')) return { kind: 'village', code: world.village };
  return undefined;
}

/**
 * The reads of a resource (GET path and the token to send): after any write to it, refused or not,
 * each must still answer 2xx. Officers see every state, so a legitimate change of status (a hidden
 * product, a suspended seller) keeps them 2xx.
 */
export function readsOf(world: World, target: Target): { path: string; token?: string }[] {
  const officer = world.tokens['village-officer'];
  const search = [{ path: '/products/search' }, { path: '/products/search?q=kopi' }];
  switch (target.kind) {
    case 'request': {
      const { id, secret, trackingCode } = world.request;
      return [
        { path: `/requests/${id}`, token: officer },
        { path: `/track/${trackingCode}` },
        { path: `/requests/${id}/receipt?secret=${encodeURIComponent(secret)}` },
        { path: `/open311/v2/requests/${id}.json?jurisdiction_id=${world.village}` },
        { path: `/villages/${world.village}/requests`, token: officer },
      ];
    }
    case 'product':
      return [
        { path: `/products/${target.id}`, token: officer },
        { path: `/villages/${world.village}/products` },
        { path: `/sellers/${world.seller.id}/products`, token: officer },
        ...search,
      ];
    case 'seller':
      return [
        { path: `/sellers/${world.seller.id}`, token: officer },
        { path: `/sellers/${world.seller.id}/products`, token: officer },
        { path: `/villages/${world.village}/products` },
        ...search,
      ];
    case 'village':
      return [
        { path: `/villages/${target.code}` },
        { path: `/villages/${target.code}/services` },
        { path: `/villages/${target.code}/products` },
        { path: `/open311/v2/services.json?jurisdiction_id=${target.code}` },
        // the officers' queues of what the village was sent (the admin's token reads any village's)
        { path: `/villages/${target.code}/requests`, token: world.tokens['regency-admin'] },
        { path: `/villages/${target.code}/sellers`, token: world.tokens['regency-admin'] },
        ...search,
      ];
  }
}

/** GET a read; its status (a hang or a dropped connection counts as 599). */
export async function read(world: World, r: { path: string; token?: string }): Promise<Call> {
  try {
    return toCall(
      await fetch(world.apiUrl + r.path, {
        headers: r.token ? { authorization: `Bearer ${r.token}` } : {},
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      }),
    );
  } catch (e) {
    return { status: 599, headers: new Headers(), text: String(e), data: undefined };
  }
}

/** The current version of a versioned resource (for bodies that carry `version`). */
export async function currentVersion(world: World, path: string): Promise<number | undefined> {
  const res = await read(world, { path, token: world.tokens['village-officer'] });
  return typeof res.data?.version === 'number' ? res.data.version : undefined;
}

/** Stands for the resource's current version in a body; the runner puts the real one in. */
export const VERSION = 7_777_777;
/** Stands for a WhatsApp number no seller has yet (a registration's); the runner makes one up. */
export const NEW_WHATSAPP = '081999000000';

/** Valid inputs of the write routes (the schemas cannot say a NIK's birth date or a catalogue's fields). */
export function examples(w: World): Partial<Record<RouteId, unknown>> {
  const sku = {
    nama_usaha: 'Kopi Ijen',
    jenis_usaha: 'kuliner',
    alamat_usaha: 'Dusun Krajan',
    lama_usaha: '3',
    keperluan: 'KUR',
  };
  const applicant = { name: 'Siti Aminah', nik: '3510241508900001', whatsapp: '081234567890' };
  return {
    'villages.profile': { about: { id: 'Desa kopi di lereng Ijen.' }, head: { name: 'Pak Kades' } },
    'villages.news': {
      slug: 'panen-kopi-2026',
      date: '2026-06-01',
      title: { id: 'Panen kopi', en: 'Coffee harvest' },
      summary: { id: 'Panen raya kopi rakyat.' },
      body: { id: ['Warga memanen kopi di lereng Ijen.'] },
    },
    'villages.apbdes': {
      income: 1_250_000_000,
      sectors: [
        {
          code: '1',
          name: { id: 'Pemerintahan', en: 'Government' },
          budget: 5e8,
          realisation: 420_000_000.5,
        },
      ],
    },
    'requests.submit': { serviceCode: 'sku', applicant, fields: sku },
    'documents.create': { requirement: 'kk', contentType: 'application/pdf', size: 1000 },
    'requests.resubmit': { fields: sku },
    'requests.transition': { to: 'in_review', version: VERSION },
    'requests.letterRevoke': { reason: 'Data usaha keliru' },
    'requests.letterReissue': { reason: 'Data usaha diperbaiki' },
    'open311.submit': {
      jurisdiction_id: w.village,
      service_code: 'sku',
      'attribute[applicant_name]': applicant.name,
      'attribute[applicant_nik]': applicant.nik,
      ...Object.fromEntries(Object.entries(sku).map(([k, v]) => [`attribute[${k}]`, v])),
    },
    'sellers.register': {
      businessName: 'Keripik Bu Sri',
      ownerName: 'Sri Wahyuni',
      whatsapp: NEW_WHATSAPP,
      kind: 'umkm',
      description: 'Keripik pisang khas Licin.',
      password: 'Kopi-Ijen-2026!',
    },
    'sellers.transition': { to: 'approved', version: VERSION },
    'products.create': {
      name: 'Keripik Pisang',
      description: { id: 'Renyah.' },
      category: 'food_drink',
      price: 15000,
      unit: 'bungkus',
    },
    'products.patch': { version: VERSION, name: 'Kopi Robusta Ijen' },
    'photos.create': { contentType: 'image/jpeg', size: 1000 },
    'local.token': { username: 'officer@tamansari-licin', password: 'smartkampung' },
    'accounts.create': {
      email: 'fuzz.officer@tamansari.desa.id',
      displayName: 'Petugas Fuzz',
      role: 'village-officer',
      villageCode: TAMANSARI,
    },
    'local.oauth.token': { grant_type: 'refresh_token', client_id: 'local-app-client', refresh_token: 'x' },
    'local.oauth.revoke': { token: 'x', client_id: 'local-app-client' },
  };
}

/** The world's real values of a path or query parameter of a route. */
export function realValues(w: World, route: Route, name: string): string[] {
  const p = route.path;
  switch (name) {
    case 'code':
      if (p.startsWith('/track')) return [w.request.trackingCode];
      if (p.startsWith('/kecamatan')) return [w.kecamatan];
      if (p.startsWith('/open311')) return ['sku', 'domisili'];
      if (p.startsWith('/regency')) return ['35.10', '35.09'];
      return [w.village, w.otherVillage];
    case 'id':
      if (p.startsWith('/products')) return [w.product.id, w.published.id];
      if (p.startsWith('/sellers')) return [w.seller.id];
      if (p.startsWith('/open311')) return [w.request.id, w.request.trackingCode];
      return [w.request.id];
    case 'documentId':
      return [w.request.documentId];
    case 'username':
      return ['fuzz.officer@tamansari.desa.id', 'nobody@desa.id'];
    case 'photoId':
      return [w.product.photoId, w.published.photoId];
    case 'trackingCode':
      return [w.request.trackingCode];
    case 'secret':
      return [w.request.secret];
    case 'jurisdiction_id':
      return [w.village, w.otherVillage];
    case 'q':
      return ['kopi', 'batik'];
    default:
      return [];
  }
}
