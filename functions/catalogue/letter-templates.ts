/**
 * The letter of every default service, as data beside the catalogue (regency defaults): its
 * classification code (Permendagri 83/2022), title, the sentences before and after the subject's
 * identity and answers, which answers it prints (in the order given) and how long it is valid. A
 * village (or the regency) may replace the wording of its own through the catalogue entry's `letter`
 * (catalogue/defaults.ts `LetterWording`); `letterTemplate` merges the two. A service without a
 * template here (one a village added) gets the generic one.
 */
import type { LetterWordingInput, Service } from './defaults';

export interface LetterTemplate {
  /** Permendagri 83/2022 classification code, e.g. `400.12.2.2` */
  classification: string;
  title: string;
  opening: string;
  /** the service's field codes the letter prints, in this order (labels are the service's own) */
  answers: string[];
  /** the field whose answer is the purpose, when the service asks for one */
  purpose?: string;
  closing: string;
  /** months the letter is valid after its date; absent: no validity printed */
  validityMonths?: number;
}

/** The pattern of letter numbers (regency default): see requests/domain/letter-number.ts. */
export const DEFAULT_NUMBER_PATTERN = '[klasifikasi]/[urut]/[kode desa]/[bulan romawi]/[tahun]';

const OPENING_DESA =
  'Yang bertanda tangan di bawah ini, Kepala {kantor}, Kecamatan {kecamatan}, {kabupaten}, menerangkan dengan sebenarnya bahwa:';
const OPENING_KECAMATAN =
  'Yang bertanda tangan di bawah ini, Camat {kecamatan}, {kabupaten}, menerangkan dengan sebenarnya bahwa:';
const CLOSING =
  'Demikian surat keterangan ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana mestinya.';

export const LETTER_TEMPLATES: Record<string, LetterTemplate> = {
  sku: {
    classification: '500.13.2',
    title: 'SURAT KETERANGAN USAHA',
    opening: OPENING_DESA,
    answers: ['nama_usaha', 'jenis_usaha', 'alamat_usaha', 'lama_usaha'],
    purpose: 'keperluan',
    closing: `Orang tersebut di atas benar-benar mempunyai usaha sebagaimana tersebut di atas. ${CLOSING}`,
    validityMonths: 6,
  },
  sktm: {
    classification: '400.9.4',
    title: 'SURAT KETERANGAN TIDAK MAMPU',
    opening: OPENING_DESA,
    answers: ['pekerjaan', 'penghasilan_bulanan', 'jumlah_tanggungan', 'nama_penerima', 'keterangan'],
    purpose: 'keperluan',
    closing: `Orang tersebut di atas benar-benar berasal dari keluarga kurang mampu. ${CLOSING}`,
    validityMonths: 6,
  },
  domisili: {
    classification: '400.12.2.1',
    title: 'SURAT KETERANGAN DOMISILI',
    opening: OPENING_DESA,
    answers: ['alamat_domisili', 'rt_rw', 'tinggal_sejak'],
    purpose: 'keperluan',
    closing: `Orang tersebut di atas benar-benar bertempat tinggal di alamat tersebut. ${CLOSING}`,
    validityMonths: 6,
  },
  pindah: {
    classification: '400.12.2.3',
    title: 'SURAT KETERANGAN PINDAH',
    opening: OPENING_KECAMATAN,
    answers: [
      'alasan_pindah',
      'jenis_kepindahan',
      'alamat_tujuan',
      'desa_tujuan',
      'kecamatan_tujuan',
      'kabupaten_tujuan',
      'provinsi_tujuan',
      'tanggal_pindah',
    ],
    closing: `Orang tersebut di atas benar-benar akan pindah ke alamat tujuan tersebut. ${CLOSING}`,
  },
  kelahiran: {
    classification: '400.12.3.1',
    title: 'SURAT KETERANGAN KELAHIRAN',
    opening: OPENING_DESA,
    answers: [
      'nama_bayi',
      'jenis_kelamin',
      'tanggal_lahir',
      'tempat_lahir',
      'anak_ke',
      'nama_ayah',
      'nama_ibu',
    ],
    closing: `Telah lahir seorang anak sebagaimana tersebut di atas, dilaporkan oleh pemohon. ${CLOSING}`,
  },
  kematian: {
    classification: '400.12.3.3',
    title: 'SURAT KETERANGAN KEMATIAN',
    opening: OPENING_DESA,
    answers: ['nama_almarhum', 'tanggal_meninggal', 'tempat_meninggal', 'sebab_kematian', 'hubungan_pelapor'],
    closing: `Telah meninggal dunia sebagaimana tersebut di atas, dilaporkan oleh pemohon. ${CLOSING}`,
  },
  'ktp-kk': {
    classification: '400.12.2.2',
    title: 'SURAT PENGANTAR KTP-EL/KARTU KELUARGA',
    opening: OPENING_DESA,
    answers: ['jenis_permohonan', 'keterangan'],
    closing: `Surat pengantar ini diberikan untuk pengurusan dokumen kependudukan di Dinas Kependudukan dan Pencatatan Sipil. ${CLOSING}`,
    validityMonths: 1,
  },
};

/** The letter of a service nobody wrote one for: its product's name, every answer in form order. */
function generic(service: Service): LetterTemplate {
  return {
    classification: '400.12',
    title: service.product.id.toUpperCase(),
    opening: service.level === 'kecamatan' ? OPENING_KECAMATAN : OPENING_DESA,
    answers: [...service.fields].sort((a, b) => a.order - b.order).map((f) => f.code),
    closing: CLOSING,
  };
}

/** The template a village's letter of `service` uses: the regency default with the wording it replaced. */
export function letterTemplate(service: Service, wording: LetterWordingInput | undefined = service.letter) {
  const base = LETTER_TEMPLATES[service.code] ?? generic(service);
  const own = Object.fromEntries(Object.entries(wording ?? {}).filter(([, v]) => v !== undefined));
  return { ...base, ...own } as LetterTemplate;
}
