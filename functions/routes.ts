/**
 * THE route table. CDK builds API Gateway routes, one Lambda per route and least-privilege grants
 * from it (infra/); the local runtime mounts the same list (infra/local/). Adding a route is one line
 * here plus its handler module. Pure data: no imports, so every bundle can carry it cheaply.
 *
 * `auth.roles` is the roles × routes matrix: a role absent from it gets 403; the scope says which of
 * the caller's claims must match the resource (`village`: custom:village equals the resource's village;
 * `kecamatan`: custom:kecamatan equals the resource's kecamatan; `regency`: custom:regency matches).
 */
export type Role = 'village-officer' | 'kecamatan-officer' | 'regency-admin' | 'seller';
export type Scope = 'village' | 'kecamatan' | 'regency';
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Access = 'read' | 'write';
export type ProbedBucket = 'uploads' | 'photos' | 'letters';
/**
 * Partitions of the table a route may read (infra/partitions.ts turns each into IAM
 * `dynamodb:LeadingKeys` patterns on the table or one index): what public readers declare, so that
 * their functions cannot read a citizen's request, document or sign-in. `trackingLimits` is the one
 * such a route updates: the rate-limit counters of tracking look-ups.
 */
export type Partition =
  | 'places'
  | 'placesByRegency'
  | 'catalogue'
  | 'siteStates'
  | 'publicProducts'
  | 'requestsByVillage'
  | 'search'
  | 'requests'
  | 'products'
  | 'trackingCodes'
  | 'trackingLimits';

export interface Route {
  /** stable id, also the OpenAPI operationId and the Lambda's logical name */
  id: string;
  method: Method;
  path: string;
  /** module under functions/ exporting `handler` */
  handler: string;
  auth: 'public' | { roles: Partial<Record<Role, Scope>> };
  /**
   * a public route that shows more to a signed-in caller: the handler verifies an optional bearer
   * token itself (functions/lib/optional-auth.ts), so its function gets the issuer and client id
   */
  optionalAuth?: boolean;
  /** what the handler touches: the single table, the buckets, the sign-in directory (Cognito) */
  table?: Access;
  uploads?: Access;
  photos?: Access;
  identity?: Access;
  /**
   * the photo processor's queue (`write`: sqs:SendMessage on it, and PHOTO_QUEUE_URL): a route that
   * triggers processing by sending it the S3 event's message (photo confirm)
   */
  photoQueue?: Access;
  /**
   * the regency's CloudFront distribution (`write`: cloudfront:CreateInvalidation on it, and
   * DISTRIBUTION_ID): a route whose handler withholds a product's photos invalidates the edges'
   * copies (products/photo-withhold.ts, lib/cdn.ts)
   */
  cdn?: Access;
  /**
   * buckets where the handler asks whether an object exists (HEAD/GET of a key that may be missing):
   * its function also gets s3:ListBucket on them, without which S3 answers a missing key with 403
   * (indistinguishable from a real denial) instead of 404
   */
  probes?: readonly ProbedBucket[];
  /**
   * the object key prefixes, per bucket, the handler reads or writes: its grants on that bucket cover
   * only these (`arn:…:bucket/<prefix>*`). Absent for a bucket it declares: the whole bucket.
   */
  keys?: Partial<Record<ProbedBucket, readonly string[]>>;
  /**
   * the table partitions the handler reads (`table: 'read'`): its grants on the table are confined to
   * them (IAM `dynamodb:LeadingKeys`). Absent: the whole table.
   */
  partitions?: readonly Partition[];
  /** packages with native code shipped beside the bundle instead of bundled (sharp) */
  nodeModules?: readonly string[];
  /** answers HTML to browsers as well as JSON */
  html?: boolean;
  /** mounted only by the local runtime (never deployed) */
  localOnly?: boolean;
  summary: string;
}

const officers = {
  'village-officer': 'village',
  'kecamatan-officer': 'kecamatan',
  'regency-admin': 'regency',
} as const satisfies Partial<Record<Role, Scope>>;

