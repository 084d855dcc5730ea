/**
 * What a route of the route table declares (./index.ts): its method and path, handler module, who may
 * call it, and what its function touches. Pure data, like the table: no imports.
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
 * their functions cannot read a citizen's request, document or sign-in.
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
  | 'letters';

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
  /** the private letters bucket (issued PDFs, requests/letters.ts) */
  letters?: Access;
  identity?: Access;
  /**
   * staff accounts in the user pool (`write`: create with an invitation, add to the group, disable,
   * enable, sign out everywhere; functions/accounts/directory.ts): the accounts routes only
   */
  staffAccounts?: Access;
  /**
   * the photo processor's queue (`write`: sqs:SendMessage on it, and PHOTO_QUEUE_URL): a route that
   * triggers processing by sending it the S3 event's message (photo confirm)
   */
  photoQueue?: Access;
  /**
   * the letter issuer's queue (`write`: sqs:SendMessage on it, and LETTER_QUEUE_URL): a route whose
   * change writes a letter's intent announces it there once committed (requests/letters.ts)
   */
  letterQueue?: Access;
  /**
   * the regency's CloudFront distribution (`write`: cloudfront:CreateInvalidation on it, and
   * DISTRIBUTION_ID): a route whose handler withholds a product's photos invalidates the edges'
   * copies (products/photo-withhold.ts, lib/cdn-invalidation.ts)
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
  /**
   * a public reader that also counts its calls in rate-limit windows (functions/lib/rate-limit.ts):
   * its function may add to the counters' partitions (UpdateItem, IAM LeadingKeys) and nothing else
   */
  counts?: boolean;
  /** packages with native code shipped beside the bundle instead of bundled (sharp) */
  nodeModules?: readonly string[];
  /** answers HTML to browsers as well as JSON */
  html?: boolean;
  /** mounted only by the local runtime (never deployed) */
  localOnly?: boolean;
  summary: string;
}

/** The staff roles and the scope each is held to, for routes every officer may call. */
export const officers = {
  'village-officer': 'village',
  'kecamatan-officer': 'kecamatan',
  'regency-admin': 'regency',
} as const satisfies Partial<Record<Role, Scope>>;
