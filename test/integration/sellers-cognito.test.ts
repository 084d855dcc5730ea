/**
 * Seller registration on AWS, where sign-ins live in Cognito. Cognito cannot run here: its client is
 * mocked (an in-memory user pool behind `send`); the table, the handlers and the rules are real.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { functionSpecs } from '../../infra/bundles';
import { localInvocation } from '../../infra/local/invocation';
import type { LocalRuntime } from '../../infra/local/runtime';
import { allows, grantedByTemplates } from '../support/granted';
import { client, startRuntime, TAMANSARI } from '../support/runtime';

let runtime: LocalRuntime;
let call: ReturnType<typeof client>;

/** the mocked user pool */
const users = new Map<string, { attributes: Record<string, string>; status: string; groups: string[] }>();
const calls: string[] = [];
/** every Cognito call, as "route id → IAM action on the user pool" (the action is the command's name) */
const sent = new Set<string>();
let failNextPassword = false;
let failNextGroup = false;

beforeAll(async () => {
  process.env.COGNITO_USER_POOL_ID = 'ap-southeast-3_mocked';
  runtime = await startRuntime();
  // the config has read it; later test files in this worker must not
  delete process.env.COGNITO_USER_POOL_ID;
  call = client(runtime.apiUrl);
  vi.spyOn(CognitoIdentityProviderClient.prototype, 'send').mockImplementation(async (command: unknown) => {
    const error = (name: string) => Object.assign(new Error(name), { name });
    calls.push((command as object).constructor.name);
    const route = localInvocation.getStore()?.routeId ?? '(outside any route)';
    sent.add(
      `${route} cognito-idp:${(command as object).constructor.name.replace(/Command$/, '')} user-pool`,
    );
    if (command instanceof AdminCreateUserCommand) {
      const name = command.input.Username ?? '';
      if (users.has(name)) throw error('UsernameExistsException');
      users.set(name, {
        attributes: Object.fromEntries((command.input.UserAttributes ?? []).map((a) => [a.Name, a.Value])),
        status: 'FORCE_CHANGE_PASSWORD',
        groups: [],
      });
      return {} as never;
    }
    if (command instanceof AdminSetUserPasswordCommand) {
      if (failNextPassword) {
        failNextPassword = false;
        throw error('InvalidPasswordException');
      }
      const user = users.get(command.input.Username ?? '');
      if (user) user.status = 'CONFIRMED';
      return {} as never;
    }
    if (command instanceof AdminAddUserToGroupCommand) {
      if (failNextGroup) {
        failNextGroup = false;
        throw error('InternalErrorException');
      }
      users.get(command.input.Username ?? '')?.groups.push(command.input.GroupName ?? '');
      return {} as never;
    }
    if (command instanceof AdminUpdateUserAttributesCommand) {
      const user = users.get(command.input.Username ?? '');
      if (!user) throw error('UserNotFoundException');
      for (const a of command.input.UserAttributes ?? []) user.attributes[a.Name ?? ''] = a.Value ?? '';
      return {} as never;
    }
    if (command instanceof AdminGetUserCommand) {
      const user = users.get(command.input.Username ?? '');
      if (!user) throw error('UserNotFoundException');
      return { UserStatus: user.status } as never;
    }
    throw new Error(`unexpected Cognito call ${calls.at(-1)}`);
  });
}, 120_000);
afterAll(async () => {
  vi.restoreAllMocks();
  await runtime?.stop();
});

const body = (whatsapp: string) => ({
  businessName: 'Tempe Bu Yati',
  ownerName: 'Suryati',
  whatsapp,
  kind: 'umkm',
  description: 'Tempe daun khas Licin',
  password: 'Tempe-Daun-2026!',
});

