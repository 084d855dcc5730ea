import { authorize } from '../../lib/auth';
import { endpoint, json } from '../../lib/http';
import { getSeller } from '../../products/store';
import { routeById } from '../../routes';
import { SellerParams, SellerTransitionBody } from '../schemas';
import { sellerView, transitionSeller } from '../store';

const route = routeById('sellers.transition');

export const handler = endpoint(
  'sellers.transition',
  { params: SellerParams, body: SellerTransitionBody },
  async ({ params, body, caller, now }) => {
    const seller = await getSeller(params.id);
    const role = authorize(route, caller, seller);
    const next = await transitionSeller(
      seller.id,
      body,
      { username: caller?.username ?? 'unknown', role },
      now,
    );
    return json(200, sellerView(next));
  },
);
