/**
 * The four calls of Cognito's user-pools API that TOTP enrolment takes, from the browser, as typed
 * `fetch`es (decision 0030): GetUser, AssociateSoftwareToken, VerifySoftwareToken,
 * SetUserMFAPreference. Each is authorized by the user's access token in its body (scope
 * `aws.cognito.signin.user.admin`) and is NOT signed: Cognito evaluates no IAM policy for them, so
 * there is no SigV4, no credentials and nothing else of an SDK to do. The official client
 * (@aws-sdk/client-cognito-identity-provider) for these calls alone weighs ~53 KB gzip in a browser
 * bundle — the whole per-screen budget (60 KB) with Preact and the sign-in code on top.
 *
 * The wire format is the service's JSON protocol (awsJson1_1): POST to the endpoint, the operation
 * in `X-Amz-Target`, errors as `{ "__type": "…Exception", "message": … }`.
 */

export class CognitoError extends Error {
  constructor(
    /** the exception's name, e.g. `NotAuthorizedException`, `EnableSoftwareTokenMFAException` */
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(`${type}: ${message}`);
    this.name = 'CognitoError';
  }
}

interface Operations {
  GetUser: {
    in: { AccessToken: string };
    out: { Username: string; UserMFASettingList?: string[]; PreferredMfaSetting?: string };
  };
  AssociateSoftwareToken: { in: { AccessToken: string }; out: { SecretCode: string } };
  VerifySoftwareToken: {
    in: { AccessToken: string; UserCode: string; FriendlyDeviceName?: string };
    out: { Status?: 'SUCCESS' | 'ERROR' };
  };
  SetUserMFAPreference: {
    in: { AccessToken: string; SoftwareTokenMfaSettings: { Enabled: boolean; PreferredMfa: boolean } };
    out: Record<string, never>;
  };
}

/** `__type` may come qualified (`com.amazonaws…#NotAuthorizedException`): the name after `#`. */
export function errorType(raw: unknown, header: string | null): string {
  const name = typeof raw === 'string' && raw ? raw : (header ?? '');
  return name.split('#').pop()?.split(':')[0] || 'UnknownError';
}

export async function call<O extends keyof Operations>(
  endpoint: string,
  operation: O,
  input: Operations[O]['in'],
  fetcher: typeof fetch = fetch,
): Promise<Operations[O]['out']> {
  const response = await fetcher(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(input),
    cache: 'no-store',
    credentials: 'omit',
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new CognitoError(
      errorType(body.__type, response.headers.get('x-amzn-errortype')),
      typeof body.message === 'string' ? body.message : '',
      response.status,
    );
  }
  return body as Operations[O]['out'];
}

export interface TotpSteps {
  /** has this user a verified TOTP already (then enrolling again would only replace it)? */
  hasTotp(): Promise<boolean>;
  /** a new secret for this user's authenticator (base32) */
  associate(): Promise<string>;
  /** checks a code of the authenticator; true = the authenticator is this user's TOTP now */
  verify(code: string): Promise<boolean>;
  /** TOTP on and preferred: managed login asks for a code at every sign-in from now on */
  prefer(): Promise<void>;
}

/** The steps against `endpoint` with the access token `token()` gives at each call. */
export function totpSteps(
  endpoint: string,
  token: () => Promise<string>,
  fetcher: typeof fetch = fetch,
): TotpSteps {
  return {
    async hasTotp() {
      const user = await call(endpoint, 'GetUser', { AccessToken: await token() }, fetcher);
      return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
    },
    async associate() {
      const out = await call(endpoint, 'AssociateSoftwareToken', { AccessToken: await token() }, fetcher);
      if (!out.SecretCode) throw new CognitoError('InvalidResponse', 'no SecretCode', 200);
      return out.SecretCode;
    },
    async verify(code) {
      try {
        const out = await call(
          endpoint,
          'VerifySoftwareToken',
          { AccessToken: await token(), UserCode: code, FriendlyDeviceName: 'Smart Kampung' },
          fetcher,
        );
        return out.Status === 'SUCCESS';
      } catch (e) {
        // a wrong or stale code: say "try again", not "something broke"
        if (
          e instanceof CognitoError &&
          ['EnableSoftwareTokenMFAException', 'CodeMismatchException'].includes(e.type)
        )
          return false;
        throw e;
      }
    },
    async prefer() {
      await call(
        endpoint,
        'SetUserMFAPreference',
        { AccessToken: await token(), SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
        fetcher,
      );
    },
  };
}
