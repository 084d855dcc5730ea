/**
 * A regency's first administrator in the user pool, as `npm run admin:create` makes it
 * (scripts/admin-create.ts; docs/deploy.md): AdminCreateUser with Cognito's e-mailed invitation (a
 * temporary password, changed at the first sign-in on the managed-login page), the `regency-admin`
 * group and `custom:regency`. Every later account is created by an admin in the workspace.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoUsername } from './directory';

export interface FirstAdmin {
  userPoolId: string;
  /** `35.10` */
  regencyCode: string;
  email: string;
  displayName: string;
}

type CognitoSender = { send(command: unknown): Promise<unknown> };

/** Creates the admin (or finds it created by an earlier run) and puts it in its group; answers its username. */
export async function createFirstAdmin(
  cognito: CognitoSender,
  admin: FirstAdmin,
): Promise<{ username: string; created: boolean }> {
  const Username = cognitoUsername(admin.email);
  let created = true;
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: admin.userPoolId,
        Username,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: admin.email.toLowerCase() },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: admin.displayName },
          { Name: 'custom:regency', Value: admin.regencyCode },
        ],
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'UsernameExistsException') throw error;
    created = false;
  }
  await cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: admin.userPoolId, Username, GroupName: 'regency-admin' }),
  );
  return { username: Username, created };
}
