/**
 * Product photos: the keys, the presigned POST (straight to S3, ≤ 8 MB, JPEG/PNG/WebP, server-chosen
 * key) and the photo list's read-modify-write. Processing (sharp) lives in ./photo-process so that
 * routes which only hand out upload forms do not bundle it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { $set, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { config } from '../lib/config';
import { Conflict, NotFound, Unprocessable } from '../lib/errors';
import { presignedPost } from '../lib/s3-links';
import { deleteObject, headObject } from '../lib/s3-objects';
import { isConditionFailed } from '../lib/table';
import { Product, type ProductItem, type ProductPhotoData } from './entities';
import { MAX_FAILED_PHOTOS, MAX_PHOTOS, PHOTO_MAX_BYTES, PHOTO_POST_EXPIRES_SECONDS } from './photo-limits';
import { withheldKey } from './photo-withhold';
import { saveProduct } from './save';
import { getProduct, getSeller } from './store';

export const PHOTO_PREFIX = 'incoming/products/';
export const incomingPhotoKey = (productId: string, photoId: string) =>
  `${PHOTO_PREFIX}${productId}/${photoId}`;
/** the private original, kept (the incoming/ prefix expires) */
export const originalPhotoKey = (productId: string, photoId: string) =>
  `originals/products/${productId}/${photoId}`;
/** public variants: served at SITE_URL/photos/… (CloudFront on AWS, the site server locally) */
export const variantKey = (productId: string, photoId: string, width: number) =>
  `photos/products/${productId}/${photoId}-${width}.webp`;

/**
 * The processor's message for an uploaded photo, in the shape of S3's EventBridge "Object Created"
 * event that the rule of infra/stacks/api-stack.ts puts on the processor's queue — what photo confirm
 * sends on AWS (a second trigger for when the S3 event is late or lost). The processor reads only
 * `detail.object.key`; `source` and `detail.reason` say that confirm sent it (in logs and the DLQ).
 */
export function uploadedPhotoMessage(opts: {
  bucket: string;
  productId: string;
  photoId: string;
  size: number;
  region: string;
  now: Date;
}): string {
  return JSON.stringify({
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'smart-kampung.photos.confirm',
    time: opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: opts.region,
    resources: [`arn:aws:s3:::${opts.bucket}`],
    detail: {
      version: '0',
      bucket: { name: opts.bucket },
      object: { key: incomingPhotoKey(opts.productId, opts.photoId), size: opts.size },
      reason: 'Confirm',
    },
  });
}

/** `incoming/products/<productId>/<photoId>` → ids, or undefined for anything else. */
export function parseIncomingKey(key: string): { productId: string; photoId: string } | undefined {
  const m = /^incoming\/products\/([0-9A-Za-z_-]{10,40})\/([0-9A-Za-z_-]{6,40})$/.exec(key);
  return m ? { productId: m[1] as string, photoId: m[2] as string } : undefined;
}

/** Read-modify-write of the photo list, conditioned on `photoRev`; retried on a concurrent change. */
export async function updatePhotos(
  productId: string,
  change: (p: ProductItem) => ProductPhotoData[] | undefined,
  now: Date,
): Promise<ProductItem> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const product = await getProduct(productId);
    const changed = change(product);
    if (!changed) return product;
    const photos = keepRecentFailed(changed);
    const next = { ...product, photos, photoRev: product.photoRev + 1, updatedAt: now.toISOString() };
    const ready = (list: ProductPhotoData[]) =>
      list
        .filter((p) => p.status === 'ready')
        .map((p) => p.id)
        .join();
    if (product.visibility === 'public' && ready(product.photos) !== ready(photos)) {
      // what the public sees changed: through saveProduct (search index, site signal)
      const seller = await getSeller(product.sellerId);
      try {
        return await saveProduct(product, next, seller.status, now, 'product photo');
      } catch (error) {
        if (error instanceof Conflict) continue;
        throw error;
      }
    }
    try {
      await Product.build(UpdateItemCommand)
        .item({
          id: productId,
          // replaced whole: toolbox would write a plain array as per-element paths (`photos[0].id = …`)
          photos: $set(photos),
          photoRev: next.photoRev,
          updatedAt: next.updatedAt,
        })
        .options({
          condition: {
            and: [
              { attr: 'id', exists: true },
              { attr: 'photoRev', eq: product.photoRev },
            ],
          },
        })
        .send();
      return next;
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }
  throw new Conflict('error.conflict', 'photo_busy');
}

/** At most MAX_FAILED_PHOTOS failed entries, the newest: a seller retrying a bad file cannot grow the item. */
export function keepRecentFailed(photos: ProductPhotoData[]): ProductPhotoData[] {
  const failed = photos.filter((p) => p.status === 'failed');
  if (failed.length <= MAX_FAILED_PHOTOS) return photos;
  const keep = new Set(
    failed
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, MAX_FAILED_PHOTOS)
      .map((p) => p.id),
  );
  return photos.filter((p) => p.status !== 'failed' || keep.has(p.id));
}

