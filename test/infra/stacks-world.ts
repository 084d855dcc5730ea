/**
 * The synthesized stacks the template tests (test/infra/stacks*.test.ts) assert on, built once per
 * test file, and the ARNs and matchers they share.
 */
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, expect } from 'vitest';
import { Env } from '../../functions/lib/config';
import type { SmartKampung } from '../../infra/smart-kampung';
import { buildApp, hasResource } from './support';

/** Registers this world's hooks: call it once at the top level of a test file that uses it. */
export function useStacks(): void {
  beforeAll(setUp);
}

/** Assertions with vitest matchers (CDK's own `Template` wants its `Match` helpers instead). */
export function resourceMatcher(template: Json) {
  return {
    hasResourceProperties(type: string, shape: Json) {
      expect(hasResource(template, type, shape), `a ${type} like ${JSON.stringify(shape)}`).toBe(true);
    },
    hasResource(type: string, shape: Json) {
      expect(
        hasResource(template, type, shape, { whole: true }),
        `a ${type} like ${JSON.stringify(shape)}`,
      ).toBe(true);
    },
  };
}
export const expectResource = (template: Json, type: string, shape: Json) =>
  resourceMatcher(template).hasResourceProperties(type, shape);

export type Json = Record<string, unknown>;
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export let stacks: SmartKampung;
export let templates: Record<keyof SmartKampung, Json>;

/** every variable functions/lib/config.ts reads */
export const configShape = Env.shape;
export const allTemplates = () => Object.values(templates);
export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
export const tableArn =
  'arn:<AWS::Partition>:dynamodb:<AWS::Region>:<AWS::AccountId>:table/smart-kampung-3510';
export const bucketArn = (kind: string) =>
  `arn:<AWS::Partition>:s3:::smart-kampung-3510-${kind}-<AWS::AccountId>-<AWS::Region>`;
export const bucketObjects = (kind: string) => `${bucketArn(kind)}/*`;
/** the SitesStack's distribution, as the ApiStack imports it (its id is the Sites stack's export) */
export const distributionArn =
  'arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/<distribution>';
export const namedDistribution = (flat: string) =>
  flat.replace(
    /distribution\/SmartKampung-3510-Sites:ExportsOutputRefDistribution[0-9A-F]{8,}$/,
    'distribution/<distribution>',
  );

function setUp() {
  ({ stacks } = buildApp());
  templates = Object.fromEntries(
    Object.entries(stacks).map(([name, stack]) => [name, Template.fromStack(stack as Stack).toJSON()]),
  ) as Record<keyof SmartKampung, Json>;
}
