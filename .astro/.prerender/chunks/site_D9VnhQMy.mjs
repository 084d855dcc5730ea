import * as devalue from 'devalue';
import { escape } from 'html-escaper';
import * as z from 'zod';
import * as z$1 from 'zod/v4';
import { t as _virtual_astro_logger_default, r as level } from './_virtual_astro_logger_DrvICN_v.mjs';
import { t as createConsoleLogger } from './console_CdBwB1iU.mjs';
import {
  ft as AstroError,
  P as InvalidComponentArgs,
  c as isRemotePath,
  u as prependForwardSlash,
  nt as RenderUndefinedEntryError,
  d as removeBase,
  ct as UnknownContentCollectionError,
} from './path_aayju59X.mjs';
import {
  S as createHeadAndContent,
  R as generateCspDigest,
  c as renderComponent,
  n as renderScriptElement,
  h as renderTemplate,
  r as renderUniqueStylesheet,
  t as spreadAttributes,
  T as unescapeHTML,
} from './server_BtgCCazu.mjs';

// node_modules/astro/dist/runtime/server/astro-component.js
function validateArgs(args) {
  if (args.length !== 3) return false;
  if (!args[0] || typeof args[0] !== 'object') return false;
  return true;
}
function baseCreateComponent(cb, moduleId, propagation) {
  const name = moduleId?.split('/').pop()?.replace('.astro', '') ?? '';
  const fn = (...args) => {
    if (!validateArgs(args))
      throw new AstroError({
        ...InvalidComponentArgs,
        message: InvalidComponentArgs.message(name),
      });
    return cb(...args);
  };
  Object.defineProperty(fn, 'name', {
    value: name,
    writable: false,
  });
  fn.isAstroComponentFactory = true;
  fn.moduleId = moduleId;
  fn.propagation = propagation;
  return fn;
}
function createComponentWithOptions(opts) {
  return baseCreateComponent(opts.factory, opts.moduleId, opts.propagation);
}
function createComponent(arg1, moduleId, propagation) {
  if (typeof arg1 === 'function') return baseCreateComponent(arg1, moduleId, propagation);
  else return createComponentWithOptions(arg1);
}
// node_modules/astro/dist/core/render-scope/scope.js
var SCOPE_KEY = /* @__PURE__ */ Symbol.for('astro:render-scope');
function getInstalledRenderScope() {
  return globalThis[SCOPE_KEY];
}
// node_modules/astro/dist/core/render-scope/record.js
function recordContentEntryRender(filePath) {
  if (!filePath) return;
  getInstalledRenderScope()?.getStore()?.contentEntries?.add(filePath);
}
// node_modules/astro/dist/assets/consts.js
var VALID_INPUT_FORMATS = ['jpeg', 'jpg', 'png', 'apng', 'tiff', 'webp', 'gif', 'svg', 'avif'];
var VALID_SUPPORTED_FORMATS = ['jpeg', 'jpg', 'png', 'tiff', 'webp', 'gif', 'svg', 'avif'];
var DEFAULT_OUTPUT_FORMAT = 'webp';
var DEFAULT_HASH_PROPS = ['src', 'width', 'height', 'format', 'quality', 'fit', 'position', 'background'];
// site/src/i18n/en.ts
var en = {
  'lang.name': 'English',
  'lang.switch': 'Bahasa Indonesia',
  'lang.switchLabel': 'Baca halaman ini dalam Bahasa Indonesia',
  'lang.fallback': 'This text is only available in Indonesian.',
  skip: 'Skip to main content',
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.services': 'Services',
  'nav.products': 'Products',
  'nav.news': 'News',
  'nav.apbdes': 'Budget',
  'nav.track': 'Track a request',
  breadcrumb: 'Breadcrumb',
  'name.desa': (name) => `${name} Village`,
  'name.kelurahan': (name) => `${name} Urban Village`,
  kecamatan: (name) => `${name} District`,
  'head.desa': 'Village head',
  'head.kelurahan': 'Urban village head',
  'footer.contact': 'Contact',
  'footer.builtWith': 'Built with Smart Kampung',
  'footer.portal': (regency) => `${regency} village portal`,
  'footer.hours': 'Office hours',
  'contact.address': 'Address',
  'contact.phone': 'Phone',
  'contact.whatsapp': 'WhatsApp',
  'contact.email': 'Email',
  'contact.map': 'See the office location on a map (OpenStreetMap)',
  'home.welcome': (village, kec, regency) =>
    `Official website of ${village}, ${kec}, ${regency}. Request certificate letters online, track your request and discover villagers' products.`,
  'home.cta.apply': 'Request a letter',
  'home.cta.track': 'Track a request',
  'home.about': 'About us',
  'home.population': 'Population',
  'home.people': (n) => `${n} people`,
  'home.area': 'Area',
  'home.officials': 'Village officials',
  'home.popular': 'Most requested services',
  'home.allServices': 'All services',
  'home.featured': "Villagers' featured products",
  'home.allProducts': 'All products',
  'home.latestNews': 'Latest news',
  'home.allNews': 'All news',
  'home.facilities': 'Smart Kampung facilities',
  'home.hours': 'Office hours',
  'home.contact': 'Contact and location',
  'hours.day': 'Day',
  'hours.time': 'Hours',
  'hours.closed': 'Closed',
  'day.mon': 'Monday',
  'day.tue': 'Tuesday',
  'day.wed': 'Wednesday',
  'day.thu': 'Thursday',
  'day.fri': 'Friday',
  'day.sat': 'Saturday',
  'day.sun': 'Sunday',
  'services.title': 'Administrative services',
  'services.intro':
    'Each service lists its requirements, procedure, processing time, cost, product and how to complain, as the service standard requires. Apply from home, then upload your documents from your phone.',
  'services.meta': (duration, cost) => `Ready in ${duration} · ${cost}`,
  'services.none': 'No services published yet.',
  'service.signedBy.desa': 'Signed by the village head',
  'service.signedBy.kecamatan': 'Forwarded electronically to the district and signed by the camat',
  'service.duration': 'Processing time',
  'service.cost': 'Cost',
  'service.product': 'What you get',
  'service.level': 'Signed by',
  'service.requirements': 'Requirements',
  'service.documents': 'Documents to upload',
  'service.fields': 'Information asked in the form',
  'service.optional': '(if any)',
  'service.procedure': 'Procedure',
  'service.complaints': 'Complaints',
  'service.apply': 'Apply',
  'cost.free': 'Free',
  'duration.day': (n) => `${n} working ${n === 1 ? 'day' : 'days'}`,
  'duration.hour': (n) => `${n} office ${n === 1 ? 'hour' : 'hours'}`,
  'duration.minute': (n) => `${n} office ${n === 1 ? 'minute' : 'minutes'}`,
  'duration.and': ' and ',
  'form.applicant': 'Applicant',
  'form.name': 'Full name (as on the ID card)',
  'form.nik': 'NIK (16 digits)',
  'form.nikHint': 'National ID number on your e-KTP or family card. Only village officers can read it.',
  'form.whatsapp': 'WhatsApp number (optional)',
  'form.whatsappHint': 'For example 081234567890. For status updates.',
  'form.details': 'Request details',
  'form.required': 'required',
  'form.choose': '— Choose —',
  'form.documentsNote': (docs) =>
    `The required documents (${docs}) are uploaded on the next page, after you send this form. Have clear photos or scans ready (PDF, JPG, PNG or WebP, up to 5 MB).`,
  'form.noDocumentsNote': 'This service needs no document upload.',
  'form.privacy':
    'Your personal data is read only by the village officers handling your request and is never shown on the website.',
  'form.submit': 'Send request',
  'track.title': 'Track a request',
  'track.intro':
    'Enter the tracking code you received after sending your request to see its status and download the finished letter.',
  'track.code': 'Tracking code',
  'track.codeHint': 'For example 7K2QX-M9D4P',
  'track.submit': 'See status',
  'track.lost': 'Lost your code? Visit the village office with your ID card.',
  'products.title': "Villagers' small-business products",
  'products.intro':
    "Products of the village's micro, small and medium businesses. Order straight from the seller on WhatsApp.",
  'products.filter': 'Category',
  'products.all': 'All',
  'products.none': 'No products in this category yet.',
  'products.noneAll': 'No products listed yet.',
  'products.count': (n) => `${n} ${n === 1 ? 'product' : 'products'}`,
  'product.price': 'Price',
  'product.was': 'Normal price',
  'product.discount': (pct) => `Save ${pct}%`,
  'product.per': (unit) => `per ${unit}`,
  'product.seller': 'Seller',
  'product.sellerKind.umkm': 'Small business (UMKM)',
  'product.sellerKind.ikm': 'Small industry (IKM)',
  'product.availability': 'Availability',
  'availability.available': 'In stock',
  'availability.preorder': 'Pre-order',
  'availability.out_of_stock': 'Out of stock',
  'product.order': 'Order on WhatsApp',
  'product.orderNote': 'Payment and delivery are agreed directly with the seller.',
  'product.back': 'Back to all products',
  'product.category': 'Category',
  'category.batik_textiles': 'Batik and textiles',
  'category.food_drink': 'Food and drink',
  'category.coffee': 'Coffee',
  'category.produce': 'Farm produce',
  'category.crafts': 'Crafts',
  'category.services': 'Services and tours',
  'category.other': 'Other',
  'news.title': 'Village news',
  'news.none': 'No news yet.',
  'news.rss': 'Subscribe (RSS)',
  'news.published': 'Published',
  'news.back': 'Back to all news',
  'apbdes.title': (year) => `Village budget (APBDes) ${year}`,
  'apbdes.titleNone': 'Village budget (APBDes)',
  'apbdes.intro':
    'The village income and expenditure budget: what is planned for each sector and how much has been spent.',
  'apbdes.none': "This year's village budget has not been published yet.",
  'apbdes.income': 'Village income',
  'apbdes.spending': 'Spending per sector',
  'apbdes.sector': 'Sector',
  'apbdes.budget': 'Budget',
  'apbdes.realisation': 'Spent',
  'apbdes.percent': 'Spent %',
  'apbdes.total': 'Total spending',
  'apbdes.chartTitle': (year) => `Budget and spending per sector, village budget ${year}`,
  'apbdes.chartDesc': 'Light bars: budget; dark bars: spent. The table has the full figures.',
  'apbdes.legendBudget': 'Budget',
  'apbdes.legendRealisation': 'Spent',
  'portal.title': (regency) => `Villages of ${regency}`,
  'portal.tagline': 'Smart Kampung: public services at every village office',
  'portal.intro': (villages, kecamatan) =>
    `Official websites of ${villages} villages in ${kecamatan} districts. Choose your village to request a letter, track a request and see villagers' products.`,
  'portal.noSite': 'website coming soon',
  'portal.villages': (n) => `${n} ${n === 1 ? 'village' : 'villages'}`,
  'portal.nav.villages': 'Villages',
  'portal.nav.search': 'Search products',
  'portal.jump': 'Districts',
  'search.title': 'Search village products',
  'search.intro': 'Search small-business products from every village of the regency.',
  'search.q': 'Keywords',
  'search.qHint': 'For example coffee, batik, honey',
  'search.category': 'Category',
  'search.allCategories': 'All categories',
  'search.submit': 'Search',
  'notFound.title': 'Page not found',
  'notFound.body': 'The address you opened does not exist or has moved.',
  'notFound.portal': 'Go to the list of villages',
  'meta.home': (village, kec, regency) =>
    `Official website of ${village}, ${kec}, ${regency}: online letters, villagers' products, news and the village budget.`,
  'meta.services': (name) =>
    `Administrative services of ${name} with requirements, processing time and cost.`,
  'meta.service': (service, name, duration, cost) =>
    `${service} in ${name}: requirements, procedure, ready in ${duration}, cost ${cost}. Apply online.`,
  'meta.track': (name) => `Track the status of a letter request in ${name} with your tracking code.`,
  'meta.products': (name) => `Small-business products of ${name} villagers; order on WhatsApp.`,
  'meta.news': (name) => `Latest news and announcements from ${name}.`,
  'meta.apbdes': (name) => `Budget transparency of ${name}: budget and spending per sector.`,
  'meta.portal': (regency) =>
    `Official websites of the villages of ${regency}: online letters, villagers' products and village budgets.`,
  'meta.search': (regency) => `Search small-business products from every village of ${regency}.`,
};
// site/src/i18n/id.ts
/**
 * Every user-facing string of the village sites in Bahasa Indonesia (the first language). en.ts must
 * have exactly the same keys (its `Strings` type says so, and site/build.ts checks it again before
 * building). Values are strings, or functions when a string takes numbers or names.
 */
