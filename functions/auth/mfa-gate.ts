/**
 * Staff sign in with TOTP — Cognito's pre-token-generation trigger (infra/stacks/auth-stack.ts).
 *
 * Officers, camat and regency administrators see NIKs and documents; sellers see their own shop. MFA is
 * a setting of a whole user pool, and the pool is shared (a seller and the officer who approves it, one
 * issuer for the API's authorizer and for the handlers), so the pool's MFA is OPTIONAL — per user: a
 * user who has TOTP enabled is asked for a code at every sign-in (no remembered devices are
 * configured that could skip it). This trigger closes the gap for staff: the tokens of a user in a
 * staff group carry that group only when the user has TOTP enabled. Without it the token keeps the
 * user's other groups (a seller stays a seller) and works for nothing staff-only — except enrolling: its
 * access token is what Cognito's AssociateSoftwareToken / VerifySoftwareToken / SetUserMFAPreference
 * take, and the next sign-in then asks for the code and yields the staff groups.
 *
 * A lookup that fails fails the sign-in (Cognito answers an error and the app retries), never a
 * token with staff groups.
 */
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import type { Role } from '../routes';

export const STAFF_GROUPS: readonly Role[] = ['village-officer', 'kecamatan-officer', 'regency-admin'];

/** Does this user have TOTP (Cognito's SOFTWARE_TOKEN_MFA) enabled? */
export type TotpLookup = (userPoolId: string, username: string) => Promise<boolean>;

let cognito: CognitoIdentityProviderClient | undefined;
const cognitoTotp: TotpLookup = async (UserPoolId, Username) => {
  cognito ??= new CognitoIdentityProviderClient({});
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId, Username }));
  return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
};

/** The event with its response set: staff groups dropped from the tokens of a user without TOTP. */
export async function gateStaffGroups<E extends PreTokenGenerationTriggerEvent>(
  event: E,
  hasTotp: TotpLookup = cognitoTotp,
): Promise<E> {
  const groups = event.request.groupConfiguration.groupsToOverride ?? [];
  const staff = groups.filter((g) => (STAFF_GROUPS as readonly string[]).includes(g));
  if (staff.length === 0 || (await hasTotp(event.userPoolId, event.userName))) return event;
  const { iamRolesToOverride: roles, preferredRole } = event.request.groupConfiguration;
  event.response.claimsOverrideDetails = {
    ...event.response.claimsOverrideDetails,
    groupOverrideDetails: {
      groupsToOverride: groups.filter((g) => !staff.includes(g)),
      ...(roles ? { iamRolesToOverride: roles } : {}),
      ...(preferredRole ? { preferredRole } : {}),
    },
  };
  return event;
}

export const handler = (event: PreTokenGenerationTriggerEvent) => gateStaffGroups(event);
