/**
 * Route id → the zod schemas its handler validates with (and, where one is fixed, what it answers).
 * The OpenAPI document is generated from this map and the route table; the type below makes a route
 * without an entry a compile error, so the document cannot silently fall behind the routes.
 *
 * Schemas come from the feature schema modules. A few handlers define small schemas inline; they are
 * restated here (marked) rather than imported, because importing a handler module would pull the
 * table client into this bundle.
 */

import * as z from '../lib/zod';
import {
  Open311ErrorList,
  RequestParams as Open311RequestParams,
  RequestQuery as Open311RequestQuery,
  RequestsQuery as Open311RequestsQuery,
  RequestOut,
  ServiceDefinitionOut,
  ServiceOut,
  ServiceParams,
  ServiceQuery,
  ServicesQuery,
  SubmitForm,
  SubmitOut,
} from '../open311/schemas';
import {
  OwnerProduct,
  OwnerProductPage,
  ProductAnyView,
  PublicProductPage,
  SearchPage,
} from '../products/response-schemas';
import {
  PhotoCreateBody,
  PhotoParams,
  ProductCreateBody,
  ProductListQuery,
  ProductParams,
  ProductPatchBody,
  VillageParams as ProductVillageParams,
  SearchQuery,
} from '../products/schemas';
import {
  ConfirmQuery,
  DocumentCreateBody,
  DocumentParams,
  KecamatanRequestsParams,
  QueueQuery,
  ReceiptQuery,
  RequestParams,
  ResubmitBody,
  SubmitBody,
  TrackParams,
  TrackQuery,
  TransitionBody,
  VillageRequestsParams,
} from '../requests/schemas';
import type { RouteId, routes } from '../routes';
import { SellerOut, SellerPage, SellerRegistration } from '../sellers/response-schemas';
import { SellerListQuery, SellerParams, SellerRegisterBody, SellerTransitionBody } from '../sellers/schemas';
import {
  ApbdesBody,
  ApbdesParams,
  NewsBody,
  ProfileBody,
  VillageList,
  VillageListQuery,
  VillageOut,
  VillageParams,
} from '../villages/schemas';
import { ResubmitFieldsDoc, ServicePage, SubmitFieldsDoc } from './service-fields';

export interface RouteSchemas {
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  /** request media types of the body; JSON when absent */
  bodyTypes?: ('application/json' | 'application/x-www-form-urlencoded')[];
  /** success status and schema, when the answer has a fixed shape */
  response?: { status: number; schema?: z.ZodMiniType; description?: string; html?: boolean };
  /** further success answers (JSON), e.g. a 202 beside the 200 */
  alsoResponses?: { status: number; schema: z.ZodMiniType; description: string }[];
  /** the route answers errors as Open311 `[{code, description}]` instead of `{error}` */
  open311?: boolean;
}

/** The standard error answer of every non-Open311 route (lib/http.ts). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
      requestId: z.optional(z.string()),
    }),
  })
  .register(z.globalRegistry, { id: 'Error' });

export const Open311Errors = Open311ErrorList.register(z.globalRegistry, { id: 'Open311Errors' });

const Receipt = z.object({
  id: z.string(),
  trackingCode: z.string(),
  secret: z.string(),
  status: z.literal('submitted'),
  dueAt: z.nullable(z.string()),
});

const Page = z.object({ items: z.array(z.unknown()), cursor: z.nullable(z.string()) });

/** the upload confirmation needs the secret in a header */
const anything = z.record(z.string(), z.unknown());

type DeployedRouteId = Exclude<RouteId, Extract<(typeof routes)[number], { localOnly: true }>['id']>;

