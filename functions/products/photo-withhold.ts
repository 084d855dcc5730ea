/**
 * A taken-down product's photos leave the public: an officer's take-down moves each variant of its
 * photos from `photos/products/…` (what CloudFront's `/photos/*` behaviour and the local site server
 * serve) to `withheld/products/…` in the same bucket (served by nothing); reinstating it (taken_down →
 * hidden, the only way back) moves them back, so the seller can publish again without re-uploading.
 * The same for the products a seller's suspension takes off the public (products/store.ts relist).
 * A move, not a delete-and-regenerate: no sharp in the patch function, and the bytes come back exactly
 * as they were (the private originals stay in the uploads bucket either way).
 *
 * Each move is a copy then a delete of the source, idempotent: a source already gone (moved by an
 * earlier, interrupted attempt) is skipped. The product's own write has committed before these run;
 * a move that still fails after the S3 retries is logged (`photos.withhold_failed`) and the answer
 * stays that of the committed change — repeating the officer's take-down (or the reinstatement)
 * runs the moves again, the repair path.
 *
 * What this does NOT remove: copies CloudFront already holds. Variants are served with
 * `max-age=31536000, immutable`, so an edge that cached one keeps answering it until evicted. On AWS
 * (DISTRIBUTION_ID set: routes declaring `cdn`) a withhold whose moves all succeeded is followed by an
 * invalidation of the product's variant paths under `/photos/products/<productId>/` (lib/cdn-invalidation.ts), which closes that window; a release
 * needs none. A failed invalidation is logged (`photos.invalidation_failed`) and, like a failed move,
 * never fails the committed change; repeating the take-down repeats it. Locally nothing is sent. The
 * processor's `withholdPhoto` (a variant made after the take-down, never public) sends none. A seller's suspension does the same for its products that were public (the relist),
 * and its reinstatement undoes it; a product taken down stays withheld until the officer reinstates
 * it, and a reinstated product of a suspended seller stays withheld until the seller is.
 */

import { invalidatePaths } from '../lib/cdn-invalidation';
import { config } from '../lib/config';
import { log } from '../lib/log';
import { copyObject, deleteObject } from '../lib/s3-objects';
import type { ProductItem } from './entities';

export const PUBLIC_VARIANTS = 'photos/products/';
export const WITHHELD_VARIANTS = 'withheld/products/';

/** `photos/products/<p>/<ph>-640.webp` → `withheld/products/<p>/<ph>-640.webp` */
export const withheldKey = (key: string) =>
  key.startsWith(PUBLIC_VARIANTS) ? WITHHELD_VARIANTS + key.slice(PUBLIC_VARIANTS.length) : key;

function variantKeys(product: ProductItem): string[] {
  return product.photos.flatMap((p) => (p.status === 'ready' ? (p.variants ?? []).map((v) => v.key) : []));
}

/** copy + delete within the photos bucket; a missing source is an earlier move (or nothing to move) */
async function move(from: string, to: string): Promise<void> {
  try {
    await copyObject(config().PHOTOS_BUCKET, from, to);
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return;
    throw error;
  }
  await deleteObject(config().PHOTOS_BUCKET, from);
}

async function moveAll(product: ProductItem, direction: 'withhold' | 'release'): Promise<boolean> {
  const results = await Promise.allSettled(
    variantKeys(product).map((key) =>
      direction === 'withhold' ? move(key, withheldKey(key)) : move(withheldKey(key), key),
    ),
  );
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length)
    log('error', 'photos.withhold_failed', {
      productId: product.id,
      direction,
      failed: failed.length,
      error: ((failed[0] as PromiseRejectedResult).reason as Error)?.name,
    });
  return failed.length === 0;
}

/**
 * Withholds the product's variants, then (all moved, AWS only) invalidates the edges' copies of them.
 * Never throws: a failed invalidation is logged with the product's id and the error's name only.
 */
async function withhold(product: ProductItem): Promise<void> {
  if (!(await moveAll(product, 'withhold')) || variantKeys(product).length === 0) return;
  try {
    // the variants' own paths, not `/photos/products/<id>/*`: CloudFront runs at most 15 wildcard
    // invalidations at once (a suspension withholds every public product of the seller) but 3,000 paths
    await invalidatePaths(
      variantKeys(product).map((key) => `/${key}`),
      `withhold-${product.id}-${Date.now()}`,
    );
  } catch (error) {
    log('error', 'photos.invalidation_failed', { productId: product.id, error: (error as Error)?.name });
  }
}

/** Variants are withheld while the product is taken down or its seller suspended. */
export const variantsWithheld = (product: Pick<ProductItem, 'status'>, sellerStatus: string) =>
  product.status === 'taken_down' || sellerStatus === 'suspended';

/**
 * After a committed product change (patch): withhold when the product is to be withheld (again on a
 * repeated take-down: the repair path), release when it no longer is.
 */
export async function followTakeDown(
  prev: ProductItem,
  next: ProductItem,
  sellerStatus: string,
): Promise<void> {
  if (variantsWithheld(next, sellerStatus)) {
    if (next.status === 'taken_down') await withhold(next);
  } else if (prev.status === 'taken_down') await moveAll(next, 'release');
}

/**
 * After a seller's relist changed a product's visibility: a suspended seller's product is withheld,
 * one that became public again is released. Only products whose visibility changed come here (a
 * published product, in practice).
 */
export async function followRelist(product: ProductItem, sellerStatus: string): Promise<void> {
  if (variantsWithheld(product, sellerStatus)) await withhold(product);
  else if (product.visibility === 'public') await moveAll(product, 'release');
}

/** One photo's variants, withheld (the processor finishing a photo of a product taken down meanwhile). */
export async function withholdPhoto(product: ProductItem, photoId: string): Promise<void> {
  await moveAll({ ...product, photos: product.photos.filter((p) => p.id === photoId) }, 'withhold');
}
