import { authorize } from '../../lib/auth';
import { Forbidden } from '../../lib/errors';
import { endpoint, json } from '../../lib/http';
import { routeById } from '../../routes';
import { createPhoto } from '../photo-store';
import { PhotoCreateBody, ProductParams } from '../schemas';
import { getProduct } from '../store';

const route = routeById('photos.create');

/** A presigned POST for one photo (≤ 8 MB, JPEG/PNG/WebP declared; the real type is checked later). */
export const handler = endpoint(
  'photos.create',
  { params: ProductParams, body: PhotoCreateBody },
  async ({ params, body, caller, now }) => {
    const product = await getProduct(params.id);
    authorize(route, caller, product);
    if (caller?.seller !== product.sellerId) throw new Forbidden();
    return json(201, await createPhoto(product, body, now));
  },
);
