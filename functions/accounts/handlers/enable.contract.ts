import { contract } from '../../lib/contract';
import { AccountParams, AccountView } from '../schemas';

export default contract({
  route: 'accounts.enable',
  params: AccountParams,
  openapi: () => ({ response: { status: 200, schema: AccountView } }),
});
