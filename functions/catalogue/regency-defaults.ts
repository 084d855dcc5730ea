/**
 * The regency's default service catalogue as data: seven letters every village office issues, with the
 * six published components of PermenPANRB 15/2014. Kept apart from the schema (defaults.ts) so request
 * handlers, which read the catalogue from the table, neither carry this data nor validate it at cold
 * start; only onboarding/seeding imports it.
 */
import * as z from '../lib/zod';
import { DOCUMENT_MIME_TYPES, type Field, type Requirement, type Service, ServiceSchema } from './defaults';

// ---------------------------------------------------------------------------------------------------
// building blocks

const ACCEPT = [...DOCUMENT_MIME_TYPES];

const doc = (code: string, id: string, en: string, required = true): Requirement => ({
  code,
  name: { id, en },
  kind: 'document',
  accept: ACCEPT,
  required,
});

/** A requirement that is answered in a form field of the same code. */
const fieldReq = (f: Field): Requirement => ({
  code: f.code,
  name: f.label,
  kind: 'field',
  required: f.required,
});

const field = (
  order: number,
  code: string,
  datatype: Field['datatype'],
  id: string,
  en: string,
  required = true,
  values?: [key: string, id: string, en: string][],
): Field => ({
  code,
  label: { id, en },
  datatype,
  required,
  order,
  ...(values ? { values: values.map(([key, vid, ven]) => ({ key, name: { id: vid, en: ven } })) } : {}),
});

const KTP = doc('ktp', 'Scan/foto KTP-el pemohon', "Scan/photo of the applicant's e-KTP (ID card)");
const KK = doc('kk', 'Scan/foto Kartu Keluarga (KK)', 'Scan/photo of the family card (Kartu Keluarga)');
const PENGANTAR = doc(
  'pengantar_rt_rw',
  'Surat pengantar RT/RW',
  'Cover letter from the neighbourhood heads (RT/RW)',
);

const COMPLAINTS_DESA = {
  id: 'Sampaikan pengaduan langsung di kantor desa/kelurahan (kepada Kepala Desa/Lurah atau kotak saran), melalui WhatsApp pengaduan desa yang tercantum di situs desa, atau melalui SP4N-LAPOR! di www.lapor.go.id / SMS 1708.',
  en: 'Complain in person at the village office (to the village head or the suggestion box), via the village complaints WhatsApp number shown on the village website, or through SP4N-LAPOR! at www.lapor.go.id / SMS 1708.',
};

const COMPLAINTS_KECAMATAN = {
  id: 'Sampaikan pengaduan di kantor desa/kelurahan atau kantor kecamatan (kepada Camat atau kotak saran), melalui WhatsApp pengaduan desa yang tercantum di situs desa, atau melalui SP4N-LAPOR! di www.lapor.go.id / SMS 1708.',
  en: 'Complain at the village or kecamatan office (to the camat or the suggestion box), via the village complaints WhatsApp number shown on the village website, or through SP4N-LAPOR! at www.lapor.go.id / SMS 1708.',
};

/** The usual online procedure of a letter signed in the village. */
const procedureDesa = (letter: { id: string; en: string }) => ({
  id: [
    'Ajukan permohonan secara daring di situs desa atau di loket kantor desa/kelurahan, lengkapi isian dan unggah dokumen persyaratan.',
    'Simpan kode pelacakan untuk memantau status permohonan.',
    'Petugas desa memeriksa data dan dokumen; bila ada kekurangan, Anda diminta memperbaiki dan mengajukan ulang.',
    `${letter.id} ditandatangani Kepala Desa/Lurah.`,
    'Ambil surat yang sudah jadi di kantor desa/kelurahan dengan menunjukkan kode pelacakan; nomor suratnya tampil di halaman lacak.',
  ],
  en: [
    'Apply online on the village website or at the village office counter; fill in the form and upload the required documents.',
    'Keep the tracking code to follow the status of the request.',
    'The village officer checks the data and documents; if something is missing you are asked to fix it and resubmit.',
    `The ${letter.en} is signed by the village head (kepala desa/lurah).`,
    'Collect the finished letter at the village office with your tracking code; its number shows on the tracking page.',
  ],
});

// ---------------------------------------------------------------------------------------------------
// services

