/**
 * For CLI commands (onboarding, later the site build): use the running `npm start`'s servers when it is
 * up (it records them in <dataDir>/runtime.json), otherwise start the embedded servers on the same data
 * folder — so two processes never open the same database files.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_REGION, startEmbedded } from './servers';

export interface RuntimeRecord {
  pid: number;
  apiUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** where the village sites are served */
  siteUrl?: string;
}

const file = (dataDir: string) => join(dataDir, 'runtime.json');

export function recordRuntime(dataDir: string, record: RuntimeRecord): () => void {
  writeFileSync(file(dataDir), JSON.stringify(record, null, 2));
  return () => rmSync(file(dataDir), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The running `npm start` of this data folder, if there is one. */
export function readRuntime(dataDir: string): RuntimeRecord | undefined {
  if (!existsSync(file(dataDir))) return undefined;
  const record = JSON.parse(readFileSync(file(dataDir), 'utf8')) as RuntimeRecord;
  return alive(record.pid) ? record : undefined;
}

/** Points the handlers' config at local servers; returns a function that releases what it started. */
export async function attachLocal(
  dataDir: string,
): Promise<{ mode: 'attached' | 'embedded'; release(): Promise<void> }> {
  const env = {
    TABLE_NAME: 'smart-kampung',
    UPLOADS_BUCKET: 'smart-kampung-uploads',
    AWS_REGION: LOCAL_REGION,
  };
  if (existsSync(file(dataDir))) {
    const record = JSON.parse(readFileSync(file(dataDir), 'utf8')) as RuntimeRecord;
    if (alive(record.pid)) {
      Object.assign(process.env, env, {
        DYNAMODB_ENDPOINT: record.dynamoEndpoint,
        S3_ENDPOINT: record.s3Endpoint,
      });
      return { mode: 'attached', release: async () => {} };
    }
  }
  const embedded = await startEmbedded({ dataDir });
  Object.assign(process.env, env, {
    DYNAMODB_ENDPOINT: embedded.dynamoEndpoint,
    S3_ENDPOINT: embedded.s3Endpoint,
  });
  return { mode: 'embedded', release: () => embedded.stop() };
}
