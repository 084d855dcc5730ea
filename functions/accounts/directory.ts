/**
 * Where staff accounts' credentials live, behind one interface: Cognito on AWS (AdminCreateUser with
 * an e-mailed invitation and a temporary password, the group = the role, the custom attributes =
 * the scope), the local users locally (a temporary password answered once). Either way the user
 * sets their own password at the first sign-in. Only the accounts routes' function may call these
 * Cognito actions (route `staffAccounts`, infra/access.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { createLocalUser, setLocalUserDisabled } from '../auth/local-users';
import { config, fromConfig } from '../lib/config';
import type { AccountRole } from './entities';

export interface StaffAccount {
  /** the account's username in our register: its e-mail, lower-cased */
  username: string;
  email: string;
  displayName: string;
  role: AccountRole;
  /** `custom:village`, `custom:kecamatan`, `custom:regency` */
  attributes: Record<string, string>;
}

export type Created = { created: true; temporaryPassword?: string } | { created: false; reason: 'exists' };

export interface Directory {
  /** the sign-in, in its group, with a temporary password; `exists` when the name is taken */
  create(account: StaffAccount): Promise<Created>;
  /** no more sign-ins, and every refresh token revoked */
  disable(username: string): Promise<void>;
  enable(username: string): Promise<void>;
}

/**
 * The Cognito username of an account: not the e-mail, since a pool with the e-mail as a sign-in
 * alias refuses usernames in e-mail form; derived from it, so a retried creation meets its own user
 * (UsernameExistsException) instead of making a second one. Users sign in with their e-mail.
 */
export function cognitoUsername(username: string): string {
  return `staff-${createHash('sha256').update(username.toLowerCase()).digest('hex').slice(0, 24)}`;
}

type CognitoSender = Pick<CognitoIdentityProviderClient, 'send'>;

export function cognitoDirectory(cognito: CognitoSender, userPoolId: string): Directory {
  return {
    async create(account) {
      const Username = cognitoUsername(account.username);
      try {
        await cognito.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: account.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: account.displayName },
              ...Object.entries(account.attributes).map(([Name, Value]) => ({ Name, Value })),
            ],
          }),
        );
      } catch (error) {
        const name = (error as { name?: string }).name;
        // the name, or the e-mail as another user's verified alias
        if (name === 'UsernameExistsException' || name === 'AliasExistsException')
          return { created: false, reason: 'exists' };
        throw error;
      }
      await cognito.send(
        new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username, GroupName: account.role }),
      );
      return { created: true };
    },
    async disable(username) {
      const Username = cognitoUsername(username);
      await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username }));
      await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username }));
    },
    async enable(username) {
      await cognito.send(
        new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: cognitoUsername(username) }),
      );
    },
  };
}

/** A temporary password of the pool's policy: upper, lower, digit, symbol, 24 characters. */
export function temporaryPassword(): string {
  return `Tmp-${randomBytes(12).toString('base64url')}7x`;
}

export function localDirectory(now: () => Date = () => new Date()): Directory {
  return {
    async create(account) {
      const password = temporaryPassword();
      const created = await createLocalUser({
        username: account.username,
        password,
        groups: [account.role],
        attributes: account.attributes,
        displayName: account.displayName,
        email: account.email,
      });
      return created ? { created: true, temporaryPassword: password } : { created: false, reason: 'exists' };
    },
    disable: (username) => setLocalUserDisabled(username, true, now()),
    enable: (username) => setLocalUserDisabled(username, false, now()),
  };
}

const cognitoClient = /* @__PURE__ */ fromConfig(
  (c) => new CognitoIdentityProviderClient({ region: c.AWS_REGION }),
);

/** This container's directory: Cognito where a user pool is configured (AWS), else the local users. */
export function directory(): Directory {
  const pool = config().COGNITO_USER_POOL_ID;
  return pool ? cognitoDirectory(cognitoClient(), pool) : localDirectory();
}
