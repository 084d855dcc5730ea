import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presignedGet, presignedPost, type SignerConfig } from '../../../functions/lib/presign';

/**
 * Our presigned POST forms and GET links are byte-for-byte what the AWS SDK's presigners produce for
 * the same bucket, key, policy, credentials and clock — on AWS (virtual-hosted, with a session token
 * as Lambda has) and on a path-style endpoint (the local S3 server). The SDK stays a dev dependency
 * for this comparison; no S3 is called.
 */
const NOW = new Date('2026-11-25T08:09:10.123Z');
const credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/slashes==',
};
const setups: [string, SignerConfig, S3Client][] = [
  [
    'AWS, virtual-hosted',
    { region: 'ap-southeast-3', credentials: async () => credentials },
    new S3Client({ region: 'ap-southeast-3', credentials }),
  ],
  [
    'local, path-style',
    {
      region: 'ap-southeast-3',
      credentials: async () => ({ accessKeyId: 'local', secretAccessKey: 'local' }),
      endpoint: 'http://localhost:4321/_s3',
    },
    new S3Client({
      region: 'ap-southeast-3',
      endpoint: 'http://localhost:4321/_s3',
      forcePathStyle: true,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  ],
];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(setups)('presigning like the AWS SDK (%s)', (_name, cfg, client) => {
  it('a POST upload form with size, type and redirect conditions', async () => {
    const key = 'incoming/REQ123/ktp-01JDOC~x.jpg';
    const conditions = [
      ['content-length-range', 1, 5 * 1024 * 1024] as ['content-length-range', number, number],
      ['eq', '$Content-Type', 'image/jpeg'] as ['eq', string, string],
      ['eq', '$success_action_redirect', 'http://localhost:3000/r/abc?s=1&d={x}'] as ['eq', string, string],
    ];
    const fields = {
      'Content-Type': 'image/jpeg',
      success_action_redirect: 'http://localhost:3000/r/abc?s=1&d={x}',
    };
    const theirs = await createPresignedPost(client, {
      Bucket: 'smart-kampung-uploads-a1b2c3',
      Key: key,
      Conditions: conditions,
      Fields: fields,
      Expires: 900,
    });
    const ours = await presignedPost(
      cfg,
      { bucket: 'smart-kampung-uploads-a1b2c3', key, conditions, fields, expiresSeconds: 900 },
      new Date(),
    );
    expect(ours).toEqual(theirs);
  });

  it('a GET link to an object whose key needs escaping', async () => {
    const key = 'documents/REQ 9/surat+pengantar (1)/ktp~é.pdf';
    const theirs = await getSignedUrl(
      client,
      new GetObjectCommand({ Bucket: 'smart-kampung-uploads-a1b2c3', Key: key }),
      { expiresIn: 300 },
    );
    const ours = await presignedGet(
      cfg,
      { bucket: 'smart-kampung-uploads-a1b2c3', key, expiresSeconds: 300 },
      new Date(),
    );
    expect(ours).toBe(theirs);
  });
});