const skuFields: Field[] = [
  field(1, 'nama_usaha', 'string', 'Nama usaha', 'Business name'),
  field(2, 'jenis_usaha', 'singlevaluelist', 'Jenis usaha', 'Type of business', true, [
    ['perdagangan', 'Perdagangan/toko', 'Trade/shop'],
    ['kuliner', 'Kuliner/makanan olahan', 'Food/processed food'],
    ['jasa', 'Jasa', 'Services'],
    ['pertanian', 'Pertanian/perkebunan', 'Farming/plantation'],
    ['peternakan', 'Peternakan', 'Livestock'],
    ['perikanan', 'Perikanan', 'Fishery'],
    ['kerajinan', 'Kerajinan/industri rumahan (mis. batik)', 'Crafts/home industry (e.g. batik)'],
    ['lainnya', 'Lainnya', 'Other'],
  ]),
  field(3, 'alamat_usaha', 'text', 'Alamat tempat usaha', 'Business address'),
  field(4, 'lama_usaha', 'number', 'Lama usaha berjalan (tahun)', 'Years in business'),
  field(
    5,
    'keperluan',
    'string',
    'Keperluan surat (mis. pengajuan KUR)',
    'Purpose of the letter (e.g. a KUR loan)',
  ),
];

const sktmFields: Field[] = [
  field(1, 'keperluan', 'singlevaluelist', 'Keperluan surat', 'Purpose of the letter', true, [
    ['pendidikan', 'Pendidikan/beasiswa', 'Education/scholarship'],
    ['kesehatan', 'Kesehatan/berobat', 'Health care'],
    ['bantuan_sosial', 'Bantuan sosial', 'Social assistance'],
    ['keringanan_biaya', 'Keringanan biaya (mis. perkara, listrik)', 'Fee waiver (e.g. court, electricity)'],
    ['lainnya', 'Lainnya', 'Other'],
  ]),
  field(2, 'pekerjaan', 'string', 'Pekerjaan kepala keluarga', 'Occupation of the head of household'),
  field(
    3,
    'penghasilan_bulanan',
    'number',
    'Penghasilan keluarga per bulan (Rp)',
    'Household income per month (IDR)',
  ),
  field(4, 'jumlah_tanggungan', 'number', 'Jumlah tanggungan keluarga', 'Number of dependants'),
  field(
    5,
    'nama_penerima',
    'string',
    'Nama yang dibantu (bila bukan pemohon)',
    'Beneficiary (if not the applicant)',
    false,
  ),
  field(6, 'keterangan', 'text', 'Keterangan tambahan', 'Additional notes', false),
];

const domisiliFields: Field[] = [
  field(1, 'alamat_domisili', 'text', 'Alamat tempat tinggal sekarang', 'Current address'),
  field(2, 'rt_rw', 'string', 'RT/RW', 'RT/RW (neighbourhood)'),
  field(3, 'tinggal_sejak', 'datetime', 'Tinggal di alamat ini sejak', 'Living at this address since'),
  field(4, 'keperluan', 'string', 'Keperluan surat', 'Purpose of the letter'),
];

const pindahFields: Field[] = [
  field(1, 'alasan_pindah', 'singlevaluelist', 'Alasan pindah', 'Reason for moving', true, [
    ['pekerjaan', 'Pekerjaan', 'Work'],
    ['pendidikan', 'Pendidikan', 'Education'],
    ['keamanan', 'Keamanan', 'Safety'],
    ['kesehatan', 'Kesehatan', 'Health'],
    ['perumahan', 'Perumahan', 'Housing'],
    ['keluarga', 'Keluarga', 'Family'],
    ['lainnya', 'Lainnya', 'Other'],
  ]),
  field(2, 'jenis_kepindahan', 'singlevaluelist', 'Jenis kepindahan', 'Who is moving', true, [
    ['kk', 'Kepala keluarga saja', 'Head of household only'],
    ['kk_semua', 'Kepala keluarga dan seluruh anggota', 'Head of household and all members'],
    ['kk_sebagian', 'Kepala keluarga dan sebagian anggota', 'Head of household and some members'],
    ['anggota', 'Anggota keluarga saja', 'Family members only'],
  ]),
  field(
    3,
    'anggota_pindah',
    'text',
    'Nama dan NIK anggota keluarga yang pindah',
    'Names and NIKs of the members moving',
  ),
  field(4, 'alamat_tujuan', 'text', 'Alamat tujuan (jalan, RT/RW)', 'Destination address (street, RT/RW)'),
  field(5, 'desa_tujuan', 'string', 'Desa/kelurahan tujuan', 'Destination village'),
  field(6, 'kecamatan_tujuan', 'string', 'Kecamatan tujuan', 'Destination kecamatan'),
  field(7, 'kabupaten_tujuan', 'string', 'Kabupaten/kota tujuan', 'Destination regency/city'),
  field(8, 'provinsi_tujuan', 'string', 'Provinsi tujuan', 'Destination province'),
  field(9, 'tanggal_pindah', 'datetime', 'Rencana tanggal pindah', 'Planned moving date'),
];

