/**
 * A seller's sign-in. On AWS a Cognito user created server-side (AdminCreateUser + permanent
 * password + group `seller`): the custom attributes that scope its tokens (`custom:village`,
 * `custom:seller`) are then set only by us, never by the client, which a client-side SignUp would
 * allow. Locally the same account is an item of the local identity store, written in the very
 * transaction that creates the seller (see register.ts).
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { config } from '../lib/config';

export interface SellerSignIn {
  username: string;
  password: string;
  attributes: Record<string, string>;
}

export const usesCognito = () => config().COGNITO_USER_POOL_ID !== undefined;

export async function createCognitoSeller(account: SellerSignIn): Promise<void> {
  const cognito = new CognitoIdentityProviderClient({ region: config().AWS_REGION });
  const UserPoolId = config().COGNITO_USER_POOL_ID as string;
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: account.username,
        MessageAction: 'SUPPRESS',
        UserAttributes: Object.entries(account.attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'UsernameExistsException') throw error;
    // A retried registration (the caller holds the table's claim on this number, so the seller in
    // `attributes` is the one that exists). The sign-in must point at it whatever state an earlier,
    // undone attempt left it in — even confirmed (the attempt failed after setting the password),
    // else its tokens would name a deleted seller.
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId,
        Username: account.username,
        UserAttributes: Object.entries(account.attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    // Never let an anonymous retry reset a working password: only an account the first attempt
    // left without one (crash between the two calls) gets it set.
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: account.username }));
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
      await cognito.send(
        new AdminAddUserToGroupCommand({ UserPoolId, Username: account.username, GroupName: 'seller' }),
      );
      return;
    }
  }
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId,
      Username: account.username,
      Password: account.password,
      Permanent: true,
    }),
  );
  await cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId, Username: account.username, GroupName: 'seller' }),
  );
}