export const registry: Record<DeployedRouteId, RouteSchemas> = {
  'villages.list': {
    query: VillageListQuery,
    response: { status: 200, schema: VillageList },
  },
  'villages.get': { params: VillageParams, response: { status: 200, schema: VillageOut } },
  'villages.profile': {
    params: VillageParams,
    body: ProfileBody,
    response: { status: 200, schema: VillageOut },
  },
  'villages.news': { params: VillageParams, body: NewsBody, response: { status: 201, schema: anything } },
  'villages.apbdes': { params: ApbdesParams, body: ApbdesBody, response: { status: 200, schema: anything } },
  'services.list': {
    params: VillageParams,
    response: {
      status: 200,
      schema: ServicePage,
      description: "The village's catalogue: each service's requirements and the fields a submission answers",
    },
  },
  'requests.submit': {
    params: VillageRequestsParams,
    body: z.extend(SubmitBody, { fields: z.optional(SubmitFieldsDoc) }),
    bodyTypes: ['application/json', 'application/x-www-form-urlencoded'],
    response: {
      status: 201,
      schema: Receipt,
      description: 'Receipt (a form post is redirected to the receipt page)',
    },
  },
  'requests.receipt': {
    params: RequestParams,
    query: ReceiptQuery,
    response: { status: 200, html: true, description: 'HTML receipt page' },
  },
  'documents.create': {
    params: RequestParams,
    body: DocumentCreateBody,
    response: { status: 201, schema: anything, description: 'Presigned POST (url and fields)' },
  },
  'documents.confirm': {
    params: DocumentParams,
    query: ConfirmQuery,
    response: { status: 200, schema: anything },
  },
  'documents.confirmRedirect': {
    params: DocumentParams,
    query: ConfirmQuery,
    response: { status: 303, description: 'Redirect to the receipt page' },
  },
  'requests.resubmit': {
    params: RequestParams,
    body: z.extend(ResubmitBody, { fields: z.optional(ResubmitFieldsDoc) }),
    bodyTypes: ['application/json', 'application/x-www-form-urlencoded'],
    response: {
      status: 200,
      schema: anything,
      description:
        'Resubmitted (a form post, secret in the `secret` field, is redirected to the receipt page)',
    },
  },
  'track.get': { params: TrackParams, query: TrackQuery, response: { status: 200, schema: anything } },
  'track.query': { query: TrackQuery, response: { status: 200, schema: anything } },
  'queue.village': {
    params: VillageRequestsParams,
    query: QueueQuery,
    response: { status: 200, schema: Page },
  },
  'queue.kecamatan': {
    params: KecamatanRequestsParams,
    query: QueueQuery,
    response: { status: 200, schema: Page },
  },
  'requests.get': { params: RequestParams, response: { status: 200, schema: anything } },
  'requests.transition': {
    params: RequestParams,
    body: TransitionBody,
    response: { status: 200, schema: anything },
  },
  'open311.services': {
    query: ServicesQuery,
    response: { status: 200, schema: z.array(ServiceOut) },
    open311: true,
  },
  'open311.service': {
    params: ServiceParams,
    query: ServiceQuery,
    response: { status: 200, schema: ServiceDefinitionOut },
    open311: true,
  },
  'open311.submit': {
    body: SubmitForm,
    bodyTypes: ['application/x-www-form-urlencoded'],
    response: { status: 201, schema: SubmitOut },
    open311: true,
  },
  'open311.request': {
    params: Open311RequestParams,
    query: Open311RequestQuery,
    response: { status: 200, schema: z.array(RequestOut) },
    open311: true,
  },
  'open311.requests': {
    query: Open311RequestsQuery,
    response: { status: 200, schema: z.array(RequestOut) },
    open311: true,
  },
  'sellers.register': {
    params: ProductVillageParams,
    body: SellerRegisterBody,
    response: { status: 201, schema: SellerRegistration },
  },
  'sellers.list': {
    params: ProductVillageParams,
    query: SellerListQuery,
    response: { status: 200, schema: SellerPage },
  },
  'sellers.get': { params: SellerParams, response: { status: 200, schema: SellerOut } },
  'sellers.transition': {
    params: SellerParams,
    body: SellerTransitionBody,
    response: { status: 200, schema: SellerOut, description: 'The seller after the transition' },
  },
  'sellers.products': {
    params: SellerParams,
    query: ProductListQuery,
    response: {
      status: 200,
      schema: OwnerProductPage,
      description: "The seller's products in every state (owner view)",
    },
  },
  'products.create': {
    params: ProductVillageParams,
    body: ProductCreateBody,
    response: { status: 201, schema: OwnerProduct, description: 'The product (a draft), owner view' },
  },
  'products.list': {
    params: ProductVillageParams,
    query: ProductListQuery,
    response: { status: 200, schema: PublicProductPage },
  },
  'products.search': {
    query: SearchQuery,
    response: {
      status: 200,
      schema: SearchPage,
      description: 'Results across every village; each names its village',
    },
  },
  'products.get': {
    params: ProductParams,
    response: {
      status: 200,
      schema: ProductAnyView,
      description:
        'Its seller and the officers over its village (bearer token) get the owner view in any state (photos `processing`, `ready` or `failed`); anyone else the public view of a public product',
    },
  },
  'products.patch': {
    params: ProductParams,
    body: ProductPatchBody,
    response: { status: 200, schema: OwnerProduct, description: 'The product after the change, owner view' },
  },
  'photos.create': {
    params: ProductParams,
    body: PhotoCreateBody,
    response: {
      status: 201,
      schema: z.object({ photoId: z.string(), url: z.string(), fields: z.record(z.string(), z.string()) }),
      description: 'Presigned POST: post the fields and then the file to url',
    },
  },
  'photos.confirm': {
    params: PhotoParams,
    response: {
      status: 200,
      schema: OwnerProduct,
      description:
        'The photo is processed: the product (owner view) with the photo `ready` or `failed` (reason)',
    },
    alsoResponses: [
      {
        status: 202,
        schema: OwnerProduct,
        description:
          'The upload is there and is being processed (the S3 event does it): the product with the photo `processing`; poll GET /products/{id}',
      },
    ],
  },
  'photos.delete': {
    params: PhotoParams,
    response: {
      status: 200,
      schema: OwnerProduct,
      description: 'The product (owner view) without the photo; its variants and original are deleted',
    },
  },
  openapi: { response: { status: 200, schema: anything, description: 'This document' } },
};
