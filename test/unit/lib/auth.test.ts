import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '../../../functions/lib/auth';

/** Claims as API Gateway's JWT authorizer passes them (values stringified, groups as "[a b]"). */
const officer = {
  sub: '5f1c-officer',
  'cognito:username': 'officer-tamansari',
  'cognito:groups': '[village-officer]',
  'custom:village': '35.10.24.2008',
};

describe('callerFromClaims', () => {
  it('reads an ID token: groups from the stringified list, the scoping attributes', () => {
    expect(callerFromClaims({ ...officer, token_use: 'id' })).toMatchObject({
      sub: '5f1c-officer',
      username: 'officer-tamansari',
      groups: ['village-officer'],
      village: '35.10.24.2008',
    });
  });

  it('an access token (API Gateway lets it through: its client_id is the audience) is no sign-in at all', () => {
    expect(callerFromClaims({ ...officer, token_use: 'access' })).toBeUndefined();
    expect(callerFromClaims({ ...officer })).toBeUndefined();
    expect(callerFromClaims(undefined)).toBeUndefined();
  });
});
