import { contract } from '../../lib/contract';
import { AccountsPage, AccountsParams, AccountsQuery } from '../schemas';

export default contract({
  route: 'accounts.list',
  params: AccountsParams,
  query: AccountsQuery,
  openapi: () => ({ response: { status: 200, schema: AccountsPage } }),
});
