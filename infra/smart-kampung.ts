/**
 * The whole system for one regency, as stacks split by lifecycle:
 *
 *   Data (never destroyed)   ← Auth, Sites, Api (by resource name, not by export)
 *   Auth ──user pool──▶ Api ◀──site URL, distribution id── Sites
 *   Api, Sites ──API URL, distribution──▶ Publish
 *   Operations watches Api and Publish
 *
 * Stateful resources are referred to by name (infra/names.ts), so the only CloudFormation exports
 * are between stateless stacks.
 */
import type { App } from 'aws-cdk-lib';
import { Table as DynamoTable } from 'aws-cdk-lib/aws-dynamodb';
import type { InfraConfig } from './config';
import { resourceNames } from './names';
import { ApiStack } from './stacks/api-stack';
import { AuthStack, customAttributes } from './stacks/auth-stack';
import { DataStack } from './stacks/data-stack';
import { OperationsStack } from './stacks/operations-stack';
import { PublishStack } from './stacks/publish-stack';
import { SitesStack } from './stacks/sites-stack';

export interface SmartKampung {
  data: DataStack;
  auth: AuthStack;
  sites: SitesStack;
  api: ApiStack;
  publish: PublishStack;
  operations: OperationsStack;
}

export function createStacks(app: App, config: InfraConfig): SmartKampung {
  const names = resourceNames(config.regencyCode);
  // environment-agnostic: the same template for every account and region (the deploying profile
  // decides), and synth never needs credentials
  const common = { config, names };
  const prefix = names.stackPrefix;
  const description = (what: string) => `Smart Kampung ${config.regencyCode}: ${what}`;

  const data = new DataStack(app, `${prefix}-Data`, {
    ...common,
    description: description('table and buckets (retained)'),
    terminationProtection: true,
  });
  const auth = new AuthStack(app, `${prefix}-Auth`, { ...common, description: description('Cognito users') });
  const sites = new SitesStack(app, `${prefix}-Sites`, { ...common, description: description('CloudFront') });
  sites.addStackDependency(data, 'serves the site and photos buckets');
  const api = new ApiStack(app, `${prefix}-Api`, {
    ...common,
    description: description('HTTP API and functions'),
    userPool: auth.userPool,
    userPoolClient: auth.client,
    loginDomain: auth.domain,
    customAttributes,
    siteUrl: sites.siteUrl,
    distributionId: sites.distribution.distributionId,
  });
  api.addStackDependency(data, 'functions use the table and buckets');
  const publish = new PublishStack(app, `${prefix}-Publish`, {
    ...common,
    description: description('site publisher'),
    distributionId: sites.distribution.distributionId,
    siteUrl: sites.siteUrl,
    apiUrl: api.api.apiEndpoint,
  });
  const operations = new OperationsStack(app, `${prefix}-Operations`, {
    ...common,
    description: description('alarms and dashboard'),
    api: api.api,
    functions: [...api.functions.values()],
    deadLetterQueues: {
      Photo: api.photoDeadLetterQueue,
      Letter: api.letterDeadLetterQueue,
      Publish: publish.deadLetterQueue,
    },
    siteBuild: publish.project,
    dispatcher: publish.dispatcher,
    table: DynamoTable.fromTableName(api, 'TableForOperations', names.table),
  });
  operations.addStackDependency(data);
  return { data, auth, sites, api, publish, operations };
}
