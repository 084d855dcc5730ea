import { type Caller, scopeCovers } from '../lib/auth';
import type { ProductItem } from './entities';

/** May this caller see the owner view of the product (its seller, or an officer over its village)? */
export function canManage(caller: Caller | undefined, product: ProductItem): boolean {
  if (!caller) return false;
  if (caller.groups.includes('seller') && caller.seller === product.sellerId) return true;
  const target = {
    villageCode: product.villageCode,
    kecamatanCode: product.kecamatanCode,
    regencyCode: product.regencyCode,
  };
  return (
    (caller.groups.includes('village-officer') && scopeCovers(caller, 'village', target)) ||
    (caller.groups.includes('kecamatan-officer') && scopeCovers(caller, 'kecamatan', target)) ||
    (caller.groups.includes('regency-admin') && scopeCovers(caller, 'regency', target))
  );
}