var id = {
  'lang.name': 'Bahasa Indonesia',
  'lang.switch': 'English',
  'lang.switchLabel': 'Read this page in English',
  'lang.fallback': 'Teks ini belum tersedia dalam bahasa Indonesia.',
  skip: 'Langsung ke konten utama',
  'nav.label': 'Menu utama',
  'nav.home': 'Beranda',
  'nav.services': 'Layanan',
  'nav.products': 'Produk',
  'nav.news': 'Berita',
  'nav.apbdes': 'APBDes',
  'nav.track': 'Lacak Permohonan',
  breadcrumb: 'Lokasi halaman',
  'name.desa': (name) => `Desa ${name}`,
  'name.kelurahan': (name) => `Kelurahan ${name}`,
  kecamatan: (name) => `Kecamatan ${name}`,
  'head.desa': 'Kepala Desa',
  'head.kelurahan': 'Lurah',
  'footer.contact': 'Kontak',
  'footer.builtWith': 'Dibangun dengan Smart Kampung',
  'footer.portal': (regency) => `Portal desa ${regency}`,
  'footer.hours': 'Jam pelayanan',
  'contact.address': 'Alamat',
  'contact.phone': 'Telepon',
  'contact.whatsapp': 'WhatsApp',
  'contact.email': 'Surel',
  'contact.map': 'Lihat lokasi kantor di peta (OpenStreetMap)',
  'home.welcome': (village, kec, regency) =>
    `Situs resmi ${village}, ${kec}, ${regency}. Ajukan surat keterangan secara daring, pantau permohonan, dan kenali produk warga.`,
  'home.cta.apply': 'Ajukan surat',
  'home.cta.track': 'Lacak permohonan',
  'home.about': 'Tentang kami',
  'home.population': 'Jumlah penduduk',
  'home.people': (n) => `${n} jiwa`,
  'home.area': 'Luas wilayah',
  'home.officials': 'Perangkat desa',
  'home.popular': 'Layanan paling sering diajukan',
  'home.allServices': 'Semua layanan',
  'home.featured': 'Produk unggulan warga',
  'home.allProducts': 'Semua produk',
  'home.latestNews': 'Berita terbaru',
  'home.allNews': 'Semua berita',
  'home.facilities': 'Fasilitas Smart Kampung',
  'home.hours': 'Jam pelayanan kantor',
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
  'services.meta': (duration, cost) => `Selesai dalam ${duration} · ${cost}`,
  'services.none': 'Belum ada layanan yang diterbitkan.',
  'service.signedBy.desa': 'Ditandatangani Kepala Desa/Lurah',
  'service.signedBy.kecamatan': 'Diteruskan ke kecamatan secara elektronik dan ditandatangani Camat',
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
  'duration.day': (n) => `${n} hari kerja`,
  'duration.hour': (n) => `${n} jam kerja`,
  'duration.minute': (n) => `${n} menit kerja`,
  'duration.and': ' ',
  'form.applicant': 'Data pemohon',
  'form.name': 'Nama lengkap (sesuai KTP)',
  'form.nik': 'NIK (16 angka)',
  'form.nikHint': 'Nomor Induk Kependudukan di KTP atau KK. Hanya dapat dibaca petugas desa.',
  'form.whatsapp': 'Nomor WhatsApp (tidak wajib)',
  'form.whatsappHint': 'Contoh: 081234567890. Untuk kabar status permohonan.',
  'form.details': 'Data permohonan',
  'form.required': 'wajib',
  'form.choose': '— Pilih —',
  'form.documentsNote': (docs) =>
    `Dokumen persyaratan (${docs}) diunggah di halaman berikutnya, setelah formulir ini dikirim. Siapkan foto atau scan yang jelas (PDF, JPG, PNG atau WebP, maksimal 5 MB).`,
  'form.noDocumentsNote': 'Layanan ini tidak memerlukan unggahan dokumen.',
  'form.privacy':
    'Data pribadi Anda hanya dibaca petugas desa yang menangani permohonan dan tidak pernah ditampilkan di situs.',
  'form.submit': 'Kirim permohonan',
  'track.title': 'Lacak permohonan',
  'track.intro':
    'Masukkan kode pelacakan yang Anda terima setelah mengirim permohonan untuk melihat status dan mengunduh surat yang sudah jadi.',
  'track.code': 'Kode pelacakan',
  'track.codeHint': 'Contoh: 7K2QX-M9D4P',
  'track.submit': 'Lihat status',
  'track.lost': 'Kode hilang? Hubungi kantor desa dengan membawa KTP.',
  'products.title': 'Produk UMKM dan IKM warga',
  'products.intro':
    'Produk usaha mikro, kecil dan menengah warga desa. Pesan langsung ke penjual melalui WhatsApp.',
  'products.filter': 'Kategori',
  'products.all': 'Semua',
  'products.none': 'Belum ada produk di kategori ini.',
  'products.noneAll': 'Belum ada produk yang ditampilkan.',
  'products.count': (n) => `${n} produk`,
  'product.price': 'Harga',
  'product.was': 'Harga normal',
  'product.discount': (pct) => `Hemat ${pct}%`,
  'product.per': (unit) => `per ${unit}`,
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
  'category.batik_textiles': 'Batik dan kain',
  'category.food_drink': 'Makanan dan minuman',
  'category.coffee': 'Kopi',
  'category.produce': 'Hasil bumi',
  'category.crafts': 'Kerajinan',
  'category.services': 'Jasa dan wisata',
  'category.other': 'Lainnya',
  'news.title': 'Berita desa',
  'news.none': 'Belum ada berita.',
  'news.rss': 'Langganan RSS',
  'news.published': 'Diterbitkan',
  'news.back': 'Kembali ke semua berita',
  'apbdes.title': (year) => `APBDes ${year}`,
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
  'apbdes.chartTitle': (year) => `Anggaran dan realisasi belanja per bidang, APBDes ${year}`,
  'apbdes.chartDesc': 'Batang terang: anggaran; batang gelap: realisasi. Angka lengkap ada di tabel.',
  'apbdes.legendBudget': 'Anggaran',
  'apbdes.legendRealisation': 'Realisasi',
  'portal.title': (regency) => `Desa dan kelurahan ${regency}`,
  'portal.tagline': 'Smart Kampung: pelayanan publik di setiap kantor desa',
  'portal.intro': (villages, kecamatan) =>
    `Situs resmi ${villages} desa dan kelurahan di ${kecamatan} kecamatan. Pilih desa Anda untuk mengajukan surat, melacak permohonan, dan melihat produk warga.`,
  'portal.noSite': 'situs segera hadir',
  'portal.villages': (n) => `${n} desa/kelurahan`,
  'portal.nav.villages': 'Daftar desa',
  'portal.nav.search': 'Cari produk',
  'portal.jump': 'Kecamatan',
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
  'meta.home': (village, kec, regency) =>
    `Situs resmi ${village}, ${kec}, ${regency}: layanan surat daring, produk warga, berita dan APBDes.`,
  'meta.services': (name) => `Daftar layanan administrasi ${name} dengan persyaratan, waktu dan biaya.`,
  'meta.service': (service, name, duration, cost) =>
    `${service} di ${name}: persyaratan, prosedur, selesai dalam ${duration}, biaya ${cost}. Ajukan secara daring.`,
  'meta.track': (name) => `Lacak status permohonan surat di ${name} dengan kode pelacakan.`,
  'meta.products': (name) => `Produk UMKM dan IKM warga ${name}, pesan langsung lewat WhatsApp.`,
  'meta.news': (name) => `Berita dan pengumuman terbaru dari ${name}.`,
  'meta.apbdes': (name) => `Transparansi anggaran ${name}: anggaran dan realisasi belanja per bidang.`,
  'meta.portal': (regency) =>
    `Daftar situs resmi desa dan kelurahan ${regency}: layanan surat daring, produk warga dan APBDes.`,
  'meta.search': (regency) => `Cari produk UMKM dan IKM dari seluruh desa di ${regency}.`,
};
// site/src/i18n/index.ts
/** The two languages of the sites and their strings. Indonesian pages live at /…/, English at /…/en/. */
var LANGS = ['id', 'en'];
var STRINGS = {
  id,
  en,
};
/** The strings of one language. */
function t(lang) {
  return STRINGS[lang];
}
var OTHER = {
  id: 'en',
  en: 'id',
};
var OG_LOCALE = {
  id: 'id_ID',
  en: 'en_US',
};
/** BCP 47 tags for Intl formatting of dates and numbers in running text */
var INTL_LOCALE = {
  id: 'id-ID',
  en: 'en-GB',
};
/** The route parameter `[...lang]`: absent for Indonesian, "en" for English. */
var langParam = (lang) => (lang === 'en' ? 'en' : void 0);
/**
 * A bilingual text where the English may be missing: the text to show on a `lang` page and, when it
 * falls back to Indonesian, the language to mark it with (`lang="id"` on the element).
 */
