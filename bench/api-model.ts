/**
 * What the API latency benchmark (./api.ts) is made of: its settings, the paths it compares and what
 * it records of each.
 */
import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { CallCounter } from './lib';

export const BUDGET = 1.2;

function arg(name: string, fallback: number): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const n = hit ? Number(hit.split('=')[1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}
export const BLOCKS = arg('blocks', 20);
export const PER_BLOCK = arg('per-block', 50);
export const WARMUP = arg('warmup', 100);

export type Op = 'submit' | 'track';
export type PathId = 'A' | 'B' | 'C' | 'D' | 'E';

export interface Path {
  id: PathId;
  label: string;
  counter?: CallCounter;
  bytes?: { n: number };
  /** returns the tracking code of the new request */
  submit(): Promise<string>;
  track(code: string): Promise<void>;
}

export interface Recorded {
  samples: number[];
  /** `GetItem×2 Query×2 …` → iterations that made exactly these calls */
  calls: Map<string, number>;
  requestBytes: number;
}

export type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
export type Result = APIGatewayProxyStructuredResultV2;

export const idempotencyKey = () => `bench-${randomBytes(12).toString('base64url')}`;

export function check(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`bench: ${what}`);
}
