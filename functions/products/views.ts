/**
 * What the wire shows of a product. The public view has no personal data beyond the business's own
 * WhatsApp (inside the order link, which is the point of it); the owner view adds moderation state,
 * the version for optimistic concurrency, and every photo whatever its state.
 */
import { config } from '../lib/config';
import { rupiah } from '../lib/rupiah';
import { CATEGORY_LABELS, type ProductCategory } from './categories';
import type { ProductItem, ProductPhotoData } from './entities';

export const photoUrl = (key: string, siteUrl = config().SITE_URL) => `${siteUrl}/${key}`;

export function readyPhoto(p: ProductPhotoData, siteUrl = config().SITE_URL) {
  const variants = (p.variants ?? []).map((v) => ({
    width: v.width,
    height: v.height,
    url: photoUrl(v.key, siteUrl),
  }));
  return {
    id: p.id,
    width: p.width ?? 0,
    height: p.height ?? 0,
    variants,
    placeholder: p.placeholder ?? '',
  };
}

export function photoView(p: ProductPhotoData) {
  if (p.status === 'ready') return { status: 'ready' as const, ...readyPhoto(p) };
  if (p.status === 'failed') return { id: p.id, status: 'failed' as const, reason: p.reason ?? 'unknown' };
  return { id: p.id, status: 'processing' as const };
}

/**
 * "Desa" or "Kelurahan", from the village code: its fourth segment `1xxx` is a kelurahan, anything
 * else a desa (the rule of villages/onboard-data.ts `villageKind`, which cannot be imported here:
 * it carries the national area list).
 */
export const villageTitle = (code: string) =>
  (code.split('.')[3] ?? '').startsWith('1') ? 'Kelurahan' : 'Desa';

/** wa.me link with a prefilled Indonesian order message naming the product and the village. */
export function whatsappOrderUrl(
  product: Pick<
    ProductItem,
    | 'name'
    | 'price'
    | 'discountPrice'
    | 'unit'
    | 'sellerName'
    | 'sellerWhatsapp'
    | 'villageCode'
    | 'villageName'
    | 'villageSlug'
    | 'slug'
  >,
  siteUrl = config().SITE_URL,
): string {
  const price = product.discountPrice ?? product.price;
  const message =
    `Halo ${product.sellerName}, saya ingin memesan "${product.name}" (${rupiah(price, { plain: true })}/${product.unit}) ` +
    `dari ${villageTitle(product.villageCode)} ${product.villageName}. Dilihat di ${productPageUrl(product, siteUrl)}`;
  // stored text may predate the Unicode rule (lib/unicode.ts): a lone surrogate would make
  // encodeURIComponent throw and take every list of the village down with it
  return `https://wa.me/${product.sellerWhatsapp.replace(/^\+/, '')}?text=${encodeURIComponent(message.toWellFormed())}`;
}

export const productPageUrl = (p: Pick<ProductItem, 'villageSlug' | 'slug'>, siteUrl = config().SITE_URL) =>
  `${siteUrl}/${p.villageSlug}/produk/${p.slug}/`;

export function publicProduct(p: ProductItem) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    category: p.category,
    categoryName: CATEGORY_LABELS[p.category as ProductCategory],
    price: p.price,
    discountPrice: p.discountPrice ?? null,
    unit: p.unit,
    availability: p.availability,
    status: p.status,
    village: { code: p.villageCode, name: p.villageName, slug: p.villageSlug, kecamatan: p.kecamatanName },
    seller: { id: p.sellerId, businessName: p.sellerName, kind: p.sellerKind },
    photos: p.photos.filter((ph) => ph.status === 'ready').map((ph) => readyPhoto(ph)),
    whatsappUrl: whatsappOrderUrl(p),
    url: productPageUrl(p),
    publishedAt: p.publishedAt ?? null,
    updatedAt: p.updatedAt,
  };
}

export function ownerProduct(p: ProductItem) {
  return {
    ...publicProduct(p),
    reason: p.reason ?? null,
    visibility: p.visibility,
    version: p.version,
    photos: p.photos.map(photoView),
    createdAt: p.createdAt,
  };
}
