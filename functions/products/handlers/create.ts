import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { getVillage } from '../../villages/store';
import { ProductCreateBody, VillageParams } from '../schemas';
import { createProduct, sellerOfCaller } from '../store';
import { ownerProduct } from '../views';

const route = routeById('products.create');

/** A seller adds a draft to its own village (a seller of village A cannot list in village B). */
export const handler = endpoint(
  'products.create',
  { params: VillageParams, body: ProductCreateBody },
  async ({ params, body, caller, headers, now }) => {
    authorize(route, caller, { villageCode: params.code });
    const seller = await sellerOfCaller(caller, params.code);
    const village = await getVillage(params.code);
    const key = headers['idempotency-key']?.slice(0, 200);
    const product = await createProduct(village, seller, body, {
      now,
      ...(key ? { idempotencyKey: key } : {}),
    });
    return json(201, ownerProduct(product));
  },
);