function pick(lang, text) {
  if (lang === 'en' && !text.en)
    return {
      text: text.id,
      lang: 'id',
    };
  return { text: lang === 'en' ? (text.en ?? text.id) : text.id };
}
/** Same as `pick` for lists of paragraphs (news bodies, procedures). */
function pickList(lang, list) {
  if (lang === 'en' && !list.en?.length)
    return {
      items: list.id,
      lang: 'id',
    };
  return { items: lang === 'en' ? (list.en ?? list.id) : list.id };
}
// site/src/lib/format.ts
/** Formatting shared by every page: rupiah, office-time durations, dates, percentages. */
var RUPIAH = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
/** `Rp 65.000` (Indonesian grouping on both languages: it is how prices are written in Indonesia) */
var rupiah = (n) => RUPIAH.format(n);
/** "Gratis" / "Free" when 0, else rupiah */
var cost = (lang, n) => (n === 0 ? t(lang)['cost.free'] : rupiah(n));
var NUMBER = {
  id: new Intl.NumberFormat('id-ID'),
  en: new Intl.NumberFormat('en-GB'),
};
var number = (lang, n) => NUMBER[lang].format(n);
/** Share of `part` in `whole` as a whole percentage (0 when the whole is 0). */
var percent = (part, whole) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
/**
 * An ISO 8601 office-time duration in words: PT4H → "4 jam kerja" / "4 office hours",
 * P1D → "1 hari kerja" / "1 working day", P1DT4H → "1 hari kerja 4 jam kerja" / "… and …".
 * Anything unparseable is shown as written.
 */
