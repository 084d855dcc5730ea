import { endpoint, json } from '../../lib/http';
import { listAccounts } from '../store';
import contract from './list.contract';

/** The regency's officer and camat accounts, all or of one kecamatan or village (`?kecamatan=`, `?village=`). */
export const handler = endpoint(contract, async ({ params, query, authorize }) => {
  authorize({ regencyCode: params.code });
  return json(200, await listAccounts({ regencyCode: params.code, ...query }));
});
