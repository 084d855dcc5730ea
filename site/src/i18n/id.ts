/**
 * Every user-facing string of the village sites in Bahasa Indonesia (the first language). en.ts must
 * have exactly the same keys (its `Strings` type says so, and site/build.ts checks it again before
 * building). Values are strings, or functions when a string takes numbers or names.
 */
import { CATEGORY_LABELS } from '../../../functions/sites/snapshot';

/** A village is a desa (its office: kantor desa) or a kelurahan (kantor kelurahan, no APBDes). */
export type Kind = 'desa' | 'kelurahan';
export const id = {
  'lang.name': 'Bahasa Indonesia',
  'lang.switch': 'English',
  'lang.switchLabel': 'Read this page in English',
  'lang.fallback': 'Teks ini belum tersedia dalam bahasa Indonesia.',

  'og.cardAlt': (site: string) => `Gambar sampul ${site}: bukit sawah berundak di bawah matahari`,

  skip: 'Langsung ke konten utama',
  'nav.label': 'Menu utama',
  'nav.home': 'Beranda',
  'nav.services': 'Layanan',
  'nav.products': 'Produk',
  'nav.news': 'Berita',
  'nav.apbdes': 'APBDes',
  'nav.track': 'Lacak permohonan',
  breadcrumb: 'Lokasi halaman',

  'name.desa': (name: string) => `Desa ${name}`,
  'name.kelurahan': (name: string) => `Kelurahan ${name}`,
  kecamatan: (name: string) => `Kecamatan ${name}`,
  'head.desa': 'Kepala Desa',
  'head.kelurahan': 'Lurah',

  'footer.contact': 'Kontak',
  'footer.builtWith': 'Dibangun dengan Smart Kampung',
  'footer.portal': (regency: string) => `Portal desa dan kelurahan ${regency}`,
  'footer.hours': 'Jam pelayanan',

  'contact.address': 'Alamat',
  'contact.phone': 'Telepon',
  'contact.whatsapp': 'WhatsApp',
  'contact.email': 'Surel',
  'contact.map': 'Lihat lokasi kantor di peta (OpenStreetMap)',

  'home.welcome': (village: string, kec: string, regency: string) =>
    `Situs resmi ${village}, ${kec}, ${regency}. Ajukan surat keterangan secara daring, pantau permohonan, dan kenali produk warga.`,
  'home.cta.apply': 'Ajukan surat',
  'home.cta.track': 'Lacak permohonan',
  'home.about': 'Tentang kami',
  'home.population': 'Jumlah penduduk',
  'home.people': (n: string) => `${n} jiwa`,
  'home.area': 'Luas wilayah',
  'home.officials': (kind: Kind) => `Perangkat ${kind}`,
  'home.popular': 'Layanan paling sering diajukan',
  'home.allServices': 'Semua layanan',
  'home.featured': 'Produk unggulan warga',
  'home.allProducts': 'Semua produk',
  'home.latestNews': 'Berita terbaru',
  'home.allNews': 'Semua berita',
  'home.facilities': 'Fasilitas Smart Kampung',
  'home.hours': 'Jam pelayanan kantor',
  'home.hoursCaption': (zone: string) => `Hari dan jam buka (${zone})`,
  'home.contact': 'Kontak dan lokasi',

  'hours.day': 'Hari',
  'hours.time': 'Jam',
  'hours.closed': 'Tutup',
  'day.mon': 'Senin',
  'day.tue': 'Selasa',
  'day.wed': 'Rabu',
  'day.thu': 'Kamis',
  'day.fri': 'Jumat',
  'day.sat': 'Sabtu',
  'day.sun': 'Minggu',

  'services.title': 'Layanan administrasi',
  'services.intro':
    'Setiap layanan mencantumkan persyaratan, prosedur, waktu penyelesaian, biaya, produk dan cara pengaduan sesuai standar pelayanan. Ajukan permohonan dari rumah, lalu unggah dokumen dari ponsel.',
  'services.meta': (duration: string, cost: string) => `Selesai dalam ${duration} · ${cost}`,
  'services.none': 'Belum ada layanan yang diterbitkan.',
  'service.signedBy.desa': (kind: Kind) => `Ditandatangani ${kind === 'desa' ? 'Kepala Desa' : 'Lurah'}`,
  'service.signedBy.kecamatan': (_kind: Kind) =>
    'Diteruskan ke kecamatan secara elektronik dan ditandatangani Camat',
  'service.duration': 'Waktu penyelesaian',
  'service.cost': 'Biaya',
  'service.product': 'Produk layanan',
  'service.level': 'Penandatangan',
  'service.requirements': 'Persyaratan',
  'service.documents': 'Dokumen yang diunggah',
  'service.fields': 'Data yang diisi di formulir',
  'service.optional': '(bila ada)',
  'service.procedure': 'Prosedur',
  'service.complaints': 'Pengaduan',
  'service.apply': 'Ajukan permohonan',
  'cost.free': 'Gratis',

  'duration.day': (n: number) => `${n} hari kerja`,
  'duration.hour': (n: number) => `${n} jam kerja`,
  'duration.minute': (n: number) => `${n} menit kerja`,
  'duration.and': ' ',

  'form.applicant': 'Data pemohon',
  'form.name': 'Nama lengkap (sesuai KTP)',
  'form.nik': 'NIK (16 angka)',
  'form.nikHint': (kind: Kind) =>
    `Nomor Induk Kependudukan di KTP atau KK. Hanya dapat dibaca petugas ${kind}.`,
  'form.whatsapp': 'Nomor WhatsApp (tidak wajib)',
  'form.whatsappHint': 'Contoh: 081234567890. Untuk kabar status permohonan.',
  'form.details': 'Data permohonan',
  'form.required': 'wajib',
  'form.choose': '— Pilih —',
  'form.numberHint': 'Angka saja, contoh: 2',
  'form.moneyHint': 'Angka saja, titik ribuan boleh, contoh: 1500000 atau 1.500.000',
  'form.documentsNote': (docs: string) =>
    `Dokumen persyaratan (${docs}) diunggah di halaman berikutnya, setelah formulir ini dikirim. Siapkan foto atau scan yang jelas (PDF, JPG, PNG atau WebP, maksimal 5 MB).`,
  'form.noDocumentsNote': 'Layanan ini tidak memerlukan unggahan dokumen.',
  'form.privacy': (kind: Kind) =>
    `Data pribadi Anda hanya dibaca petugas ${kind} yang menangani permohonan dan tidak pernah ditampilkan di situs.`,
  'form.submit': 'Kirim permohonan',

  'track.title': 'Lacak permohonan',
  'track.intro':
    'Masukkan kode pelacakan yang Anda terima setelah mengirim permohonan untuk melihat statusnya dan nomor surat yang sudah jadi (ambil suratnya di kantor dengan kode ini).',
  'track.code': 'Kode pelacakan',
  'track.codeHint': 'Contoh: 7K2QX-M9D4P',
  'track.submit': 'Lihat status',
  'track.lost': (kind: Kind) => `Kode hilang? Hubungi kantor ${kind} dengan membawa KTP.`,

  'products.title': 'Produk UMKM dan IKM warga',
  'products.intro': (kind: Kind) =>
    `Produk usaha mikro, kecil dan menengah warga ${kind}. Pesan langsung ke penjual melalui WhatsApp.`,
  'products.filter': 'Kategori',
  'products.all': 'Semua',
  'products.none': 'Belum ada produk di kategori ini.',
  'products.noneAll': 'Belum ada produk yang ditampilkan.',
  'products.count': (n: number) => `${n} produk`,
  'product.price': 'Harga',
  'product.was': 'Harga normal',
  'product.discount': (pct: number) => `Hemat ${pct}%`,
  'product.per': (unit: string) => `per ${unit}`,
  regency: (name: string) => name,
  'product.seller': 'Penjual',
  'product.sellerKind.umkm': 'UMKM',
  'product.sellerKind.ikm': 'IKM',
  'product.availability': 'Ketersediaan',
  'availability.available': 'Tersedia',
  'availability.preorder': 'Pesan dulu (pre-order)',
  'availability.out_of_stock': 'Stok habis',
  'product.order': 'Pesan lewat WhatsApp',
  'product.orderNote': 'Pembayaran dan pengiriman disepakati langsung dengan penjual.',
  'product.back': 'Kembali ke semua produk',
  'product.category': 'Kategori',
  'category.batik_textiles': CATEGORY_LABELS.batik_textiles.id,
  'category.food_drink': CATEGORY_LABELS.food_drink.id,
  'category.coffee': CATEGORY_LABELS.coffee.id,
  'category.produce': CATEGORY_LABELS.produce.id,
  'category.crafts': CATEGORY_LABELS.crafts.id,
  'category.services': CATEGORY_LABELS.services.id,
  'category.other': CATEGORY_LABELS.other.id,

  'news.title': (kind: Kind) => `Berita ${kind}`,
  'news.none': 'Belum ada berita.',
  'news.rss': 'Langganan RSS',
  'news.inIndonesian': '',
  'news.published': 'Diterbitkan',
  'news.back': 'Kembali ke semua berita',

  'apbdes.title': (year: number) => `APBDes ${year}`,
  'apbdes.titleNone': 'APBDes',
  'apbdes.intro':
    'Anggaran Pendapatan dan Belanja Desa: berapa yang direncanakan untuk setiap bidang dan berapa yang sudah dibelanjakan.',
  'apbdes.none': 'APBDes tahun ini belum dipublikasikan.',
  'apbdes.income': 'Pendapatan desa',
  'apbdes.spending': 'Belanja per bidang',
  'apbdes.sector': 'Bidang',
  'apbdes.budget': 'Anggaran',
  'apbdes.realisation': 'Realisasi',
  'apbdes.percent': 'Serapan',
  'apbdes.total': 'Jumlah belanja',
  'apbdes.chartTitle': (year: number) => `Anggaran dan realisasi belanja per bidang, APBDes ${year}`,
  'apbdes.chartDesc': 'Batang terang: anggaran; batang gelap: realisasi. Angka lengkap ada di tabel.',
  'apbdes.legendBudget': 'Anggaran',
  'apbdes.legendRealisation': 'Realisasi',

  'portal.title': (regency: string) => `Desa dan kelurahan ${regency}`,
  'portal.tagline': 'Smart Kampung: pelayanan publik di setiap kantor desa',
  'portal.intro': (villages: number, kecamatan: number) =>
    `Situs resmi ${villages} desa dan kelurahan di ${kecamatan} kecamatan. Pilih desa Anda untuk mengajukan surat, melacak permohonan, dan melihat produk warga.`,
  'portal.noSite': 'situs segera hadir',
  'portal.villages': (n: number) => `${n} desa/kelurahan`,
  'portal.nav.villages': 'Daftar desa',
  'portal.nav.search': 'Cari produk',
  'portal.jump': 'Ketuk nama kecamatan untuk melihat desa dan kelurahannya.',

  'search.title': 'Cari produk desa',
  'search.intro': 'Cari produk UMKM dan IKM dari semua desa dan kelurahan.',
  'search.q': 'Kata kunci',
  'search.qHint': 'Contoh: kopi, batik, madu',
  'search.category': 'Kategori',
  'search.allCategories': 'Semua kategori',
  'search.submit': 'Cari',

  'notFound.title': 'Halaman tidak ditemukan',
  'notFound.body': 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.',
  'notFound.portal': 'Ke daftar desa dan kelurahan',
  'notFound.village': (name: string) => `Ke beranda ${name}`,

  'meta.home': (village: string, kec: string, regency: string, kind: Kind) =>
    `Situs resmi ${village}, ${kec}, ${regency}: layanan surat daring, produk warga, berita${kind === 'desa' ? ' dan APBDes' : ''}.`,
  'meta.services': (name: string) =>
    `Daftar layanan administrasi ${name} dengan persyaratan, waktu dan biaya.`,
  'meta.service': (service: string, name: string, duration: string, cost: string) =>
    `${service} di ${name}: persyaratan, prosedur, selesai dalam ${duration}, biaya ${cost}. Ajukan secara daring.`,
  'meta.track': (name: string) => `Lacak status permohonan surat di ${name} dengan kode pelacakan.`,
  'meta.products': (name: string) => `Produk UMKM dan IKM warga ${name}, pesan langsung lewat WhatsApp.`,
  'meta.news': (name: string) => `Berita dan pengumuman terbaru dari ${name}.`,
  'meta.apbdes': (name: string) =>
    `Transparansi anggaran ${name}: anggaran dan realisasi belanja per bidang.`,
  'meta.portal': (regency: string) =>
    `Daftar situs resmi desa dan kelurahan ${regency}: layanan surat daring, produk warga dan APBDes.`,
  'meta.search': (regency: string) => `Cari produk UMKM dan IKM dari seluruh desa di ${regency}.`,
};

/** The shape every language must have: the same keys, the same function signatures. */
export type Strings = {
  [K in keyof typeof id]: (typeof id)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};