function duration(lang, iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return iso;
  const s = t(lang);
  const parts = [];
  if (m[1]) parts.push(s['duration.day'](Number(m[1])));
  if (m[2]) parts.push(s['duration.hour'](Number(m[2])));
  if (m[3]) parts.push(s['duration.minute'](Number(m[3])));
  return parts.length ? parts.join(s['duration.and']) : iso;
}
var DATE = {
  id: new Intl.DateTimeFormat(INTL_LOCALE.id, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }),
};
/** An ISO date (YYYY-MM-DD) as "20 April 2026" */
var date = (lang, iso) => DATE[lang].format(new Date(iso.slice(0, 10)));
/** "07:30" → "07.30" in Indonesian (the Indonesian way of writing times), unchanged in English */
var time = (lang, hhmm) => (lang === 'id' ? hhmm.replace(':', '.') : hhmm);
var ZONES = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
/** Asia/Jakarta → WIB (the abbreviation every Indonesian reads) */
var zone = (timeZone) => ZONES[timeZone] ?? timeZone;
/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
var jsonLd = (data) => JSON.stringify(data).replace(/</g, '\\u003c');
/** XML text escaping (RSS and sitemaps are written by hand) */
var xml = (s) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
var WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/**
 * Office hours in one line, consecutive days with the same hours grouped:
 * "Senin–Kamis 07.30–15.30 · Jumat 07.30–11.00 · Sabtu 08.00–12.00 WIB".
 */
function hoursSummary(lang, hours) {
  const s = t(lang);
  const groups = [];
  for (const d of WEEKDAYS) {
    const h = hours.days[d];
    if (!h) continue;
    const span = `${time(lang, h.open)}–${time(lang, h.close)}`;
    const last = groups.at(-1);
    const prev = WEEKDAYS[WEEKDAYS.indexOf(d) - 1];
    if (last && last.span === span && last.to === prev) last.to = d;
    else
      groups.push({
        from: d,
        to: d,
        span,
      });
  }
  const days = (g) => (g.from === g.to ? s[`day.${g.from}`] : `${s[`day.${g.from}`]}–${s[`day.${g.to}`]}`);
  return `${groups.map((g) => `${days(g)} ${g.span}`).join(' · ')} ${zone(hours.timeZone)}`;
}
/** A phone number that never wraps: non-breaking spaces and hyphens ("(0333) 000-2408"). */
var phoneText = (phone) => phone.replace(/ /g, '\xA0').replace(/-/g, '‑');
/** The class that carries a photo's placeholder background (see placeholderCss). */
var photoClass = (productId, photo) => `ph-${`${productId}-${photo.id}`.replace(/[^A-Za-z0-9_-]/g, '_')}`;
var DATA_URI = /^data:image\/[a-z+]+;base64,[A-Za-z0-9+/=]+$/;
/**
 * The tiny blurred placeholders of the photos on a page, as CSS for the page's <head>: the photo shows
 * its placeholder as a background until it loads. Only well-formed base64 image data URIs pass.
 */
