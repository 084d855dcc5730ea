/**
 * The embedded AWS stand-ins (DynamoDB Local, fauxqs' S3) and the local identity (sign-in, tokens,
 * JWKS) the runtime is built on; the adapter has its own file (local-adapter.test.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashPassword,
  issueLocalTokens,
  loadOrCreateLocalKey,
  localJwks,
  verifyPassword,
} from '../../functions/auth/local-identity';
import { tryVerifyIdToken, verifyIdToken } from '../../functions/lib/jwt';
import { toApiGatewayClaims } from '../../infra/local/claims';
import {
  type EmbeddedServers,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startEmbedded,
} from '../../infra/local/servers';

const ISSUER = 'http://localhost:3000/local-cognito';
const CLIENT_ID = 'test-client';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('embedded AWS (DynamoDB Local + fauxqs)', () => {
  let servers: EmbeddedServers;
  let ddb: DynamoDBClient;
  let s3: S3Client;

  beforeAll(async () => {
    servers = await startEmbedded({});
    const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    ddb = new DynamoDBClient({ ...common, endpoint: servers.dynamoEndpoint });
    s3 = new S3Client({ ...common, endpoint: servers.s3Endpoint, forcePathStyle: true });
  }, 60_000);

  afterAll(async () => {
    ddb?.destroy();
    s3?.destroy();
    await servers?.stop();
  }, 30_000);

  it('DynamoDB Local: table, put/get, transaction with a ConditionCheck', async () => {
    await ddb.send(
      new CreateTableCommand({
        TableName: 'smart-kampung',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    await ddb.send(
      new PutItemCommand({
        TableName: 'smart-kampung',
        Item: { pk: { S: 'v#1' }, sk: { S: 'meta' }, n: { N: '1' } },
      }),
    );
    const got = await ddb.send(
      new GetItemCommand({ TableName: 'smart-kampung', Key: { pk: { S: 'v#1' }, sk: { S: 'meta' } } }),
    );
    expect(got.Item?.n?.N).toBe('1');

    await ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: 'smart-kampung',
              Key: { pk: { S: 'v#1' }, sk: { S: 'meta' } },
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          { Put: { TableName: 'smart-kampung', Item: { pk: { S: 'v#1' }, sk: { S: 'req#1' } } } },
        ],
      }),
    );
    const failing = ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: 'smart-kampung',
              Key: { pk: { S: 'v#1' }, sk: { S: 'meta' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: 'smart-kampung', Item: { pk: { S: 'v#1' }, sk: { S: 'req#2' } } } },
        ],
      }),
    );
    await expect(failing).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    const notWritten = await ddb.send(
      new GetItemCommand({ TableName: 'smart-kampung', Key: { pk: { S: 'v#1' }, sk: { S: 'req#2' } } }),
    );
    expect(notWritten.Item).toBeUndefined();
  });

  it('fauxqs S3: bucket, put/get, presigned POST with a real multipart form', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: 'a/b.txt', Body: 'halo', ContentType: 'text/plain' }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'a/b.txt' }));
    expect(await got.Body?.transformToString()).toBe('halo');

    const { url, fields } = await createPresignedPost(s3, {
      Bucket: 'uploads',
      Key: 'requests/r1/ktp.pdf',
      Conditions: [['content-length-range', 1, 1024 * 1024], { 'Content-Type': 'application/pdf' }],
      Fields: { 'Content-Type': 'application/pdf', success_action_status: '201' },
      Expires: 300,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00]);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'ktp.pdf'); // file must be last
    const res = await fetch(url, { method: 'POST', body: form });
    expect(res.status).toBe(201);

    const stored = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'requests/r1/ktp.pdf' }));
    expect(stored.ContentType).toBe('application/pdf');
    expect(new Uint8Array((await stored.Body?.transformToByteArray()) ?? [])).toEqual(pdf);
  });

  it('stop() kills the DynamoDB Local Java process', async () => {
    const pid = servers.dynamoPid;
    expect(isAlive(pid)).toBe(true);
    await servers.stop();
    expect(isAlive(pid)).toBe(false);
    await servers.stop(); // idempotent
  }, 30_000);
});

describe('local identity', () => {
  it('issues Cognito-shaped tokens that the shared verifier accepts', async () => {
    const key = await loadOrCreateLocalKey();
    const tokens = await issueLocalTokens(
      key,
      {
        username: 'siti',
        groups: ['village-officer'],
        attributes: { 'custom:village': '3201012001', 'custom:kecamatan': undefined },
      },
      { issuer: ISSUER, audience: CLIENT_ID },
    );
    expect(tokens.expiresIn).toBe(3600);
    const opts = { issuer: ISSUER, audience: CLIENT_ID, jwks: localJwks(key) };
    const claims = await verifyIdToken(tokens.idToken, opts);
    expect(claims).toMatchObject({
      'cognito:username': 'siti',
      'cognito:groups': ['village-officer'],
      token_use: 'id',
      aud: CLIENT_ID,
      'custom:village': '3201012001',
    });
    expect(claims['custom:kecamatan']).toBeUndefined();
    expect(claims.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // an access token is not an id token; wrong issuer / audience / expired tokens fail
    expect(await tryVerifyIdToken(tokens.accessToken, opts)).toBeNull();
    expect(await tryVerifyIdToken(tokens.idToken, { ...opts, issuer: 'http://elsewhere' })).toBeNull();
    expect(await tryVerifyIdToken(tokens.idToken, { ...opts, audience: 'other' })).toBeNull();
    const old = await issueLocalTokens(
      key,
      { username: 'siti', groups: [], attributes: {} },
      { issuer: ISSUER, audience: CLIENT_ID, ttlSeconds: 60, now: Math.floor(Date.now() / 1000) - 3600 },
    );
    expect(await tryVerifyIdToken(old.idToken, opts)).toBeNull();
    const other = await loadOrCreateLocalKey();
    expect(await tryVerifyIdToken(tokens.idToken, { ...opts, jwks: localJwks(other) })).toBeNull();
  });

  it('persists the signing key under dataDir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sk-key-'));
    try {
      const a = await loadOrCreateLocalKey(dir);
      const b = await loadOrCreateLocalKey(dir);
      expect(b.kid).toBe(a.kid);
      const t = await issueLocalTokens(
        a,
        { username: 'u', groups: [], attributes: {} },
        { issuer: ISSUER, audience: CLIENT_ID },
      );
      await expect(verifyIdToken(t.idToken, { issuer: ISSUER, jwks: localJwks(b) })).resolves.toMatchObject({
        'cognito:username': 'u',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hashes and verifies passwords', async () => {
    const stored = await hashPassword('rahasia-desa');
    expect(stored).toMatch(/^scrypt\$/);
    expect(await hashPassword('rahasia-desa')).not.toBe(stored);
    expect(await verifyPassword('rahasia-desa', stored)).toBe(true);
    expect(await verifyPassword('salah', stored)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });

  it('stringifies claims the way API Gateway does', () => {
    expect(
      toApiGatewayClaims({
        'cognito:groups': ['village-officer', 'kecamatan-officer'],
        exp: 1700000000,
        ok: true,
        s: 'x',
        n: null,
      }),
    ).toEqual({
      'cognito:groups': '[village-officer kecamatan-officer]',
      exp: '1700000000',
      ok: 'true',
      s: 'x',
    });
  });
});
