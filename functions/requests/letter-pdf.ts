/**
 * A letter as a PDF (pdf-lib, A4, the standard Helvetica/Times fonts: nothing embedded but the text),
 * laid out by the service's template (catalogue/letter-templates.ts): the letterhead, the title and
 * number, the subject's identity and the answers the template places, the purpose, the validity, place
 * and date, the signer block and the QR code of the verification URL (drawn as vector modules, `qrcode`).
 * Deterministic: the same letter renders the same bytes (dates are the letter's own), so a retried
 * issue stores the same file and the same SHA-256.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { Service } from '../catalogue/defaults';
import type { LetterTemplate } from '../catalogue/letter-templates';
import type { VillageItem } from '../villages/entities';
import { tanggal } from './domain/letters';
import type { LetterItem, RequestItem } from './entities';

/** The standard fonts speak WinAnsi: anything else becomes its closest ASCII, or `?`. */
const winAnsi = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi(text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The answer to a field as the letter prints it: a list value's name, a date as a date. */
function answerText(
  service: Service,
  code: string,
  value: string | string[] | undefined,
): string | undefined {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  const field = service.fields.find((f) => f.code === code);
  const name = (key: string) => field?.values?.find((v) => v.key === key)?.name.id ?? key;
  if (Array.isArray(value)) return value.map(name).join(', ');
  if (field?.datatype === 'singlevaluelist') return name(value);
  if (field?.datatype === 'datetime' && !Number.isNaN(Date.parse(value))) return tanggal(value);
  return value;
}

export interface LetterInput {
  letter: LetterItem;
  request: RequestItem;
  village: VillageItem;
  /** the camat, who signs a kecamatan-level letter */
  camat?: { name: string; nip?: string | undefined } | undefined;
  service: Service;
  template: LetterTemplate;
  verifyUrl: string;
}

const fill = (text: string, village: VillageItem) =>
  text
    .replaceAll('{kantor}', `${village.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${village.name}`)
    .replaceAll('{kecamatan}', village.kecamatanName)
    .replaceAll('{kabupaten}', village.regencyName);

export async function renderLetter(input: LetterInput): Promise<Uint8Array> {
  const { letter, request, village, service, template } = input;
  const doc = await PDFDocument.create();
  const issued = new Date(letter.issuedAt);
  doc.setTitle(`${template.title} ${letter.number}`);
  doc.setAuthor(letter.office);
  doc.setProducer('Smart Kampung');
  doc.setCreator('Smart Kampung');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const page = doc.addPage([595.28, 841.89]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const left = 60;
  const width = 595.28 - 2 * left;
  let y = 790;
  const text = (s: string, opts: { font?: PDFFont; size?: number; x?: number; center?: boolean } = {}) => {
    const font = opts.font ?? regular;
    const size = opts.size ?? 11;
    for (const line of wrap(s, font, size, width - ((opts.x ?? left) - left))) {
      const w = font.widthOfTextAtSize(line, size);
      page.drawText(line, { x: opts.center ? left + (width - w) / 2 : (opts.x ?? left), y, size, font });
      y -= size + 4;
    }
  };
  const byCamat = request.serviceLevel === 'kecamatan';
  // letterhead
  text(`PEMERINTAH ${village.regencyName.toUpperCase()}`, { font: bold, size: 13, center: true });
  text(`KECAMATAN ${village.kecamatanName.toUpperCase()}`, { font: bold, size: 13, center: true });
  if (!byCamat) text(letter.office.toUpperCase(), { font: bold, size: 15, center: true });
  const contact = village.profile?.contact;
  const reach = [contact?.address, contact?.phone && `Telp. ${contact.phone}`, contact?.email]
    .filter(Boolean)
    .join(' · ');
  if (reach) text(reach, { size: 9, center: true });
  y -= 2;
  page.drawLine({ start: { x: left, y }, end: { x: left + width, y }, thickness: 2, color: rgb(0, 0, 0) });
  y -= 24;
  // title and number
  text(template.title, { font: bold, size: 13, center: true });
  text(
    `Nomor: ${letter.number}${(letter.version ?? 1) > 1 ? ` (perbaikan ke-${(letter.version ?? 1) - 1})` : ''}`,
    {
      center: true,
    },
  );
  y -= 14;
  text(fill(template.opening, village));
  y -= 6;
  const row = (label: string, value: string) => {
    const lines = wrap(value, regular, 11, width - 170);
    page.drawText(winAnsi(label), { x: left + 20, y, size: 11, font: regular });
    page.drawText(':', { x: left + 160, y, size: 11, font: regular });
    for (const line of lines) {
      page.drawText(line, { x: left + 170, y, size: 11, font: regular });
      y -= 15;
    }
  };
  row('Nama', request.applicant.name);
  row('NIK', request.applicant.nik);
  for (const code of template.answers) {
    const value = answerText(service, code, request.fields[code]);
    const label = service.fields.find((f) => f.code === code)?.label.id;
    if (value && label) row(label, value);
  }
  y -= 6;
  const purpose = template.purpose
    ? answerText(service, template.purpose, request.fields[template.purpose])
    : undefined;
  if (purpose) text(`Surat keterangan ini diberikan untuk keperluan: ${purpose}.`);
  if (template.validityMonths)
    text(`Surat ini berlaku sampai dengan ${tanggal(letter.issuedAt, template.validityMonths)}.`);
  text(fill(template.closing, village));
  // place, date and signer
  y -= 20;
  const signX = left + width - 220;
  const head = village.profile?.head;
  const signer = byCamat
    ? { office: `Camat ${village.kecamatanName}`, name: input.camat?.name ?? '', nip: input.camat?.nip }
    : {
        office: `${head?.title?.id ?? (village.kind === 'kelurahan' ? 'Lurah' : 'Kepala Desa')} ${village.name}`,
        name: head?.name ?? '',
        nip: head?.nip,
      };
  const signTop = y;
  text(`${village.name}, ${tanggal(letter.issuedAt)}`, { x: signX });
  text(signer.office, { x: signX });
  y -= 50;
  text(signer.name || '(....................................)', { x: signX, font: bold });
  if (signer.nip) text(`NIP. ${signer.nip}`, { x: signX });
  drawQr(page, input.verifyUrl, left, signTop - 96, 96);
  page.drawText('Periksa keaslian surat:', { x: left, y: signTop - 108, size: 7, font: regular });
  page.drawText(winAnsi(input.verifyUrl), { x: left, y: signTop - 117, size: 6, font: regular });
  return doc.save({ useObjectStreams: true });
}

/** The QR code of `url` as filled squares (vector, a few KB), `size` points wide with its quiet zone. */
function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        page.drawRectangle({
          x: x + (c + 4) * cell,
          y: y + size - (r + 5) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
}
