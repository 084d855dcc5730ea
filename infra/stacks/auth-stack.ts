import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { PASSWORD_POLICY } from '../../functions/lib/password';
import type { Role } from '../../functions/routes';
import type { InfraConfig } from '../config';
import { SkFunction } from '../constructs/lambda';
import type { ResourceNames } from '../names';

export interface AuthStackProps extends StackProps {
  config: InfraConfig;
  names: ResourceNames;
}

/** Cognito groups = the roles of the route table (functions/routes/). */
export const groups: Record<Role, string> = {
  'village-officer': 'Officers of one village (custom:village)',
  'kecamatan-officer': 'Officers of one kecamatan (custom:kecamatan)',
  'regency-admin': 'Regency administrators (custom:regency)',
  seller: 'Approved sellers of village products (custom:seller)',
};

/** Custom attributes the handlers read from the ID token; only administrators can set them. */
export const customAttributes = ['village', 'kecamatan', 'regency', 'seller'] as const;

/**
 * Who is who. Officers and administrators are created by a regency admin (docs/deploy.md) and put
 * into a group; sellers are created by the public registration route (functions/sellers), which
 * records a *pending* seller and its sign-in together — an officer's approval is what lets it
 * publish. The app client may not write groups or custom attributes, and there is no self sign-up.
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /**
   * managed login (the newer version) at `https://<prefix>.auth.<region>.amazoncognito.com`: the
   * workspace's sign-in pages and OAuth endpoints (its client: infra/constructs/workspace-sign-in.ts)
   */
  readonly domain: UserPoolDomain;
  /** pre-token-generation trigger: staff groups only in the tokens of users with TOTP */
  readonly mfaGate: SkFunction;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { names } = props;

    this.userPool = new UserPool(this, 'Users', {
      userPoolName: `${names.stackPrefix}-users`,
      // nobody signs up through Cognito: officers are created by a regency admin, sellers by the
      // registration route (AdminCreateUser), so the custom attributes are only ever set by us
      selfSignUpEnabled: false,
      // sellers sign in with their WhatsApp number as the username, officers with their e-mail
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      signInCaseSensitive: false,
      // one policy with the registration's own check (functions/lib/password.ts)
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(3) },
      // MFA is per pool, and this pool holds staff and sellers alike (one issuer for the API): OPTIONAL
      // here, i.e. asked at every sign-in of a user who enabled it (no remembered devices, which would
      // skip it); staff are held to it by the MfaGate trigger below. TOTP only: SMS costs per message
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      customAttributes: Object.fromEntries(
        customAttributes.map((name) => [name, new StringAttribute({ minLen: 1, maxLen: 64, mutable: true })]),
      ),
      deletionProtection: true,
      // the accounts of every officer of the regency: never deleted with the stack
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional for sellers (shared phones, no authenticator) and required for staff: the MfaGate pre-token-generation trigger gives staff groups only to users with TOTP, whom Cognito asks for a code at every sign-in',
      },
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection needs the Plus feature plan (per-MAU charge); a regency has a few thousand users, strong passwords and optional TOTP',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials plan: Plus costs per monthly active user, more than the rest of the system for a regency; its threat protection is not needed for a few thousand officers and sellers',
      },
    );

    this.mfaGate = this.staffMfaGate();

    // the prefix is global per region: the regency's code keeps regencies apart
    this.domain = this.userPool.addDomain('Login', {
      cognitoDomain: { domainPrefix: `smart-kampung-${props.config.regencyCode.replace(/\D/g, '')}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    for (const [group, description] of Object.entries(groups)) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group, description });
    }

    const standard = { email: true, fullname: true, phoneNumber: true };
    this.client = this.userPool.addClient('Web', {
      userPoolClientName: 'web',
      generateSecret: false,
      // apps sign in with SRP (the password never leaves the device); operators holding AWS credentials
      // (cognito-idp:AdminInitiateAuth) can get a token from the CLI: docs/deploy.md "Signing in on AWS"
      authFlows: { userSrp: true, adminUserPassword: true },
      // no hosted-login flows: the workspace has its own PKCE client (infra/constructs/workspace-sign-in.ts);
      // left on, CDK's defaults would offer the implicit grant to https://example.com
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // custom attributes are readable (the ID token carries them) but never writable by users; nor
      // are name, e-mail and phone (accounts are made by registration and the regency admin, and
      // `name` is what a decision's history records): `locale` only, since an empty list means all
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ ...standard, emailVerified: true })
        .withCustomAttributes(...customAttributes),
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    });

    this.outputs();
  }

  /**
   * Why a trigger and not a second, MFA-required pool for staff: the API's JWT authorizer trusts one
   * issuer, and routes such as `PATCH /products/{id}` and `GET /sellers/{id}` serve a seller and an
   * officer alike; two pools would need a second authorizer per route (API Gateway takes one) or token
   * checks in every handler. Why not a pre-authentication check instead: a staff user without TOTP
   * could then never get the access token that enrolling an authenticator takes (only a pool whose MFA
   * is REQUIRED offers enrolment during sign-in). So staff sign in, and their tokens carry their staff
   * groups — what every staff route requires — only once TOTP is on, after which Cognito asks for a code
   * at every sign-in. functions/auth/mfa-gate.ts; README "Signing in on AWS".
   */
  private staffMfaGate(): SkFunction {
    const gate = new SkFunction(this, 'MfaGate', {
      module: 'auth/mfa-gate',
      description:
        'Cognito pre-token-generation: staff groups only for users with TOTP (functions/auth/mfa-gate)',
      timeout: Duration.seconds(5),
      memorySize: 256,
    });
    // a policy of its own, not the role's default one: the function must not depend on the pool,
    // which depends on it (its trigger)
    if (!gate.role) throw new Error('MfaGate has no role');
    new Policy(this, 'MfaGateReadsUsers', {
      roles: [gate.role],
      statements: [
        new PolicyStatement({
          actions: ['cognito-idp:AdminGetUser'],
          resources: [this.userPool.userPoolArn],
        }),
      ],
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION, gate);
    return gate;
  }

  private outputs(): void {
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
    new CfnOutput(this, 'LoginDomain', { value: this.domain.baseUrl() });
  }

  /** The issuer the API's JWT authorizer and the handlers trust. */
  get issuer(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
