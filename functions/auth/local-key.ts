import { config } from '../lib/config';
import { type LocalSigningKey, loadOrCreateLocalKey } from './local-identity';

let key: Promise<LocalSigningKey> | undefined;

/** The local runtime's signing key: one per process, kept in LOCAL_DATA_DIR across restarts. */
export function localKey(): Promise<LocalSigningKey> {
  key ??= loadOrCreateLocalKey(config().LOCAL_DATA_DIR);
  return key;
}
