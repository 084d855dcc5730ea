/**
 * The counter and the accounts screens signed in, against the stand-in API (test/support/workspace-api.ts):
 * walk-in filing asks for every required document to be ticked "Dilihat aslinya", sends no upload, and
 * prints a receipt with the tracking code and secret; the regency admin creates an account (its one-time
 * password shown) and disables one. Both pass axe.
 */
import { describe, expect, it } from 'vitest';
import { fakeBackend, OFFICER, VILLAGE } from '../support/workspace-api';
import { axe, open, site, useWorkspaceWorld } from '../support/workspace-browser';

useWorkspaceWorld();

const ADMIN = { name: 'Admin Banyuwangi', 'cognito:groups': ['regency-admin'], 'custom:regency': '35.10' };

describe('the counter and accounts (stand-in API)', () => {
  it('files a walk-in request with the documents seen in original and shows a printable receipt', async () => {
    const { context, page, problems } = await open(360);
    const sent: unknown[] = [];
    const keys: string[] = [];
    await fakeBackend(page, OFFICER, (method, path, body) => {
      if (method === 'POST' && path === `/villages/${VILLAGE}/walk-in-requests`) {
        sent.push(body);
        return {
          status: 201,
          json: { id: 'W1', trackingCode: 'SK-W1XYZ', secret: 'rahasia-123', dueAt: '2026-12-08T05:00:00Z' },
        };
      }
      return undefined;
    });
    page.on('request', (r) => {
      const key = r.headers()['idempotency-key'];
      if (key) keys.push(key);
    });
    await page.goto(`${site}/kerja/loket/`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByLabel('Layanan').selectOption('sku');
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('NIK (16 angka)').fill('3510244107900002');
    await page.getByLabel('Nama usaha').fill('Kopi Lego');
    await page.getByRole('button', { name: 'Ajukan permohonan' }).click();
    // the KTP was not ticked: nothing is sent, the box says why
    await page.getByText('Lihat dokumen aslinya lalu centang.').waitFor();
    expect(sent).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel(/KTP.*Dilihat aslinya/).check();
    await page.getByRole('button', { name: 'Ajukan permohonan' }).click();
    await page.getByRole('heading', { name: 'Tanda terima' }).waitFor();
    expect(sent).toEqual([
      {
        serviceCode: 'sku',
        applicant: { name: 'Siti Aminah', nik: '3510244107900002', whatsapp: '' },
        fields: { business_name: 'Kopi Lego' },
        documentsSeen: ['ktp'],
        lang: 'id',
      },
    ]);
    expect(keys).toHaveLength(1);
    await page.getByText('SK-W1XYZ').waitFor();
    await page.getByText('rahasia-123').waitFor();
    expect(await page.getByRole('button', { name: 'Cetak tanda terima' }).isVisible()).toBe(true);
    expect(await axe(page)).toEqual([]);
    // the print stylesheet leaves the receipt alone on the paper
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.getByText('SK-W1XYZ').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the regency admin creates an account (its temporary password shown once) and disables one', async () => {
    const { context, page, problems } = await open(1366);
    const posts: string[] = [];
    let accounts = [
      {
        username: 'u-1',
        email: 'officer@tamansari-licin',
        displayName: 'Operator Tamansari',
        role: 'village-officer',
        villageCode: VILLAGE,
        enabled: true,
      },
    ];
    await fakeBackend(page, ADMIN, (method, path, body) => {
      if (method === 'GET' && path.startsWith('/regency/35.10/accounts'))
        return { json: { items: accounts, cursor: null } };
      if (method === 'POST' && path === '/regency/35.10/accounts') {
        posts.push(JSON.stringify(body));
        return {
          status: 201,
          json: { ...(body as object), username: 'u-2', enabled: true, temporaryPassword: 'Tmp#12345a' },
        };
      }
      if (method === 'POST' && path === '/regency/35.10/accounts/u-1/disable') {
        posts.push('disable u-1');
        accounts = accounts.map((a) => ({ ...a, enabled: false }));
        return { json: accounts[0] };
      }
      return undefined;
    });
    await page.goto(`${site}/kerja/akun/`);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Operator Tamansari').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Email').fill('kasi@kemiren-glagah');
    await page.getByLabel('Nama tampilan').fill('Kasi Kemiren');
    await page.getByLabel('Kode desa (contoh 35.10.24.2008)').fill('35.10.15.2005');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText('Tmp#12345a').waitFor();
    expect(JSON.parse(posts[0] ?? '{}')).toEqual({
      email: 'kasi@kemiren-glagah',
      displayName: 'Kasi Kemiren',
      role: 'village-officer',
      villageCode: '35.10.15.2005',
    });
    await page.getByRole('button', { name: 'Nonaktifkan officer@tamansari-licin' }).click();
    await page.getByRole('button', { name: 'Aktifkan officer@tamansari-licin' }).waitFor();
    expect(posts[1]).toBe('disable u-1');
    expect(problems).toEqual([]);
    await context.close();
  });
});
