/**
 * Letters' budgets (issue 16): rendering one letter ≤ 300 ms p50 warm on this machine, the PDF
 * ≤ 100 KB, the verification page ≤ 10 KB transferred with no JavaScript. Renders every default
 * service's letter (requests/letter-pdf.ts, the issuer's own code) in process: the render is pure
 * (pdf-lib, qrcode), so no runtime is needed; storing and the table writes are the issuer's I/O, not
 * the budget's.
 */
import { gzipSync } from 'node:zlib';
import { letterTemplate } from '../functions/catalogue/letter-templates';
import { DEFAULT_CATALOGUE } from '../functions/catalogue/regency-defaults';
import { maskName } from '../functions/requests/domain/letters';
import type { LetterItem, RequestItem } from '../functions/requests/entities';
import { renderLetter } from '../functions/requests/letter-pdf';
import { verificationPage } from '../functions/requests/letter-views';
import type { VillageItem } from '../functions/villages/entities';
import { ratio, stats, table } from './lib';

const RENDER_P50_MS = 300;
const PDF_MAX_BYTES = 100 * 1024;
const PAGE_MAX_BYTES = 10 * 1024;
const N = Number(process.env.BENCH_N ?? 60);
const WARMUP = 10;

const village = {
  code: '35.10.24.2008',
  name: 'Tamansari',
  slug: 'tamansari-licin',
  kind: 'desa',
  kecamatanCode: '35.10.24',
  kecamatanName: 'Licin',
  regencyCode: '35.10',
  regencyName: 'Kabupaten Banyuwangi',
  profile: {
    head: {
      name: 'Mohammad Sholeh',
      title: { id: 'Kepala Desa', en: 'Village Head' },
      nip: '197803122008011007',
    },
    contact: {
      address: 'Jl. Kawah Ijen No. 1, Dusun Krajan, Desa Tamansari, Kecamatan Licin, Banyuwangi 68454',
      phone: '(0333) 000-2408',
      email: 'desa.tamansari@banyuwangikab.go.id',
    },
  },
} as unknown as VillageItem;

const answers = (fields: { code: string; datatype: string; values?: { key: string }[] }[]) =>
  Object.fromEntries(
    fields.map((f) => [
      f.code,
      f.values?.[0]?.key ??
        (f.datatype === 'number'
          ? '3'
          : f.datatype === 'datetime'
            ? '2026-12-01'
            : 'Dusun Krajan RT 01/RW 02'),
    ]),
  );

const rows: string[][] = [];
const failures: string[] = [];
let verifyHtml = '';
for (const service of DEFAULT_CATALOGUE) {
  const template = letterTemplate(service);
  const letter = {
    token: '0f3c5a7e9b1d2f4a6c8e0a2b4d6f8a1c',
    requestId: 'Req0123456789',
    number: `${template.classification}/0007/35.10.24.2008/XII/2026`,
    serviceCode: service.code,
    title: template.title,
    office: 'Desa Tamansari',
    villageCode: village.code,
    kecamatanCode: village.kecamatanCode,
    holderMasked: maskName('Siti Aminah'),
    issuedAt: '2026-12-08T02:00:00.000Z',
    status: 'issued',
    sha256: 'a'.repeat(64),
  } as LetterItem;
  const request = {
    id: 'Req0123456789',
    serviceLevel: service.level,
    applicant: { name: 'Siti Aminah', nik: '3510241508900001' },
    fields: answers(service.fields),
  } as unknown as RequestItem;
  const input = {
    letter,
    request,
    village,
    service,
    template,
    verifyUrl: 'https://api.example.go.id/verifikasi/0f3c5a7e9b1d2f4a6c8e0a2b4d6f8a1c',
  };
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < WARMUP; i++) bytes = await renderLetter(input);
  const samples: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    bytes = await renderLetter(input);
    samples.push(performance.now() - t0);
  }
  const s = stats(samples);
  rows.push([
    service.code,
    s.p50.toFixed(1),
    s.p99.toFixed(1),
    ratio(s.p50, RENDER_P50_MS),
    (bytes.length / 1024).toFixed(1),
    ratio(bytes.length, PDF_MAX_BYTES),
  ]);
  if (s.p50 > RENDER_P50_MS)
    failures.push(`${service.code}: render p50 ${s.p50.toFixed(1)} ms > ${RENDER_P50_MS}`);
  if (bytes.length > PDF_MAX_BYTES)
    failures.push(`${service.code}: PDF ${bytes.length} B > ${PDF_MAX_BYTES}`);
  verifyHtml = verificationPage('id', {
    status: 'valid',
    revokedAt: null,
    number: letter.number,
    type: letter.title,
    office: letter.office,
    issuedAt: letter.issuedAt,
    holder: letter.holderMasked,
    sha256: 'a'.repeat(64),
  });
}

console.log(
  `letters: render of one letter (warm, ${N} samples after ${WARMUP}), budget p50 ≤ ${RENDER_P50_MS} ms, PDF ≤ 100 KB`,
);
console.log(table(['service', 'p50 ms', 'p99 ms', 'p50/budget', 'PDF KB', 'PDF/budget'], rows));
const raw = Buffer.byteLength(verifyHtml);
const gz = gzipSync(verifyHtml).length;
const js = /<script|javascript:|\son[a-z]+=/i.test(verifyHtml);
console.log(
  `verification page: ${raw} B raw, ${gz} B gzip (budget ${PAGE_MAX_BYTES} B transferred: ${ratio(raw, PAGE_MAX_BYTES)} raw), JavaScript: ${js ? 'yes' : 'none'}`,
);
if (raw > PAGE_MAX_BYTES) failures.push(`verification page ${raw} B > ${PAGE_MAX_BYTES}`);
if (js) failures.push('verification page carries JavaScript');
if (failures.length) {
  console.error(`over budget:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
