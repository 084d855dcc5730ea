/** What a product photo may be (no sharp here: the API routes that only validate must not bundle it). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_WIDTHS = [320, 640, 1280] as const;
export const MAX_PHOTOS = 5;
