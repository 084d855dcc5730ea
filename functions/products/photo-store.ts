/**
 * Product photos: the keys, the presigned POST (straight to S3, ≤ 8 MB, JPEG/PNG/WebP, server-chosen
 * key) and the photo list's read-modify-write. Processing (sharp) lives in ./photo-process so that
 * routes which only hand out upload forms do not bundle it.
 */
import { randomBytes } from 'node:crypto';
import { UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { config } from '../lib/config';
import { Conflict, Unprocessable } from '../lib/errors';
import { presignedPost } from '../lib/presign';
import { browserSigner } from '../lib/s3';
import { isConditionFailed, Product, type ProductItem, type ProductPhotoData } from '../lib/table';
import { whole } from '../lib/update';
import { MAX_PHOTOS, PHOTO_MAX_BYTES } from './photo-limits';
import { getProduct, getSeller, saveProduct } from './store';

const POST_EXPIRES_SECONDS = 15 * 60;
export const PHOTO_PREFIX = 'incoming/products/';
export const incomingPhotoKey = (productId: string, photoId: string) =>
  `${PHOTO_PREFIX}${productId}/${photoId}`;
/** the private original, kept (the incoming/ prefix expires) */
export const originalPhotoKey = (productId: string, photoId: string) =>
  `originals/products/${productId}/${photoId}`;
/** public variants: served at SITE_URL/photos/… (CloudFront on AWS, the site server locally) */
export const variantKey = (productId: string, photoId: string, width: number) =>
  `photos/products/${productId}/${photoId}-${width}.webp`;

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
    const photos = change(product);
    if (!photos) return product;
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
          // replaced whole: toolbox would write a plain array as per-element paths (`photos[0].id = …`),
          // even for an any() attribute; `$set` is typed for list/map schemas only, hence the cast
          photos: whole(photos),
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

export async function createPhoto(
  product: ProductItem,
  input: { contentType: string; size: number },
  now: Date,
) {
  if (product.status === 'taken_down') throw new Conflict('error.product_taken_down', 'product_taken_down');
  const photoId = randomBytes(9).toString('base64url');
  await updatePhotos(
    product.id,
    (p) => {
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
  const post = await presignedPost(browserSigner, {
    bucket: config.UPLOADS_BUCKET,
    key: incomingPhotoKey(product.id, photoId),
    conditions: [
      ['content-length-range', 1, Math.min(input.size, PHOTO_MAX_BYTES)],
      ['eq', '$Content-Type', input.contentType],
    ],
    fields: { 'Content-Type': input.contentType },
    expiresSeconds: POST_EXPIRES_SECONDS,
  });
  return { photoId, url: post.url, fields: post.fields };
}
