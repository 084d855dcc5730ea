/** The receipt page's text in both languages (receipt-views.tsx renders it). */
import { MAX_DOCUMENT_BYTES, POST_EXPIRES_SECONDS } from './documents';

const MINUTES = Math.round(POST_EXPIRES_SECONDS / 60);
const MAX_MB = Math.round(MAX_DOCUMENT_BYTES / (1024 * 1024));

/** The receipt's own strings (the tracking pages keep theirs in views.tsx). */
export const RECEIPT_TEXT = {
  id: {
    receipt: 'Tanda terima permohonan',
    tracking: 'Kode pelacakan',
    secret: 'Kode rahasia',
    keep: 'Simpan kedua kode ini (foto atau catat) dan simpan tautan halaman ini (bookmark, atau kirim ke WhatsApp Anda sendiri). Kode rahasia hanya ditampilkan sekali; bersama kode pelacakan ia membuka kembali halaman ini dari halaman lacak, untuk mengunggah atau memperbaiki berkas.',
    secretShown:
      'sudah ditampilkan saat halaman ini pertama kali dibuka. Tautan halaman ini tetap berlaku: simpan (bookmark). Dari halaman lacak, kode pelacakan dan kode rahasia yang Anda catat juga membuka halaman ini.',
    service: 'Layanan',
    status: 'Status',
    due: 'Janji selesai',
    dueWaiting: 'Waktu layanan mulai dihitung setelah semua berkas wajib terunggah.',
    duePaused: 'Waktu layanan dihentikan sementara sampai permohonan diperbaiki dan diajukan ulang.',
    overdue: 'Melewati janji waktu layanan',
    letter: 'Nomor surat',
    downloadLetter: 'Unduh surat (PDF)',
    letterNote: 'Surat ini sah dengan kode QR-nya; siapa pun dapat memeriksanya di halaman verifikasi.',
    documents: 'Berkas persyaratan',
    optional: 'tidak wajib',
    uploaded: 'sudah diterima',
    notReceived: 'tidak diterima',
    upload: 'Unggah',
    uploadReplacement: 'Unggah pengganti',
    chooseFile: 'Pilih berkas',
    chooseReplacement: 'Ganti dengan berkas baru (bila diminta petugas)',
    limits: (types: string) => `${types}; paling besar ${MAX_MB} MB`,
    or: 'atau',
    formHint: `Setiap formulir unggah berlaku ${MINUTES} menit sejak halaman ini dibuka. Jika setelah menekan Unggah muncul halaman galat berbahasa Inggris (berkas terlalu besar atau formulir kedaluwarsa), tekan tombol Kembali pada peramban lalu muat ulang halaman ini.`,
    invalidFile: 'Berkas ditolak: jenis atau ukurannya tidak sesuai. Pilih berkas lain.',
    reason: 'Alasan dari petugas',
    resubmitTitle: 'Kirim ulang permohonan',
    resubmitText:
      'Setelah semua berkas pengganti terunggah, kirim permohonan kembali ke petugas desa. Waktu layanan berjalan lagi sejak Anda mengirim ulang.',
    resubmitButton: 'Kirim ulang permohonan',
    correctTitle: 'Perbaiki isian (bila diminta petugas)',
    correctHint: 'Isi hanya yang perlu diperbaiki; kolom yang dibiarkan kosong tidak berubah.',
    keepValue: '— tidak diubah —',
    trackLink: 'Lacak permohonan',
    linkInvalid: 'Tautan tanda terima ini tidak berlaku',
    linkHint:
      'Buka lagi tautan tanda terima yang Anda simpan (berisi kode rahasia), persis seperti tersimpan. Status permohonan tetap dapat dilacak dengan kode pelacakan.',
    trackInstead: 'Lacak permohonan dengan kode pelacakan',
    state: {
      missing:
        'Unggah setiap berkas wajib di bawah ini. Petugas desa memeriksa permohonan setelah semua berkas wajib diterima.',
      submitted: 'Semua berkas wajib sudah diterima. Petugas desa akan memeriksa permohonan Anda.',
      in_review: 'Petugas desa sedang memeriksa permohonan Anda.',
      in_review_missing:
        'Petugas desa sedang memeriksa permohonan Anda, tetapi masih ada berkas wajib yang belum diterima: unggah di bawah ini.',
      needs_revision:
        'Permohonan Anda perlu diperbaiki. Unggah berkas pengganti yang diminta di bawah ini (berkas yang sudah diterima dapat diganti), lalu tekan “Kirim ulang permohonan”.',
      resubmitted: 'Perbaikan Anda sudah dikirim. Petugas desa akan memeriksa permohonan Anda kembali.',
      forwarded:
        'Permohonan sudah diperiksa desa dan diteruskan ke kecamatan untuk ditandatangani. Berkas tidak dapat diubah lagi.',
      approved: 'Permohonan Anda disetujui. Petugas desa sedang menyiapkan suratnya.',
      completed: 'Permohonan selesai: surat sudah terbit.',
      rejected: 'Permohonan Anda ditolak.',
    },
  },
  en: {
    receipt: 'Request receipt',
    tracking: 'Tracking code',
    secret: 'Secret code',
    keep: "Keep both codes (take a photo or write them down) and keep this page's link (bookmark it, or send it to your own WhatsApp). The secret code is shown only once; with the tracking code it reopens this page from the tracking page, to upload or correct documents.",
    secretShown:
      "was shown when this page was first opened. This page's link keeps working: bookmark it. From the tracking page, the tracking code and the secret code you noted also open this page.",
    service: 'Service',
    status: 'Status',
    due: 'Promised by',
    dueWaiting: 'The service time starts once every required document is uploaded.',
    duePaused: 'The service time is paused until the request is corrected and resubmitted.',
    overdue: 'Past the promised service time',
    letter: 'Letter number',
    downloadLetter: 'Download the letter (PDF)',
    letterNote: 'The letter is valid with its QR code; anyone can check it on the verification page.',
    documents: 'Documents',
    optional: 'optional',
    uploaded: 'received',
    notReceived: 'not received',
    upload: 'Upload',
    uploadReplacement: 'Upload replacement',
    chooseFile: 'Choose a file',
    chooseReplacement: 'Replace with a new file (if the officer asked for it)',
    limits: (types: string) => `${types}; at most ${MAX_MB} MB`,
    or: 'or',
    formHint: `Each upload form works for ${MINUTES} minutes after this page is opened. If an error page in English appears after you press Upload (file too large, or the form expired), press your browser's Back button and reload this page.`,
    invalidFile: 'File refused: its type or size is not allowed. Choose another file.',
    reason: "The officer's reason",
    resubmitTitle: 'Submit the request again',
    resubmitText:
      'Once every replacement is uploaded, send the request back to the village officer. The service time runs again from the moment you resubmit.',
    resubmitButton: 'Submit the request again',
    correctTitle: 'Correct your answers (if the officer asked)',
    correctHint: 'Fill in only what needs correcting; a field left empty stays as it was.',
    keepValue: '— unchanged —',
    trackLink: 'Track this request',
    linkInvalid: 'This receipt link is not valid',
    linkHint:
      'Open the receipt link you kept (it holds the secret code) exactly as it was saved. The request can still be followed with its tracking code.',
    trackInstead: 'Track the request with its tracking code',
    state: {
      missing:
        'Upload each required document below. The village officer reviews the request once every required document is in.',
      submitted: 'All required documents are in. The village officer will review your request.',
      in_review: 'The village officer is reviewing your request.',
      in_review_missing:
        'The village officer is reviewing your request, but a required document is still missing: upload it below.',
      needs_revision:
        'Your request needs a correction. Upload the replacements asked for below (documents already received can be replaced), then press “Submit the request again”.',
      resubmitted: 'Your correction was sent. The village officer will review your request again.',
      forwarded:
        'The village has checked the request and forwarded it to the kecamatan for signature. Documents can no longer change.',
      approved: 'Your request is approved. The village officer is preparing the letter.',
      completed: 'Your request is completed: the letter has been issued.',
      rejected: 'Your request was rejected.',
    },
  },
} as const;
