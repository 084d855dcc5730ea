import { Aws, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { PHOTO_MAX_RECEIVES } from '../../functions/products/photo-limits';
import { LETTER_MAX_RECEIVES } from '../../functions/requests/domain/letters';
import { corsExposedHeaders, corsMethods, corsRequestHeaders, type Route } from '../../functions/routes';
import { accessBindings } from '../access';
import { deployedRoutes, type FunctionSpec, functionSpec, functionSpecs } from '../bundles';
import { type InfraConfig, siteOrigins } from '../config';
import { type SkFunction, specFunction } from '../constructs/lambda';
import { WorkspaceSignIn } from '../constructs/workspace-sign-in';
import type { ResourceNames } from '../names';
import { uploadsLayout } from './data-stack';

export interface ApiStackProps extends StackProps {
  config: InfraConfig;
  names: ResourceNames;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
  /** the managed-login domain: the workspace's sign-in (its client and /kerja/config.json are made here) */
  loginDomain: UserPoolDomain;
  /** the custom attributes the ID token carries */
  customAttributes: readonly string[];
  /** https://<site domain>, no trailing slash */
  siteUrl: string;
  /** the SitesStack's distribution: routes declaring `cdn` invalidate withheld photos on it */
  distributionId: string;
}

/** Default stage throttling: generous for a regency, a ceiling for runaway clients and costs. */
export const apiThrottle = { rateLimit: 200, burstLimit: 400 } as const;

/**
 * What the API's access log keeps of a call. Not the caller's address: API Gateway's default (CLF)
 * logs `$context.identity.sourceIp` in clear, while the rate limiter promises never to store an address
 * unhashed (functions/lib/rate-limit.ts), and an access-log format can neither hash nor truncate a
 * value (it only substitutes `$context` variables; no variable holds a shortened address). So the
 * address is left out altogether — the rate limiter's hashed counters are where addresses count. Nor
 * the path: `$context.routeKey` names the route (`GET /track/{trackingCode}`) without the ids, tracking
 * codes and request ids a path carries; the request id ties a line to its function's log.
 */
export const accessLogFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  route: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
} as const;

/**
 * API Gateway does not accept a path variable that is only part of a segment (`{code}.json`); such a
 * segment becomes a whole-segment variable and the handler receives `code` *with* the suffix.
 */
export function apiGatewayPath(path: string): string {
  return path.replace(/\{(\w+)\}\.[a-z]+(?=\/|$)/g, '{$1}');
}

