import { authorize } from '../../lib/auth';
import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { followTakeDown } from '../photo-withhold';
import { ProductParams, ProductPatchBody } from '../schemas';
import { getProduct, getSeller, patchProduct } from '../store';
import { ownerProduct } from '../views';

const route = routeById('products.patch');

/** The seller edits its own product and publishes/hides it; the village officer takes it down. */
export const handler = endpoint(
  'products.patch',
  { params: ProductParams, body: ProductPatchBody },
  async ({ params, body, caller, now }) => {
    const product = await getProduct(params.id);
    const role = authorize(route, caller, product);
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
  },
);
