/**
 * npm run villages:onboard -- --regency 35.10
 * Onboards every village of a regency from the official codes (idn-area-data). Idempotent.
 * Locally it uses the running `npm start` (or starts the embedded servers on .local/); against AWS pass
 * --aws and set TABLE_NAME and AWS credentials/region. TABLE_NAME without --aws (or --aws without
 * TABLE_NAME) is refused: it would write to a local table while meaning the regency's, or the other way.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { onboardRegency } from '../functions/onboarding/onboard';
import { attachLocal } from '../infra/local/attach';
import { ensureTableAndBucket } from '../infra/local/runtime';

const { values } = parseArgs({
  options: {
    regency: { type: 'string' },
    aws: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: '.local' },
  },
});
if (!values.regency || !/^\d{2}\.\d{2}$/.test(values.regency)) {
  console.error(
    'usage: npm run villages:onboard -- --regency 35.10   (a regency code, e.g. 35.10 = Banyuwangi)',
  );
  process.exit(2);
}
if (!values.aws && process.env.TABLE_NAME) {
  console.error(
    `villages:onboard: TABLE_NAME is set (${process.env.TABLE_NAME}) but --aws is not: this would onboard into the LOCAL table, not that one. To write to AWS: npm run villages:onboard -- --regency ${values.regency} --aws (with AWS_PROFILE/AWS_REGION); for the local runtime, unset TABLE_NAME.`,
  );
  process.exit(2);
}
if (values.aws && !process.env.TABLE_NAME) {
  console.error(
    'villages:onboard: --aws needs TABLE_NAME (the TableName output of the …-Data stack), and AWS credentials and region.',
  );
  process.exit(2);
}
if (values.aws && (process.env.DYNAMODB_ENDPOINT || process.env.S3_ENDPOINT)) {
  console.error('villages:onboard: --aws with DYNAMODB_ENDPOINT/S3_ENDPOINT set: unset the local endpoints.');
  process.exit(2);
}
const local = values.aws ? undefined : await attachLocal(resolve(values['data-dir']));
if (local)
  console.log(
    `villages:onboard: using the ${local.mode === 'attached' ? 'running npm start' : 'embedded servers on .local/'}`,
  );
try {
  if (local?.mode === 'embedded') {
    await ensureTableAndBucket(process.env.DYNAMODB_ENDPOINT ?? '', process.env.S3_ENDPOINT ?? '');
  }
  const result = await onboardRegency(values.regency, (done, total) =>
    process.stdout.write(`\r  writing villages ${done}/${total}`),
  );
  process.stdout.write('\n');
  console.log(
    `${result.regency.name} (${result.regency.code}): ${result.villages} villages in ${result.kecamatan} kecamatan — ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged; ${result.servicesAdded} default services added, ${result.holidays} holidays in the calendar`,
  );
} catch (error) {
  console.error(`villages:onboard failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await local?.release();
}
