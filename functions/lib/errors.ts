/**
 * The few domain errors every feature throws. The one error handler (lib/middleware/error-handler.ts)
 * turns them into `{error: {code, message, fields?}}` responses; nothing else builds an error response.
 * `message` is a key of the strings files (lib/i18n.ts) so the handler can answer in the caller's language.
 */
export interface FieldError {
  /** dotted path of the offending input, e.g. `applicant.nik` */
  path: string;
  /** key in the strings files, or a literal message */
  message: string;
  /** values for the `{name}` placeholders of the message */
  params?: Record<string, string>;
  /**
   * what the form called the field, for HTML error pages (a service field's catalogue label); JSON
   * answers keep `path` only. Without it the page looks `label.<path>` up in the strings files.
   */
  label?: { id: string; en: string };
}

/** A page of a village's site (`SITE_URL/<slug>/[en/]<segments>/`) an HTML error page links back to. */
export interface SitePage {
  slug: string;
  segments: string[];
  /** the village, for the page's header (as the site's own header names it) */
  village?: VillageHeading;
}

/** What the header of an API page says about a village: the public names only. */
export interface VillageHeading {
  name: string;
  kind: 'desa' | 'kelurahan';
  kecamatanName: string;
  regencyName: string;
  slug: string;
}

export class AppError extends Error {
  /** where the villager came from, when known (the HTML error page links back to it) */
  sitePage?: SitePage;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
    /** values for the `{name}` placeholders of the message (e.g. the real type of a refused file) */
    readonly params?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Invalid extends AppError {
  constructor(fields: FieldError[], message = 'error.invalid', sitePage?: SitePage) {
    super(400, 'invalid_request', message, fields);
    if (sitePage) this.sitePage = sitePage;
  }
}
export class Unauthorized extends AppError {
  constructor(message = 'error.unauthorized') {
    super(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer' });
  }
}
export class Forbidden extends AppError {
  constructor(message = 'error.forbidden') {
    super(403, 'forbidden', message);
  }
}
export class NotFound extends AppError {
  constructor(message = 'error.not_found') {
    super(404, 'not_found', message);
  }
}
export class Conflict extends AppError {
  constructor(message = 'error.conflict', code = 'conflict') {
    super(409, code, message);
  }
}
export class TooLarge extends AppError {
  constructor(message = 'error.too_large') {
    super(413, 'too_large', message);
  }
}
export class UnsupportedMediaType extends AppError {
  constructor(message = 'error.unsupported_media_type') {
    super(415, 'unsupported_media_type', message);
  }
}
export class Unprocessable extends AppError {
  constructor(code: string, message: string, fields?: FieldError[], params?: Record<string, string>) {
    super(422, code, message, fields, undefined, params);
  }
}
export class TooManyRequests extends AppError {
  constructor(retryAfterSeconds = 60) {
    super(429, 'too_many_requests', 'error.too_many_requests', undefined, {
      'retry-after': String(retryAfterSeconds),
    });
  }
}
