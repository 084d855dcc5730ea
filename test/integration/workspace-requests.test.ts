/**
 * The workspace's request API (issue 15): walk-in filing at the counter, the request detail (answers
 * with labels, documents, history with names, allowedMoves per role and status), and the decision
 * errors the app acts on (409 with the current state, 422 with the allowed moves), through the real
 * handlers over the embedded DynamoDB and S3.
 */
import { describe, expect, it } from 'vitest';
import {
  call,
  pindahService,
  requiredAnswers,
  submitSku,
  uploadRequired,
  useRequestsRuntime,
} from '../support/requests';
import { NIK, TAMANSARI } from '../support/runtime';
import { openApiErrors, tokenOf, walkIn } from '../support/workspace';

useRequestsRuntime();

type Move = { to: string; reasonRequired: boolean };

describe('walk-in filing', () => {
  it('files a complete request at once: the promise starts now, documents recorded as seen with the name', async () => {
    const token = await tokenOf('officer', { name: 'Budi Santoso' });
    const before = Date.now();
    const res = await walkIn(token, { name: 'Pak Sukardi' });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      status: 'submitted',
      service: { code: 'sku', name: { id: 'Surat Keterangan Usaha (SKU)' }, level: 'desa' },
    });
    expect(res.data.trackingCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]+$/);
    expect(res.data.secret).toEqual(expect.any(String));
    expect(new Date(res.data.dueAt).getTime()).toBeGreaterThan(before);
    expect(await openApiErrors('POST', '/villages/{code}/walk-in-requests', 201, res.data)).toEqual([]);

    const detail = await call('GET', `/requests/${res.data.id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.data.source).toBe('counter');
    expect(detail.data.completeAt).toEqual(expect.any(String));
    expect(detail.data.documents).toEqual([]);
    expect(detail.data.documentsSeen.map((d: { requirement: string }) => d.requirement)).toEqual([
      'ktp',
      'kk',
      'pengantar_rt_rw',
    ]);
    expect(detail.data.documentsSeen[0]).toMatchObject({
      by: 'officer@tamansari-licin',
      byName: 'Budi Santoso',
      name: { id: expect.stringContaining('KTP') },
    });
    expect(detail.data.history).toEqual([
      expect.objectContaining({
        actor: 'officer@tamansari-licin',
        actorName: 'Budi Santoso',
        role: 'village-officer',
        via: 'counter',
        to: 'submitted',
      }),
    ]);
    // complete: the officer may start the review, and later approve without any upload
    expect(detail.data.allowedMoves).toEqual([{ to: 'in_review', reasonRequired: false }]);
    const review = await call('POST', `/requests/${res.data.id}/transitions`, {
      token,
      json: { to: 'in_review', version: detail.data.version },
    });
    const approve = await call('POST', `/requests/${res.data.id}/transitions`, {
      token,
      json: { to: 'approved', version: review.data.version },
    });
    expect(approve.status).toBe(200);
  });

  it('a retry with the same Idempotency-Key answers the same request; another body with it is 409', async () => {
    const token = await tokenOf('officer');
    const key = `walk-in-${Date.now()}`;
    const first = await walkIn(token, { key, name: 'Bu Retno' });
    const again = await walkIn(token, { key, name: 'Bu Retno' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.data).toEqual(first.data);
    const other = await walkIn(token, { key, name: 'Bu Lain' });
    expect(other.status).toBe(409);
  });

  it('a required document not marked seen is 422 naming it; an unknown one is 400; bad input is 400', async () => {
    const token = await tokenOf('officer');
    const missing = await walkIn(token, { documentsSeen: ['ktp'] });
    expect(missing.status).toBe(422);
    expect(missing.data.error.code).toBe('documents_missing');
    expect(missing.data.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'documentsSeen.kk',
      'documentsSeen.pengantar_rt_rw',
    ]);
    const unknown = await walkIn(token, { documentsSeen: ['ktp', 'kk', 'pengantar_rt_rw', 'paspor'] });
    expect(unknown.status).toBe(400);
    expect(unknown.data.error.fields[0].path).toBe('documentsSeen.paspor');
    const bad = await walkIn(token, { body: { documentsSeen: 'ktp', applicant: { name: 'X', nik: '1' } } });
    expect(bad.status).toBe(400);
    const paths = bad.data.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['documentsSeen', 'applicant.nik']));
    expect(bad.text).not.toContain(NIK);
  });

  it('only the village officer of that village files at its counter', async () => {
    for (const who of ['kemiren', 'camat', 'admin'] as const)
      expect((await walkIn(await tokenOf(who))).status, who).toBe(403);
    expect((await walkIn('')).status).toBe(401);
  });
});

describe('request detail for the workspace', () => {
  it('answers with labels, documents as fresh 5-minute links, history with names, allowedMoves', async () => {
    const token = await tokenOf('officer', { name: 'Budi Santoso' });
    const { data: receipt } = await submitSku('Siti Detail');
    await uploadRequired(receipt.id, receipt.secret);
    const detail = await call('GET', `/requests/${receipt.id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.data.applicant).toMatchObject({ name: 'Siti Detail', nik: NIK });
    expect(await openApiErrors('GET', '/requests/{id}', 200, detail.data)).toEqual([]);
    const usaha = detail.data.answers.find((a: { code: string }) => a.code === 'jenis_usaha');
    expect(usaha).toMatchObject({
      label: { id: expect.any(String), en: expect.any(String) },
      value: 'kuliner',
    });
    expect(usaha.values[0]).toMatchObject({ key: 'kuliner', name: { id: expect.any(String) } });
    expect(detail.data.documents).toHaveLength(3);
    for (const d of detail.data.documents) {
      expect(Number(new URL(d.url).searchParams.get('X-Amz-Expires'))).toBe(300);
      expect(d.name.id).toEqual(expect.any(String));
    }
    // signed on this call (X-Amz-Date is the signing time), never stored
    const signedAt = new URL(detail.data.documents[0].url).searchParams.get('X-Amz-Date') ?? '';
    const iso = signedAt.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
    expect(Math.abs(Date.now() - Date.parse(iso))).toBeLessThan(60_000);
    expect(detail.data.allowedMoves).toEqual([{ to: 'in_review', reasonRequired: false }]);
    const version = detail.data.version as number;
    expect(detail.headers.get('etag')).toBe(`"${version}"`);
    expect(detail.data).not.toHaveProperty('secretHash');

    const moved = await call('POST', `/requests/${receipt.id}/transitions`, {
      token,
      json: { to: 'in_review', version },
    });
    expect(moved.status).toBe(200);
    const inReview = await call('GET', `/requests/${receipt.id}`, { token });
    expect(inReview.data.history.at(-1)).toMatchObject({
      actor: 'officer@tamansari-licin',
      actorName: 'Budi Santoso',
      from: 'submitted',
      to: 'in_review',
    });
    expect(inReview.data.allowedMoves.map((m: Move) => m.to)).toEqual([
      'needs_revision',
      'approved',
      'rejected',
    ]);
    expect(inReview.data.allowedMoves.find((m: Move) => m.to === 'rejected').reasonRequired).toBe(true);
    // the camat and the regency admin read it, but may make no move on a desa-level request
    for (const who of ['camat', 'admin'] as const) {
      const read = await call('GET', `/requests/${receipt.id}`, { token: await tokenOf(who) });
      expect(read.status, who).toBe(200);
      expect(read.data.allowedMoves, who).toEqual([]);
    }
    expect((await call('GET', `/requests/${receipt.id}`, { token: await tokenOf('kemiren') })).status).toBe(
      403,
    );
    // without a name claim, the username stands in
    const plain = await tokenOf('officer');
    const approved = await call('POST', `/requests/${receipt.id}/transitions`, {
      token: plain,
      json: { to: 'approved', version: version + 1 },
    });
    expect(approved.data.history.at(-1)).toMatchObject({ actorName: 'officer@tamansari-licin' });
  });

  it('an incomplete request offers no move that needs the whole dossier', async () => {
    const token = await tokenOf('officer');
    const { data: receipt } = await submitSku('Belum Lengkap');
    await call('POST', `/requests/${receipt.id}/transitions`, {
      token,
      json: { to: 'in_review', version: 1 },
    });
    const detail = await call('GET', `/requests/${receipt.id}`, { token });
    expect(detail.data.allowedMoves.map((m: Move) => m.to)).toEqual(['needs_revision', 'rejected']);
  });
});

