/**
 * The route table's UMKM / IKM sellers and their products (./index.ts assembles the table).
 */
import { officers, type Route } from './route';

export const marketRoutes = [
  // UMKM / IKM sellers
  {
    id: 'sellers.register',
    method: 'POST',
    path: '/villages/{code}/sellers',
    handler: 'sellers/handlers/register',
    auth: 'public',
    table: 'write',
    identity: 'write',
    summary: 'A business registers itself as a seller of the village (pending until approved)',
  },
  {
    id: 'sellers.list',
    method: 'GET',
    path: '/villages/{code}/sellers',
    handler: 'sellers/handlers/list',
    auth: { roles: officers },
    table: 'read',
    summary: "A village's sellers, by status (the officer's approval queue)",
  },
  {
    id: 'sellers.get',
    method: 'GET',
    path: '/sellers/{id}',
    handler: 'sellers/handlers/get',
    auth: { roles: { ...officers, seller: 'village' } },
    table: 'read',
    summary: 'One seller (its officers, or the seller itself)',
  },
  {
    id: 'sellers.transition',
    method: 'POST',
    path: '/sellers/{id}/transitions',
    handler: 'sellers/handlers/transition',
    auth: { roles: { 'village-officer': 'village' } },
    table: 'write',
    // a suspension withholds its public products' photo variants, a reinstatement releases them
    photos: 'write',
    keys: { photos: ['photos/products/', 'withheld/products/'] },
    cdn: 'write',
    summary: 'Approve, reject or suspend a seller',
  },
  {
    id: 'sellers.products',
    method: 'GET',
    path: '/sellers/{id}/products',
    handler: 'sellers/handlers/products',
    auth: { roles: { ...officers, seller: 'village' } },
    table: 'read',
    summary: "Every product of a seller, any status (the seller's own list)",
  },

  // products
  {
    id: 'products.create',
    method: 'POST',
    path: '/villages/{code}/products',
    handler: 'products/handlers/create',
    auth: { roles: { seller: 'village' } },
    table: 'write',
    summary: 'A seller adds a product (a draft)',
  },
  {
    id: 'products.list',
    method: 'GET',
    path: '/villages/{code}/products',
    handler: 'products/handlers/list',
    auth: 'public',
    table: 'read',
    partitions: ['publicProducts'],
    summary: 'Published products of a village, by category',
  },
  {
    id: 'products.search',
    method: 'GET',
    path: '/products/search',
    handler: 'products/handlers/search',
    auth: 'public',
    table: 'read',
    partitions: ['search'],
    html: true,
    summary: 'Regency-wide product search by text and category',
  },
  {
    id: 'products.get',
    method: 'GET',
    path: '/products/{id}',
    handler: 'products/handlers/get',
    auth: 'public',
    table: 'read',
    partitions: ['products'],
    optionalAuth: true,
    summary: 'One product: public when published; its seller and officers (bearer token) see any state',
  },
  {
    id: 'products.patch',
    method: 'PATCH',
    path: '/products/{id}',
    handler: 'products/handlers/patch',
    auth: { roles: { seller: 'village', 'village-officer': 'village' } },
    table: 'write',
    // a take-down moves the photos' variants out of public reach, a reinstatement back (photo-withhold.ts)
    photos: 'write',
    keys: { photos: ['photos/products/', 'withheld/products/'] },
    cdn: 'write',
    summary: 'Edit a product or move its status (version for optimistic concurrency)',
  },
  {
    id: 'photos.create',
    method: 'POST',
    path: '/products/{id}/photos',
    handler: 'products/handlers/photo-create',
    auth: { roles: { seller: 'village' } },
    table: 'write',
    uploads: 'write',
    keys: { uploads: ['incoming/products/'] },
    summary: 'Presigned POST for one product photo',
  },
  {
    id: 'photos.confirm',
    method: 'POST',
    path: '/products/{id}/photos/{photoId}/confirm',
    handler: 'products/handlers/photo-confirm',
    auth: { roles: { seller: 'village' } },
    table: 'read',
    uploads: 'read',
    // sends the processor the upload's S3 event itself (a lost S3 event is recovered by confirm)
    photoQueue: 'write',
    probes: ['uploads'],
    // the upload, and its original once the processor has moved it (still processing, not missing)
    keys: { uploads: ['incoming/products/', 'originals/products/'] },
    summary:
      'Tell the API a photo was uploaded (idempotent; triggers processing): 202 while it runs, 200 once done',
  },
  {
    id: 'photos.delete',
    method: 'DELETE',
    path: '/products/{id}/photos/{photoId}',
    handler: 'products/handlers/photo-delete',
    auth: { roles: { seller: 'village' } },
    table: 'write',
    uploads: 'write',
    photos: 'write',
    // its own prefixes only: the uploads bucket also holds citizens' documents (KTP/KK scans)
    keys: {
      uploads: ['incoming/products/', 'originals/products/'],
      photos: ['photos/products/', 'withheld/products/'],
    },
    summary:
      'Remove a photo (its variants and original too); the last ready photo of a published product is refused (409)',
  },
] as const satisfies readonly Route[];
