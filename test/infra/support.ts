import { App } from 'aws-cdk-lib';
import { expect } from 'vitest';
import { readConfig } from '../../infra/config';
import { addNagChecks } from '../../infra/nag';
import { createStacks, type SmartKampung } from '../../infra/smart-kampung';

/**
 * The whole app as `cdk synth` builds it, minus bundling (`aws:cdk:bundling-stacks: []`): the
 * templates are the same, only the code assets are left unbuilt.
 */
export function buildApp(context: Record<string, unknown> = {}): { app: App; stacks: SmartKampung } {
  const app = new App({
    context: {
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/core:defaultCrossStackReferences': 'strong',
      regencyCode: '35.10',
      ...context,
    },
  });
  const stacks = createStacks(app, readConfig(app.node));
  addNagChecks(app);
  return { app, stacks };
}

/** A template's resources of one type, by logical id. */
export function resourcesOfType(
  template: { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> },
  type: string,
): [string, Record<string, unknown>][] {
  return Object.entries(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => [id, resource.Properties ?? {}]);
}

/**
 * Some resource of `type` matches `shape` (vitest `toMatchObject` semantics: partial, recursive,
 * asymmetric matchers allowed). `whole: true` matches the resource (DeletionPolicy, ...), else its Properties.
 */
export function hasResource(
  template: { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> },
  type: string,
  shape: Record<string, unknown>,
  { whole = false } = {},
): boolean {
  return Object.values(template.Resources ?? {})
    .filter((resource) => resource.Type === type)
    .some((resource) => {
      try {
        expect(whole ? resource : (resource.Properties ?? {})).toMatchObject(shape);
        return true;
      } catch {
        return false;
      }
    });
}
