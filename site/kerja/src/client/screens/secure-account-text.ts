/**
 * The words of "Amankan akun Anda" (screens/SecureAccount.tsx), Bahasa Indonesia first. Kept beside
 * the screen (not in i18n/) so the screen's chunk carries them and the shared dictionaries stay as
 * they are.
 */
import type { Lang } from '../routes';

const id = {
  title: 'Amankan akun Anda',
  lead: 'Akun petugas memakai aplikasi autentikator (kode 6 digit yang berganti tiap 30 detik) selain kata sandi. Sampai aplikasi itu terpasang, akun ini belum bisa membuka antrean atau permintaan.',
  apps: 'Pasang aplikasi autentikator di ponsel Anda, misalnya Google Authenticator, Microsoft Authenticator, Aegis atau 2FAS.',
  start: 'Mulai',
  preparing: 'Menyiapkan kunci…',
  scan: '1. Pindai kode QR ini dengan aplikasi autentikator',
  qrLabel: 'Kode QR untuk aplikasi autentikator',
  qrLoading: 'Memuat kode QR…',
  manual: 'Tidak bisa memindai? Masukkan kunci ini di aplikasi (jenis: berbasis waktu):',
  account: 'Akun',
  code: '2. Ketik kode 6 digit yang ditampilkan aplikasi',
  verify: 'Periksa kode',
  verifying: 'Memeriksa…',
  badCode: 'Kode tidak cocok. Pastikan jam ponsel tepat, tunggu kode berikutnya, lalu coba lagi.',
  notSix: 'Kode terdiri dari 6 angka.',
  done: 'Aplikasi autentikator aktif untuk akun ini.',
  doneNext:
    'Masuk lagi sekarang: halaman masuk akan meminta kata sandi lalu kode dari aplikasi, setiap kali Anda masuk.',
  signInAgain: 'Masuk lagi',
  hasTotp:
    'Akun ini sudah memakai aplikasi autentikator, tetapi belum punya peran petugas. Hubungi admin kabupaten Anda.',
  expired: 'Sesi ini tidak bisa dipakai untuk mendaftarkan aplikasi. Masuk lagi, lalu ulangi.',
  unavailable: 'Pendaftaran aplikasi autentikator hanya ada di layanan yang berjalan di AWS.',
  failed: 'Terjadi kesalahan. Coba lagi sebentar lagi.',
  retry: 'Coba lagi',
};

export type SecureAccountText = typeof id;

const en: SecureAccountText = {
  title: 'Secure your account',
  lead: 'Staff accounts use an authenticator app (a 6-digit code that changes every 30 seconds) besides the password. Until it is set up, this account cannot open the queue or any request.',
  apps: 'Install an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator, Aegis or 2FAS.',
  start: 'Start',
  preparing: 'Preparing the key…',
  scan: '1. Scan this QR code with the authenticator app',
  qrLabel: 'QR code for the authenticator app',
  qrLoading: 'Loading the QR code…',
  manual: "Can't scan? Enter this key in the app (type: time-based):",
  account: 'Account',
  code: '2. Type the 6-digit code the app shows',
  verify: 'Check the code',
  verifying: 'Checking…',
  badCode:
    "The code doesn't match. Make sure the phone's clock is right, wait for the next code, and try again.",
  notSix: 'The code is 6 digits.',
  done: 'The authenticator app is on for this account.',
  doneNext:
    'Sign in again now: the sign-in page will ask for your password, then a code from the app, every time.',
  signInAgain: 'Sign in again',
  hasTotp:
    'This account already uses an authenticator app but has no staff role yet. Contact your regency administrator.',
  expired: 'This session cannot set up an authenticator. Sign in again, then repeat.',
  unavailable: 'Authenticator set-up is only available on the service running on AWS.',
  failed: 'Something went wrong. Try again in a moment.',
  retry: 'Try again',
};

export const secureAccountText: Record<Lang, SecureAccountText> = { id, en };
