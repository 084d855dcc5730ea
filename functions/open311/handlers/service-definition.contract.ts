import { contract } from '../../lib/contract';
import { open311Errors } from '../errors';
import { ServiceDefinitionOut, ServiceParams, ServiceQuery } from '../schemas';

export default contract({
  route: 'open311.service',
  params: ServiceParams,
  query: ServiceQuery,
  errors: open311Errors,
  openapi: () => ({ response: { status: 200, schema: ServiceDefinitionOut } }),
});
