/**
 * The local runtime behind `npm start` and the integration tests: DynamoDB Local and the
 * S3-compatible server as children, the table and bucket created from the same design CDK deploys,
 * villages onboarded, demo data seeded, and every route of the route table served over HTTP through
 * the adapter that builds API Gateway v2 events for the very handlers Lambda runs. The S3 server sends
 * no event notifications: the routes that announce an upload deliver the event AWS would first
 * (./s3-events.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { localJwks } from '../../functions/auth/local-identity';
import { localKey } from '../../functions/auth/local-key';
import { dynamo } from '../../functions/lib/aws';
import { config, resetConfig, siteOrigin } from '../../functions/lib/config';
import { tryVerifyIdToken } from '../../functions/lib/jwt';
import { handler as notFound } from '../../functions/lib/not-found';
import { onboardRegency } from '../../functions/onboarding/onboard';
import { routes } from '../../functions/routes';
import { tableDesign } from '../table-design';
import { createLocalApi } from './adapter';
import { dataGeneration } from './attach';
import { holdUntilCommitted } from './commit-barrier';
import { moduleHandlerLoader } from './lambda';
import { withLetterDelivery } from './letter-events';
import { type PublishRound, startPublisher } from './publisher';
import { withS3Notifications } from './s3-events';
import { seedDemo } from './seed';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startEmbedded } from './servers';
import { createSiteServer, listen } from './site-server';
import { checkTableFormat, markTableFormat } from './table-format';
import { reconcileIndexes } from './table-indexes';
import { localWorkspaceConfig } from './workspace-config';

export interface LocalRuntimeOptions {
  /** data folder kept across restarts; in memory when undefined */
  dataDir?: string;
  /** API port; 0 picks a free one */
  port?: number;
  regencyCode?: string;
  /** seed demo accounts and requests (the onboarding always runs) */
  seed?: boolean;
  /** the village sites' port (4321 by default; 0 picks a free one) */
  sitePort?: number;
  /** the folder of built sites the site server serves (dist/sites by default) */
  sitesDir?: string;
  /** run the site publisher (rebuilds villages whose data changed): `npm start` does */
  publish?: boolean;
  /** after every publisher round that rebuilt something (benchmarks and tests watch it) */
  onPublish?: (round: PublishRound) => void;
  onProgress?: (message: string) => void;
}

export interface LocalRuntime {
  apiUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  tableName: string;
  uploadsBucket: string;
  photosBucket: string;
  lettersBucket: string;
  siteUrl: string;
  sitesDir: string;
  stop(): Promise<void>;
}

