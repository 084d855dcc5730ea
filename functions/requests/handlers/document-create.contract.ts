import { AnyObject, contract } from '../../lib/contract';
import { DocumentCreateBody, RequestParams } from '../schemas';

export default contract({
  route: 'documents.create',
  params: RequestParams,
  body: DocumentCreateBody,
  openapi: () => ({
    response: { status: 201, schema: AnyObject, description: 'Presigned POST (url and fields)' },
  }),
});
