import { endpoint, json } from '../../lib/http';
import { getSeller } from '../../products/store';
import { sellerView, transitionSeller } from '../store';
import contract from './transition.contract';

export const handler = endpoint(contract, async ({ params, body, caller, authorize, now }) => {
  const seller = await getSeller(params.id);
  const role = authorize(seller);
  const next = await transitionSeller(
    seller.id,
    body,
    { username: caller?.username ?? 'unknown', role },
    now,
  );
  return json(200, sellerView(next));
});
