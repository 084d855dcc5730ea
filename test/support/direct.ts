import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { toApiGatewayClaims } from '../../infra/local/claims';

/**
 * The confirm function invoked directly with the event API Gateway builds (the seller's claims from
 * the JWT authorizer): what AWS runs, without the local runtime's S3-event emulation before it.
 */
export async function confirmOnAws(token: string, productId: string, photoId: string) {
  const { handler } = await import('../../functions/products/handlers/photo-confirm');
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
  const path = `/products/${productId}/photos/${photoId}/confirm`;
  const routeKey = 'POST /products/{id}/photos/{photoId}/confirm';
  const event = {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    pathParameters: { id: productId, photoId },
    requestContext: {
      accountId: '000000000000',
      apiId: 'direct',
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: { claims: toApiGatewayClaims(payload), scopes: null as unknown as string[] },
      },
      domainName: 'api.example',
      domainPrefix: 'api',
      http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: `direct-${photoId}`,
      routeKey,
      stage: '$default',
      time: '25/Nov/2026:00:00:00 +0000',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
  const res = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { status: res.statusCode ?? 0, text: res.body ?? '', data: JSON.parse(res.body ?? 'null') };
}