const TABLE_NAME = 'smart-kampung';
const UPLOADS_BUCKET = 'smart-kampung-uploads';
const PHOTOS_BUCKET = 'smart-kampung-photos';
const LETTERS_BUCKET = 'smart-kampung-letters';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function startLocalRuntime(opts: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const say = opts.onProgress ?? (() => {});
  say('starting DynamoDB Local and the S3-compatible server …');
  // advertised (in <dataDir>/lock) only once onboarded, seeded and serving: see below
  const embedded = await startEmbedded({ dataDir: opts.dataDir, advertise: false, say });
  let server: Server | undefined;
  let siteServer: Server | undefined;
  try {
    const regencyCode = opts.regencyCode ?? '35.10';
    // reserve the API port first: the handlers' configuration names the public URL
    server = createServer();
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(opts.port ?? 3000, '127.0.0.1', resolve);
    });
    const port = (server.address() as AddressInfo).port;
    const apiUrl = `http://localhost:${port}`;
    const sitesDir = resolve(opts.sitesDir ?? resolve(repoRoot, 'dist/sites'));
    const s3Client = localS3(embedded.s3Endpoint);
    siteServer = createSiteServer({
      root: sitesDir,
      s3: s3Client,
      photosBucket: PHOTOS_BUCKET,
      // the workspace's CSP: the API and the local sign-in endpoints (`<api>/local-cognito`); document
      // links go through this server's /_s3/ front, its own origin
      workspace: () => ({ api: apiUrl, auth: [apiUrl] }),
      s3Front: {
        endpoint: embedded.s3Endpoint,
        uploadsBucket: UPLOADS_BUCKET,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      },
      // read from the configuration set below, once the servers listen
      workspaceConfig: localWorkspaceConfig,
    });
    const sitePort = await listen(siteServer, opts.sitePort ?? (opts.port === 0 ? 0 : 4321));
    const siteUrl = `http://localhost:${sitePort}`;
    // the functions' configuration (functions/lib/config.ts): read on first use, so setting it now that
    // the servers listen, and forgetting what was read before, is enough — nothing read it at import
    Object.assign(process.env, {
      TABLE_NAME,
      UPLOADS_BUCKET,
      PHOTOS_BUCKET,
      LETTERS_BUCKET,
      SITE_URL: siteUrl,
      // browsers reach S3 through the site server's front (presigned URLs checked, CORS added: see s3-front.ts)
      S3_PUBLIC_ENDPOINT: `${siteUrl}/_s3`,
      AWS_REGION: LOCAL_REGION,
      DYNAMODB_ENDPOINT: embedded.dynamoEndpoint,
      S3_ENDPOINT: embedded.s3Endpoint,
      // the S3 server serves SQS too; locally no queue URL is set, so nothing is sent unless a test sets one
      SQS_ENDPOINT: embedded.s3Endpoint,
      API_URL: apiUrl,
      AUTH_ISSUER: `${apiUrl}/local-cognito`,
      REGENCY_CODE: regencyCode,
      ...(opts.dataDir ? { LOCAL_DATA_DIR: opts.dataDir } : {}),
    });
    resetConfig();
    // before any handler writes: what the API acknowledges, DynamoDB Local has committed (./commit-barrier.ts)
    holdUntilCommitted(dynamo());
    await ensureTableAndBucket(embedded.dynamoEndpoint, embedded.s3Endpoint);

    say(`onboarding the villages of regency ${regencyCode} …`);
    const onboarded = await onboardRegency(regencyCode);
    say(
      `${onboarded.villages} villages in ${onboarded.kecamatan} kecamatan (${onboarded.created} new, ${onboarded.unchanged} unchanged)`,
    );
    await seedDemo({ regencyCode, withRequests: opts.seed ?? true });

    const jwks = localJwks(await localKey());
    server.on(
      'request',
      createLocalApi({
        routes,
        // the S3 server sends no events: the routes that announce an upload deliver its event first
        // and a completion's letter intent reaches the issuer once the route has answered (no queue)
        loadHandler: withLetterDelivery(
          withS3Notifications(moduleHandlerLoader(), {
            buckets: { uploads: UPLOADS_BUCKET },
            region: LOCAL_REGION,
            head: (Bucket, Key) => headLocal(s3Client, Bucket, Key),
          }),
          { region: LOCAL_REGION },
        ),
        verifyToken: (token) =>
          tryVerifyIdToken(token, {
            issuer: config().AUTH_ISSUER,
            audience: config().AUTH_CLIENT_ID.split(','),
            jwks,
          }),
        notFound,
        // the site's origin, where the workspace runs (SITE_ORIGIN, else SITE_URL's)
        allowedOrigins: [siteOrigin(config())],
      }),
    );
    // from here later commands (sites:build, villages:onboard) attach to these servers
    embedded.advertise({ apiUrl, siteUrl });
    let publisher: { stop(): Promise<void> } | undefined;
    if (opts.publish) {
      publisher = startPublisher({
        regencyCode,
        ...(opts.dataDir ? { generation: dataGeneration(opts.dataDir) } : {}),
        urls: { apiUrl, siteUrl },
        outDir: sitesDir,
        say,
        // poll interval and quiet time: the publisher's defaults (PUBLISH_POLL_MS, PUBLISH_QUIET_MS)
        ...(opts.onPublish ? { onRound: opts.onPublish } : {}),
      });
    }
    return {
      apiUrl,
      dynamoEndpoint: embedded.dynamoEndpoint,
      s3Endpoint: embedded.s3Endpoint,
      tableName: TABLE_NAME,
      uploadsBucket: UPLOADS_BUCKET,
      photosBucket: PHOTOS_BUCKET,
      lettersBucket: LETTERS_BUCKET,
      siteUrl,
      sitesDir,
      async stop() {
        await publisher?.stop();
        await new Promise<void>((resolve) => {
          siteServer?.close(() => resolve());
          siteServer?.closeAllConnections();
        });
        await new Promise<void>((resolve) => {
          server?.close(() => resolve());
          server?.closeAllConnections();
        });
        await embedded.stop();
      },
    };
  } catch (error) {
    server?.close();
    siteServer?.close();
    await embedded.stop();
    throw error;
  }
}

export async function ensureTableAndBucket(dynamoEndpoint: string, s3Endpoint: string) {
  const dynamo = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  const { ttlAttribute, ...design } = tableDesign;
  try {
    await dynamo.send(new CreateTableCommand({ TableName: TABLE_NAME, ...design }));
    await dynamo.send(
      new UpdateTimeToLiveCommand({
        TableName: TABLE_NAME,
        TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
      }),
    );
    await markTableFormat(dynamo, TABLE_NAME);
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
    // a table kept from an earlier run: refused if an earlier version's key format, then its
    // indexes as the design has them now
    await checkTableFormat(dynamo, TABLE_NAME);
    await reconcileIndexes(dynamo, TABLE_NAME);
  }
  const s3 = localS3(s3Endpoint);
  for (const Bucket of [UPLOADS_BUCKET, PHOTOS_BUCKET, LETTERS_BUCKET]) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    }
  }
  dynamo.destroy();
  s3.destroy();
}

async function headLocal(s3: S3Client, Bucket: string, Key: string) {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key }));
    return {
      size: head.ContentLength ?? 0,
      ...(head.ETag ? { etag: head.ETag } : {}),
      ...(head.VersionId ? { versionId: head.VersionId } : {}),
    };
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404)
      return undefined;
    throw error;
  }
}

/** An S3 client for the local S3 server (path-style, the local credentials). */
export function localS3(endpoint: string) {
  return new S3Client({
    region: LOCAL_REGION,
    endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
}
