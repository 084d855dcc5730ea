/**
 * The workspace's flow in the grants test (test/integration/grants.test.ts): the regency admin's
 * queue and staff accounts, and an officer's walk-in filing at the counter, through the local runtime
 * while ./grants.ts records what each function sends.
 */
import { expect } from 'vitest';
import { call, runtime } from './grants';
import { signIn, skuBody, TAMANSARI } from './runtime';

export async function workspaceFlow() {
  const admin = await signIn(runtime.apiUrl, 'admin@banyuwangi');
  const queue = await call('GET', `/regency/35.10/requests?village=${TAMANSARI}&overdue=true`, {
    token: admin,
  });
  expect(queue.status, queue.text).toBe(200);
  expect((await call('GET', '/regency/35.10/requests', { token: admin })).status).toBe(200);

  const accounts = '/regency/35.10/accounts';
  const created = await call('POST', accounts, {
    token: admin,
    json: {
      email: 'grants.audit@desa.id',
      displayName: 'Grant Audit (Petugas Desa Tamansari)',
      role: 'village-officer',
      villageCode: TAMANSARI,
    },
  });
  expect(created.status, created.text).toBe(201);
  const username = encodeURIComponent(created.data.username ?? 'grants.audit@desa.id');
  expect((await call('GET', accounts, { token: admin })).status).toBe(200);
  expect((await call('POST', `${accounts}/${username}/disable`, { token: admin })).status).toBe(200);
  expect((await call('POST', `${accounts}/${username}/enable`, { token: admin })).status).toBe(200);

  const officer = await signIn(runtime.apiUrl, 'officer@tamansari-licin');
  const walkIn = await call('POST', `/villages/${TAMANSARI}/walk-in-requests`, {
    token: officer,
    json: { ...skuBody('Grant Counter'), documentsSeen: ['ktp', 'kk', 'pengantar_rt_rw'] },
    headers: { 'idempotency-key': 'grants-walk-in-1' },
  });
  expect(walkIn.status, walkIn.text).toBe(201);
}
