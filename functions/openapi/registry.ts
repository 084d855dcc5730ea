/**
 * Route id → its contract (lib/contract.ts), the module beside each handler that declares what the
 * handler validates with and what the route answers. The OpenAPI document is generated from this map
 * and the route table; the type below makes a deployed route without a contract — or with another
 * route's — a compile error, so the document cannot silently fall behind the routes. Contracts import
 * schemas only, never a store, so this bundle carries no table client (decision 0020).
 */
import createAccount from '../accounts/handlers/create.contract';
import disableAccount from '../accounts/handlers/disable.contract';
import enableAccount from '../accounts/handlers/enable.contract';
import listAccounts from '../accounts/handlers/list.contract';
import listServices from '../catalogue/handlers/list.contract';
import type { Contract } from '../lib/contract';
import * as z from '../lib/zod';
import open311Request from '../open311/handlers/request.contract';
import open311Requests from '../open311/handlers/requests.contract';
import open311Service from '../open311/handlers/service-definition.contract';
import open311Services from '../open311/handlers/services.contract';
import open311Submit from '../open311/handlers/submit.contract';
import createProduct from '../products/handlers/create.contract';
import getProduct from '../products/handlers/get.contract';
import listProducts from '../products/handlers/list.contract';
import patchProduct from '../products/handlers/patch.contract';
import confirmPhoto from '../products/handlers/photo-confirm.contract';
import createPhoto from '../products/handlers/photo-create.contract';
import deletePhoto from '../products/handlers/photo-delete.contract';
import searchProducts from '../products/handlers/search.contract';
import { confirm, confirmRedirect } from '../requests/handlers/document-confirm.contract';
import createDocument from '../requests/handlers/document-create.contract';
import getRequest from '../requests/handlers/get.contract';
import letter from '../requests/handlers/letter.contract';
import letterReissue from '../requests/handlers/letter-reissue.contract';
import letterRevoke from '../requests/handlers/letter-revoke.contract';
import kecamatanQueue from '../requests/handlers/queue-kecamatan.contract';
import regencyQueue from '../requests/handlers/queue-regency.contract';
import villageQueue from '../requests/handlers/queue-village.contract';
import receipt from '../requests/handlers/receipt.contract';
import resubmit from '../requests/handlers/resubmit.contract';
import submit from '../requests/handlers/submit.contract';
import { track, trackQuery } from '../requests/handlers/track.contract';
import transition from '../requests/handlers/transition.contract';
import verifyLetter from '../requests/handlers/verify.contract';
import walkIn from '../requests/handlers/walk-in.contract';
import type { RouteId, routes } from '../routes';
import getSeller from '../sellers/handlers/get.contract';
import listSellers from '../sellers/handlers/list.contract';
import sellerProducts from '../sellers/handlers/products.contract';
import registerSeller from '../sellers/handlers/register.contract';
import transitionSeller from '../sellers/handlers/transition.contract';
import apbdes from '../villages/handlers/apbdes.contract';
import getVillage from '../villages/handlers/get.contract';
import listVillages from '../villages/handlers/list.contract';
import news from '../villages/handlers/news.contract';
import profile from '../villages/handlers/profile.contract';
import openapi from './handler.contract';

/** The standard error answer of every route without an error format of its own (lib/middleware/error-handler.ts). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
      requestId: z.optional(z.string()),
      // 422 invalid_transition: the moves the caller may make from the current status
      allowed: z.optional(z.array(z.object({ to: z.string(), reasonRequired: z.boolean() }))),
      // 409 after a colleague's change: the request's status and version now, and its last change
      current: z.optional(
        z.object({
          status: z.string(),
          version: z.number(),
          lastChange: z.nullable(z.record(z.string(), z.unknown())),
        }),
      ),
    }),
  })
  .register(z.globalRegistry, { id: 'Error' });

// Open311's error list, a component of its own
open311Services.errors.schema.register(z.globalRegistry, { id: 'Open311Errors' });

type DeployedRouteId = Exclude<RouteId, Extract<(typeof routes)[number], { localOnly: true }>['id']>;

export const registry: { [Id in DeployedRouteId]: Contract & { route: Id } } = {
  'villages.list': listVillages,
  'villages.get': getVillage,
  'villages.profile': profile,
  'villages.news': news,
  'villages.apbdes': apbdes,
  'services.list': listServices,
  'requests.submit': submit,
  'requests.receipt': receipt,
  'documents.create': createDocument,
  'documents.confirm': confirm,
  'documents.confirmRedirect': confirmRedirect,
  'requests.resubmit': resubmit,
  'track.get': track,
  'track.query': trackQuery,
  'queue.village': villageQueue,
  'queue.kecamatan': kecamatanQueue,
  'queue.regency': regencyQueue,
  'requests.walkIn': walkIn,
  'requests.get': getRequest,
  'requests.transition': transition,
  'requests.letter': letter,
  'requests.letterRevoke': letterRevoke,
  'requests.letterReissue': letterReissue,
  'letters.verify': verifyLetter,
  'open311.services': open311Services,
  'open311.service': open311Service,
  'open311.submit': open311Submit,
  'open311.request': open311Request,
  'open311.requests': open311Requests,
  'sellers.register': registerSeller,
  'sellers.list': listSellers,
  'sellers.get': getSeller,
  'sellers.transition': transitionSeller,
  'sellers.products': sellerProducts,
  'products.create': createProduct,
  'products.list': listProducts,
  'products.search': searchProducts,
  'products.get': getProduct,
  'products.patch': patchProduct,
  'photos.create': createPhoto,
  'photos.confirm': confirmPhoto,
  'photos.delete': deletePhoto,
  'accounts.list': listAccounts,
  'accounts.create': createAccount,
  'accounts.disable': disableAccount,
  'accounts.enable': enableAccount,
  openapi,
};
