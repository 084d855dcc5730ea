import { endpoint, json } from '../../lib/http';
import { createDocument } from '../documents';
import { DocumentCreateBody, RequestParams } from '../schemas';
import { getRequestWithSecret } from '../store';

export const handler = endpoint(
  'documents.create',
  { params: RequestParams, body: DocumentCreateBody },
  async ({ params, body, headers, now }) => {
    const request = await getRequestWithSecret(params.id, headers['x-request-secret']);
    return json(201, await createDocument(request, body, now));
  },
);
