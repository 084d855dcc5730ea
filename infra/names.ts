/**
 * Physical names of the stateful resources, derived from the regency code alone.
 *
 * The data stack creates them; every other stack refers to them by these names instead of through
 * CloudFormation exports. So the stateless stacks can be changed, replaced or deleted without ever
 * touching (or being blocked by) the data stack, and grants render the same in every stack.
 */
import { Aws } from 'aws-cdk-lib';

export type BucketKind = 'uploads' | 'letters' | 'photos' | 'site' | 'logs';

export interface ResourceNames {
  /** prefix of stack names, e.g. `SmartKampung-3510` */
  stackPrefix: string;
  table: string;
  bucket(kind: BucketKind): string;
}

export function resourceNames(regencyCode: string): ResourceNames {
  const compact = regencyCode.replace(/\D/g, '');
  return {
    stackPrefix: `SmartKampung-${compact}`,
    table: `smart-kampung-${compact}`,
    // bucket names are global: account and region make them unique (≤ 63 characters)
    bucket: (kind) => `smart-kampung-${compact}-${kind}-${Aws.ACCOUNT_ID}-${Aws.REGION}`,
  };
}
