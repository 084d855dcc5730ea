/**
 * npm run admin:create -- --regency 35.10 --email admin@banyuwangikab.go.id --name "Dewi Lestari" --user-pool-id <id>
 * A regency's first administrator on AWS (docs/deploy.md "The first regency admin"): Cognito e-mails the
 * invitation with a temporary password; the admin signs in at the workspace (/kerja/), sets a password
 * and creates every other account there. Idempotent: a second run finds the user and only adds the group.
 * The pool id is the UserPoolId output of the …-Auth stack; AWS credentials and region as for `cdk deploy`.
 */
import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createFirstAdmin } from '../functions/accounts/first-admin';

const { values } = parseArgs({
  options: {
    regency: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    'user-pool-id': { type: 'string', default: process.env.COGNITO_USER_POOL_ID },
  },
});
// `3510` or `35.10`
const regency = values.regency?.replace(/^(\d{2})\.?(\d{2})$/, '$1.$2');
const problems = [
  !regency || !/^\d{2}\.\d{2}$/.test(regency) ? '--regency 35.10 (or 3510)' : '',
  !values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email) ? '--email <address>' : '',
  !values['user-pool-id']
    ? '--user-pool-id <the …-Auth stack output UserPoolId> (or COGNITO_USER_POOL_ID)'
    : '',
].filter(Boolean);
if (problems.length) {
  console.error(`usage: npm run admin:create -- ${problems.join(' ')} [--name "Display Name"]`);
  process.exit(2);
}

const result = await createFirstAdmin(new CognitoIdentityProviderClient({}), {
  userPoolId: values['user-pool-id'] as string,
  regencyCode: regency as string,
  email: values.email as string,
  displayName: values.name ?? `Admin Kabupaten ${regency}`,
});
console.log(
  result.created
    ? `admin:create: ${values.email} created (${result.username}) in group regency-admin; Cognito e-mailed the invitation.`
    : `admin:create: ${values.email} already existed (${result.username}); it is in group regency-admin.`,
);
