import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { gateStaffGroups } from '../../../functions/auth/mfa-gate';

/** Cognito's pre-token-generation event (V1) as it arrives: no override yet. */
function event(groups: string[], trigger = 'TokenGeneration_Authentication'): PreTokenGenerationTriggerEvent {
  return {
    version: '1',
    triggerSource: trigger,
    region: 'ap-southeast-3',
    userPoolId: 'ap-southeast-3_Pool',
    userName: 'officer-tamansari',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web' },
    request: {
      userAttributes: { sub: 'u1', 'custom:village': '35.10.24.2008' },
      groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: [], preferredRole: undefined },
    },
    response: { claimsOverrideDetails: {} },
  } as unknown as PreTokenGenerationTriggerEvent;
}

describe('MFA gate (pre-token generation)', () => {
  it('a staff user without TOTP gets tokens without the staff group (enrolling still works: the access token)', async () => {
    const hasTotp = vi.fn(async () => false);
    const out = await gateStaffGroups(event(['village-officer']), hasTotp);
    expect(hasTotp).toHaveBeenCalledWith('ap-southeast-3_Pool', 'officer-tamansari');
    expect(out.response.claimsOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual([]);
  });

  it('keeps the other groups of a staff user without TOTP (a seller stays a seller)', async () => {
    const out = await gateStaffGroups(
      event(['seller', 'kecamatan-officer', 'regency-admin']),
      async () => false,
    );
    expect(out.response.claimsOverrideDetails.groupOverrideDetails?.groupsToOverride).toEqual(['seller']);
  });

  it('a staff user with TOTP (asked for a code at every sign-in) keeps the groups, on refresh too', async () => {
    for (const trigger of ['TokenGeneration_Authentication', 'TokenGeneration_RefreshTokens']) {
      const out = await gateStaffGroups(event(['regency-admin'], trigger), async () => true);
      expect(out.response.claimsOverrideDetails.groupOverrideDetails).toBeUndefined();
    }
  });

  it("a seller's MFA stays optional: no lookup, no override", async () => {
    const hasTotp = vi.fn(async () => false);
    const out = await gateStaffGroups(event(['seller']), hasTotp);
    expect(hasTotp).not.toHaveBeenCalled();
    expect(out.response.claimsOverrideDetails.groupOverrideDetails).toBeUndefined();
  });

  it('a failed lookup fails the sign-in, never issues staff groups', async () => {
    await expect(
      gateStaffGroups(event(['village-officer']), async () => {
        throw new Error('TooManyRequestsException');
      }),
    ).rejects.toThrow('TooManyRequests');
  });
});
