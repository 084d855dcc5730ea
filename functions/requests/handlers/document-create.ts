import { endpoint, json } from '../../lib/http';
import { createDocument } from '../documents';
import { getRequestWithSecret } from '../store';
import contract from './document-create.contract';

export const handler = endpoint(contract, async ({ params, body, headers, now }) => {
  const request = await getRequestWithSecret(params.id, headers['x-request-secret']);
  return json(201, await createDocument(request, body, now));
});