describe('seller registration with Cognito (client mocked)', () => {
  it('creates the sign-in server-side with the scoping attributes, group seller and a permanent password', async () => {
    const res = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body('081377700001') });
    expect(res.status, res.text).toBe(201);
    const user = users.get('+6281377700001');
    expect(user).toEqual({
      attributes: {
        'custom:village': TAMANSARI,
        'custom:kecamatan': '35.10.24',
        'custom:regency': '35.10',
        'custom:seller': res.data.id,
      },
      status: 'CONFIRMED',
      groups: ['seller'],
    });
    // no local sign-in was written on AWS
    const { LocalUser } = await import('../../functions/auth/entities');
    const { getItem } = await import('../../functions/lib/table');
    expect(
      (await getItem(LocalUser, { username: '+6281377700001' }, { consistent: true })).Item,
    ).toBeUndefined();
  });

  it('a retry answers the same seller and never resets the password of a working account', async () => {
    const first = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body('081377700002') });
    calls.length = 0;
    const retry = await call('POST', `/villages/${TAMANSARI}/sellers`, {
      json: { ...body('081377700002'), password: 'Orang-Lain-2026!' },
    });
    expect(retry.status).toBe(201);
    expect(retry.data.id).toBe(first.data.id);
    expect(calls).not.toContain('AdminSetUserPasswordCommand');
  });

  it('a Cognito refusal leaves no half-registered seller, and the same registration then succeeds', async () => {
    failNextPassword = true;
    const refused = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body('081377700003') });
    expect(refused.status).toBe(400);
    expect(refused.data.error.fields).toEqual([{ path: 'password', message: expect.any(String) }]);
    const { SellerAccount } = await import('../../functions/sellers/entities');
    const { getItem } = await import('../../functions/lib/table');
    expect(
      (await getItem(SellerAccount, { whatsapp: '+6281377700003' }, { consistent: true })).Item,
    ).toBeUndefined();
    const again = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body('081377700003') });
    expect(again.status, again.text).toBe(201);
    expect(users.get('+6281377700003')?.status).toBe('CONFIRMED');
    // the sign-in the undone attempt left behind now belongs to the seller that exists
    expect(users.get('+6281377700003')?.attributes['custom:seller']).toBe(again.data.id);
  });

  it('(mocked Cognito) a retry after an attempt undone once the password was set points the confirmed sign-in at the new seller', async () => {
    // the first attempt creates the user and sets its password (CONFIRMED), then fails adding the
    // group: the seller records are undone, the Cognito user stays, naming a seller that is gone
    failNextGroup = true;
    const failed = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body('081377700004') });
    expect(failed.status).toBe(500);
    const leftover = users.get('+6281377700004');
    expect(leftover?.status).toBe('CONFIRMED');
    const stale = leftover?.attributes['custom:seller'];
    const { getItem } = await import('../../functions/lib/table');
    const { Seller } = await import('../../functions/sellers/entities');
    expect((await getItem(Seller, { id: stale ?? '' }, { consistent: true })).Item).toBeUndefined();

    calls.length = 0;
    const again = await call('POST', `/villages/${TAMANSARI}/sellers`, { json: body('081377700004') });
    expect(again.status, again.text).toBe(201);
    expect(again.data.id).not.toBe(stale);
    expect(users.get('+6281377700004')).toMatchObject({
      status: 'CONFIRMED',
      attributes: { 'custom:seller': again.data.id, 'custom:village': TAMANSARI },
      groups: ['seller'],
    });
    // a confirmed account's password is never reset by a retry
    expect(calls).not.toContain('AdminSetUserPasswordCommand');
  });

  it('every Cognito call the registration made is granted to its function in the synthesized template', () => {
    const granted = grantedByTemplates();
    const specOfRoute = new Map(functionSpecs().flatMap((spec) => spec.routeIds.map((id) => [id, spec.id])));
    // the flows above made all five kinds of call
    expect(new Set([...sent].map((s) => s.split(' ')[1]))).toEqual(
      new Set([
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminAddUserToGroup',
      ]),
    );
    for (const entry of sent) {
      const [route = '', ...action] = entry.split(' ');
      const fn = specOfRoute.get(route);
      expect(fn, `${entry}: made outside a route's function`).toBeDefined();
      expect(
        allows(granted.get(fn ?? '') ?? new Set(), action.join(' ')),
        `${fn} may ${action.join(' ')}`,
      ).toBe(true);
    }
    // and no other function may touch the user pool, but the staff accounts' (the admin's create,
    // disable, enable: test/unit/accounts/cognito-directory.test.ts, stacks-least-privilege.test.ts)
    const accounts = new Set(
      ['accounts.create', 'accounts.disable', 'accounts.enable'].map((r) => specOfRoute.get(r)),
    );
    for (const [fn, actions] of granted)
      if (fn !== specOfRoute.get('sellers.register') && !accounts.has(fn))
        expect(
          [...actions].filter((a) => a.startsWith('cognito-idp:')),
          fn,
        ).toEqual([]);
  });
});
