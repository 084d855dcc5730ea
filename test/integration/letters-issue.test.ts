/**
 * Letters issued once (issue 16): concurrent completions of different requests never share a number;
 * a crash of the issuer between its steps is retried to exactly one letter with one number.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { getItem } from '../../functions/lib/table';
import { Letter } from '../../functions/requests/entities';
import { letterIssueHooks } from '../../functions/requests/letter-issue';
import { downloadLetter, pdfText } from '../support/letters';
import { call, officerToken, s3, submitSku, uploadRequired, useRequestsRuntime } from '../support/requests';

useRequestsRuntime();

/** A request filed with its documents and approved: ready to complete. */
async function approved(name: string) {
  const token = await officerToken();
  const { data: r } = await submitSku(name);
  await uploadRequired(r.id, r.secret);
  let version = (await call('GET', `/requests/${r.id}`, { token })).data.version;
  for (const to of ['in_review', 'approved']) {
    const res = await call('POST', `/requests/${r.id}/transitions`, { token, json: { to, version } });
    expect(res.status).toBe(200);
    version = res.data.version;
  }
  return { id: r.id as string, secret: r.secret as string, version: version as number };
}

/** The completion of an approved request. */
const completeNow = async (r: { id: string; version: number }) =>
  call('POST', `/requests/${r.id}/transitions`, {
    token: await officerToken(),
    json: { to: 'completed', version: r.version },
  });

const sequenceOf = (n: string) => Number(n.split('/')[1]);

async function lettersOf(id: string) {
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: 'smart-kampung-letters', Prefix: `letters/${id}/` }),
  );
  return (listed.Contents ?? []).map((o) => o.Key);
}

describe('letters issued once', () => {
  it('six requests completed at once get six different, consecutive numbers and one letter each', async () => {
    const token = await officerToken();
    const ready = [];
    for (const name of [
      'Ani Lestari',
      'Bayu Pratama',
      'Citra Dewi',
      'Dedi Kurnia',
      'Eka Putri',
      'Fajar Nugroho',
    ])
      ready.push(await approved(name));
    const answers = await Promise.all(
      ready.map((r) =>
        call('POST', `/requests/${r.id}/transitions`, {
          token,
          json: { to: 'completed', version: r.version },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    const numbers = answers.map((a) => a.data.letterNumber as string);
    expect(new Set(numbers).size).toBe(6);
    const sequences = numbers.map(sequenceOf).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => (sequences[0] as number) + i));
    for (const [i, r] of ready.entries()) {
      expect(await lettersOf(r.id)).toHaveLength(1);
      expect(pdfText(await downloadLetter(r.id, r.secret))).toContain(numbers[i]);
    }
  });

  it('a crash after the PDF is stored, before it is marked issued, is retried to exactly one letter', async () => {
    const r = await approved('Gita Rahayu');
    let crashes = 0;
    letterIssueHooks.afterStore = () => {
      crashes += 1;
      if (crashes === 1) throw new Error('injected crash between storing and marking');
    };
    try {
      const done = await completeNow(r);
      expect(done.status).toBe(200);
      // the first delivery crashed mid-way; the redelivery (SQS's retry) found the letter pending
      expect(crashes).toBe(2);
      const detail = await call('GET', `/requests/${r.id}`, { token: await officerToken() });
      expect(detail.data.letterNumber).toBe(done.data.letterNumber);
      const { Item } = await getItem(Letter, { token: detail.data.letterToken }, { consistent: true });
      expect(Item).toMatchObject({ status: 'issued', number: done.data.letterNumber });
      expect(Item?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await lettersOf(r.id)).toHaveLength(1);
      // the next completion takes the very next number: the retry used none
      const next = await approved('Hadi Wijaya');
      letterIssueHooks.afterStore = undefined;
      const after = await completeNow(next);
      expect(sequenceOf(after.data.letterNumber)).toBe(sequenceOf(done.data.letterNumber) + 1);
    } finally {
      letterIssueHooks.afterStore = undefined;
    }
  });
});
