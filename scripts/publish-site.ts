/**
 * `npm run publish:site -- --village <slug|code|*>` — what CodeBuild runs on AWS when a village's site is
 * out of date (infra/stacks/publish-stack.ts): export the village's public data from the table, build
 * it with the same Astro build as `npm run sites:build`, sync `dist/sites/<slug>/` to
 * `s3://$SITE_BUCKET/<slug>/` (changed files up, vanished files deleted), invalidate `/<slug>/*`, and
 * mark the village published — unless it changed again meanwhile, in which case it stays out of date.
 * `--village '*'` rebuilds every village and the portal (the nightly run).
 *
 * Environment (set by the publish stack): TABLE_NAME, REGENCY_CODE, SITE_BUCKET, DISTRIBUTION_ID,
 * SITE_URL, API_URL, AWS_REGION (or AWS_REGION_NAME).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { WORKSPACE_CONFIG_PATH } from '../site/workspace-config';

const { values } = parseArgs({ options: { village: { type: 'string', multiple: true } } });
process.env.AWS_REGION ??= process.env.AWS_REGION_NAME;
const bucket = process.env.SITE_BUCKET as string;
const distribution = process.env.DISTRIBUTION_ID;
if (!bucket || !distribution || !process.env.SITE_URL || !process.env.API_URL) {
  console.error(
    'publish:site needs SITE_BUCKET, DISTRIBUTION_ID, SITE_URL and API_URL (set by the publish stack)',
  );
  process.exit(1);
}

const started = performance.now();
const { S3Client } = await import('@aws-sdk/client-s3');
const { syncSites } = await import('../infra/publish/site-sync');
const { CloudFrontClient, CreateInvalidationCommand } = await import('@aws-sdk/client-cloudfront');
const { config } = await import('../functions/lib/config');
const { getItem } = await import('../functions/lib/table');
const { SiteState } = await import('../functions/publish/entities');
const { markPublished } = await import('../functions/publish/signal');
const { writeSnapshots } = await import('../infra/local/site-data');
const { buildSites, defaultOutDir } = await import('../site/build');

const all = !values.village?.length || values.village.includes('*');
const urls = {
  apiUrl: process.env.API_URL as string,
  siteUrl: (process.env.SITE_URL as string).replace(/\/+$/, ''),
};
const dataDir = await mkdtemp(join(tmpdir(), 'sk-publish-'));
const s3 = new S3Client({});
try {
  const villages = await writeSnapshots({
    outDir: dataDir,
    regencyCode: config().REGENCY_CODE,
    urls,
    ...(all ? {} : { villages: values.village as string[] }),
    onProgress: (m) => console.log(`publish: ${m}`),
  });
  // the signal as it was before the build: a change during the build keeps its village dirty
  const seen = new Map<string, string>();
  const regency = JSON.parse(await readFile(join(dataDir, 'regency.json'), 'utf8')) as {
    kecamatan: { villages: { code: string; slug: string }[] }[];
  };
  const codeOf = new Map(regency.kecamatan.flatMap((k) => k.villages.map((v) => [v.slug, v.code] as const)));
  for (const slug of villages) {
    const state = (await getItem(SiteState, { villageCode: codeOf.get(slug) ?? '' })).Item;
    if (state) seen.set(slug, state.lastChangeAt);
  }
  const built = await buildSites({ dataDir, villages, portal: all });
  console.log(`publish: built ${built.villages.length} villages, ${built.pages} pages`);

  // only what changed goes up; what vanished is deleted; villages not built this time are left alone
  const { put, deleted } = await syncSites({
    s3,
    bucket,
    outDir: defaultOutDir,
    prefixes: all ? [''] : villages.map((slug) => `${slug}/`),
    // and the workspace's configuration, written by `cdk deploy` (infra/constructs/workspace-sign-in.ts)
    keep: (segment, key) =>
      (codeOf.has(segment) && !villages.includes(segment)) || key === WORKSPACE_CONFIG_PATH.slice(1),
  });
  const paths = all ? ['/*'] : villages.map((slug) => `/${slug}/*`);
  await new CloudFrontClient({}).send(
    new CreateInvalidationCommand({
      DistributionId: distribution,
      InvalidationBatch: {
        CallerReference: `publish-${Date.now()}`,
        Paths: { Quantity: paths.length, Items: paths },
      },
    }),
  );
  const now = new Date();
  let clean = 0;
  for (const [slug, lastChangeAt] of seen)
    if (
      await markPublished(
        { code: codeOf.get(slug) ?? '', regencyCode: config().REGENCY_CODE },
        lastChangeAt,
        now,
      )
    )
      clean++;
  console.log(
    `publish: ${put} files up, ${deleted} deleted, invalidated ${paths.join(' ')}; ${clean}/${seen.size} marked published in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