function placeholderCss(products, allPhotos = false) {
  return products
    .flatMap((p) => (allPhotos ? p.photos : p.photos.slice(0, 1)).map((ph) => [p.id, ph]))
    .filter(([, ph]) => DATA_URI.test(ph.placeholder))
    .map(([id, ph]) => `.${photoClass(id, ph)}{background-image:url(${ph.placeholder})}`)
    .join('');
}
// site/src/lib/paths.ts
/** `/tamansari-licin/en/layanan/sku/` */
function villagePath(slug, lang, ...segments) {
  return `/${[slug, ...(lang === 'en' ? ['en'] : []), ...segments].join('/')}/`;
}
/** `/`, `/en/`, `/cari/`, `/en/cari/` */
function portalPath(lang, ...segments) {
  const parts = [...(lang === 'en' ? ['en'] : []), ...segments];
  return parts.length ? `/${parts.join('/')}/` : '/';
}
/** URL segment of a product category: batik_textiles → batik-textiles */
var categorySegment = (c) => c.replaceAll('_', '-');
/** The categories that have products in this village, in the contract's order. */
function categoriesOf(v) {
  const present = new Set(v.products.map((p) => p.category));
  return ['batik_textiles', 'food_drink', 'coffee', 'produce', 'crafts', 'services', 'other'].filter((c) =>
    present.has(c),
  );
}
var rssPath = (slug, lang) => `${villagePath(slug, lang, 'berita')}rss.xml`;
var villageSitemapPath = (slug) => `/${slug}/sitemap.xml`;
/** Every HTML page of a village, as id/en pairs. */
function villagePages(v) {
  const slug = v.village.slug;
  const pair = (segments, lastmod) => ({
    id: villagePath(slug, 'id', ...segments),
    en: villagePath(slug, 'en', ...segments),
    ...(lastmod ? { lastmod } : {}),
  });
  return [
    pair([]),
    pair(['layanan']),
    ...v.services.map((s) => pair(['layanan', s.code])),
    pair(['lacak']),
    pair(['produk']),
    ...categoriesOf(v).map((c) => pair(['produk', 'kategori', categorySegment(c)])),
    ...v.products.map((p) => pair(['produk', p.slug], p.updatedAt.slice(0, 10))),
    pair(['berita']),
    ...v.news.map((n) => pair(['berita', n.slug], n.date.slice(0, 10))),
    pair(['apbdes']),
  ];
}
/** The portal's HTML pages as id/en pairs */
var portalPages = () => [
  {
    id: portalPath('id'),
    en: portalPath('en'),
  },
  {
    id: portalPath('id', 'cari'),
    en: portalPath('en', 'cari'),
  },
];
/** The same page in the other language: /x/… ↔ /x/en/… for villages, /… ↔ /en/… for the portal. */
function otherLanguagePath(path, lang, village) {
  if (village) {
    const rest = path.slice(`/${village}/`.length).replace(/^en\//, '');
    return `/${village}/${lang === 'id' ? 'en/' : ''}${rest}`;
  }
  const rest = path.replace(/^\/(en\/)?/, '');
  return `/${lang === 'id' ? 'en/' : ''}${rest}`;
}
/** Featured products on the home page: up to four, in stock first, then pre-order, then the rest. */
function featuredProducts(v, n = 4) {
  const rank = {
    available: 0,
    preorder: 1,
    out_of_stock: 2,
  };
  return [...v.products].sort((a, b) => rank[a.availability] - rank[b.availability]).slice(0, n);
}
/** The most requested services first (ties keep the catalogue's order). */
function popularServices(v, n = 4) {
  return [...v.services].sort((a, b) => b.popularity - a.popularity).slice(0, n);
}
/** Articles newest first. */
function newsByDate(v) {
  return [...v.news].sort((a, b) => b.date.localeCompare(a.date));
}
// node_modules/astro/dist/assets/runtime.js
function createSvgComponent({ meta, attributes, children, styles }) {
  const hasStyles = styles.length > 0;
  const Component = createComponent({
    async factory(result, props) {
      const normalizedProps = normalizeProps(attributes, props);
      if (hasStyles && result.cspDestination)
        for (const style of styles) {
          const hash = await generateCspDigest(style, result.cspAlgorithm);
          result._metadata.extraStyleHashes.push(hash);
        }
      return renderTemplate`<svg${spreadAttributes(normalizedProps)}>${unescapeHTML(children)}</svg>`;
    },
    propagation: hasStyles ? 'self' : 'none',
  });
  makeNonEnumerable(Component);
  Object.defineProperty(Component, /* @__PURE__ */ Symbol.for('nodejs.util.inspect.custom'), {
    value: (_, opts, inspect) => inspect(meta, opts),
  });
  Object.defineProperty(Component, 'toJSON', {
    value: () => meta,
    enumerable: false,
  });
  return Object.assign(Component, meta);
}
var ATTRS_TO_DROP = ['xmlns', 'xmlns:xlink', 'version'];
var DEFAULT_ATTRS = {};
function dropAttributes(attributes) {
  for (const attr of ATTRS_TO_DROP) delete attributes[attr];
  return attributes;
}
function normalizeProps(attributes, props) {
  return dropAttributes({
    ...DEFAULT_ATTRS,
    ...attributes,
    ...props,
  });
}
function makeNonEnumerable(object) {
  for (const property in object) Object.defineProperty(object, property, { enumerable: false });
}
// node_modules/astro/dist/content/consts.js
var CONTENT_IMAGE_FLAG = 'astroContentImageFlag';
var IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';
// node_modules/astro/dist/assets/utils/resolveImports.js
function imageSrcToImportId(imageSrc, filePath) {
  imageSrc = removeBase(imageSrc, IMAGE_IMPORT_PREFIX);
  if (isRemotePath(imageSrc)) return;
  const ext = imageSrc.split('.').at(-1)?.toLowerCase();
  if (!ext || !VALID_INPUT_FORMATS.includes(ext)) return;
  const params = new URLSearchParams(CONTENT_IMAGE_FLAG);
  if (filePath) params.set('importer', filePath);
  return `${imageSrc}?${params.toString()}`;
}
// node_modules/astro/dist/content/data-store-source.js
var InMemorySource = class {
  #store;
  constructor(store) {
    this.#store = store;
  }
  hasCollection(collection) {
    return this.#store.hasCollection(collection);
  }
  get(collection, key) {
    return this.#store.get(collection, key);
  }
  entries(collection) {
    return this.#store.entries(collection);
  }
  values(collection) {
    return this.#store.values(collection);
  }
  keys(collection) {
    return this.#store.keys(collection);
  }
  has(collection, key) {
    return this.#store.has(collection, key);
  }
  collections() {
    return this.#store.collections();
  }
};
// node_modules/astro/dist/content/data-store.js
var ChunkedCollectionParser = class {
  #entries = /* @__PURE__ */ new Map();
  #remainder = '';
  add(part) {
    const records = (this.#remainder + part).split('\n');
    this.#remainder = records.pop();
    for (const record of records) {
      const parsed = devalue.parse(record);
      if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string')
        throw new Error('Invalid chunked data store entry');
      this.#entries.set(parsed[0], parsed[1]);
    }
  }
  finish() {
    if (this.#remainder) throw new Error('Invalid chunked data store entry');
    return this.#entries;
  }
};
var ImmutableDataStore = class ImmutableDataStore {
  _collections = /* @__PURE__ */ new Map();
  constructor() {
    this._collections = /* @__PURE__ */ new Map();
  }
  get(collectionName, key) {
    return this._collections.get(collectionName)?.get(String(key));
  }
  entries(collectionName) {
    return [...(this._collections.get(collectionName) ?? /* @__PURE__ */ new Map()).entries()];
  }
  values(collectionName) {
    return [...(this._collections.get(collectionName) ?? /* @__PURE__ */ new Map()).values()];
  }
  keys(collectionName) {
    return [...(this._collections.get(collectionName) ?? /* @__PURE__ */ new Map()).keys()];
  }
  has(collectionName, key) {
    const collection = this._collections.get(collectionName);
    if (collection) return collection.has(String(key));
    return false;
  }
  hasCollection(collectionName) {
    return this._collections.has(collectionName);
  }
  collections() {
    return this._collections;
  }
  /**
   * Rebuilds a collections map from a chunked-store manifest whose part file
   * names have already been swapped for their contents.
   *
   * Each collection maps to a list of parts. A part is either a raw string
   * (when the store is loaded from disk) or an ESM namespace from a virtual
   * chunk import (`{ default: string }`, when emitted at runtime). Each part
   * contains independently serialized entry records. This is the inverse of
   * {@link import('./data-store-writer.js').ChunkedWriter} and stays free of
   * Node built-ins so it can run at runtime.
   */
  static manifestToMap(manifest) {
    const collections = /* @__PURE__ */ new Map();
    for (const [collectionName, parts] of Object.entries(manifest)) {
      const parser = new ChunkedCollectionParser();
      for (const part of parts) parser.add(typeof part === 'string' ? part : part.default);
      collections.set(collectionName, parser.finish());
    }
    return collections;
  }
  /**
   * Attempts to load a DataStore from the virtual module.
   * This only works in Vite.
   */
  static async fromModule() {
    try {
      const data = await import('./_astro_data-layer-content_nkpVaGUo.mjs');
      if (data.default instanceof Map) return ImmutableDataStore.fromMap(data.default);
      if (Array.isArray(data.default)) {
        const map2 = devalue.unflatten(data.default);
        return ImmutableDataStore.fromMap(map2);
      }
      const map = ImmutableDataStore.manifestToMap(data.default);
      return ImmutableDataStore.fromMap(map);
    } catch {}
    return new ImmutableDataStore();
  }
  static async fromMap(data) {
    const store = new ImmutableDataStore();
    store._collections = data;
    return store;
  }
};
function dataStoreSingleton() {
  let instance = void 0;
  return {
    get: async () => {
      if (!instance) instance = ImmutableDataStore.fromModule().then((store) => new InMemorySource(store));
      return instance;
    },
    set: (store) => {
      instance = new InMemorySource(store);
    },
  };
}
var globalDataStore = dataStoreSingleton();
// node_modules/astro/dist/content/loaders/errors.js
function formatZodError(error) {
  return error.issues.map((issue) => `  **${issue.path.join('.')}**: ${issue.message}`);
}
var LiveCollectionError = class LiveCollectionError extends Error {
  collection;
  message;
  cause;
  constructor(collection, message, cause) {
    super(message);
    this.collection = collection;
    this.message = message;
    this.cause = cause;
    this.name = 'LiveCollectionError';
    if (cause?.stack) this.stack = cause.stack;
  }
  static is(error) {
    return error instanceof LiveCollectionError;
  }
};
var LiveEntryNotFoundError = class extends LiveCollectionError {
  constructor(collection, entryFilter) {
    super(
      collection,
      `Entry ${collection} \u2192 ${typeof entryFilter === 'string' ? entryFilter : JSON.stringify(entryFilter)} was not found.`,
    );
    this.name = 'LiveEntryNotFoundError';
  }
  static is(error) {
    return error?.name === 'LiveEntryNotFoundError';
  }
};
var LiveCollectionValidationError = class extends LiveCollectionError {
  constructor(collection, entryId, error) {
    super(
      collection,
      [
        `**${collection} \u2192 ${entryId}** data does not match the collection schema.
`,
        ...formatZodError(error),
        '',
      ].join('\n'),
    );
    this.name = 'LiveCollectionValidationError';
  }
  static is(error) {
    return error?.name === 'LiveCollectionValidationError';
  }
};
var LiveCollectionCacheHintError = class extends LiveCollectionError {
  constructor(collection, entryId, error) {
    super(
      collection,
      [
        `**${String(collection)}${entryId ? ` \u2192 ${String(entryId)}` : ''}** returned an invalid cache hint.
`,
        ...formatZodError(error),
        '',
      ].join('\n'),
    );
    this.name = 'LiveCollectionCacheHintError';
  }
  static is(error) {
    return error?.name === 'LiveCollectionCacheHintError';
  }
};
// node_modules/astro/dist/content/runtime.js
var cacheHintSchema = z$1.object({
  tags: z$1.array(z$1.string()).optional(),
  lastModified: z$1.date().optional(),
});
async function parseLiveEntry(entry, schema, collection) {
  try {
    const parsed = await z$1.safeParseAsync(schema, entry.data);
    if (!parsed.success)
      return { error: new LiveCollectionValidationError(collection, entry.id, parsed.error) };
    if (entry.cacheHint) {
      const cacheHint = cacheHintSchema.safeParse(entry.cacheHint);
      if (!cacheHint.success)
        return { error: new LiveCollectionCacheHintError(collection, entry.id, cacheHint.error) };
      entry.cacheHint = cacheHint.data;
    }
    return {
      entry: {
        ...entry,
        data: parsed.data,
      },
    };
  } catch (error) {
    return {
      error: new LiveCollectionError(
        collection,
        `Unexpected error parsing entry ${entry.id} in collection ${collection}`,
        error,
      ),
    };
  }
}
function createGetCollection({ liveCollections, logger }) {
  return async function getCollection(collection, filter) {
    if (collection in liveCollections)
      throw new AstroError({
        ...UnknownContentCollectionError,
        message: `Collection "${collection}" is a live collection. Use getLiveCollection() instead of getCollection().`,
      });
    const hasFilter = typeof filter === 'function';
    const store = await globalDataStore.get();
    if (await store.hasCollection(collection)) {
      const { default: imageAssetMap } = await import('./content-assets_BaNNkT6V.mjs');
      const result = [];
      for (const rawEntry of await store.values(collection)) {
        const data = resolveEntryData(rawEntry, imageAssetMap);
        const entry = {
          ...rawEntry,
          data,
          collection,
        };
        if (hasFilter && !filter(entry)) continue;
        result.push(entry);
      }
      return result;
    } else {
      logger.warn(
        'content',
        `The collection ${JSON.stringify(collection)} does not exist or is empty. Please check your content config file for errors.`,
      );
      return [];
    }
  };
}
function createGetEntry({ liveCollections, logger }) {
  return async function getEntry(collectionOrLookupObject, lookup) {
    let collection, lookupId;
    if (typeof collectionOrLookupObject === 'string') {
      collection = collectionOrLookupObject;
      if (!lookup)
        throw new AstroError({
          ...UnknownContentCollectionError,
          message: '`getEntry()` requires an entry identifier as the second argument.',
        });
      lookupId = lookup;
    } else {
      collection = collectionOrLookupObject.collection;
      lookupId =
        'id' in collectionOrLookupObject ? collectionOrLookupObject.id : collectionOrLookupObject.slug;
    }
    if (collection in liveCollections)
      throw new AstroError({
        ...UnknownContentCollectionError,
        message: `Collection "${collection}" is a live collection. Use getLiveEntry() instead of getEntry().`,
      });
    if (typeof lookupId === 'object')
      throw new AstroError({
        ...UnknownContentCollectionError,
        message: `The entry identifier must be a string. Received object.`,
      });
    const store = await globalDataStore.get();
    if (await store.hasCollection(collection)) {
      const entry = await store.get(collection, lookupId);
      if (!entry) {
        logger.warn('content', `Entry ${collection} → ${lookupId} was not found.`);
        return;
      }
      const { default: imageAssetMap } = await import('./content-assets_BaNNkT6V.mjs');
      const data = resolveEntryData(entry, imageAssetMap);
      const result = {
        ...entry,
        data,
        collection,
      };
      warnForPropertyAccess(
        logger,
        result.data,
        'slug',
        `[content] Attempted to access deprecated property on "${collection}" entry.
The "slug" property is no longer automatically added to entries. Please use the "id" property instead.`,
      );
      warnForPropertyAccess(
        logger,
        result,
        'render',
        `[content] Invalid attempt to access "render()" method on "${collection}" entry.
To render an entry, use "render(entry)" from "astro:content".`,
      );
      return result;
    }
  };
}
function warnForPropertyAccess(logger, entry, prop, message) {
  if (!(prop in entry)) {
    let _value = void 0;
    Object.defineProperty(entry, prop, {
      get() {
        if (_value === void 0) logger.error('content', message);
        return _value;
      },
      set(v) {
        _value = v;
      },
      enumerable: false,
    });
  }
}
function createGetLiveCollection({ liveCollections }) {
  return async function getLiveCollection(collection, filter) {
    if (!(collection in liveCollections))
      return {
        error: new LiveCollectionError(
          collection,
          `Collection "${collection}" is not a live collection. Use getCollection() instead of getLiveCollection() to load regular content collections.`,
        ),
      };
    try {
      const context = {
        filter,
        collection,
      };
      const response = await liveCollections[collection].loader?.loadCollection?.(context);
      if (response && 'error' in response) return { error: response.error };
      const { schema } = liveCollections[collection];
      let processedEntries = response.entries;
      if (schema) {
        const entryResults = await Promise.all(
          response.entries.map((entry) => parseLiveEntry(entry, schema, collection)),
        );
        for (const result of entryResults) if (result.error) return { error: result.error };
        processedEntries = entryResults.map((result) => result.entry);
      }
      let cacheHint = response.cacheHint;
      if (cacheHint) {
        const cacheHintResult = cacheHintSchema.safeParse(cacheHint);
        if (!cacheHintResult.success)
          return { error: new LiveCollectionCacheHintError(collection, void 0, cacheHintResult.error) };
        cacheHint = cacheHintResult.data;
      }
      if (processedEntries.length > 0) {
        const entryTags = /* @__PURE__ */ new Set();
        let latestModified;
        for (const entry of processedEntries)
          if (entry.cacheHint) {
            if (entry.cacheHint.tags) entry.cacheHint.tags.forEach((tag) => entryTags.add(tag));
            if (entry.cacheHint.lastModified instanceof Date) {
              if (latestModified === void 0 || entry.cacheHint.lastModified > latestModified)
                latestModified = entry.cacheHint.lastModified;
            }
          }
        if (entryTags.size > 0 || latestModified || cacheHint) {
          const mergedCacheHint = {};
          if (cacheHint?.tags || entryTags.size > 0)
            mergedCacheHint.tags = [.../* @__PURE__ */ new Set([...(cacheHint?.tags || []), ...entryTags])];
          if (cacheHint?.lastModified && latestModified)
            mergedCacheHint.lastModified =
              cacheHint.lastModified > latestModified ? cacheHint.lastModified : latestModified;
          else if (cacheHint?.lastModified || latestModified)
            mergedCacheHint.lastModified = cacheHint?.lastModified ?? latestModified;
          cacheHint = mergedCacheHint;
        }
      }
      return {
        entries: processedEntries,
        cacheHint,
      };
    } catch (error) {
      return {
        error: new LiveCollectionError(
          collection,
          `Unexpected error loading collection ${collection}${error instanceof Error ? `: ${error.message}` : ''}`,
          error,
        ),
      };
    }
  };
}
function createGetLiveEntry({ liveCollections }) {
  return async function getLiveEntry(collection, lookup) {
    if (!(collection in liveCollections))
      return {
        error: new LiveCollectionError(
          collection,
          `Collection "${collection}" is not a live collection. Use getCollection() instead of getLiveEntry() to load regular content collections.`,
        ),
      };
    try {
      const lookupObject = {
        filter: typeof lookup === 'string' ? { id: lookup } : lookup,
        collection,
      };
      let entry = await liveCollections[collection].loader?.loadEntry?.(lookupObject);
      if (entry && 'error' in entry) return { error: entry.error };
      if (!entry) return { error: new LiveEntryNotFoundError(collection, lookup) };
      const { schema } = liveCollections[collection];
      if (schema) {
        const result = await parseLiveEntry(entry, schema, collection);
        if (result.error) return { error: result.error };
        entry = result.entry;
      }
      return {
        entry,
        cacheHint: entry.cacheHint,
      };
    } catch (error) {
      return {
        error: new LiveCollectionError(
          collection,
          `Unexpected error loading entry ${collection} → ${typeof lookup === 'string' ? lookup : JSON.stringify(lookup)}`,
          error,
        ),
      };
    }
  };
}
var CONTENT_LAYER_IMAGE_REGEX = /__ASTRO_IMAGE_="([^"]+)"/g;
async function updateImageReferencesInBody(html, fileName) {
  const { default: imageAssetMap } = await import('./content-assets_BaNNkT6V.mjs');
  const imageObjects = /* @__PURE__ */ new Map();
  const { getImage } = await import('./_virtual_astro_get-image_CU-hW_x_.mjs');
  for (const [_full, imagePath] of html.matchAll(CONTENT_LAYER_IMAGE_REGEX))
    try {
      const decodedImagePath = JSON.parse(
        imagePath
          .replace(/&(?:#x22|quot);/g, '"')
          .replace(/&(?:#x27|apos);/g, "'")
          .replace(/&(?:amp|#x26|#38);/g, '&'),
      );
      let image;
      if (URL.canParse(decodedImagePath.src)) image = await getImage(decodedImagePath);
      else {
        const id = imageSrcToImportId(decodedImagePath.src, fileName);
        const imported = imageAssetMap.get(id);
        if (!id || imageObjects.has(id) || !imported) continue;
        image = await getImage({
          ...decodedImagePath,
          src: imported,
        });
      }
      imageObjects.set(imagePath, image);
    } catch {
      throw new Error(`Failed to parse image reference: ${imagePath}`);
    }
  return html.replaceAll(CONTENT_LAYER_IMAGE_REGEX, (full, imagePath) => {
    const image = imageObjects.get(imagePath);
    if (!image) return full;
    const { index, ...attributes } = image.attributes;
    return Object.entries({
      ...attributes,
      src: image.src,
      ...(image.srcSet.values.length > 0 ? { srcset: image.srcSet.attribute } : {}),
      'data-image-component': 'true',
    })
      .filter(([, value]) => value != null)
      .map(([key, value]) => (value === '' ? `${key}=""` : `${key}="${escape(String(value))}"`))
      .join(' ');
  });
}
function resolveImageAtPath(src, fileName, imageAssetMap) {
  const id = imageSrcToImportId(src, fileName);
  if (!id) return;
  const imported = imageAssetMap?.get(id);
  if (!imported) return;
  if (imported.__svgData) {
    const { __svgData: svgData, ...meta } = imported;
    return createSvgComponent({
      meta,
      ...svgData,
    });
  }
  return imported;
}
function setAtPathCopying(target, path, value) {
  if (path.length === 0) return target;
  const [key, ...rest] = path;
  const copy = Array.isArray(target) ? target.slice() : { ...target };
  copy[key] = rest.length === 0 ? value : setAtPathCopying(copy[key], rest, value);
  return copy;
}
function updateImageReferencesInData(data, fileName, imageAssetMap, imageImports) {
  if (!imageImports?.length) return data;
  let result = data;
  for (const path of imageImports) {
    let src = result;
    for (const key of path) src = src?.[key];
    if (typeof src !== 'string') continue;
    const resolved = resolveImageAtPath(src, fileName, imageAssetMap);
    if (resolved !== void 0) result = setAtPathCopying(result, path, resolved);
  }
  return result;
}
function resolveEntryData(entry, imageAssetMap) {
  return updateImageReferencesInData(entry.data, entry.filePath, imageAssetMap, entry.imageImports);
}
function createRenderEntry({ logger }) {
  return async function renderEntry(entry) {
    if (!entry) throw new AstroError(RenderUndefinedEntryError);
    recordContentEntryRender(entry.filePath);
    if (entry.deferredRender)
      try {
        const { default: contentModules } = await import('./content-modules_GMWetwCG.mjs');
        const renderEntryImport = contentModules.get(entry.filePath);
        return render$1({
          collection: '',
          id: entry.id,
          renderEntryImport,
        });
      } catch (e) {
        logger.error('content', `${e}`);
      }
    const html =
      entry?.rendered?.metadata?.imagePaths?.length && entry.filePath
        ? await updateImageReferencesInBody(entry.rendered.html, entry.filePath)
        : entry?.rendered?.html;
    return {
      Content: createComponent(() => renderTemplate`${unescapeHTML(html)}`),
      headings: entry?.rendered?.metadata?.headings ?? [],
      remarkPluginFrontmatter: entry?.rendered?.metadata?.frontmatter ?? {},
    };
  };
}
async function render$1({ collection, id, renderEntryImport }) {
  const UnexpectedRenderError = new AstroError({
    ...UnknownContentCollectionError,
    message: `Unexpected error while rendering ${String(collection)} → ${String(id)}.`,
  });
  if (typeof renderEntryImport !== 'function') throw UnexpectedRenderError;
  const baseMod = await renderEntryImport();
  if (baseMod == null || typeof baseMod !== 'object') throw UnexpectedRenderError;
  const { default: defaultMod } = baseMod;
  if (isPropagatedAssetsModule(defaultMod)) {
    const { collectedStyles, collectedLinks, collectedScripts, getMod } = defaultMod;
    if (typeof getMod !== 'function') throw UnexpectedRenderError;
    const propagationMod = await getMod();
    if (propagationMod == null || typeof propagationMod !== 'object') throw UnexpectedRenderError;
    return {
      Content: createComponent({
        factory(result, baseProps, slots) {
          let styles = '',
            links = '',
            scripts = '';
          if (Array.isArray(collectedStyles))
            styles = collectedStyles
              .map((style) => {
                const content = typeof style === 'string' ? style : style.content;
                const viteDevId = typeof style === 'object' && style.id ? style.id : void 0;
                return renderUniqueStylesheet(result, {
                  type: 'inline',
                  content,
                  viteDevId,
                });
              })
              .join('');
          if (Array.isArray(collectedLinks))
            links = collectedLinks
              .map((link) => {
                return renderUniqueStylesheet(result, {
                  type: 'external',
                  src: isRemotePath(link) ? link : prependForwardSlash(link),
                });
              })
              .join('');
          if (Array.isArray(collectedScripts))
            scripts = collectedScripts.map((script) => renderScriptElement(script)).join('');
          let props = baseProps;
          if (id.endsWith('mdx'))
            props = {
              components: propagationMod.components ?? {},
              ...baseProps,
            };
          return createHeadAndContent(
            unescapeHTML(styles + links + scripts),
            renderTemplate`${renderComponent(result, 'Content', propagationMod.Content, props, slots)}`,
          );
        },
        propagation: 'self',
      }),
      headings: propagationMod.getHeadings?.() ?? [],
      remarkPluginFrontmatter: propagationMod.frontmatter ?? {},
    };
  } else if (baseMod.Content && typeof baseMod.Content === 'function')
    return {
      Content: baseMod.Content,
      headings: baseMod.getHeadings?.() ?? [],
      remarkPluginFrontmatter: baseMod.frontmatter ?? {},
    };
  else throw UnexpectedRenderError;
}
function isPropagatedAssetsModule(module) {
  return typeof module === 'object' && module != null && '__astroPropagation' in module;
}
// \0astro:content
var liveCollections = {};
var logger = createConsoleLogger({ level });
if (_virtual_astro_logger_default) logger.setDestination(_virtual_astro_logger_default);
var getCollection = createGetCollection({
  liveCollections,
  logger,
});
var getEntry = createGetEntry({
  liveCollections,
  logger,
});
createRenderEntry({ logger });
createGetLiveCollection({ liveCollections });
createGetLiveEntry({ liveCollections });
// site/src/lib/env.ts
/**
 * The build's environment, parsed once (nothing else in site/ reads process.env):
 *   SITE_DATA_DIR   snapshot folder (regency.json + villages/<slug>.json); default site/fixtures
 *   SITE_VILLAGES   comma-separated slugs: only these villages' pages are generated; default all
 *   SITE_PORTAL     "0" skips the regency portal pages (/, /en/, /cari/, root sitemap)
 */
var parsed = z
  .object({
    SITE_DATA_DIR: z.string().trim().optional(),
    SITE_VILLAGES: z
      .string()
      .optional()
      .transform((s) => {
        const list = (s ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
        return list.length ? list : void 0;
      }),
    SITE_PORTAL: z.enum(['0', '1', 'false', 'true']).default('1'),
  })
  .parse(process.env);
var buildEnv = {
  dataDir: parsed.SITE_DATA_DIR || void 0,
  villages: parsed.SITE_VILLAGES,
  portal: parsed.SITE_PORTAL === '1' || parsed.SITE_PORTAL === 'true',
};
// site/src/lib/routes.ts
/**
 * Two pages on one path would silently overwrite each other (e.g. two news articles with one slug):
 * the build stops instead, naming the path and what collided.
 */
function assertUniquePaths(routes, what) {
  const seen = /* @__PURE__ */ new Map();
  const dupes = [];
  routes.forEach((r, i) => {
    const path = Object.entries(r.params)
      .map(([k, v]) => `${k}=${v ?? ''}`)
      .join('&');
    if (seen.has(path)) dupes.push(`${path} (items ${seen.get(path)} and ${i})`);
    else seen.set(path, i);
  });
  if (dupes.length)
    throw new Error(`duplicate page paths for ${what}, one would overwrite the other: ${dupes.join('; ')}`);
  return routes;
}
// site/src/lib/site.ts
/**
 * Data access for the routes: the village snapshots being built (SITE_VILLAGES) and the regency.
 * getStaticPaths of every route starts here, so filtering happens in one place.
 */
/** The villages whose pages this build generates, by slug. */
async function villages() {
  return (await getCollection('villages'))
    .map((e) => e.data)
    .filter((v) => !buildEnv.villages || buildEnv.villages.includes(v.village.slug))
    .sort((a, b) => a.village.slug.localeCompare(b.village.slug));
}
async function regency() {
  const entry = await getEntry('regency', 'regency');
  if (!entry) throw new Error('regency.json is missing from the data folder');
  return entry.data;
}
/** Whether this build includes the regency portal (SITE_PORTAL). */
var portalEnabled = () => buildEnv.portal;
/**
 * getStaticPaths for a village route: one path per village and language, or per item of a village
 * (a service, a product…) and language when `items` is given.
 */
async function villageRoutes(items) {
  return assertUniquePaths(
    (await villages()).flatMap((v) =>
      LANGS.flatMap((lang) =>
        (items
          ? items(v)
          : [
              {
                params: {},
                item: void 0,
              },
            ]
        ).map(({ params, item }) => ({
          params: {
            village: v.village.slug,
            lang: langParam(lang),
            ...params,
          },
          props: {
            v,
            lang,
            item,
          },
        })),
      ),
    ),
    'a village route',
  );
}

export {
  categoriesOf as a,
  categorySegment as o,
  cost as v,
  createComponent as H,
  DEFAULT_HASH_PROPS as z,
  DEFAULT_OUTPUT_FORMAT as B,
  date as y,
  duration as b,
  featuredProducts as s,
  hoursSummary as x,
  jsonLd as S,
  LANGS as M,
  langParam as F,
  newsByDate as c,
  number as C,
  OG_LOCALE as N,
  OTHER as P,
  otherLanguagePath as l,
  percent as w,
  phoneText as T,
  photoClass as E,
  pick as I,
  pickList as L,
  placeholderCss as D,
  popularServices as u,
  portalEnabled as t,
  portalPages as d,
  portalPath as f,
  regency as n,
  rssPath as p,
  rupiah as O,
  t as R,
  time as k,
  VALID_SUPPORTED_FORMATS as V,
  villagePages as m,
  villagePath as h,
  villageRoutes as r,
  villageSitemapPath as g,
  villages as i,
  WEEKDAYS as _,
  xml as A,
  zone as j,
};