describe('decision errors the app acts on', () => {
  it('409 says what the request is now and who changed it; 422 lists the allowed moves', async () => {
    const budi = await tokenOf('officer', { name: 'Budi Santoso' });
    const ani = await tokenOf('officer', { name: 'Ani Lestari' });
    const { data: receipt } = await walkIn(budi, { name: 'Warga Konflik' });
    expect(
      (
        await call('POST', `/requests/${receipt.id}/transitions`, {
          token: ani,
          json: { to: 'in_review', version: 1 },
        })
      ).status,
    ).toBe(200);
    const stale = await call('POST', `/requests/${receipt.id}/transitions`, {
      token: budi,
      json: { to: 'in_review', version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(await openApiErrors('POST', '/requests/{id}/transitions', 409, stale.data)).toEqual([]);
    expect(stale.data.error).toMatchObject({
      code: 'conflict',
      current: {
        status: 'in_review',
        version: 2,
        lastChange: { actorName: 'Ani Lestari', from: 'submitted', to: 'in_review' },
      },
    });
    const invalid = await call('POST', `/requests/${receipt.id}/transitions`, {
      token: budi,
      json: { to: 'completed', version: 2 },
    });
    expect(invalid.status).toBe(422);
    expect(await openApiErrors('POST', '/requests/{id}/transitions', 422, invalid.data)).toEqual([]);
    expect(invalid.data.error).toMatchObject({
      code: 'invalid_transition',
      allowed: [
        { to: 'needs_revision', reasonRequired: true },
        { to: 'approved', reasonRequired: false },
        { to: 'rejected', reasonRequired: true },
      ],
    });
  });

  it('the camat returns a forwarded request to the village with a reason (Kembalikan ke desa)', async () => {
    const officer = await tokenOf('officer');
    const camat = await tokenOf('camat', { name: 'Camat Licin' });
    const pindah = await pindahService();
    const filed = await call('POST', `/villages/${TAMANSARI}/walk-in-requests`, {
      token: officer,
      json: {
        serviceCode: 'pindah',
        applicant: { name: 'Warga Pindah', nik: NIK },
        fields: requiredAnswers(pindah),
        documentsSeen: pindah.requirements
          .filter((r: { kind: string; required: boolean }) => r.kind === 'document' && r.required)
          .map((r: { code: string }) => r.code),
      },
    });
    expect(filed.status).toBe(201);
    const id = filed.data.id;
    const move = (token: string, to: string, version: number, reason?: string) =>
      call('POST', `/requests/${id}/transitions`, { token, json: { to, version, reason } });
    await move(officer, 'in_review', 1);
    expect((await move(officer, 'forwarded', 2)).status).toBe(200);
    const seen = await call('GET', `/requests/${id}`, { token: camat });
    expect(seen.data.allowedMoves).toEqual([
      { to: 'approved', reasonRequired: false },
      { to: 'in_review', reasonRequired: true },
      { to: 'needs_revision', reasonRequired: true },
      { to: 'rejected', reasonRequired: true },
    ]);
    const noReason = await move(camat, 'in_review', 3);
    expect(noReason.status).toBe(422);
    expect(noReason.data.error.code).toBe('reason_required');
    const back = await move(camat, 'in_review', 3, 'Surat pengantar RT belum ditandatangani');
    expect(back.status).toBe(200);
    expect(back.data.status).toBe('in_review');
    expect(back.data.history.at(-1)).toMatchObject({
      role: 'kecamatan-officer',
      actorName: 'Camat Licin',
      from: 'forwarded',
      to: 'in_review',
      reason: 'Surat pengantar RT belum ditandatangani',
    });
    // back with the village, which may forward it again
    const village = await call('GET', `/requests/${id}`, { token: officer });
    expect(village.data.allowedMoves.map((m: Move) => m.to)).toContain('forwarded');
  });
});
