/** What a product photo may be (no sharp here: the API routes that only validate must not bundle it). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_WIDTHS = [320, 640, 1280] as const;
export const MAX_PHOTOS = 5;
/** failed photos kept on a product (newest first) so the seller sees why; older ones are dropped */
export const MAX_FAILED_PHOTOS = 3;
/** how long a presigned photo POST is valid */
export const PHOTO_POST_EXPIRES_SECONDS = 15 * 60;
/**
 * Deliveries of one S3 event to the photo processor before SQS parks it in the dead-letter queue:
 * the PhotoQueue's `maxReceiveCount` (infra/stacks/api-stack.ts; test/infra checks they agree). On the
 * last one the processor marks the photo `failed` instead of leaving it `processing` forever.
 */
export const PHOTO_MAX_RECEIVES = 3;
