/**
 * Product photos: untrusted bytes in, safe web images out. Pure (no AWS, no HTTP): the caller reads
 * the upload from S3, calls `processPhoto`, and stores the variants and the placeholder.
 *
 * What it guarantees, in order:
 * 1. size: more than 8 MB is refused before anything looks at the bytes;
 * 2. type: the real type comes from the bytes' magic numbers (`lib/sniff.ts`), never from a file name
 *    or a declared Content-Type; only JPEG, PNG and WebP go further. SVG (scriptable), HTML, GIF, PDF
 *    and everything else stop here, before sharp sees them; sharp's SVG loader is also blocked for
 *    the whole process as a second lock;
 * 3. dimensions, read from the header only: more than 50 megapixels (a decompression bomb: 50 KB
 *    of PNG can hold 400 MP) or a side under 100 px is refused without decoding;
 * 4. decoding, once: auto-rotated from the EXIF orientation, converted to sRGB from any embedded ICC
 *    profile, and shrunk to the largest variant as raw pixels. A file that fails to decode (truncated,
 *    damaged) is `corrupt`. Raw pixels carry no metadata at all, so EXIF (with GPS), XMP, IPTC and ICC
 *    cannot leak into the outputs: nothing is there to keep;
 * 5. outputs, from those raw pixels: WebP variants 320/640/1280 px wide (never enlarged) and a tiny
 *    blurred WebP placeholder as a data URI.
 */
import sharp, { type Channels, type Metadata, type OutputInfo, type SharpOptions } from 'sharp';
import { sniffType } from '../lib/sniff';
import { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES, PHOTO_WIDTHS } from './photo-limits';

/*
 * PHOTO_MAX_BYTES (8 MB), PHOTO_MIME_TYPES (JPEG, PNG, WebP, as detected from the bytes) and
 * PHOTO_WIDTHS (320, 640, 1280, ascending) live in photo-limits.ts, which has no sharp in it, so API
 * routes that only validate can share them without bundling sharp. Re-exported here.
 */
export { PHOTO_MAX_BYTES, PHOTO_MIME_TYPES, PHOTO_WIDTHS };
export type PhotoMimeType = (typeof PHOTO_MIME_TYPES)[number];
/** Largest image accepted, in pixels: above any phone camera's default mode (48 MP is 8064×6048). */
export const PHOTO_MAX_PIXELS = 50_000_000;
/** Shortest side accepted, in pixels. */
export const PHOTO_MIN_SIDE = 100;

export interface PhotoVariant {
  width: number;
  height: number;
  body: Buffer;
  contentType: 'image/webp';
}

export interface ProcessedPhoto {
  ok: true;
  detectedType: PhotoMimeType;
  /** of the original, after auto-rotation */
  width: number;
  height: number;
  /** ascending by width, at least one (see `variantWidths`) */
  variants: PhotoVariant[];
  /** `data:image/webp;base64,…`, about 16 px wide and blurred, under 400 characters */
  placeholder: string;
}

export type PhotoRejectionReason =
  | 'too_large'
  | 'unsupported_type'
  | 'corrupt'
  | 'too_small_dimensions'
  | 'too_many_pixels';

export interface PhotoRejection {
  ok: false;
  reason: PhotoRejectionReason;
}

/*
 * Process-wide sharp settings, for a Lambda-like process that handles one photo at a time.
 * - No libvips operation cache: each photo is seen once, so caching only holds memory.
 * - One libvips thread per image. Parallelism comes from running the placeholder and the variants
 *   as separate pipelines at once (libuv's pool, 4 threads), which keeps both cores busy while they
 *   encode. Measured on 2 cores, 1 vs 2 libvips threads made no difference (12 MP JPEG p50 152 vs
 *   152 ms; 2000×1500 PNG 139 vs 130 ms; 4000×3000 WebP 239 vs 238 ms), and 1 is what sharp picks on
 *   glibc without jemalloc (as on Lambda) to limit memory fragmentation in a long-lived process.
 *   Set explicitly so the choice does not silently change with MALLOC_ARENA_MAX or the allocator.
 * - SVG loading blocked: the type check above already refuses SVG; this makes sure that even a
 *   future bug there cannot hand a scriptable, network-fetching format to librsvg. It applies to
 *   every sharp user in the process, which is what a photo-processing process wants.
 */
sharp.cache(false);
sharp.concurrency(1);
sharp.block({ operation: ['VipsForeignLoadSvg'] });

/** The libvips loader (`metadata().format`) each accepted type must decode with. */
const LOADER: Record<PhotoMimeType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/**
 * How untrusted input is opened.
 * - `failOn: 'error'` refuses truncated files and decoder errors but tolerates decoder *warnings*
 *   (e.g. libjpeg's "extraneous bytes before marker", common in phone JPEGs that display fine).
 *   sharp's default, 'warning', would reject those photos as corrupt.
 * - `limitInputPixels` repeats the header check inside libvips, in case a header lies.
 * - `autoOrient` turns the pixels as the EXIF orientation says, so once the metadata is dropped the
 *   photo still shows the right way up. Animated WebP: only the first frame is read.
 * - `unlimited` stays false: sharp's guards against huge SVG/PNG text chunks stay on.
 */
