/** `/kerja/config.json`: where the API and the sign-in endpoints are (written by CDK on AWS, by the local runtime locally). */
import { WORKSPACE_CONFIG_PATH, type WorkspaceConfig } from '../../../workspace-config';

export type { WorkspaceConfig };

const KEYS: (keyof WorkspaceConfig)[] = [
  'apiBase',
  'issuer',
  'clientId',
  'authorizationEndpoint',
  'tokenEndpoint',
  'revocationEndpoint',
  'logoutEndpoint',
  'siteOrigin',
];

let loaded: Promise<WorkspaceConfig> | undefined;

export function loadConfig(): Promise<WorkspaceConfig> {
  loaded ??= fetch(WORKSPACE_CONFIG_PATH, { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`config.json: ${r.status}`))))
    .then((c: Record<string, unknown>) => {
      for (const k of KEYS) if (typeof c[k] !== 'string') throw new Error(`config.json: ${k} missing`);
      return { ...(c as unknown as WorkspaceConfig), apiBase: String(c.apiBase).replace(/\/+$/, '') };
    });
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
