/**
 * The deployment's settings, read from CDK context (`cdk.json` or `-c key=value`), checked once.
 */
import type { Node } from 'constructs';
import { z } from 'zod';
import { gsiNames } from './table-design';

const host = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a host name such as desa.banyuwangikab.go.id (no scheme, no path)');

/** Index names, from `-c key=gsi2,gsi3` or a JSON array. */
const indexList = z
  .preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
        : v,
    z.array(z.enum(gsiNames)),
  )
  .default([]);

const InfraConfig = z.object({
  /** Kemendagri code of the regency, e.g. 35.10 (Banyuwangi) */
  regencyCode: z.string().regex(/^\d{2}\.\d{2}$/, 'a regency code such as 35.10'),
  /** the regency's site domain; every village lives at https://<siteDomain>/<slug>/ */
  siteDomain: host.optional(),
  /** ACM certificate in us-east-1 covering siteDomain and every alias host (CloudFront requirement) */
  certificateArn: z.string().startsWith('arn:aws').optional(),
  /** a village's own host name → its slug, e.g. {"tamansari.desa.id": "tamansari-licin"} */
  villageAliases: z.record(host, z.string().regex(/^[a-z0-9-]+$/)).default({}),
  /** where alarms are e-mailed */
  alarmEmail: z.email().optional(),
  /**
   * CodeBuild compute of the site publisher. `ec2` (default): general1.medium x86 Linux, offered in every
   * region CodeBuild runs in, with an S3 cache of npm's download cache. `lambda`: Lambda compute (arm64,
   * 4 GB; starts faster, billed per second) — only where CodeBuild offers Lambda compute, which we could
   * not confirm for ap-southeast-3 (Jakarta); no build cache (docs/deploy.md, section 5).
   */
  buildCompute: z.enum(['ec2', 'lambda']).default('ec2'),
  /**
   * Indexes of the table to leave out of this deployment, e.g. `gsi2` or `gsi2,gsi3`: only for
   * changing an index's projection on a deployed table, which CloudFormation cannot do in place (delete
   * it in one deployment, create it again in the next: docs/deploy.md "Upgrading the indexes"). Queries
   * of a left-out index fail until it is back. Default: none.
   */
  withoutIndexes: indexList,
  /**
   * Indexes to keep projecting ALL, as deployed before their projection changed: for the same upgrade,
   * so that each deployment changes one index only. Default: none.
   */
  allProjectionIndexes: indexList,
});

export type InfraConfig = z.infer<typeof InfraConfig>;

/** Context values arrive as strings from `-c`, as JSON from cdk.json: accept both. */
function contextValue(node: Node, key: string): unknown {
  const value = node.tryGetContext(key) as unknown;
  if (typeof value === 'string' && /^[[{]/.test(value.trim())) return JSON.parse(value) as unknown;
  if (value === '' || value === null) return undefined;
  return value;
}

export function readConfig(node: Node): InfraConfig {
  const raw = Object.fromEntries(
    [
      'regencyCode',
      'siteDomain',
      'certificateArn',
      'villageAliases',
      'alarmEmail',
      'buildCompute',
      'withoutIndexes',
      'allProjectionIndexes',
    ].map((key) => [key, contextValue(node, key)]),
  );
  const parsed = InfraConfig.safeParse({ regencyCode: '35.10', ...stripUndefined(raw) });
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid CDK context: ${detail}`);
  }
  const config = parsed.data;
  if (config.certificateArn && !config.siteDomain) throw new Error('certificateArn needs siteDomain');
  if (Object.keys(config.villageAliases).length > 0 && !config.certificateArn) {
    throw new Error('villageAliases need siteDomain and a certificateArn that covers the alias hosts');
  }
  return config;
}

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** The site origins browsers post from (CORS): the regency domain and each village's own host. */
export function siteOrigins(config: InfraConfig): string[] {
  if (!config.siteDomain) return [];
  return [config.siteDomain, ...Object.keys(config.villageAliases)].map((h) => `https://${h}`);
}
