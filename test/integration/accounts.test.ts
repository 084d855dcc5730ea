/**
 * Staff accounts (issue 15): a regency admin creates, lists, disables and enables officer and camat
 * accounts through the real handlers over the embedded DynamoDB; locally the directory is the local
 * users, so the new officer then signs in through the local OAuth page and sets a password.
 */
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalUser } from '../../functions/auth/entities';
import { hashPassword, issueLocalTokens } from '../../functions/auth/local-identity';
import { localKey } from '../../functions/auth/local-key';
import { config } from '../../functions/lib/config';

import type { LocalRuntime } from '../../infra/local/runtime';
import { CLIENT_ID, codeOf, exchange, startFlow, submit } from '../support/oauth';
import { client, KEMIREN, signIn, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
let admin: string;
const html = { accept: 'text/html' };
const LICIN = TAMANSARI.slice(0, 8);
const accounts = '/regency/35.10/accounts';

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
  admin = await signIn(runtime.apiUrl, 'admin@banyuwangi');
}, 120_000);
afterAll(() => runtime?.stop());

const officer = (email: string, villageCode = TAMANSARI) => ({
  email,
  displayName: 'Rina Wulandari (Petugas Desa Tamansari)',
  role: 'village-officer',
  villageCode,
});

describe('authorization', () => {
  it('admits the regency admin of this regency only', async () => {
    const otherAdmin = (
      await issueLocalTokens(
        await localKey(),
        { username: 'admin@jember', groups: ['regency-admin'], attributes: { 'custom:regency': '35.09' } },
        { issuer: config().AUTH_ISSUER, audience: config().AUTH_CLIENT_ID },
      )
    ).idToken;
    const callers = {
      officer: await signIn(runtime.apiUrl, 'officer@tamansari-licin'),
      camat: await signIn(runtime.apiUrl, 'camat@licin'),
      'admin of another regency': otherAdmin,
    };
    for (const [who, token] of Object.entries(callers)) {
      expect((await call('GET', accounts, { token })).status, who).toBe(403);
      expect((await call('POST', accounts, { token, json: officer('x@desa.id') })).status, who).toBe(403);
      expect((await call('POST', `${accounts}/x@desa.id/disable`, { token })).status, who).toBe(403);
    }
    expect((await call('GET', accounts)).status).toBe(401);
    expect((await call('GET', '/regency/35.09/accounts', { token: admin })).status).toBe(403);
  });
});

