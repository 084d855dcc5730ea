/**
 * The officer flow, and what the confirm step stored in S3.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { JPEG, PDF } from '../fixtures/files';
import {
  call,
  officerToken,
  pindahService,
  requiredAnswers,
  runtime,
  s3,
  submitSku,
  uploadDocument,
  uploadRequired,
  useRequestsRuntime,
} from '../support/requests';
import { NIK, signIn, TAMANSARI } from '../support/runtime';

useRequestsRuntime();

describe('officer flow', () => {
  it('works a request from submitted to completed with a letter number; documents are 5-minute links', async () => {
    const token = await officerToken();
    const { data: receipt } = await submitSku('Pemohon Lengkap');
    for (const [req, bytes, type] of [
      ['ktp', JPEG, 'image/jpeg'],
      ['kk', PDF, 'application/pdf'],
      ['pengantar_rt_rw', PDF, 'application/pdf'],
    ] as const)
      await uploadDocument(receipt.id, receipt.secret, req, bytes, type);

    const queue = await call('GET', `/villages/${TAMANSARI}/requests`, { token });
    expect(queue.status).toBe(200);
    expect(queue.data.items.some((i: { id: string }) => i.id === receipt.id)).toBe(true);
    expect(queue.data).toHaveProperty('cursor');
    const dues = queue.data.items
      .filter((i: { dueAt: string | null }) => i.dueAt)
      .map((i: { dueAt: string }) => i.dueAt);
    expect(dues).toEqual([...dues].sort());

    const detail = await call('GET', `/requests/${receipt.id}`, { token });
    expect(detail.status).toBe(200);
    expect(detail.data.applicant.nik).toBe(NIK);
    expect(detail.data).not.toHaveProperty('secretHash');
    expect(detail.data.documents).toHaveLength(3);
    const link = new URL(detail.data.documents[0].url);
    expect(Number(link.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    const fetched = await fetch(link);
    expect(fetched.status).toBe(200);

    let version = detail.data.version;
    const move = async (to: string, reason?: string) => {
      const res = await call('POST', `/requests/${receipt.id}/transitions`, {
        token,
        json: { to, version, reason },
      });
      if (res.status === 200) version = res.data.version;
      return res;
    };
    expect((await move('approved')).status).toBe(422); // must be in review first
    expect((await move('in_review')).status).toBe(200);
    const stale = await call('POST', `/requests/${receipt.id}/transitions`, {
      token,
      json: { to: 'approved', version: version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.data.error.code).toBe('conflict');
    expect((await move('forwarded')).data.error.code).toBe('invalid_transition'); // SKU is desa-level
    expect((await move('approved')).status).toBe(200);
    const completed = await move('completed');
    expect(completed.status).toBe(200);
    expect(completed.data.letterNumber).toMatch(
      new RegExp(`^500\\.13\\.2/\\d{4}/${TAMANSARI.replaceAll('.', '\\.')}/[IVX]+/\\d{4}$`),
    );
    const history = completed.data.history.map((h: { to: string }) => h.to);
    expect(history).toEqual(['submitted', 'in_review', 'approved', 'completed']);
    expect(completed.data.history[1]).toMatchObject({ actor: 'officer@tamansari-licin', from: 'submitted' });
    const tracked = await call('GET', `/track/${receipt.trackingCode}`);
    expect(tracked.data).toMatchObject({ status: 'completed', letterNumber: completed.data.letterNumber });
  });

  it('approving or forwarding an incomplete request is refused (422 documents_incomplete); after approval documents are locked (409)', async () => {
    const token = await officerToken();
    const { data: r } = await submitSku('Berkas Belum Lengkap');
    const review = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'in_review', version: 1 },
    });
    expect(review.status).toBe(200);
    const early = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'approved', version: review.data.version },
      headers: { 'accept-language': 'en' },
    });
    expect(early.status).toBe(422);
    expect(early.data.error).toEqual({
      code: 'documents_incomplete',
      message: expect.stringMatching(/required document/),
    });
    const still = await call('GET', `/requests/${r.id}`, { token });
    expect(still.data).toMatchObject({ status: 'in_review', version: review.data.version });

    // a document uploaded while in review is accepted; once all are in, approval goes through
    await uploadRequired(r.id, r.secret);
    const current = await call('GET', `/requests/${r.id}`, { token });
    const approved = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'approved', version: current.data.version },
    });
    expect(approved.status).toBe(200);
    const h = { 'x-request-secret': r.secret };
    const late = await call('POST', `/requests/${r.id}/documents`, {
      json: { requirement: 'foto_usaha', contentType: 'image/jpeg', size: JPEG.length },
      headers: h,
    });
    expect(late.status).toBe(409);
    expect(late.data.error.code).toBe('documents_locked');
    expect(late.data.error.message).toEqual(expect.any(String));
    const receiptPage = await call('GET', `/requests/${r.id}/receipt?secret=${r.secret}&lang=en`);
    expect(receiptPage.status).toBe(200);
    expect(receiptPage.text).not.toMatch(/<form method="post"/);
    expect(receiptPage.text).toContain('not received'); // the optional photo
    const docs = await call('GET', `/requests/${r.id}`, { token });
    expect(docs.data.documents).toHaveLength(3);
  });

  it('a kecamatan-level request cannot be forwarded before its documents are in', async () => {
    const token = await officerToken();
    const fields = requiredAnswers(await pindahService());
    const { data: r } = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { serviceCode: 'pindah', applicant: { name: 'Pindah Dini', nik: NIK }, fields },
    });
    const review = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'in_review', version: 1 },
    });
    const forwarded = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'forwarded', version: review.data.version },
    });
    expect(forwarded.status).toBe(422);
    expect(forwarded.data.error.code).toBe('documents_incomplete');
  });

  it('needs_revision pauses the promise (no due time, never overdue); resubmission resumes the office time left', async () => {
    const { transition, resubmit } = await import('../../functions/requests/workflow');
    const { getRequest, overdue, officeCalendarOf } = await import('../../functions/requests/store');
    const { getVillage } = await import('../../functions/villages/store');
    const { officeMinutesBetween } = await import('../../functions/calendar/due');
    const { data: r } = await submitSku('Jam Berhenti');
    await uploadRequired(r.id, r.secret);
    const who = { role: 'village-officer' as const, username: 'officer@tamansari-licin' };
    let request = await getRequest(r.id);
    const completeAt = new Date(request.completeAt ?? '');
    const firstDue = request.dueAt ?? '';
    expect(firstDue).not.toBe('');
    await transition(r.id, { to: 'in_review', version: request.version }, who, completeAt);
    request = await getRequest(r.id);
    // sent back the moment it was complete: the whole 4 office hours are left
    await transition(
      r.id,
      { to: 'needs_revision', reason: 'Foto KTP buram', version: request.version },
      who,
      completeAt,
    );
    request = await getRequest(r.id);
    expect(request.dueAt).toBeUndefined();
    expect(request.clockRemaining).toBe('PT240M');
    expect(request.queueSort.startsWith('1#')).toBe(true);
    // the citizen takes a month: never overdue meanwhile
    const month = new Date(new Date(firstDue).getTime() + 30 * 86_400_000);
    expect(overdue(request, month)).toBe(false);
    const tracked = await call('GET', `/track/${r.trackingCode}`);
    expect(tracked.data).toMatchObject({
      status: 'needs_revision',
      dueAt: null,
      overdue: false,
      clockPaused: true,
    });

    await resubmit(request, {}, month);
    request = await getRequest(r.id);
    expect(request.status).toBe('resubmitted');
    expect(request.clockRemaining).toBeUndefined();
    const { hours, holidays } = await officeCalendarOf(await getVillage(TAMANSARI));
    const resumedDue = new Date(request.dueAt ?? '');
    expect(resumedDue.getTime()).toBeGreaterThan(month.getTime());
    expect(officeMinutesBetween(month, resumedDue, hours, holidays)).toBe(240);
    expect(request.queueSort).toBe(`0#${request.dueAt}`);
  });

  it('letter numbers are gap-free and unique under concurrent completions', async () => {
    const token = await officerToken();
    const ids: { id: string; version: number }[] = [];
    for (let i = 0; i < 4; i++) {
      const { data: r } = await submitSku(`Batch ${i}`);
      await uploadRequired(r.id, r.secret);
      let v = 2; // completing it was a write
      for (const to of ['in_review', 'approved']) {
        const res = await call('POST', `/requests/${r.id}/transitions`, { token, json: { to, version: v } });
        v = res.data.version;
      }
      ids.push({ id: r.id, version: v });
    }
    const done = await Promise.all(
      ids.map((r) =>
        call('POST', `/requests/${r.id}/transitions`, {
          token,
          json: { to: 'completed', version: r.version },
        }),
      ),
    );
    expect(done.every((d) => d.status === 200)).toBe(true);
    const numbers = done.map((d) => Number(d.data.letterNumber.split('/')[1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(4);
    expect(numbers).toEqual([0, 1, 2, 3].map((i) => (numbers[0] ?? 0) + i));
  });

  it('needs_revision needs a reason; the citizen resubmits with a corrected field; the reason shows on tracking', async () => {
    const token = await officerToken();
    const { data: r } = await submitSku('Perlu Revisi');
    const review = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'in_review', version: 1 },
    });
    const noReason = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'needs_revision', version: review.data.version },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.data.error.code).toBe('reason_required');
    const revise = await call('POST', `/requests/${r.id}/transitions`, {
      token,
      json: { to: 'needs_revision', version: review.data.version, reason: 'Alamat usaha kurang lengkap' },
    });
    expect(revise.status).toBe(200);
    const tracked = await call('GET', `/track/${r.trackingCode}`);
    expect(tracked.data.timeline.at(-1)).toMatchObject({
      status: 'needs_revision',
      reason: 'Alamat usaha kurang lengkap',
    });
    const wrongSecret = await call('POST', `/requests/${r.id}/resubmit`, {
      json: {},
      headers: { 'x-request-secret': 'x' },
    });
    expect(wrongSecret.status).toBe(403);
    const resubmitted = await call('POST', `/requests/${r.id}/resubmit`, {
      json: { fields: { alamat_usaha: 'Dusun Krajan RT 02 RW 01, Tamansari' } },
      headers: { 'x-request-secret': r.secret },
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.data.status).toBe('resubmitted');
    const twice = await call('POST', `/requests/${r.id}/resubmit`, {
      json: {},
      headers: { 'x-request-secret': r.secret },
    });
    expect(twice.status).toBe(422);
    const detail = await call('GET', `/requests/${r.id}`, { token });
    expect(detail.data.fields.alamat_usaha).toBe('Dusun Krajan RT 02 RW 01, Tamansari');
  });

  it('resubmit applies a corrected NIK (checked like submit) and refuses a bad one with 400, changing nothing', async () => {
    const token = await officerToken();
    const { data: r } = await submitSku('NIK Salah Ketik');
    let v = 1;
    for (const [to, reason] of [['in_review'], ['needs_revision', 'NIK salah ketik']]) {
      const res = await call('POST', `/requests/${r.id}/transitions`, {
        token,
        json: { to, version: v, reason },
      });
      expect(res.status).toBe(200);
      v = res.data.version;
    }
    const h = { 'x-request-secret': r.secret };
    const bad = await call('POST', `/requests/${r.id}/resubmit`, {
      json: { applicant: { nik: '3510243102900001' } },
      headers: h,
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.fields[0].path).toBe('applicant.nik');
    const unchanged = await call('GET', `/requests/${r.id}`, { token });
    expect(unchanged.data).toMatchObject({ status: 'needs_revision', version: v, applicant: { nik: NIK } });
    const fixed = await call('POST', `/requests/${r.id}/resubmit`, {
      json: { applicant: { nik: ' 3510245508900002 ' } },
      headers: h,
    });
    expect(fixed.status).toBe(200);
    const detail = await call('GET', `/requests/${r.id}`, { token });
    expect(detail.data.applicant).toMatchObject({ nik: '3510245508900002', name: 'NIK Salah Ketik' });
    expect(detail.data.status).toBe('resubmitted');
  });

  it('a kecamatan-level letter is forwarded to the camat, who approves it; the village then completes it', async () => {
    const officer = await officerToken();
    const camat = await signIn(runtime.apiUrl, 'camat@licin');
    const pindah = await pindahService();
    expect(pindah.level).toBe('kecamatan');
    const fields = requiredAnswers(pindah);
    const submitted = await call('POST', `/villages/${TAMANSARI}/requests`, {
      json: { serviceCode: 'pindah', applicant: { name: 'Pindah Orang', nik: NIK }, fields },
    });
    expect(submitted.status).toBe(201);
    const id = submitted.data.id;
    const required = pindah.requirements
      .filter((r: { kind: string; required: boolean }) => r.kind === 'document' && r.required)
      .map((r: { code: string }) => r.code);
    await uploadRequired(id, submitted.data.secret, required);
    let v = 2;
    for (const to of ['in_review', 'forwarded']) {
      const res = await call('POST', `/requests/${id}/transitions`, {
        token: officer,
        json: { to, version: v },
      });
      expect(res.status).toBe(200);
      v = res.data.version;
    }
    const queue = await call('GET', '/kecamatan/35.10.24/requests', { token: camat });
    expect(queue.status).toBe(200);
    expect(queue.data.items.map((i: { id: string }) => i.id)).toContain(id);
    const officerTries = await call('POST', `/requests/${id}/transitions`, {
      token: officer,
      json: { to: 'approved', version: v },
    });
    expect(officerTries.status).toBe(422);
    const approved = await call('POST', `/requests/${id}/transitions`, {
      token: camat,
      json: { to: 'approved', version: v },
    });
    expect(approved.status).toBe(200);
    const completed = await call('POST', `/requests/${id}/transitions`, {
      token: officer,
      json: { to: 'completed', version: approved.data.version },
    });
    expect(completed.status).toBe(200);
  });
});

describe('raw S3 check of what the confirm step stored', () => {
  it('the stored object holds exactly the uploaded bytes', async () => {
    const { data: receipt } = await submitSku();
    const { created } = await uploadDocument(receipt.id, receipt.secret, 'kk', PDF, 'application/pdf');
    const object = await s3.send(
      new GetObjectCommand({
        Bucket: runtime.uploadsBucket,
        Key: `requests/${receipt.id}/${created.data.documentId}`,
      }),
    );
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(PDF)).toBe(true);
  });
});
