/**
 * The workspace's sign-in on AWS (issue 15): its public app client of the user pool (authorization
 * code with PKCE, no secret; callback and sign-out URLs under `/kerja/` of the site), the managed
 * login branding of that client (Cognito's own look), and `/kerja/config.json` in the site bucket —
 * what the app reads to find the API and the managed-login endpoints (site/workspace-config.ts).
 * The local runtime serves the same endpoints for its demo accounts (functions/auth/).
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  CfnManagedLoginBranding,
  ClientAttributes,
  type IUserPool,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { workspaceUrls } from '../../functions/auth/oauth-clients';
import type { WorkspaceConfig } from '../../site/workspace-config';
import { acknowledgeWildcards } from '../nag';

export interface WorkspaceSignInProps {
  userPool: IUserPool;
  /** the managed-login domain (AuthStack) */
  domain: UserPoolDomain;
  /** `https://<site domain>`: the workspace lives at `/kerja/` of it */
  siteUrl: string;
  apiUrl: string;
  issuer: string;
  /** the site bucket's name (infra/names.ts) */
  siteBucketName: string;
  /** the custom attributes of the pool the ID token carries (the caller's scope) */
  customAttributes: readonly string[];
}

export class WorkspaceSignIn extends Construct {
  readonly client: UserPoolClient;
  readonly config: WorkspaceConfig;
  readonly deployment: BucketDeployment;

  constructor(scope: Construct, id: string, props: WorkspaceSignInProps) {
    super(scope, id);
    const urls = workspaceUrls(props.siteUrl);

    this.client = new UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      userPoolClientName: 'workspace',
      // a public client (browser app): PKCE instead of a secret
      generateSecret: false,
      // managed login only: no direct password, SRP or custom flows from this client
      authFlows: { userPassword: false, userSrp: false, custom: false, adminUserPassword: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        // + aws.cognito.signin.user.admin: the access token a staff user enrols TOTP with, in the app's
        // "Amankan akun Anda" screen (decision 0030); the web client's SRP tokens carry it anyway
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls: urls.callbacks,
        logoutUrls: urls.logouts,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(...props.customAttributes),
      // users change nothing that matters about themselves through this client (the admin sets name,
      // e-mail and scope), though its access tokens carry aws.cognito.signin.user.admin (enrolment):
      // an EMPTY list would be Cognito's default (every standard attribute writable, name and e-mail
      // included), so the one writable attribute is a harmless one the app never reads
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    });

    // managed login (the newer version, set on the domain) shows a client's pages once it has a style
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const login = props.domain.baseUrl();
    this.config = {
      apiBase: props.apiUrl,
      issuer: props.issuer,
      clientId: this.client.userPoolClientId,
      authorizationEndpoint: `${login}/oauth2/authorize`,
      tokenEndpoint: `${login}/oauth2/token`,
      revocationEndpoint: `${login}/oauth2/revoke`,
      logoutEndpoint: `${login}/logout`,
      siteOrigin: props.siteUrl,
    };

    // only this object: the app's own files are deployed to kerja/ by the site build; prune off, so
    // nothing else of the bucket is touched. No CloudFront invalidation (aws-cdk-lib would grant it on
    // `*`): the object says `no-cache`, so the edge asks the bucket again (ETag) on every load
    const siteBucket = Bucket.fromBucketName(this, 'SiteBucket', props.siteBucketName);
    const deployment = new BucketDeployment(this, 'Config', {
      destinationBucket: siteBucket,
      sources: [Source.jsonData('kerja/config.json', this.config)],
      prune: false,
      cacheControl: [CacheControl.noCache()],
      contentType: 'application/json',
      memoryLimit: 256,
    });
    this.deployment = deployment;
    acknowledgeDeploymentHandler(this, siteBucket);
  }
}

/**
 * cdk-nag on the stack's one BucketDeployment handler (a singleton of aws-cdk-lib, shared by every
 * BucketDeployment of the stack): its findings are CDK's own design, each acknowledged by its exact id.
 */
function acknowledgeDeploymentHandler(scope: Construct, siteBucket: IBucket): void {
  const stack = Stack.of(scope);
  const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('no BucketDeployment handler in the stack');
  acknowledgeWildcards(
    handler,
    [siteBucket.arnForObjects('*')],
    "BucketDeployment writes kerja/config.json into the site bucket (prune off: it deletes nothing else); aws-cdk-lib grants on the bucket's objects",
  );
  Validations.of(handler).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "aws-cdk-lib's BucketDeployment handler writes its logs with the AWS managed basic execution policy",
    },
    {
      id: 'AwsSolutions-L1',
      reason:
        "aws-cdk-lib's BucketDeployment handler runs on the runtime aws-cdk-lib pins for it (it runs at deploy time only)",
    },
    ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason:
        "aws-cdk-lib's BucketDeployment grants (read the asset, write kerja/config.json into the site bucket): CDK's own action groups on those two buckets only",
    })),
    {
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason: "the CDK bootstrap's assets bucket, where BucketDeployment reads the config.json asset from",
    },
  );
}