export const routes = [
  // villages and the service catalogue: public reads
  {
    id: 'villages.list',
    method: 'GET',
    path: '/villages',
    handler: 'villages/handlers/list',
    auth: 'public',
    table: 'read',
    partitions: ['placesByRegency'],
    summary: 'List villages of the regency (filter by kecamatan)',
  },
  {
    id: 'villages.get',
    method: 'GET',
    path: '/villages/{code}',
    handler: 'villages/handlers/get',
    auth: 'public',
    table: 'read',
    partitions: ['places'],
    summary: 'One village',
  },
  {
    id: 'villages.profile',
    method: 'PUT',
    path: '/villages/{code}/profile',
    handler: 'villages/handlers/profile',
    auth: { roles: { 'village-officer': 'village' } },
    table: 'write',
    summary:
      "The village's public profile (about, head, officials, contact, facilities); republishes its site",
  },
  {
    id: 'villages.news',
    method: 'POST',
    path: '/villages/{code}/news',
    handler: 'villages/handlers/news',
    auth: { roles: { 'village-officer': 'village' } },
    table: 'write',
    summary: 'Publish a news article on the village site (same slug and date: a correction)',
  },
  {
    id: 'villages.apbdes',
    method: 'PUT',
    path: '/villages/{code}/apbdes/{year}',
    handler: 'villages/handlers/apbdes',
    auth: { roles: { 'village-officer': 'village' } },
    table: 'write',
    summary: "A year's APBDes summary (budget vs realisation by sector) for the transparency page",
  },
  {
    id: 'services.list',
    method: 'GET',
    path: '/villages/{code}/services',
    handler: 'catalogue/handlers/list',
    auth: 'public',
    table: 'read',
    partitions: ['places', 'catalogue'],
    summary: "A village's service catalogue with the six published components",
  },

  // citizen flow: public, the secret authorizes
  {
    id: 'requests.submit',
    method: 'POST',
    path: '/villages/{code}/requests',
    handler: 'requests/handlers/submit',
    auth: 'public',
    table: 'write',
    html: true,
    summary: 'File a request (JSON or an HTML form post)',
  },
  {
    id: 'requests.receipt',
    method: 'GET',
    path: '/requests/{id}/receipt',
    handler: 'requests/handlers/receipt',
    auth: 'public',
    // write: the first view records that the secret was shown (one conditional UpdateItem)
    table: 'write',
    uploads: 'write',
    html: true,
    keys: { uploads: ['incoming/requests/'] },
    summary: 'HTML receipt with per-document upload forms (needs the secret)',
  },
  {
    id: 'documents.create',
    method: 'POST',
    path: '/requests/{id}/documents',
    handler: 'requests/handlers/document-create',
    auth: 'public',
    table: 'write',
    uploads: 'write',
    keys: { uploads: ['incoming/requests/'] },
    summary: 'Presigned POST for one required document',
  },
  {
    id: 'documents.confirm',
    method: 'POST',
    path: '/requests/{id}/documents/{documentId}/confirm',
    handler: 'requests/handlers/document-confirm',
    auth: 'public',
    table: 'write',
    uploads: 'write',
    probes: ['uploads'],
    keys: { uploads: ['incoming/requests/', 'requests/'] },
    summary: 'Check an uploaded document (size, real type) and count it',
  },
  {
    id: 'documents.confirmRedirect',
    method: 'GET',
    path: '/requests/{id}/documents/{documentId}/confirm',
    handler: 'requests/handlers/document-confirm',
    auth: 'public',
    table: 'write',
    uploads: 'write',
    html: true,
    probes: ['uploads'],
    keys: { uploads: ['incoming/requests/', 'requests/'] },
    summary: "S3's success_action_redirect lands here; confirms and redirects to the receipt",
  },
  {
    id: 'requests.resubmit',
    method: 'POST',
    path: '/requests/{id}/resubmit',
    handler: 'requests/handlers/resubmit',
    auth: 'public',
    table: 'write',
    html: true,
    summary: "Send a revised request back to the officer (JSON, or the receipt's plain form: 303 to it)",
  },
  {
    id: 'track.get',
    method: 'GET',
    path: '/track/{trackingCode}',
    handler: 'requests/handlers/track',
    auth: 'public',
    table: 'read',
    partitions: ['trackingCodes', 'requests', 'places', 'trackingLimits'],
    html: true,
    summary: 'Status and timeline by tracking code (no personal data)',
  },
  {
    id: 'track.query',
    method: 'GET',
    path: '/track',
    handler: 'requests/handlers/track',
    auth: 'public',
    table: 'read',
    partitions: ['trackingCodes', 'requests', 'places', 'trackingLimits'],
    html: true,
    summary: 'Tracking for a plain GET form (?code=)',
  },

  // officer flow
  {
    id: 'queue.village',
    method: 'GET',
    path: '/villages/{code}/requests',
    handler: 'requests/handlers/queue-village',
    auth: { roles: officers },
    table: 'read',
    summary: "A village's queue, overdue first, then by due time",
  },
  {
    id: 'queue.kecamatan',
    method: 'GET',
    path: '/kecamatan/{code}/requests',
    handler: 'requests/handlers/queue-kecamatan',
    auth: { roles: { 'kecamatan-officer': 'kecamatan', 'regency-admin': 'regency' } },
    table: 'read',
    summary: 'Requests forwarded to a kecamatan',
  },
  {
    id: 'requests.get',
    method: 'GET',
    path: '/requests/{id}',
    handler: 'requests/handlers/get',
    auth: { roles: officers },
    table: 'read',
    uploads: 'read',
    keys: { uploads: ['requests/'] },
    summary: 'A whole request, documents as short-lived links',
  },
  {
    id: 'requests.transition',
    method: 'POST',
    path: '/requests/{id}/transitions',
    handler: 'requests/handlers/transition',
    auth: { roles: { 'village-officer': 'village', 'kecamatan-officer': 'kecamatan' } },
    table: 'write',
    summary: 'Move a request to another status',
  },

  // Open311 GeoReport v2 over the same data
  {
    id: 'open311.services',
    method: 'GET',
    path: '/open311/v2/services.json',
    handler: 'open311/handlers/services',
    auth: 'public',
    table: 'read',
    partitions: ['places', 'catalogue'],
    summary: 'Open311 service list of a village (jurisdiction_id)',
  },
  {
    id: 'open311.service',
    method: 'GET',
    path: '/open311/v2/services/{code}.json',
    handler: 'open311/handlers/service-definition',
    auth: 'public',
    table: 'read',
    partitions: ['places', 'catalogue'],
    summary: 'Open311 service definition',
  },
  {
    id: 'open311.submit',
    method: 'POST',
    path: '/open311/v2/requests.json',
    handler: 'open311/handlers/submit',
    auth: 'public',
    table: 'write',
    summary: 'Open311 request submission (form-urlencoded)',
  },
  {
    id: 'open311.request',
    method: 'GET',
    path: '/open311/v2/requests/{id}.json',
    handler: 'open311/handlers/request',
    auth: 'public',
    table: 'read',
    partitions: ['trackingCodes', 'requests', 'places', 'trackingLimits'],
    summary: 'Open311 one request (a one-item array)',
  },
  {
    id: 'open311.requests',
    method: 'GET',
    path: '/open311/v2/requests.json',
    handler: 'open311/handlers/requests',
    auth: 'public',
    table: 'read',
    partitions: ['places', 'requestsByVillage', 'trackingCodes', 'requests', 'trackingLimits'],
    summary: 'Open311 requests with filters',
  },

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

  // platform
  {
    id: 'openapi',
    method: 'GET',
    path: '/openapi.json',
    handler: 'openapi/handler',
    auth: 'public',
    summary: 'OpenAPI 3.1, generated from the zod schemas',
  },
  {
    id: 'local.jwks',
    method: 'GET',
    path: '/local-cognito/.well-known/jwks.json',
    handler: 'auth/local-jwks',
    auth: 'public',
    localOnly: true,
    summary: "The local issuer's public keys (where Cognito serves its JWKS)",
  },
  {
    id: 'local.token',
    method: 'POST',
    path: '/local/token',
    handler: 'auth/local-token',
    auth: 'public',
    table: 'read',
    localOnly: true,
    summary: 'Local sign-in (stands in for Cognito)',
  },
] as const satisfies readonly Route[];

export type RouteId = (typeof routes)[number]['id'];

/**
 * Request headers a browser client of the API may send beyond the CORS-safelisted ones: what API
 * Gateway's CORS preflight (infra/stacks/api-stack.ts) and the local adapter's allow. A header a
 * handler reads must be here, or a JavaScript client's preflight fails.
 */
export const corsRequestHeaders = [
  'authorization',
  'content-type',
  'idempotency-key',
  'x-request-secret',
] as const;

export function routeById(id: RouteId): Route {
  const route = routes.find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route;
}
