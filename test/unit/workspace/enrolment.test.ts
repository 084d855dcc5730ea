/**
 * Staff TOTP enrolment in the browser (decision 0030): who is sent to "Amankan akun Anda", the
 * authenticator's key URI, and the four unsigned Cognito calls on the wire (a stub fetch: no AWS).
 */
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { gateStaffGroups } from '../../../functions/auth/mfa-gate';
import { CognitoError, errorType, totpSteps } from '../../../site/kerja/src/client/auth/cognito-mfa';
import {
  cognitoEndpoint,
  groupedSecret,
  needsEnrolment,
  otpauthUri,
  totpCode,
} from '../../../site/kerja/src/client/auth/enrolment';
import { userOf } from '../../../site/kerja/src/client/auth/session';

const officer = { name: 'Sari', email: 'sari@tamansari.desa.id', 'custom:village': '35.10.24.2008' };

describe('who must enrol an authenticator', () => {
  it('a staff account (scope set by an admin) whose token carries no staff group', () => {
    expect(needsEnrolment(officer)).toBe(true);
    expect(needsEnrolment({ 'custom:kecamatan': '35.10.24', 'cognito:groups': [] })).toBe(true);
    expect(needsEnrolment({ 'custom:regency': '35.10' })).toBe(true);
  });

  it('nobody with a staff group (enrolled on AWS; every local demo account)', () => {
    for (const group of ['village-officer', 'kecamatan-officer', 'regency-admin'])
      expect(needsEnrolment({ ...officer, 'cognito:groups': [group] })).toBe(false);
  });

  it('never a seller (custom:village too, MFA optional) nor a token without a staff scope', () => {
    expect(needsEnrolment({ ...officer, 'cognito:groups': ['seller'] })).toBe(false);
    expect(needsEnrolment({ ...officer, 'custom:seller': 'sel-1' })).toBe(false);
    expect(needsEnrolment({ email: 'a@b' })).toBe(false);
    expect(needsEnrolment({ 'custom:village': '' })).toBe(false);
  });

  it('the user the app keeps says so, with the e-mail for the authenticator', () => {
    expect(userOf(officer)).toMatchObject({ roles: [], enrol: true, email: officer.email });
    expect(userOf({ ...officer, 'cognito:groups': ['village-officer'] })).not.toHaveProperty('enrol');
  });

  it("follows from the MfaGate's answer, which stays as it is: groups gone, scope claims kept", async () => {
    const event = {
      version: '1',
      triggerSource: 'TokenGeneration_Authentication',
      region: 'ap-southeast-3',
      userPoolId: 'ap-southeast-3_Pool',
      userName: 'staff-abc',
      callerContext: { awsSdkVersion: 'x', clientId: 'workspace' },
      request: {
        userAttributes: { sub: 'u1', ...officer },
        groupConfiguration: { groupsToOverride: ['village-officer'], iamRolesToOverride: [] },
      },
      response: { claimsOverrideDetails: {} },
    } as unknown as PreTokenGenerationTriggerEvent;
    const out = await gateStaffGroups(event, async () => false);
    const details = out.response.claimsOverrideDetails;
    // no claim suppressed or added: the ID token keeps the attributes the app reads
    expect(details.claimsToSuppress).toBeUndefined();
    expect(details.claimsToAddOrOverride).toBeUndefined();
    const groups = details.groupOverrideDetails?.groupsToOverride ?? [];
    expect(needsEnrolment({ ...officer, 'cognito:groups': groups })).toBe(true);
    const enrolled = await gateStaffGroups(
      { ...event, response: { claimsOverrideDetails: {} } } as PreTokenGenerationTriggerEvent,
      async () => true,
    );
    const kept = enrolled.request.groupConfiguration.groupsToOverride;
    expect(enrolled.response.claimsOverrideDetails.groupOverrideDetails).toBeUndefined();
    expect(needsEnrolment({ ...officer, 'cognito:groups': kept })).toBe(false);
  });
});

