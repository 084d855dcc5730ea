import { AnyObject, contract } from '../../lib/contract';
import { TrackParams, TrackQuery } from '../schemas';

/** `/track/{trackingCode}`; the handler serves `/track?code=` (below) with this contract too. */
export const track = contract({
  route: 'track.get',
  params: TrackParams,
  query: TrackQuery,
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});

/** `/track?code=`, the site's plain GET form. */
export const trackQuery = contract({
  route: 'track.query',
  query: TrackQuery,
  openapi: () => ({ response: { status: 200, schema: AnyObject } }),
});