const kelahiranFields: Field[] = [
  field(1, 'nama_bayi', 'string', 'Nama bayi', "Baby's name"),
  field(2, 'jenis_kelamin', 'singlevaluelist', 'Jenis kelamin', 'Sex', true, [
    ['l', 'Laki-laki', 'Male'],
    ['p', 'Perempuan', 'Female'],
  ]),
  field(3, 'tanggal_lahir', 'datetime', 'Tanggal dan jam lahir', 'Date and time of birth'),
  field(
    4,
    'tempat_lahir',
    'string',
    'Tempat lahir (desa, rumah sakit, puskesmas)',
    'Place of birth (village, hospital, clinic)',
  ),
  field(5, 'anak_ke', 'number', 'Anak ke-', 'Birth order'),
  field(6, 'nama_ayah', 'string', 'Nama ayah', "Father's name"),
  field(7, 'nama_ibu', 'string', 'Nama ibu', "Mother's name"),
  field(8, 'penolong', 'singlevaluelist', 'Penolong kelahiran', 'Birth attended by', false, [
    ['dokter', 'Dokter', 'Doctor'],
    ['bidan', 'Bidan/perawat', 'Midwife/nurse'],
    ['dukun', 'Dukun bayi', 'Traditional birth attendant'],
    ['lainnya', 'Lainnya', 'Other'],
  ]),
];

const kematianFields: Field[] = [
  field(1, 'nama_almarhum', 'string', 'Nama almarhum/almarhumah', 'Name of the deceased'),
  field(2, 'nik_almarhum', 'string', 'NIK almarhum/almarhumah', 'NIK of the deceased'),
  field(3, 'tanggal_meninggal', 'datetime', 'Tanggal dan jam meninggal', 'Date and time of death'),
  field(4, 'tempat_meninggal', 'string', 'Tempat meninggal', 'Place of death'),
  field(5, 'sebab_kematian', 'singlevaluelist', 'Sebab kematian', 'Cause of death', true, [
    ['sakit_biasa', 'Sakit biasa/tua', 'Natural causes/old age'],
    ['sakit', 'Sakit', 'Illness'],
    ['kecelakaan', 'Kecelakaan', 'Accident'],
    ['lainnya', 'Lainnya', 'Other'],
  ]),
  field(
    6,
    'hubungan_pelapor',
    'string',
    'Hubungan pelapor dengan almarhum',
    'Relationship of the reporter to the deceased',
  ),
];

const ktpKkFields: Field[] = [
  field(1, 'jenis_permohonan', 'singlevaluelist', 'Jenis permohonan', 'Type of application', true, [
    ['ktp_baru', 'KTP-el baru (usia 17 tahun/menikah)', 'New e-KTP (age 17/married)'],
    ['ktp_ganti', 'KTP-el hilang/rusak/perubahan data', 'e-KTP lost/damaged/data change'],
    ['kk_baru', 'KK baru (pisah KK/menikah)', 'New family card (new household/marriage)'],
    ['kk_ubah', 'Perubahan data KK (tambah/kurang anggota)', 'Family card change (members added/removed)'],
  ]),
  field(
    2,
    'keterangan',
    'text',
    'Keterangan (data yang berubah, sebab hilang, dll.)',
    'Details (what changes, how it was lost, etc.)',
    false,
  ),
];

const byOrder = (fields: Field[], codes: string[]): Requirement[] =>
  codes.map((c) => fieldReq(fields.find((f) => f.code === c) as Field));