/**
 * The HTTP API and its functions, generated from the route table: one function per handler module,
 * each granted exactly what its routes declare; a JWT authorizer (Cognito) on every non-public route.
 * Plus the S3-event photo processor behind a queue with a dead-letter queue.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions: Map<string, SkFunction> = new Map();
  readonly routes: Map<string, HttpRoute> = new Map();
  readonly photoQueue: Queue;
  /** the workspace's app client, branding and /kerja/config.json */
  readonly workspace: WorkspaceSignIn;
  readonly photoDeadLetterQueue: Queue;
  /** the letter issuer's queue (the outbox's messages) and its dead-letter queue */
  readonly letterQueue: Queue;
  readonly letterDeadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, names } = props;

    // the processor's queue first: photo confirm (route `photoQueue`) is granted SendMessage on it
    this.photoDeadLetterQueue = new Queue(this, 'PhotoDLQ', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.photoDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue',
    });
    this.photoQueue = new Queue(this, 'PhotoQueue', {
      // ≥ 6 × the function timeout, as Lambda's SQS integration recommends
      visibilityTimeout: Duration.seconds(functionSpec('photo-processor').timeoutSeconds * 6),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.photoDeadLetterQueue, maxReceiveCount: PHOTO_MAX_RECEIVES },
    });
    // the letter issuer's queue: a completion (route `letterQueue`) announces its letter's intent there
    this.letterDeadLetterQueue = new Queue(this, 'LetterDLQ', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.letterDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue',
    });
    this.letterQueue = new Queue(this, 'LetterQueue', {
      visibilityTimeout: Duration.seconds(functionSpec('letter-issuer').timeoutSeconds * 6),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.letterDeadLetterQueue, maxReceiveCount: LETTER_MAX_RECEIVES },
    });
    const bindings = accessBindings({
      table: Table.fromTableName(this, 'Table', names.table),
      regencyCode: config.regencyCode,
      uploads: Bucket.fromBucketName(this, 'Uploads', names.bucket('uploads')),
      photos: Bucket.fromBucketName(this, 'Photos', names.bucket('photos')),
      letters: Bucket.fromBucketName(this, 'Letters', names.bucket('letters')),
      userPool: props.userPool,
      photoQueue: this.photoQueue,
      letterQueue: this.letterQueue,
      distributionId: props.distributionId,
    });

    const origins = siteOrigins(config);
    this.api = new HttpApi(this, 'Api', {
      apiName: `${names.stackPrefix}-api`,
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: origins.length > 0 ? origins : [props.siteUrl],
        // the same as the local adapter's (infra/local/cors.ts), from the route table's lists
        allowMethods: corsMethods.map((m) => CorsHttpMethod[m]),
        allowHeaders: [...corsRequestHeaders],
        exposeHeaders: [...corsExposedHeaders],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
    const apiUrl = this.api.apiEndpoint;

    const issuer = `https://cognito-idp.${Aws.REGION}.amazonaws.com/${props.userPool.userPoolId}`;
    // the workspace (/kerja/): its app client, branding and config.json (infra/constructs/workspace-sign-in.ts)
    this.workspace = new WorkspaceSignIn(this, 'Workspace', {
      userPool: props.userPool,
      domain: props.loginDomain,
      siteUrl: props.siteUrl,
      apiUrl,
      issuer,
      siteBucketName: names.bucket('site'),
      customAttributes: props.customAttributes,
    });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      // ID tokens of both clients: the web client (SRP, sellers) and the workspace
      userPoolClients: [props.userPoolClient, this.workspace.client],
      identitySource: ['$request.header.Authorization'],
    });
    // what functions/lib/config.ts reads: the issuer and audience of the tokens (the optional bearer
    // token of a public route is verified by its handler, against the issuer's JWKS)
    const authEnvironment = {
      AUTH_ISSUER: issuer,
      // both audiences, comma-separated (functions/lib/optional-auth.ts)
      AUTH_CLIENT_ID: `${props.userPoolClient.userPoolClientId},${this.workspace.client.userPoolClientId}`,
      COGNITO_USER_POOL_ID: props.userPool.userPoolId,
    };

    const makeFunction = (spec: FunctionSpec, description: string, environment: Record<string, string>) => {
      const fn = specFunction(
        this,
        spec,
        {
          description,
          environment: {
            REGENCY_CODE: config.regencyCode,
            ...environment,
            ...(spec.authenticated || spec.optionalAuth ? authEnvironment : {}),
          },
        },
        bindings,
      );
      this.functions.set(spec.id, fn);
      return fn;
    };

    const routesById = new Map(deployedRoutes().map((route) => [route.id, route]));
    for (const spec of functionSpecs().filter((s) => s.kind === 'api')) {
      // links handed to browsers (receipt, S3 redirects, back to the village site)
      const fn = makeFunction(spec, `${spec.routeIds.join(', ')} (functions/${spec.handler})`, {
        API_URL: apiUrl,
        SITE_URL: props.siteUrl,
      });
      const integration = new HttpLambdaIntegration(`${spec.id}Integration`, fn);
      for (const routeId of spec.routeIds) {
        const route = routesById.get(routeId) as Route;
        const [httpRoute] = this.api.addRoutes({
          path: apiGatewayPath(route.path),
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.auth === 'public' ? {} : { authorizer }),
        });
        if (!httpRoute) throw new Error(`no API route for ${route.id}`);
        this.routes.set(route.id, httpRoute);
        if (route.auth === 'public') {
          Validations.of(httpRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.id} is public by design (route table): ${route.summary}`,
          });
        }
      }
    }

    // $default: requests no route serves get our `{error: {code, message}}` 404 in the caller's language
    // instead of API Gateway's `{"message":"Not Found"}` (preflights are still answered by the API's CORS)
    const notFound = functionSpec('not-found');
    const defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration(
        'NotFoundIntegration',
        makeFunction(notFound, `no such route: 404 (functions/${notFound.handler})`, {}),
      ),
    });
    Validations.of(defaultRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: '$default only answers 404 for paths no route serves: it reads nothing and needs no caller',
    });

    // the photo processor: S3 (via EventBridge) → queue → function; failures end in the DLQ
    const processor = functionSpec('photo-processor');
    const processorFn = makeFunction(
      processor,
      `S3 product photo → resized variants (functions/${processor.handler})`,
      {},
    );
    new Rule(this, 'PhotoUploaded', {
      description: 'A product photo landed in the uploads bucket',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [names.bucket('uploads')] },
          object: { key: [{ prefix: uploadsLayout.productPhotoPrefix }] },
        },
      },
      targets: [new SqsQueue(this.photoQueue)],
    });
    processorFn.addEventSource(
      new SqsEventSource(this.photoQueue, { batchSize: 5, reportBatchItemFailures: true }),
    );

    // the letter issuer: the completion's intent → queue → function; failures end in the DLQ
    const letterIssuer = functionSpec('letter-issuer');
    makeFunction(
      letterIssuer,
      `completed request → its letter as a PDF (functions/${letterIssuer.handler})`,
      {
        // the QR code's verification URL
        API_URL: apiUrl,
      },
    ).addEventSource(new SqsEventSource(this.letterQueue, { batchSize: 5, reportBatchItemFailures: true }));

    new CfnOutput(this, 'ApiUrl', { value: apiUrl });
  }
}
