import { $set } from 'dynamodb-toolbox/entity/actions/update';

/**
 * Replaces an attribute whole in an update. toolbox turns a plain object or array in an update into
 * per-element paths (`history[0].at = …`, `fields.x = …`) — for `any()` attributes too — which would
 * merge into (or fail on) the stored value. `$set` is typed for map/list schemas only, hence the cast
 * for `any()` ones.
 */
export const whole = <T>(value: T): T => $set(value) as unknown as T;
