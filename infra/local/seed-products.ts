/**
 * Demo sellers and products for the local runtime: `seller@tamansari-licin` and
 * `seller@kemiren-glagah` (password `smartkampung`), both approved, each with published products
 * whose photos are real images put through the same upload → processing → publish path a seller's go.
 * Idempotent: a seller that exists is left as it is.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { PutTransaction } from 'dynamodb-toolbox/entity/actions/transactPut';
import sharp from 'sharp';
import { LocalUser } from '../../functions/auth/entities';
import { hashPassword } from '../../functions/auth/local-identity';
import { config } from '../../functions/lib/config';
import { s3 } from '../../functions/lib/s3-objects';
import { getItem } from '../../functions/lib/table';
import { transact } from '../../functions/lib/transact';
import type { ProductCategory } from '../../functions/products/categories';
import { processUploadedPhoto } from '../../functions/products/photo-process';
import { createPhoto, incomingPhotoKey } from '../../functions/products/photo-store';
import { createProduct, getProduct, getSeller, newId, patchProduct } from '../../functions/products/store';
import { Seller, SellerAccount } from '../../functions/sellers/entities';
import { findVillageBySlug } from '../../functions/villages/store';

interface DemoProduct {
  name: string;
  description: { id: string; en: string };
  category: ProductCategory;
  price: number;
  discountPrice?: number;
  unit: string;
  availability?: 'available' | 'preorder' | 'out_of_stock';
  colors: [string, string];
}

interface DemoSeller {
  village: string;
  username: string;
  businessName: string;
  ownerName: string;
  whatsapp: string;
  kind: 'umkm' | 'ikm';
  description: string;
  location: string;
  products: DemoProduct[];
}

export const DEMO_SELLERS: DemoSeller[] = [
  {
    village: 'tamansari-licin',
    username: 'seller@tamansari-licin',
    businessName: 'Kopi Lereng Ijen',
    ownerName: 'Suparno',
    whatsapp: '+6281234500001',
    kind: 'umkm',
    description: 'Kopi petani Tamansari dari lereng Gunung Ijen, disangrai di desa.',
    location: 'Dusun Sumberwatu, Tamansari',
    products: [
      {
        name: 'Kopi Robusta Lereng Ijen 250 g',
        description: {
          id: 'Biji kopi robusta petik merah dari kebun rakyat Tamansari, sangrai sedang, giling sesuai pesanan.',
          en: 'Red-cherry robusta from Tamansari smallholder gardens, medium roast, ground to order.',
        },
        category: 'coffee',
        price: 45000,
        unit: 'bungkus',
        colors: ['#4b2e1e', '#c08a4a'],
      },
      {
        name: 'Kopi Arabika Ijen Natural 200 g',
        description: {
          id: 'Arabika proses natural dari ketinggian 1.200 mdpl, aroma buah dan cokelat.',
          en: 'Natural-process arabica grown at 1,200 m, fruity with chocolate notes.',
        },
        category: 'coffee',
        price: 65000,
        discountPrice: 58000,
        unit: 'bungkus',
        colors: ['#2d1b12', '#8f5b34'],
      },
      {
        name: 'Paket Wisata Petik Kopi',
        description: {
          id: 'Setengah hari memetik, menyangrai dan menyeduh kopi bersama petani, termasuk makan siang.',
          en: 'Half a day picking, roasting and brewing coffee with farmers, lunch included.',
        },
        category: 'services',
        price: 75000,
        unit: 'orang',
        availability: 'preorder',
        colors: ['#1f5130', '#8cc084'],
      },
    ],
  },
  {
    village: 'kemiren-glagah',
    username: 'seller@kemiren-glagah',
    businessName: 'Sanggar Batik Gajah Oling',
    ownerName: 'Sutini',
    whatsapp: '+6281234500002',
    kind: 'ikm',
    description: 'Batik tulis motif Osing khas Kemiren, dikerjakan ibu-ibu perajin desa.',
    location: 'Jalan Barong, Kemiren',
    products: [
      {
        name: 'Batik Tulis Gajah Oling',
        description: {
          id: 'Kain batik tulis motif gajah oling, pewarna alam, 2 × 1,15 m.',
          en: 'Hand-drawn gajah oling batik, natural dyes, 2 × 1.15 m.',
        },
        category: 'batik_textiles',
        price: 350000,
        discountPrice: 315000,
        unit: 'lembar',
        colors: ['#1d2f5a', '#d9a441'],
      },
      {
        name: 'Kopi Osing Kemiren 250 g',
        description: {
          id: 'Kopi bubuk khas Kemiren yang disajikan pada tradisi Ngopi Sepuluh Ewu.',
          en: 'The ground coffee of Kemiren served at the Ngopi Sepuluh Ewu tradition.',
        },
        category: 'coffee',
        price: 40000,
        unit: 'bungkus',
        colors: ['#3b2314', '#a8703f'],
      },
      {
        name: 'Angklung Paglak Mini',
        description: {
          id: 'Angklung paglak hiasan dari bambu, buatan perajin Kemiren.',
          en: 'Decorative paglak angklung of bamboo, made by Kemiren craftsmen.',
        },
        category: 'crafts',
        price: 85000,
        unit: 'buah',
        colors: ['#7a5a1e', '#e8d18f'],
      },
    ],
  },
];

/** A real JPEG, like a phone photo in miniature: a diagonal gradient with two soft discs. */
export async function demoPhoto([a, b]: [string, string], width = 1600, height = 1200): Promise<Buffer> {
  const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const [ca, cb] = [rgb(a), rgb(b)] as [number[], number[]];
  const discs = [
    { x: width * 0.35, y: height * 0.55, r: height * 0.28, c: cb, alpha: 0.55 },
    { x: width * 0.68, y: height * 0.42, r: height * 0.2, c: ca, alpha: 0.5 },
  ];
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      let px = [0, 1, 2].map((i) => (ca[i] as number) * (1 - t) + (cb[i] as number) * t);
      for (const d of discs)
        if ((x - d.x) ** 2 + (y - d.y) ** 2 < d.r ** 2)
          px = px.map((v, i) => v * (1 - d.alpha) + (d.c[i] as number) * d.alpha);
      pixels.set(px.map(Math.round), (y * width + x) * 3);
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

export async function seedSellers(now = new Date()): Promise<void> {
  for (const demo of DEMO_SELLERS) {
    if ((await getItem(LocalUser, { username: demo.username })).Item) continue;
    const village = await findVillageBySlug(demo.village);
    if (!village) continue;
    const sellerId = newId();
    const at = now.toISOString();
    const passwordHash = await hashPassword('smartkampung');
    await transact(
      SellerAccount.build(PutTransaction)
        .item({ whatsapp: demo.whatsapp, sellerId })
        .options({ condition: { attr: 'whatsapp', exists: false } }),
      Seller.build(PutTransaction)
        .item({
          id: sellerId,
          villageCode: village.code,
          kecamatanCode: village.kecamatanCode,
          regencyCode: village.regencyCode,
          businessName: demo.businessName,
          ownerName: demo.ownerName,
          whatsapp: demo.whatsapp,
          kind: demo.kind,
          description: demo.description,
          location: demo.location,
          status: 'approved',
          version: 2,
          history: [
            { at, actor: demo.whatsapp, role: 'seller', from: null, to: 'pending' },
            {
              at,
              actor: `officer@${demo.village}`,
              role: 'village-officer',
              from: 'pending',
              to: 'approved',
            },
          ],
          createdAt: at,
          updatedAt: at,
        })
        .options({ condition: { attr: 'id', exists: false } }),
      LocalUser.build(PutTransaction)
        .item({
          username: demo.username,
          passwordHash,
          groups: ['seller'],
          attributes: {
            'custom:village': village.code,
            'custom:kecamatan': village.kecamatanCode,
            'custom:regency': village.regencyCode,
            'custom:seller': sellerId,
          },
        })
        .options({ condition: { attr: 'username', exists: false } }),
    );
    const seller = await getSeller(sellerId);
    for (const p of demo.products) {
      const { colors, ...input } = p;
      const product = await createProduct(
        village,
        seller,
        { ...input, availability: input.availability ?? 'available' },
        { now },
      );
      const bytes = await demoPhoto(colors);
      const { photoId } = await createPhoto(product, { contentType: 'image/jpeg', size: bytes.length }, now);
      await s3().send(
        new PutObjectCommand({
          Bucket: config().UPLOADS_BUCKET,
          Key: incomingPhotoKey(product.id, photoId),
          Body: bytes,
          ContentType: 'image/jpeg',
        }),
      );
      await processUploadedPhoto(product.id, photoId, now);
      const current = await getProduct(product.id);
      await patchProduct(
        product.id,
        { version: current.version, status: 'published' },
        { role: 'seller', username: demo.username },
        now,
      );
    }
  }
}