describe('the authenticator key', () => {
  it('is an otpauth://totp URI with the issuer, the account and Cognito’s parameters', () => {
    const uri = otpauthUri('jbsw y3dp ehpk3pxp', 'sari@tamansari.desa.id');
    expect(uri).toBe(
      'otpauth://totp/Smart%20Kampung:sari%40tamansari.desa.id?secret=JBSWY3DPEHPK3PXP&issuer=Smart%20Kampung&algorithm=SHA1&digits=6&period=30',
    );
    const url = new URL(uri);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('issuer')).toBe('Smart Kampung');
  });

  it('is shown as text in groups of four; a code is six digits as typed', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPabc')).toBe('JBSW Y3DP EHPK 3PXP ABC');
    expect(totpCode(' 123 456 ')).toBe('123456');
    expect(totpCode('123-456')).toBe('123456');
    expect(totpCode('12345')).toBeUndefined();
    expect(totpCode('12345a')).toBeUndefined();
  });

  it("calls the user-pools API of the tokens' issuer on AWS, nothing locally", () => {
    expect(cognitoEndpoint('https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_AbC')).toBe(
      'https://cognito-idp.ap-southeast-3.amazonaws.com/',
    );
    expect(cognitoEndpoint('http://localhost:3000/local-cognito')).toBeUndefined();
    expect(cognitoEndpoint('https://cognito-idp.evil.example/x')).toBeUndefined();
    expect(cognitoEndpoint('not a url')).toBeUndefined();
  });
});

describe('the Cognito calls (unsigned, the access token in the body)', () => {
  const endpoint = 'https://cognito-idp.ap-southeast-3.amazonaws.com/';
  function stub(answers: Record<string, { status?: number; body: unknown }>) {
    const seen: { target: string; body: Record<string, unknown>; headers: Record<string, string> }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      expect(url).toBe(endpoint);
      const headers = init.headers as Record<string, string>;
      const target = (headers['x-amz-target'] ?? '').replace('AWSCognitoIdentityProviderService.', '');
      seen.push({ target, body: JSON.parse(String(init.body)), headers });
      const answer = answers[target] ?? { body: {} };
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }) as unknown as typeof fetch;
    return { seen, steps: totpSteps(endpoint, async () => 'access-1', fetcher) };
  }

  it('associates, verifies and prefers TOTP with the JSON protocol and no signature', async () => {
    const { seen, steps } = stub({
      GetUser: { body: { Username: 'staff-abc' } },
      AssociateSoftwareToken: { body: { SecretCode: 'JBSWY3DPEHPK3PXP' } },
      VerifySoftwareToken: { body: { Status: 'SUCCESS' } },
    });
    expect(await steps.hasTotp()).toBe(false);
    expect(await steps.associate()).toBe('JBSWY3DPEHPK3PXP');
    expect(await steps.verify('123456')).toBe(true);
    await steps.prefer();
    expect(seen.map((s) => s.target)).toEqual([
      'GetUser',
      'AssociateSoftwareToken',
      'VerifySoftwareToken',
      'SetUserMFAPreference',
    ]);
    for (const s of seen) {
      expect(s.headers['content-type']).toBe('application/x-amz-json-1.1');
      expect(s.headers).not.toHaveProperty('authorization');
      expect(s.body.AccessToken).toBe('access-1');
    }
    expect(seen[2]?.body).toMatchObject({ UserCode: '123456' });
    expect(seen[3]?.body).toMatchObject({ SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
  });

  it('a wrong code is "try again"; an expired token or any other error is thrown by name', async () => {
    const wrong = stub({
      VerifySoftwareToken: {
        status: 400,
        body: { __type: 'EnableSoftwareTokenMFAException', message: 'Code mismatch' },
      },
    });
    expect(await wrong.steps.verify('000000')).toBe(false);
    const expired = stub({
      AssociateSoftwareToken: { status: 400, body: { __type: 'NotAuthorizedException', message: 'x' } },
    });
    await expect(expired.steps.associate()).rejects.toMatchObject({ type: 'NotAuthorizedException' });
    await expect(expired.steps.associate()).rejects.toBeInstanceOf(CognitoError);
    const enrolled = stub({
      GetUser: { body: { Username: 'u', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] } },
    });
    expect(await enrolled.steps.hasTotp()).toBe(true);
  });

  it('reads a qualified error type or the header', () => {
    expect(errorType('com.amazonaws.cognito#CodeMismatchException', null)).toBe('CodeMismatchException');
    expect(errorType(undefined, 'TooManyRequestsException:http://internal')).toBe('TooManyRequestsException');
    expect(errorType(undefined, null)).toBe('UnknownError');
  });
});
