/**
 * The local runtime's stand-in for Cognito's managed login (issue 15): discovery, the authorize page
 * and its form, the code exchange with PKCE, refresh, revoke and sign-out — what the workspace app
 * does in the browser, here over HTTP.
 */
import { PutItemCommand } from 'dynamodb-toolbox/entity/actions/put';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalUser } from '../../functions/auth/entities';
import { hashPassword } from '../../functions/auth/local-identity';

import type { LocalRuntime } from '../../infra/local/runtime';
import { CLIENT_ID, codeOf, exchange, formFields, startFlow, submit } from '../support/oauth';
import { client, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;
const html = { accept: 'text/html' };

beforeAll(async () => {
  runtime = await startRuntime();
  call = client(runtime.apiUrl);
}, 120_000);
afterAll(() => runtime?.stop());

const issuer = () => `${runtime.apiUrl}/local-cognito`;

describe('discovery', () => {
  it("is Cognito's shape with the local issuer's endpoints", async () => {
    const res = await call('GET', '/local-cognito/.well-known/openid-configuration');
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      issuer: issuer(),
      authorization_endpoint: `${issuer()}/oauth2/authorize`,
      token_endpoint: `${issuer()}/oauth2/token`,
      revocation_endpoint: `${issuer()}/oauth2/revoke`,
      end_session_endpoint: `${issuer()}/logout`,
      jwks_uri: `${issuer()}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      scopes_supported: ['openid', 'email', 'profile'],
    });
  });
});

describe('the authorize page', () => {
  it('shows the sign-in form in Bahasa Indonesia, in English for the English callback', async () => {
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl);
    const page = await call('GET', flow.authorizePath, { headers: html });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="id"');
    expect(page.text).toContain('Masuk ke Ruang Kerja');
    expect(page.text).toMatch(/<label for="password">Kata sandi<\/label>/);
    expect(formFields(page.text)).toMatchObject({
      client_id: CLIENT_ID,
      state: flow.state,
      step: 'password',
    });
    const en = startFlow(runtime.apiUrl, runtime.siteUrl, 'en');
    const english = await call('GET', en.authorizePath, { headers: html });
    expect(english.text).toContain('Sign in to the Workspace');
  });

  it('shows an unknown client or redirect URI on the page, never redirecting to it', async () => {
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl);
    for (const [name, value] of [
      ['client_id', 'someone-else'],
      ['redirect_uri', 'https://evil.example/kerja/callback/'],
      ['redirect_uri', `${runtime.siteUrl}/kerja/callback/x`],
    ] as const) {
      const url = new URL(flow.authorizePath, 'http://x');
      url.searchParams.set(name, value);
      const res = await call('GET', `${url.pathname}${url.search}`, { headers: html });
      expect(res.status, `${name}=${value}`).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.text).toContain('Permintaan masuk ini tidak sah');
    }
  });

  it('answers a bad request of the registered client at its redirect URI (no PKCE, no code flow)', async () => {
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl);
    const url = new URL(flow.authorizePath, 'http://x');
    url.searchParams.delete('code_challenge');
    const res = await call('GET', `${url.pathname}${url.search}`, { headers: html });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe(flow.state);
  });
});

describe('sign-in and tokens', () => {
  it('signs the officer in: code once, tokens with nonce and name that the API accepts', async () => {
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl);
    const page = await call('GET', flow.authorizePath, { headers: html });
    const wrong = await submit(flow, page, { username: 'officer@tamansari-licin', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Nama pengguna atau kata sandi salah.');
    expect(wrong.text).not.toContain('nope');

    const answer = await submit(flow, page, {
      username: 'officer@tamansari-licin',
      password: 'smartkampung',
    });
    expect(answer.status).toBe(302);
    const code = codeOf(flow, answer);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // a wrong verifier spends the code: the right one then gets nothing either
    const stolen = await exchange(flow, code, 'x'.repeat(43));
    expect(stolen).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
    expect((await exchange(flow, code)).data.error).toBe('invalid_grant');

    const again = await submit(flow, page, { username: 'officer@tamansari-licin', password: 'smartkampung' });
    const tokens = await exchange(flow, codeOf(flow, again));
    expect(tokens.status).toBe(200);
    expect(tokens.data).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(tokens.data.refresh_token).toEqual(expect.any(String));
    const claims = decodeJwt(tokens.data.id_token);
    expect(claims).toMatchObject({
      iss: issuer(),
      aud: CLIENT_ID,
      nonce: flow.nonce,
      name: 'Siti Rahayu (Petugas Desa Tamansari)',
      'cognito:username': 'officer@tamansari-licin',
      'custom:village': TAMANSARI,
    });
    const used = await exchange(flow, codeOf(flow, again));
    expect(used.data.error).toBe('invalid_grant');

    const queue = await call('GET', `/villages/${TAMANSARI}/requests`, { token: tokens.data.id_token });
    expect(queue.status).toBe(200);

    // refresh: new ID token, the same refresh token (not rotated, as Cognito); revoked, it is dead
    const refresh = {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: tokens.data.refresh_token,
    };
    const refreshed = await call('POST', '/local-cognito/oauth2/token', { form: refresh });
    expect(refreshed.status).toBe(200);
    expect(refreshed.data).not.toHaveProperty('refresh_token');
    expect(decodeJwt(refreshed.data.id_token)).toMatchObject({
      name: 'Siti Rahayu (Petugas Desa Tamansari)',
    });
    const revoked = await call('POST', '/local-cognito/oauth2/revoke', {
      form: { token: tokens.data.refresh_token, client_id: CLIENT_ID },
    });
    expect(revoked.status).toBe(200);
    const dead = await call('POST', '/local-cognito/oauth2/token', { form: refresh });
    expect(dead).toMatchObject({ status: 400, data: { error: 'invalid_grant' } });
  });

  it('answers OAuth errors as OAuth JSON with 400', async () => {
    const token = (form: Record<string, string>) => call('POST', '/local-cognito/oauth2/token', { form });
    expect((await token({ grant_type: 'password', client_id: CLIENT_ID })).data.error).toBe(
      'unsupported_grant_type',
    );
    expect((await token({ grant_type: 'authorization_code', client_id: 'x' })).data.error).toBe(
      'invalid_client',
    );
    const missing = await token({ grant_type: 'authorization_code', client_id: CLIENT_ID });
    expect(missing).toMatchObject({ status: 400, data: { error: 'invalid_request' } });
    const json = await call('POST', '/local-cognito/oauth2/token', {
      json: { grant_type: 'x', client_id: CLIENT_ID },
    });
    expect(json.status).toBe(400);
    expect(json.data.error).toBe('unsupported_grant_type');
  });

  it('sets a new password at the first sign-in of an account made with a temporary one', async () => {
    await LocalUser.build(PutItemCommand)
      .item({
        username: 'new.officer@example.id',
        passwordHash: await hashPassword('Temp-Passw0rd!'),
        groups: ['village-officer'],
        attributes: { 'custom:village': TAMANSARI, 'custom:regency': '35.10' },
        displayName: 'Rina Wulandari',
        mustChangePassword: true,
      })
      .send();
    // not through the side door either: POST /local/token gives no tokens for a temporary password
    const side = await call('POST', '/local/token', {
      json: { username: 'new.officer@example.id', password: 'Temp-Passw0rd!' },
    });
    expect(side).toMatchObject({ status: 403, data: { error: { code: 'forbidden' } } });
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl);
    const page = await call('GET', flow.authorizePath, { headers: html });
    const ask = await submit(flow, page, { username: 'new.officer@example.id', password: 'Temp-Passw0rd!' });
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('Buat kata sandi baru');
    const weak = await submit(flow, ask, { new_password: 'short', new_password_again: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('belum ada huruf besar');
    const differ = await submit(flow, ask, {
      new_password: 'Sendiri-12345!',
      new_password_again: 'Sendiri-12345?',
    });
    expect(differ.text).toContain('Kedua kata sandi baru tidak sama.');
    const done = await submit(flow, ask, {
      new_password: 'Sendiri-12345!',
      new_password_again: 'Sendiri-12345!',
    });
    expect(done.status).toBe(302);
    expect((await exchange(flow, codeOf(flow, done))).status).toBe(200);

    const old = await call('POST', '/local/token', {
      json: { username: 'new.officer@example.id', password: 'Temp-Passw0rd!' },
    });
    expect(old.status).toBe(401);
    const own = await call('POST', '/local/token', {
      json: { username: 'new.officer@example.id', password: 'Sendiri-12345!' },
    });
    expect(own.status).toBe(200);
  });

  it('refuses a disabled account, and keeps the per-username limit of /local/token', async () => {
    await LocalUser.build(PutItemCommand)
      .item({
        username: 'gone@example.id',
        passwordHash: await hashPassword('Gone-Passw0rd!'),
        groups: ['village-officer'],
        attributes: {},
        disabled: true,
      })
      .send();
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl);
    const page = await call('GET', flow.authorizePath, { headers: html });
    const disabled = await submit(flow, page, { username: 'gone@example.id', password: 'Gone-Passw0rd!' });
    expect(disabled.status).toBe(403);
    expect(disabled.text).toContain('Akun ini dinonaktifkan.');
    let last = 0;
    for (let i = 0; i < 10; i++)
      last = (await submit(flow, page, { username: 'limited@example.id', password: 'wrong' })).status;
    expect(last).toBe(401);
    const limited = await submit(flow, page, { username: 'limited@example.id', password: 'wrong' });
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('Terlalu banyak percobaan masuk.');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('sign-out', () => {
  it('goes back to a registered sign-out URL only', async () => {
    const logout = (uri: string, clientId = CLIENT_ID) =>
      call('GET', `/local-cognito/logout?${new URLSearchParams({ client_id: clientId, logout_uri: uri })}`, {
        headers: html,
      });
    const ok = await logout(`${runtime.siteUrl}/kerja/`);
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(`${runtime.siteUrl}/kerja/`);
    expect((await logout(`${runtime.siteUrl}/kerja/en/`)).status).toBe(302);
    const evil = await logout('https://evil.example/');
    expect(evil.status).toBe(400);
    expect(evil.headers.get('location')).toBeNull();
    expect((await logout(`${runtime.siteUrl}/kerja/`, 'x')).status).toBe(400);
  });
});

describe('the workspace configuration', () => {
  it('is served by the site server at /kerja/config.json from the running configuration', async () => {
    const res = await fetch(`${runtime.siteUrl}/kerja/config.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      apiBase: runtime.apiUrl,
      issuer: issuer(),
      clientId: CLIENT_ID,
      authorizationEndpoint: `${issuer()}/oauth2/authorize`,
      tokenEndpoint: `${issuer()}/oauth2/token`,
      revocationEndpoint: `${issuer()}/oauth2/revoke`,
      logoutEndpoint: `${issuer()}/logout`,
      siteOrigin: runtime.siteUrl,
    });
  });
});

describe('the sign-in pages', () => {
  it('validate (html-validate, the repository rules)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const flow = startFlow(runtime.apiUrl, runtime.siteUrl, 'en');
    const page = await call('GET', flow.authorizePath, { headers: html });
    const wrong = await submit(flow, page, { username: 'officer@kemiren-glagah', password: 'nope' });
    const bad = await call('GET', flow.authorizePath.replace(CLIENT_ID, 'x'), { headers: html });
    await LocalUser.build(PutItemCommand)
      .item({
        username: 'valid.page@example.id',
        passwordHash: await hashPassword('Temp-Passw0rd!'),
        groups: [],
        attributes: {},
        mustChangePassword: true,
      })
      .send();
    const ask = await submit(flow, page, { username: 'valid.page@example.id', password: 'Temp-Passw0rd!' });
    const weak = await submit(flow, ask, { new_password: 'short', new_password_again: 'short' });
    for (const [name, res] of Object.entries({ page, wrong, bad, ask, weak })) {
      const report = await validator.validateString(res.text);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      expect(messages, name).toEqual([]);
    }
  });
});
