/**
 * API Gateway's `$default` route: a path (or a method on a path) that no route of the route table
 * serves. Without it API Gateway answers `{"message":"Not Found"}`; with it that answer keeps our error
 * shape and the caller's language, like every other error. The local adapter calls it for the same cases.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { config } from './config';
import { NotFound } from './errors';
import { negotiateLang } from './i18n';
import { errorResponse } from './middleware/error-handler';
import type { Result } from './responses';

// at import, i.e. the cold start: a bad environment fails the function's init loudly (lib/config.ts)
config();

export async function handler(event: APIGatewayProxyEventV2): Promise<Result> {
  let acceptLanguage: string | undefined;
  for (const [k, v] of Object.entries(event.headers ?? {}))
    if (k.toLowerCase() === 'accept-language') acceptLanguage = v;
  const lang = negotiateLang(acceptLanguage, event.queryStringParameters?.lang);
  return errorResponse(new NotFound('error.route_not_found'), {
    lang,
    requestId: event.requestContext?.requestId ?? 'local',
    html: false,
  });
}
