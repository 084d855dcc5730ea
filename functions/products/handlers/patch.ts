import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { followTakeDown } from '../photo-withhold';
import { getProduct, getSeller, patchProduct } from '../store';
import { ownerProduct } from '../views';
import contract from './patch.contract';

/** The seller edits its own product and publishes/hides it; the village officer takes it down. */
export const handler = endpoint(contract, async ({ params, body, caller, authorize, now }) => {
  const product = await getProduct(params.id);
  const role = authorize(product);
  if (role === 'seller' && caller?.seller !== product.sellerId) throw new Forbidden();
  const next = await patchProduct(
    product.id,
    body,
    { role: role === 'seller' ? 'seller' : 'officer', username: caller?.username ?? 'unknown' },
    now,
  );
  // an officer's take-down withholds the photos' public variants; reinstating releases them
  await followTakeDown(product, next, (await getSeller(product.sellerId)).status);
  return json(200, ownerProduct(next));
});
