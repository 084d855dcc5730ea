/**
 * The one processing step of the photo processor (products/handlers/process-photo), which the S3 event
 * drives on AWS and the local runtime drives on confirm (infra/local/s3-events.ts: the local S3 server
 * sends no events) and photo confirm's message on AWS; the local seed calls it directly. Idempotent: a
 * photo already `ready` or `failed` is left alone, so a redelivered event — or the second of the two
 * triggers — is harmless; two runs at once write the same variant keys and the photo turns ready once
 * (updatePhotos leaves a settled photo alone).
 */
import { config } from '../lib/config';
import { Unprocessable } from '../lib/errors';
import {
  copyObject,
  deleteObject,
  getObject,
  headObject,
  ObjectTooLarge,
  putObject,
} from '../lib/s3-objects';
import type { ProductItem, ProductPhotoData } from './entities';
import { PHOTO_MAX_BYTES } from './photo-limits';
import { incomingPhotoKey, originalPhotoKey, updatePhotos, variantKey } from './photo-store';
import { withholdPhoto } from './photo-withhold';
import { processPhoto } from './photos';
import { getProduct } from './store';

/** The uploaded bytes, or why there are none to process (an oversized object is not read at all). */
async function readObject(key: string): Promise<Uint8Array | 'missing' | 'too_large'> {
  try {
    return (await getObject(config().UPLOADS_BUCKET, key, { maxBytes: PHOTO_MAX_BYTES })) ?? 'missing';
  } catch (error) {
    if (error instanceof ObjectTooLarge) return 'too_large';
    throw error;
  }
}

/**
 * Processes one uploaded photo: real type from the bytes, EXIF (GPS!) stripped, auto-rotated,
 * WebP variants + placeholder into the photos bucket, the original moved to a private prefix.
 * A refused file is deleted and the photo marked `failed` with the reason.
 */
export async function processUploadedPhoto(
  productId: string,
  photoId: string,
  now: Date,
): Promise<ProductItem> {
  const product = await getProduct(productId);
  const photo = product.photos.find((p) => p.id === photoId);
  if (!photo)
    throw new Unprocessable('photo_unknown', 'error.photo_unknown', [
      { path: 'photoId', message: 'field.invalid' },
    ]);
  if (photo.status === 'ready' || photo.status === 'failed') return product;

  const incoming = incomingPhotoKey(productId, photoId);
  const original = originalPhotoKey(productId, photoId);
  let bytes = await readObject(incoming);
  // the upload is moved to originals/ before the photo is marked ready: a delivery after the move (a
  // retry of a run that failed at its last step, or a second trigger — S3 event and confirm — racing
  // the first) processes the kept original instead
  const fromOriginal = bytes === 'missing';
  if (fromOriginal) bytes = await readObject(original);
  if (bytes === 'missing')
    throw new Unprocessable('photo_missing', 'error.photo_missing', [
      { path: 'file', message: 'error.photo_missing' },
    ]);

  const result =
    bytes === 'too_large' ? ({ ok: false, reason: 'too_large' } as const) : await processPhoto(bytes);
  let update: Partial<ProductPhotoData>;
  if (!result.ok) {
    await deleteObject(config().UPLOADS_BUCKET, fromOriginal ? original : incoming);
    update = { status: 'failed', reason: result.reason };
  } else {
    // same keys (and the same bytes) on every run: a second delivery never adds a set of variants
    const variants = await Promise.all(
      result.variants.map(async (v) => {
        const key = variantKey(productId, photoId, v.width);
        await putObject(config().PHOTOS_BUCKET, key, v.body, {
          contentType: 'image/webp',
          cacheControl: 'public, max-age=31536000, immutable',
        });
        return { width: v.width, height: v.height, key };
      }),
    );
    if (!fromOriginal) await moveToOriginal(incoming, original);
    update = {
      status: 'ready',
      width: result.width,
      height: result.height,
      variants,
      placeholder: result.placeholder,
    };
  }
  const saved = await updatePhotos(
    productId,
    (p) => {
      const current = p.photos.find((ph) => ph.id === photoId);
      if (!current || current.status === 'ready' || current.status === 'failed') return undefined;
      return p.photos.map((ph) => (ph.id === photoId ? { ...ph, ...update } : ph));
    },
    now,
  );
  // taken down while this photo was processing: its variants join the withheld ones
  if (saved.status === 'taken_down' && update.status === 'ready') await withholdPhoto(saved, photoId);
  return saved;
}

/**
 * incoming/ → originals/. A concurrent run may have moved it already (its copy's source is then gone):
 * fine when the original is there.
 */
async function moveToOriginal(incoming: string, original: string) {
  try {
    await copyObject(config().UPLOADS_BUCKET, incoming, original);
  } catch (error) {
    if (!(await headObject(config().UPLOADS_BUCKET, original))) throw error;
  }
  await deleteObject(config().UPLOADS_BUCKET, incoming);
}

/**
 * Gives up on a photo: `failed` with `reason`, unless it settled meanwhile. For the processor's last
 * delivery of an event whose processing kept failing (products/handlers/process-photo).
 */
export function markPhotoFailed(productId: string, photoId: string, reason: string, now: Date) {
  return updatePhotos(
    productId,
    (p) => {
      const current = p.photos.find((ph) => ph.id === photoId);
      if (!current || current.status === 'ready' || current.status === 'failed') return undefined;
      return p.photos.map((ph) => (ph.id === photoId ? { ...ph, status: 'failed' as const, reason } : ph));
    },
    now,
  );
}
