import type { Lang } from './i18n';

/** Escape text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafaf7}
main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}h1{font-size:1.4rem;line-height:1.25}
.code{font:700 1.6rem/1.2 ui-monospace,monospace;letter-spacing:.08em;background:#fff;border:2px dashed #2f6b3b;padding:.5rem .75rem;display:inline-block;max-width:100%;box-sizing:border-box;overflow-wrap:anywhere;word-break:break-all}
blockquote{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid #b45309;background:#fff}.hint{display:block;margin-bottom:.25rem}
.box{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:1rem;margin:1rem 0}
.warn{border-color:#b45309;background:#fffbeb}.err{border-color:#b91c1c;background:#fef2f2}.ok{color:#166534}
button,input[type=submit]{font:inherit;padding:.5rem 1rem;background:#2f6b3b;color:#fff;border:0;border-radius:.375rem}
input[type=file]{font:inherit;max-width:100%}label{display:block;font-weight:600;margin:.5rem 0 .25rem}
ol.timeline{padding-left:1.25rem}small{color:#555}a{color:#1d4ed8}`;

/** A small, script-free page for the few answers a static site cannot know (receipt, tracking, errors). */
export function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)} · Smart Kampung</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function errorPage(
  lang: Lang,
  error: { code: string; message: string; fields?: { path: string; message: string }[] },
): string {
  const heading = lang === 'en' ? 'Something needs fixing' : 'Ada yang perlu diperbaiki';
  const back =
    lang === 'en'
      ? "Use your browser's Back button to correct the form; what you typed is kept."
      : 'Tekan tombol Kembali pada peramban untuk memperbaiki formulir; isian Anda tetap tersimpan.';
  const fields = error.fields?.length
    ? `<ul>${error.fields.map((f) => `<li><strong>${esc(f.path)}</strong>: ${esc(f.message)}</li>`).join('')}</ul>`
    : '';
  return page(
    lang,
    heading,
    `<h1>${esc(heading)}</h1><div class="box err" role="alert"><p>${esc(error.message)}</p>${fields}</div><p>${esc(back)}</p><p><small>${esc(error.code)}</small></p>`,
  );
}
