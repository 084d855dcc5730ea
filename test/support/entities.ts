/**
 * Every entity of the table, by name, from the features that own them (the key-design tests and the
 * least-privilege checks walk them all).
 */
import { Account } from '../../functions/accounts/entities';
import { AuthGrant, LocalUser } from '../../functions/auth/entities';
import { CatalogueEntry } from '../../functions/catalogue/entities';
import { Counter } from '../../functions/lib/counter';
import { Idempotency } from '../../functions/lib/idempotency';
import { Product, SearchEntry } from '../../functions/products/entities';
import { SiteState } from '../../functions/publish/entities';
import { Letter, RequestDocument, ServiceRequest, TrackingCode } from '../../functions/requests/entities';
import { Seller, SellerAccount } from '../../functions/sellers/entities';
import {
  Apbdes,
  Kecamatan,
  NewsArticle,
  NewsSlug,
  Regency,
  Village,
} from '../../functions/villages/entities';

export const entities = {
  Regency,
  Kecamatan,
  Village,
  NewsArticle,
  NewsSlug,
  Apbdes,
  SiteState,
  CatalogueEntry,
  ServiceRequest,
  RequestDocument,
  TrackingCode,
  Letter,
  Counter,
  Idempotency,
  Seller,
  SellerAccount,
  Product,
  SearchEntry,
  LocalUser,
  AuthGrant,
  Account,
};