/** a slot whose upload form expired this long ago, with nothing uploaded, is abandoned (1 min of clock skew) */
const ABANDON_AFTER_MS = (PHOTO_POST_EXPIRES_SECONDS + 60) * 1000;

/**
 * `uploading` slots that can never be used: their presigned POST has expired and nothing was
 * uploaded to them (no incoming object, no original yet — the processor may be between the two).
 */
async function abandonedSlots(product: ProductItem, now: Date): Promise<Set<string>> {
  const stale = product.photos.filter(
    (p) => p.status === 'uploading' && now.getTime() - Date.parse(p.createdAt) > ABANDON_AFTER_MS,
  );
  const abandoned = await Promise.all(
    stale.map(async (p) => {
      if (await headObject(config().UPLOADS_BUCKET, incomingPhotoKey(product.id, p.id))) return undefined;
      if (await headObject(config().UPLOADS_BUCKET, originalPhotoKey(product.id, p.id))) return undefined;
      return p.id;
    }),
  );
  return new Set(abandoned.filter((id): id is string => id !== undefined));
}

/** Refused for a rejected or suspended seller (their products are off the site; nothing to add to). */
async function assertSellerActive(product: ProductItem) {
  const seller = await getSeller(product.sellerId);
  if (seller.status === 'rejected' || seller.status === 'suspended')
    throw new Conflict('error.seller_not_active', 'seller_not_active');
}

export async function createPhoto(
  product: ProductItem,
  input: { contentType: string; size: number },
  now: Date,
) {
  if (product.status === 'taken_down') throw new Conflict('error.product_taken_down', 'product_taken_down');
  await assertSellerActive(product);
  const photoId = randomBytes(9).toString('base64url');
  // slots whose form expired unused stop counting toward the limit, and are dropped
  const abandoned = await abandonedSlots(product, now);
  await updatePhotos(
    product.id,
    (current) => {
      const p = {
        ...current,
        photos: current.photos.filter((ph) => !(ph.status === 'uploading' && abandoned.has(ph.id))),
      };
      if (p.photos.filter((ph) => ph.status !== 'failed').length >= MAX_PHOTOS)
        throw new Unprocessable('too_many_photos', 'error.too_many_photos', [
          { path: 'photos', message: 'error.too_many_photos' },
        ]);
      return [
        ...p.photos,
        {
          id: photoId,
          status: 'uploading',
          declaredType: input.contentType,
          declaredSize: input.size,
          createdAt: now.toISOString(),
        },
      ];
    },
    now,
  );
  const post = await presignedPost({
    key: incomingPhotoKey(product.id, photoId),
    conditions: [
      ['content-length-range', 1, Math.min(input.size, PHOTO_MAX_BYTES)],
      ['eq', '$Content-Type', input.contentType],
    ],
    fields: { 'Content-Type': input.contentType },
    expiresSeconds: PHOTO_POST_EXPIRES_SECONDS,
  });
  return { photoId, url: post.url, fields: post.fields };
}

/**
 * Removes a photo: from the product first (the truth; conditioned on the photo list's revision), then
 * its objects — public variants, the private original, an unprocessed upload. The last ready photo
 * of a published product is refused (409 last_photo): publishing needs one, so the seller adds
 * another or hides the product first, rather than the product silently leaving the site.
 */
export async function deletePhoto(product: ProductItem, photoId: string, now: Date): Promise<ProductItem> {
  await assertSellerActive(product);
  let removed: ProductPhotoData | undefined;
  const next = await updatePhotos(
    product.id,
    (p) => {
      removed = p.photos.find((ph) => ph.id === photoId);
      if (!removed) throw new NotFound('error.photo_unknown');
      const rest = p.photos.filter((ph) => ph.id !== photoId);
      if (removed.status === 'ready' && p.status === 'published' && !rest.some((ph) => ph.status === 'ready'))
        throw new Conflict('error.last_photo', 'last_photo');
      return rest;
    },
    now,
  );
  const variants = removed?.variants?.map((v) => v.key) ?? [];
  await Promise.all([
    ...variants.map((key) => deleteObject(config().PHOTOS_BUCKET, key)),
    // withheld while the product was taken down (photo-withhold.ts)
    ...variants.map((key) => deleteObject(config().PHOTOS_BUCKET, withheldKey(key))),
    deleteObject(config().UPLOADS_BUCKET, originalPhotoKey(product.id, photoId)),
    deleteObject(config().UPLOADS_BUCKET, incomingPhotoKey(product.id, photoId)),
  ]);
  return next;
}
