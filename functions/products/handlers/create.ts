import { endpoint, json } from '../../lib/http';
import { getVillage } from '../../villages/store';
import { createProduct, sellerOfCaller } from '../store';
import { ownerProduct } from '../views';
import contract from './create.contract';

/** A seller adds a draft to its own village (a seller of village A cannot list in village B). */
export const handler = endpoint(contract, async ({ params, body, caller, authorize, headers, now }) => {
  authorize({ villageCode: params.code });
  const seller = await sellerOfCaller(caller, params.code);
  const village = await getVillage(params.code);
  const key = headers['idempotency-key']?.slice(0, 200);
  const product = await createProduct(village, seller, body, {
    now,
    ...(key ? { idempotencyKey: key } : {}),
  });
  return json(201, ownerProduct(product));
});