const DEFAULTS: Service[] = [
  {
    code: 'sku',
    name: { id: 'Surat Keterangan Usaha (SKU)', en: 'Business Certificate (SKU)' },
    level: 'desa',
    requirements: [
      KTP,
      KK,
      PENGANTAR,
      doc('foto_usaha', 'Foto tempat usaha', 'Photo of the business premises', false),
      ...byOrder(skuFields, ['nama_usaha', 'jenis_usaha', 'alamat_usaha', 'lama_usaha']),
    ],
    procedure: procedureDesa({ id: 'Surat Keterangan Usaha', en: 'business certificate' }),
    duration: 'PT4H',
    cost: 0,
    product: { id: 'Surat Keterangan Usaha', en: 'Business certificate letter (Surat Keterangan Usaha)' },
    complaints: COMPLAINTS_DESA,
    fields: skuFields,
  },
  {
    code: 'sktm',
    name: { id: 'Surat Keterangan Tidak Mampu (SKTM)', en: 'Certificate of Low Income (SKTM)' },
    level: 'desa',
    requirements: [
      KTP,
      KK,
      PENGANTAR,
      doc(
        'kartu_bansos',
        'Kartu bantuan sosial (KIS/PKH/KIP) bila ada',
        'Social assistance card (KIS/PKH/KIP) if any',
        false,
      ),
      ...byOrder(sktmFields, ['keperluan', 'pekerjaan', 'penghasilan_bulanan', 'jumlah_tanggungan']),
    ],
    procedure: procedureDesa({ id: 'Surat Keterangan Tidak Mampu', en: 'low-income certificate' }),
    duration: 'PT4H',
    cost: 0,
    product: {
      id: 'Surat Keterangan Tidak Mampu',
      en: 'Low-income certificate letter (Surat Keterangan Tidak Mampu)',
    },
    complaints: COMPLAINTS_DESA,
    fields: sktmFields,
  },
  {
    code: 'domisili',
    name: { id: 'Surat Keterangan Domisili', en: 'Certificate of Residence (Domicile)' },
    level: 'desa',
    requirements: [
      KTP,
      KK,
      PENGANTAR,
      ...byOrder(domisiliFields, ['alamat_domisili', 'rt_rw', 'tinggal_sejak']),
    ],
    procedure: procedureDesa({ id: 'Surat Keterangan Domisili', en: 'residence certificate' }),
    duration: 'PT4H',
    cost: 0,
    product: {
      id: 'Surat Keterangan Domisili',
      en: 'Residence certificate letter (Surat Keterangan Domisili)',
    },
    complaints: COMPLAINTS_DESA,
    fields: domisiliFields,
  },
  {
    code: 'pindah',
    name: { id: 'Surat Pengantar Pindah', en: 'Relocation Cover Letter (Surat Pindah)' },
    level: 'kecamatan',
    requirements: [
      KTP,
      KK,
      PENGANTAR,
      ...byOrder(pindahFields, ['alasan_pindah', 'jenis_kepindahan', 'anggota_pindah', 'alamat_tujuan']),
    ],
    procedure: {
      id: [
        'Ajukan permohonan secara daring di situs desa atau di loket kantor desa/kelurahan, lengkapi isian dan unggah dokumen persyaratan.',
        'Simpan kode pelacakan untuk memantau status permohonan.',
        'Petugas desa memeriksa data dan dokumen; bila ada kekurangan, Anda diminta memperbaiki dan mengajukan ulang.',
        'Desa meneruskan permohonan secara elektronik ke kecamatan — Anda tidak perlu datang ke kantor kecamatan.',
        'Surat ditandatangani Camat atas nama Bupati.',
        'Ambil surat yang sudah jadi di kantor desa/kelurahan dengan menunjukkan kode pelacakan; nomor suratnya tampil di halaman lacak.',
      ],
      en: [
        'Apply online on the village website or at the village office counter; fill in the form and upload the required documents.',
        'Keep the tracking code to follow the status of the request.',
        'The village officer checks the data and documents; if something is missing you are asked to fix it and resubmit.',
        'The village forwards the request electronically to the kecamatan — you do not need to go to the kecamatan office.',
        'The letter is signed by the camat on behalf of the regent.',
        'Collect the finished letter at the village office with your tracking code; its number shows on the tracking page.',
      ],
    },
    duration: 'P1D',
    cost: 0,
    product: {
      id: 'Surat Pengantar Pindah (untuk penerbitan SKPWNI oleh Dinas Dukcapil)',
      en: 'Relocation cover letter (for the SKPWNI moving certificate issued by the civil registry)',
    },
    complaints: COMPLAINTS_KECAMATAN,
    fields: pindahFields,
  },
  {
    code: 'kelahiran',
    name: { id: 'Surat Keterangan Kelahiran', en: 'Birth Certificate Letter (Village)' },
    level: 'desa',
    requirements: [
      doc(
        'surat_lahir',
        'Surat keterangan lahir dari bidan/puskesmas/rumah sakit',
        'Birth notice from the midwife, clinic or hospital',
      ),
      KK,
      doc('ktp_orang_tua', 'Scan/foto KTP-el ayah dan ibu', "Scan/photo of both parents' e-KTP"),
      doc('buku_nikah', 'Buku nikah/akta perkawinan orang tua', "Parents' marriage book/certificate", false),
      ...byOrder(kelahiranFields, [
        'nama_bayi',
        'jenis_kelamin',
        'tanggal_lahir',
        'tempat_lahir',
        'nama_ayah',
        'nama_ibu',
      ]),
    ],
    procedure: procedureDesa({ id: 'Surat Keterangan Kelahiran', en: 'birth letter' }),
    duration: 'PT4H',
    cost: 0,
    product: {
      id: 'Surat Keterangan Kelahiran (untuk pengurusan akta kelahiran di Dinas Dukcapil)',
      en: 'Birth letter (to obtain the birth certificate from the civil registry)',
    },
    complaints: COMPLAINTS_DESA,
    fields: kelahiranFields,
  },
  {
    code: 'kematian',
    name: { id: 'Surat Keterangan Kematian', en: 'Death Certificate Letter (Village)' },
    level: 'desa',
    requirements: [
      doc('ktp_almarhum', 'Scan/foto KTP-el almarhum/almarhumah', "Scan/photo of the deceased's e-KTP"),
      KK,
      doc('ktp_pelapor', 'Scan/foto KTP-el pelapor', "Scan/photo of the reporter's e-KTP"),
      doc(
        'surat_kematian_faskes',
        'Surat keterangan kematian dari rumah sakit/puskesmas bila meninggal di fasilitas kesehatan',
        'Death notice from the hospital/clinic if the death occurred there',
        false,
      ),
      ...byOrder(kematianFields, ['nama_almarhum', 'nik_almarhum', 'tanggal_meninggal', 'tempat_meninggal']),
    ],
    procedure: procedureDesa({ id: 'Surat Keterangan Kematian', en: 'death letter' }),
    duration: 'PT4H',
    cost: 0,
    product: {
      id: 'Surat Keterangan Kematian (untuk pengurusan akta kematian di Dinas Dukcapil)',
      en: 'Death letter (to obtain the death certificate from the civil registry)',
    },
    complaints: COMPLAINTS_DESA,
    fields: kematianFields,
  },
  {
    code: 'ktp-kk',
    name: { id: 'Surat Pengantar KTP/KK', en: 'Cover Letter for e-KTP / Family Card' },
    level: 'desa',
    requirements: [
      KK,
      PENGANTAR,
      doc(
        'dokumen_pendukung',
        'Dokumen pendukung (akta kelahiran, buku nikah, surat kehilangan dari kepolisian, sesuai permohonan)',
        'Supporting documents (birth certificate, marriage book, police loss report, as applicable)',
        false,
      ),
      ...byOrder(ktpKkFields, ['jenis_permohonan']),
    ],
    procedure: procedureDesa({ id: 'Surat Pengantar KTP/KK', en: 'cover letter' }),
    duration: 'PT4H',
    cost: 0,
    product: {
      id: 'Surat Pengantar untuk perekaman/penerbitan KTP-el atau KK di Dinas Dukcapil',
      en: 'Cover letter for e-KTP recording/issuance or a family card at the civil registry',
    },
    complaints: COMPLAINTS_DESA,
    fields: ktpKkFields,
  },
];

/** The regency defaults, validated when the module loads. */
export const DEFAULT_CATALOGUE: Service[] = z.array(ServiceSchema).parse(DEFAULTS);
