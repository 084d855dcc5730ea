import { endpoint, json } from '../lib/http';
import { localJwksDocument } from './local-identity';
import contract from './local-jwks.contract';
import { localKey } from './local-key';

/** The local issuer's public keys, where Cognito serves a user pool's (local runtime only). */
export const handler = endpoint(contract, async () =>
  json(200, localJwksDocument(await localKey()), { 'cache-control': 'public, max-age=300' }),
);
