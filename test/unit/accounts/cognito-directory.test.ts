/**
 * The Cognito directory of staff accounts (functions/accounts/directory.ts) against a mocked Cognito
 * client — mocked: AWS Cognito cannot run here. What is checked is what we send: the invitation
 * (e-mail delivery, no suppressed message, the scope attributes), the group, and disable = disable +
 * global sign-out; the other directory (the local users) runs for real in the integration tests.
 */
import { describe, expect, it } from 'vitest';
import { cognitoDirectory, cognitoUsername, temporaryPassword } from '../../../functions/accounts/directory';
import { createFirstAdmin } from '../../../functions/accounts/first-admin';
import { passwordProblems } from '../../../functions/lib/password';

type Sent = { name: string; input: Record<string, unknown> };

/** A stand-in for CognitoIdentityProviderClient: records each command; `fail` throws an AWS-named error. */
function mockedCognito(fail: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      sent.push({ name, input: command.input });
      if (fail[name]) throw Object.assign(new Error(fail[name]), { name: fail[name] });
      return {};
    },
  };
  return { sent, client: client as unknown as Parameters<typeof cognitoDirectory>[0] };
}

const account = {
  username: 'rina@tamansari.desa.id',
  email: 'rina@tamansari.desa.id',
  displayName: 'Rina Wulandari (Petugas Desa Tamansari)',
  role: 'village-officer' as const,
  attributes: {
    'custom:village': '35.10.24.2008',
    'custom:kecamatan': '35.10.24',
    'custom:regency': '35.10',
  },
};

describe('the Cognito directory (mocked: AWS Cognito cannot run here)', () => {
  it('creates the user with an e-mailed invitation, its name and scope, then puts it in its group', async () => {
    const { sent, client } = mockedCognito();
    const created = await cognitoDirectory(client, 'ap-southeast-3_pool').create(account);
    expect(created).toEqual({ created: true });
    expect(sent.map((s) => s.name)).toEqual(['AdminCreateUserCommand', 'AdminAddUserToGroupCommand']);
    const create = sent[0]?.input ?? {};
    expect(create).toMatchObject({
      UserPoolId: 'ap-southeast-3_pool',
      Username: cognitoUsername(account.username),
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(create).not.toHaveProperty('MessageAction');
    expect(create).not.toHaveProperty('TemporaryPassword');
    expect(create.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: account.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: account.displayName },
        { Name: 'custom:village', Value: '35.10.24.2008' },
        { Name: 'custom:kecamatan', Value: '35.10.24' },
        { Name: 'custom:regency', Value: '35.10' },
      ]),
    );
    expect(sent[1]?.input).toEqual({
      UserPoolId: 'ap-southeast-3_pool',
      Username: cognitoUsername(account.username),
      GroupName: 'village-officer',
    });
  });

  it('answers `exists` for a taken username or e-mail alias, and adds no group', async () => {
    for (const error of ['UsernameExistsException', 'AliasExistsException']) {
      const { sent, client } = mockedCognito({ AdminCreateUserCommand: error });
      expect(await cognitoDirectory(client, 'pool').create(account)).toEqual({
        created: false,
        reason: 'exists',
      });
      expect(sent).toHaveLength(1);
    }
    const { client } = mockedCognito({ AdminCreateUserCommand: 'InternalErrorException' });
    await expect(cognitoDirectory(client, 'pool').create(account)).rejects.toThrow('InternalErrorException');
  });

  it('disables with a global sign-out (refresh tokens revoked); enables', async () => {
    const { sent, client } = mockedCognito();
    const dir = cognitoDirectory(client, 'pool');
    await dir.disable(account.username);
    await dir.enable(account.username);
    const Username = cognitoUsername(account.username);
    expect(sent).toEqual([
      { name: 'AdminDisableUserCommand', input: { UserPoolId: 'pool', Username } },
      { name: 'AdminUserGlobalSignOutCommand', input: { UserPoolId: 'pool', Username } },
      { name: 'AdminEnableUserCommand', input: { UserPoolId: 'pool', Username } },
    ]);
  });

  it('names users by a stable hash of the e-mail, never in e-mail form (the pool signs in by e-mail alias)', () => {
    expect(cognitoUsername('Rina@Tamansari.desa.id')).toBe(cognitoUsername(account.username));
    expect(cognitoUsername(account.username)).toMatch(/^staff-[0-9a-f]{24}$/);
  });

  it("makes local temporary passwords that meet the pool's policy", () => {
    for (let i = 0; i < 50; i++) expect(passwordProblems(temporaryPassword())).toEqual([]);
  });
});

describe('the first regency admin (npm run admin:create; mocked: AWS Cognito cannot run here)', () => {
  it('invites the admin by e-mail with custom:regency, in group regency-admin; a second run only adds the group', async () => {
    const admin = {
      userPoolId: 'pool',
      regencyCode: '35.10',
      email: 'Admin@Banyuwangikab.go.id',
      displayName: 'Dewi',
    };
    const first = mockedCognito();
    expect(await createFirstAdmin(first.client, admin)).toEqual({
      username: cognitoUsername('admin@banyuwangikab.go.id'),
      created: true,
    });
    expect(first.sent.map((s) => s.name)).toEqual(['AdminCreateUserCommand', 'AdminAddUserToGroupCommand']);
    expect(first.sent[0]?.input).toMatchObject({ DesiredDeliveryMediums: ['EMAIL'] });
    expect(first.sent[0]?.input.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: 'admin@banyuwangikab.go.id' },
        { Name: 'custom:regency', Value: '35.10' },
      ]),
    );
    expect(first.sent[1]?.input).toMatchObject({ GroupName: 'regency-admin' });
    const again = mockedCognito({ AdminCreateUserCommand: 'UsernameExistsException' });
    expect((await createFirstAdmin(again.client, admin)).created).toBe(false);
    expect(again.sent.map((s) => s.name)).toEqual(['AdminCreateUserCommand', 'AdminAddUserToGroupCommand']);
  });
});