const INPUT = {
  failOn: 'error',
  limitInputPixels: PHOTO_MAX_PIXELS,
  autoOrient: true,
} as const satisfies SharpOptions;

/*
 * WebP quality 75 with effort 3. Measured on this repo's 12 MP fixture (2 cores, 3 variants in
 * parallel from the 1280 px raw pixels): effort 0–2 take ~70–90 ms per photo, 3–4 ~140–180 ms,
 * 6 ~330 ms. Effort 3 is the lowest that turns on libwebp's rate-distortion optimisation: at the same
 * quality setting it is ~0.4 dB PSNR better than 0–2 for about the same bytes, and equal to the
 * default 4 in quality and size while slightly faster. Well inside the 1.5 s budget either way.
 */
const VARIANT_WEBP = { quality: 75, effort: 3 } as const;
/** The placeholder is stretched and blurred by the page anyway: low quality, best compression. */
const PLACEHOLDER_WEBP = { quality: 50, effort: 6 } as const;
const PLACEHOLDER_WIDTH = 16;
/** WebP cannot encode a side longer than this; only absurdly narrow and tall images get near it. */
const WEBP_MAX_SIDE = 16_383;
const LARGEST = PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1] as number;

const reject = (reason: PhotoRejectionReason): PhotoRejection => ({ ok: false, reason });

/**
 * The variant widths for an image `width` px wide (after rotation), the rule being: every standard
 * width strictly narrower than the image, plus the image itself capped at 1280. Never enlarged, never
 * empty, ascending. 4000 → 320/640/1280; 1280 → 320/640/1280; 1000 → 320/640/1000; 640 → 320/640;
 * 500 → 320/500; 200 → 200.
 */
export function variantWidths(width: number): number[] {
  const top = Math.min(width, LARGEST);
  return [...PHOTO_WIDTHS.filter((w) => w < top), top];
}

/**
 * Checks `bytes` and turns them into WebP variants and a placeholder, or says why not. Never throws
 * for bad input (every problem with the bytes is a `PhotoRejection`); throws only if encoding our own
 * decoded pixels fails, which would be a bug or an exhausted machine, not the uploader's fault.
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto | PhotoRejection> {
  if (bytes.byteLength > PHOTO_MAX_BYTES) return reject('too_large');

  // 1. The real type, from the magic numbers: JPEG, PNG or WebP; SVG, HTML, GIF, PDF, TIFF, HEIC,
  //    AVIF, APNG… are all refused here.
  const sniffed = sniffType(bytes);
  const detectedType = PHOTO_MIME_TYPES.find((type) => type === sniffed);
  if (!detectedType) return reject('unsupported_type');

  // 2. The header only: no pixels are decoded yet. Without the pixel limit here, so a bomb is
  //    reported by its numbers (too_many_pixels) rather than by parsing sharp's error message.
  let header: Metadata;
  try {
    header = await sharp(bytes, { ...INPUT, limitInputPixels: false }).metadata();
  } catch {
    return reject('corrupt');
  }
  // libvips picks its loader by sniffing the bytes too; it must agree with ours.
  if (header.format !== LOADER[detectedType]) return reject('unsupported_type');
  const { width, height } = header.autoOrient;
  if (!(width > 0 && height > 0)) return reject('corrupt');
  if (width * height > PHOTO_MAX_PIXELS) return reject('too_many_pixels');
  if (width < PHOTO_MIN_SIDE || height < PHOTO_MIN_SIDE) return reject('too_small_dimensions');

  // 3. Decode once, straight to the largest variant's size: JPEG and WebP shrink while decoding
  //    (a 4000 px JPEG is decoded at 2000 px, then resized to 1280), so this is the cheap part.
  let top: { data: Buffer; info: OutputInfo };
  try {
    top = await sharp(bytes, INPUT)
      .resize({
        width: Math.min(width, LARGEST),
        height: WEBP_MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    return reject(
      error instanceof Error && /pixel limit/i.test(error.message) ? 'too_many_pixels' : 'corrupt',
    );
  }

  // 4. Everything else from those raw pixels: no second decode, no metadata to strip.
  const raw = { width: top.info.width, height: top.info.height, channels: top.info.channels as Channels };
  const fromRaw = () => sharp(top.data, { raw });
  const [placeholder, variants] = await Promise.all([
    fromRaw()
      .resize({ width: PLACEHOLDER_WIDTH, height: PLACEHOLDER_WIDTH * 4, fit: 'inside' })
      .blur(1)
      .webp(PLACEHOLDER_WEBP)
      .toBuffer(),
    Promise.all(
      variantWidths(raw.width).map(async (target): Promise<PhotoVariant> => {
        const image = target === raw.width ? fromRaw() : fromRaw().resize({ width: target });
        const { data, info } = await image.webp(VARIANT_WEBP).toBuffer({ resolveWithObject: true });
        return { width: info.width, height: info.height, body: data, contentType: 'image/webp' };
      }),
    ),
  ]);
  return {
    ok: true,
    detectedType,
    width,
    height,
    variants,
    placeholder: `data:image/webp;base64,${placeholder.toString('base64')}`,
  };
}
