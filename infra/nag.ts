/**
 * cdk-nag (AwsSolutions) on every synth, and the helpers our suppressions use. Every suppression in
 * this repository names its exact finding id and says why, next to the construct it concerns.
 */
import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * How cdk-nag names a resource in an IAM5 finding id (its `flattenCfnReference`): `Ref`/`GetAtt`
 * become `<...>`. Our resource names are built from pseudo parameters (infra/names.ts), never
 * imported from another stack, so the rendering is known where the grant is made.
 */
export function flattenForNag(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (Array.isArray(node)) return node.map(flattenForNag).join('');
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record['Fn::Join']) {
      const [separator, parts] = record['Fn::Join'] as [string, unknown[]];
      return parts.map(flattenForNag).join(separator);
    }
    if (record['Fn::Sub']) return flattenForNag(record['Fn::Sub']);
    if (record['Fn::GetAtt']) {
      const [logicalId, attr] = record['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenForNag(logicalId)}.${flattenForNag(attr)}>`;
    }
    if (record['Fn::ImportValue']) return flattenForNag(record['Fn::ImportValue']);
    if (record.Ref) return `<${flattenForNag(record.Ref)}>`;
  }
  return JSON.stringify(node);
}

/** The IAM5 finding id cdk-nag reports for a wildcard resource granted in `scope`'s stack. */
export function wildcardFindingId(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenForNag(Stack.of(scope).resolve(resource))}]`;
}

/** Acknowledge IAM5 for each resource ending in `*` (object ARNs of one bucket of ours and the like). */
export function acknowledgeWildcards(scope: IConstruct, resources: string[], reason: string): void {
  for (const resource of resources) {
    if (resource.endsWith('*'))
      Validations.of(scope).acknowledge({ id: wildcardFindingId(scope, resource), reason });
  }
}
