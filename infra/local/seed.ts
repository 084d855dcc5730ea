/**
 * Demo data for the local runtime: the regency's default catalogue (refreshed; onboarding writes it and the holidays), the demo accounts
 * (all with password `smartkampung`) and a few requests in Tamansari and Kemiren, filed through the
 * same domain code a citizen's request goes through. Idempotent: a second start adds nothing.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { LocalUser } from '../../functions/auth/entities';
import { hashPassword } from '../../functions/auth/local-identity';
import { DEFAULT_CATALOGUE } from '../../functions/catalogue/regency-defaults';
import { putDefaults } from '../../functions/catalogue/store';
import { config } from '../../functions/lib/config';
import { s3 } from '../../functions/lib/s3-objects';
import { getItem, queryPage } from '../../functions/lib/table';
import { confirmDocument, incomingKey, newDocumentId } from '../../functions/requests/documents';
import { requestByVillage, ServiceRequest } from '../../functions/requests/entities';
import { submitRequest } from '../../functions/requests/submit';
import { transition } from '../../functions/requests/workflow';
import { Kecamatan, Regency } from '../../functions/villages/entities';
import { findVillageBySlug } from '../../functions/villages/store';
import { seedSellers } from './seed-products';
import { seedSites } from './seed-sites';

export const DEMO_PASSWORD = 'smartkampung';

/** A tiny but real PDF, so demo documents pass the same type check as uploads. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface DemoAccount {
  username: string;
  groups: string[];
  attributes: Record<string, string>;
  /** the `name` claim of the workspace's ID token (who did what in a request's history) */
  displayName?: string;
}

/** The demo people behind the demo accounts (by username; an unknown one gets none). */
const DEMO_NAMES: Record<string, string> = {
  'officer@tamansari-licin': 'Siti Rahayu (Petugas Desa Tamansari)',
  'officer@kemiren-glagah': 'Agus Setiawan (Petugas Desa Kemiren)',
  'camat@licin': 'Bambang Hariyanto (Camat Licin)',
  'admin@banyuwangi': 'Dewi Lestari (Admin Kabupaten Banyuwangi)',
};

