import { describe, expect, it } from 'vitest';
import {
  openAnswer,
  type Replay,
  replayKey,
  replayPut,
  sealAnswer,
} from '../../../functions/lib/idempotency';

/** The replay record (functions/lib/idempotency.ts) holds its answer sealed, under a hashed key. */
const replay: Replay = {
  scope: '35.10.24.2008',
  key: replayKey('client-key-1'),
  material: 'client-key-1\n{"body":1}',
  ttlSeconds: 3600,
};
const answer = { id: 'r1', trackingCode: 'ABCDE-FGHJK', secret: 's3cr3t' };

describe('idempotency', () => {
  it('the record key is a hash of the Idempotency-Key, never the key itself', () => {
    expect(replay.key).toMatch(/^key:[A-Za-z0-9_-]{43}$/);
    expect(replay.key).not.toContain('client-key-1');
    expect(replayKey('client-key-1')).toBe(replay.key);
  });

  it('an answer sealed for a replay opens for that replay only', () => {
    const sealed = sealAnswer(answer, replay);
    expect(JSON.stringify(sealed)).not.toContain('s3cr3t');
    expect(openAnswer(sealed, replay)).toEqual(answer);
    expect(() => openAnswer(sealed, { ...replay, material: 'client-key-1\n{"body":2}' })).toThrow();
    expect(() => openAnswer(sealed, { ...replay, key: replayKey('client-key-2') })).toThrow();
    expect(() => openAnswer(sealed, { ...replay, scope: '35.10.24.2009' })).toThrow();
  });

  it("the record's put, for the action's transaction: sealed, expiring, refused over a live record", () => {
    const now = new Date('2026-01-05T01:00:00.000Z');
    const put = replayPut(replay, 'hash-of-body', answer, now).params();
    const item = put.Put.Item as Record<string, unknown>;
    expect(item).toMatchObject({
      pk: `idempotency#35.10.24.2008#${replay.key.toLowerCase()}`,
      sk: 'idempotency',
      bodyHash: 'hash-of-body',
      createdAt: now.toISOString(),
      expiresAt: now.getTime() / 1000 + 3600,
    });
    expect(openAnswer(item.response as ReturnType<typeof sealAnswer>, replay)).toEqual(answer);
    expect(put.Put.ConditionExpression).toMatch(/attribute_not_exists.*OR.*</);
  });
});
