/**
 * The matrix fixtures of the staff accounts routes (issue 15): only the regency's admin is admitted;
 * a denied create leaves no account, a denied disable leaves it active.
 */
import { expect } from 'vitest';
import { BANYUWANGI, type Fixture, LICIN, type Prepared } from './matrix-callers';
import { type client, TAMANSARI } from './runtime';

type Call = ReturnType<typeof client>;

export function accountFixtures(
  call: () => Call,
  tokens: Map<string, string | undefined>,
): Record<string, Fixture> {
  // the routes admit the regency admin only; the kecamatan is there because every target names one
  const target = { kecamatan: LICIN, regency: BANYUWANGI };
  const accounts = `/regency/${BANYUWANGI}/accounts`;
  const listed = async () => {
    const res = await call()('GET', `${accounts}?village=${TAMANSARI}&limit=100`, {
      token: tokens.get('regency-own'),
    });
    expect(res.status, res.text).toBe(200);
    return res.data.items as { username: string; status: string }[];
  };
  const newAccount = () => ({
    email: `matrix.${Math.random().toString(36).slice(2, 10)}@tamansari.desa.id`,
    displayName: 'Petugas Matriks',
    role: 'village-officer',
    villageCode: TAMANSARI,
  });
  const prepared = async (): Promise<Prepared> => {
    const res = await call()('POST', accounts, { token: tokens.get('regency-own'), json: newAccount() });
    expect(res.status, res.text).toBe(201);
    return { params: { code: BANYUWANGI, username: res.data.account.username } };
  };
  return {
    'accounts.list': {
      target,
      prepare: async () => ({ params: { code: BANYUWANGI } }),
      allowed: () => ({ status: 200 }),
    },
    'accounts.create': {
      target,
      prepare: async () => ({ params: { code: BANYUWANGI }, json: newAccount() }),
      allowed: () => ({ status: 201 }),
      unchanged: async ({ json }) => {
        const email = (json as { email: string }).email;
        expect((await listed()).map((a) => a.username)).not.toContain(email);
      },
    },
    'accounts.disable': {
      target,
      prepare: prepared,
      allowed: () => ({ status: 200 }),
      unchanged: async ({ params }) => {
        expect((await listed()).find((a) => a.username === params.username)?.status).toBe('active');
      },
    },
    'accounts.enable': {
      target,
      prepare: prepared,
      allowed: () => ({ status: 200 }),
    },
  };
}