export async function demoAccounts(regencyCode: string): Promise<DemoAccount[]> {
  const regency = (await getItem(Regency, { code: regencyCode })).Item;
  const slugOf = (name?: string) => (name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const accounts: DemoAccount[] = [];
  for (const slug of ['tamansari-licin', 'kemiren-glagah']) {
    const village = await findVillageBySlug(slug);
    if (!village) continue;
    accounts.push({
      username: `officer@${slug}`,
      groups: ['village-officer'],
      attributes: {
        'custom:village': village.code,
        'custom:kecamatan': village.kecamatanCode,
        'custom:regency': village.regencyCode,
      },
    });
  }
  const licin = accounts.find((a) => a.username === 'officer@tamansari-licin');
  if (licin)
    accounts.push({
      username: 'camat@licin',
      groups: ['kecamatan-officer'],
      attributes: {
        'custom:kecamatan': licin.attributes['custom:kecamatan'] ?? '',
        'custom:regency': regencyCode,
      },
    });
  accounts.push({
    username: `admin@${slugOf(regency?.name.replace(/^(kabupaten|kota)\s+/i, '')) || regencyCode}`,
    groups: ['regency-admin'],
    attributes: { 'custom:regency': regencyCode },
  });
  for (const slug of ['tamansari-licin', 'kemiren-glagah'])
    accounts.push({ username: `seller@${slug}`, groups: ['seller'], attributes: {} });
  return accounts.map((a) => {
    const displayName = DEMO_NAMES[a.username];
    return displayName ? { ...a, displayName } : a;
  });
}

export async function seedDemo(opts: { regencyCode: string; withRequests: boolean }): Promise<DemoAccount[]> {
  // onboarding wrote any missing default service and the holidays; locally the defaults are refreshed
  // on every start, so an edit of regency-defaults.ts shows without --fresh
  await putDefaults(opts.regencyCode, DEFAULT_CATALOGUE);
  const accounts = await demoAccounts(opts.regencyCode);
  // sellers are created with their seller records (seed-products.ts)
  for (const account of accounts.filter((a) => !a.groups.includes('seller'))) {
    const exists = (await getItem(LocalUser, { username: account.username })).Item;
    if (!exists)
      await LocalUser.build(PutItemCommand)
        .item({ ...account, passwordHash: await hashPassword(DEMO_PASSWORD) })
        .send();
    // a data folder seeded before display names existed gets them (issue 15)
    else if (account.displayName && !exists.displayName)
      await LocalUser.build(UpdateItemCommand)
        .item({ username: account.username, displayName: account.displayName })
        .send();
  }
  await seedSigners();
  if (opts.withRequests) await seedRequests(accounts);
  await seedSellers();
  await seedSites();
  return accounts;
}

/** The camat of the demo kecamatan (Licin), who signs its letters: a demo name and official number. */
async function seedSigners() {
  const licin = (await getItem(Kecamatan, { code: '35.10.24' })).Item;
  if (licin && !licin.camat)
    await Kecamatan.build(PutItemCommand)
      .item({ ...licin, camat: { name: 'Drs. Bambang Hermanto, M.Si.', nip: '197005121995031003' } })
      .send();
}

async function seedRequests(accounts: DemoAccount[]) {
  const officer = accounts.find((a) => a.username === 'officer@tamansari-licin');
  const village = officer?.attributes['custom:village'];
  if (!officer || !village) return;
  const existing = await queryPage(ServiceRequest, requestByVillage, { villageCode: village }, { limit: 1 });
  if (existing.items.length > 0) return;
  const now = new Date();
  const demo: { serviceCode: string; name: string; nik: string; fields: Record<string, string> }[] = [
    {
      serviceCode: 'sku',
      name: 'Siti Aminah',
      nik: '3510245508900002',
      fields: {
        nama_usaha: 'Kopi Tamansari Ijen',
        jenis_usaha: 'kuliner',
        alamat_usaha: 'Dusun Krajan RT 02 RW 01, Tamansari',
        lama_usaha: '4',
      },
    },
    {
      serviceCode: 'domisili',
      name: 'Budi Santoso',
      nik: '3510241508900001',
      fields: {
        alamat_domisili: 'Dusun Krajan RT 01 RW 02, Tamansari',
        rt_rw: '001/002',
        tinggal_sejak: '2015-06-01',
        keperluan: 'Pembukaan rekening bank',
      },
    },
  ];
  for (const d of demo) {
    const receipt = await submitRequest(
      village,
      {
        serviceCode: d.serviceCode,
        applicant: { name: d.name, nik: d.nik, whatsapp: '+6281234567890' },
        fields: d.fields,
        lang: 'id',
      },
      { source: 'web', now },
    ).catch(() => undefined); // a catalogue without this demo service simply gets fewer demo requests
    if (!receipt) continue;
    const request = (await getItem(ServiceRequest, { id: receipt.id })).Item;
    for (const requirement of request?.requiredDocuments ?? []) {
      const documentId = newDocumentId(requirement.code);
      await s3().send(
        new PutObjectCommand({
          Bucket: config().UPLOADS_BUCKET,
          Key: incomingKey(receipt.id, documentId),
          Body: DEMO_PDF,
          ContentType: 'application/pdf',
        }),
      );
      await confirmDocument(receipt.id, documentId, now);
    }
    if (d.serviceCode === 'domisili') {
      const current = (await getItem(ServiceRequest, { id: receipt.id })).Item;
      if (current)
        await transition(
          receipt.id,
          { to: 'in_review', version: current.version },
          { role: 'village-officer', username: officer.username },
          now,
        );
    }
  }
}