describe('creating accounts', () => {
  it('refuses bad input by field: e-mail, role, a scope missing or outside the regency', async () => {
    const post = (json: unknown) => call('POST', accounts, { token: admin, json });
    const fields = async (json: unknown) => {
      const res = await post(json);
      expect(res.status).toBe(400);
      return res.data.error.fields.map((f: { path: string }) => f.path);
    };
    expect(await fields({ ...officer('not-an-email'), role: 'regency-admin' })).toEqual(['email', 'role']);
    expect(await fields({ ...officer('a@desa.id'), villageCode: undefined })).toEqual(['villageCode']);
    expect(await fields(officer('a@desa.id', '35.09.01.2001'))).toEqual(['villageCode']);
    expect(await fields(officer('a@desa.id', '35.10.24.9999'))).toEqual(['villageCode']);
    expect(await fields({ email: 'c@desa.id', displayName: 'Camat', role: 'kecamatan-officer' })).toEqual([
      'kecamatanCode',
    ]);
  });

  it('creates an officer once (the temporary password answered once locally); a retry is the same; 409 for another', async () => {
    const created = await call('POST', accounts, { token: admin, json: officer('Rina@Tamansari.Desa.id') });
    expect(created.status).toBe(201);
    expect(created.data.account).toMatchObject({
      username: 'rina@tamansari.desa.id',
      role: 'village-officer',
      villageCode: TAMANSARI,
      kecamatanCode: LICIN,
      regencyCode: '35.10',
      status: 'active',
      createdBy: 'admin@banyuwangi',
    });
    expect(created.data.temporaryPassword).toMatch(/^Tmp-/);
    const retry = await call('POST', accounts, { token: admin, json: officer('rina@tamansari.desa.id') });
    expect(retry.status).toBe(200);
    expect(retry.data).not.toHaveProperty('temporaryPassword');
    const other = await call('POST', accounts, {
      token: admin,
      json: { ...officer('rina@tamansari.desa.id', KEMIREN) },
    });
    expect(other.status).toBe(409);
    expect(other.data.error.code).toBe('account_exists');

    // a sign-in the register does not know (created outside it) keeps its name
    await LocalUser.build(PutItemCommand)
      .item({ username: 'taken@desa.id', passwordHash: await hashPassword('x'), groups: [], attributes: {} })
      .send();
    expect((await call('POST', accounts, { token: admin, json: officer('taken@desa.id') })).status).toBe(409);

    const camat = await call('POST', accounts, {
      token: admin,
      json: {
        email: 'camat.baru@licin.id',
        displayName: 'Camat Baru',
        role: 'kecamatan-officer',
        kecamatanCode: LICIN,
      },
    });
    expect(camat.status).toBe(201);
    expect(camat.data.account).not.toHaveProperty('villageCode');
    const kemiren = await call('POST', accounts, {
      token: admin,
      json: officer('budi@kemiren.desa.id', KEMIREN),
    });
    expect(kemiren.status).toBe(201);

    const list = async (query = '') => {
      const res = await call('GET', `${accounts}${query}`, { token: admin });
      expect(res.status).toBe(200);
      return res.data.items.map((a: { username: string }) => a.username).sort();
    };
    expect(await list()).toEqual(['budi@kemiren.desa.id', 'camat.baru@licin.id', 'rina@tamansari.desa.id']);
    expect(await list(`?kecamatan=${LICIN}`)).toEqual(['camat.baru@licin.id', 'rina@tamansari.desa.id']);
    expect(await list(`?village=${TAMANSARI}`)).toEqual(['rina@tamansari.desa.id']);
    const first = await call('GET', `${accounts}?limit=2`, { token: admin });
    expect(first.data.items).toHaveLength(2);
    const second = await call('GET', `${accounts}?limit=2&cursor=${first.data.cursor}`, { token: admin });
    expect(second.data.items).toHaveLength(1);
    expect((await call('GET', `${accounts}?cursor=nonsense`, { token: admin })).status).toBe(400);
  });

  it('lets the new officer sign in with a new password; disabled, it cannot, nor refresh; enabled, it can', async () => {
    const created = await call('POST', accounts, { token: admin, json: officer('dewi@tamansari.desa.id') });
    expect(created.status).toBe(201);
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl);
    const page = await call('GET', flow.authorizePath, { headers: html });
    const ask = await submit(flow, page, {
      username: 'dewi@tamansari.desa.id',
      password: created.data.temporaryPassword,
    });
    expect(ask.text).toContain('Buat kata sandi baru');
    const done = await submit(flow, ask, {
      new_password: 'Dewi-Sendiri-1!',
      new_password_again: 'Dewi-Sendiri-1!',
    });
    expect(done.status).toBe(302);
    const tokens = await exchange(flow, codeOf(flow, done));
    expect(decodeJwt(tokens.data.id_token)).toMatchObject({
      name: 'Rina Wulandari (Petugas Desa Tamansari)',
      email: 'dewi@tamansari.desa.id',
      'cognito:groups': ['village-officer'],
      'custom:village': TAMANSARI,
    });
    const queue = await call('GET', `/villages/${TAMANSARI}/requests`, { token: tokens.data.id_token });
    expect(queue.status).toBe(200);
    expect((await call('GET', `/villages/${KEMIREN}/requests`, { token: tokens.data.id_token })).status).toBe(
      403,
    );

    const disabled = await call('POST', `${accounts}/dewi@tamansari.desa.id/disable`, { token: admin });
    expect(disabled.status).toBe(200);
    expect(disabled.data.status).toBe('disabled');
    const refresh = {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: tokens.data.refresh_token,
    };
    expect((await call('POST', '/local-cognito/oauth2/token', { form: refresh })).data.error).toBe(
      'invalid_grant',
    );
    const refused = await submit(flow, page, {
      username: 'dewi@tamansari.desa.id',
      password: 'Dewi-Sendiri-1!',
    });
    expect(refused.status).toBe(403);

    const enabled = await call('POST', `${accounts}/dewi@tamansari.desa.id/enable`, { token: admin });
    expect(enabled.data.status).toBe('active');
    const back = await submit(flow, page, {
      username: 'dewi@tamansari.desa.id',
      password: 'Dewi-Sendiri-1!',
    });
    expect(back.status).toBe(302);

    expect((await call('POST', `${accounts}/nobody@desa.id/disable`, { token: admin })).status).toBe(404);
    expect((await call('POST', `${accounts}/not%20an%20email/disable`, { token: admin })).status).toBe(400);
  });
});
