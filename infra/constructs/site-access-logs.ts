/**
 * CloudFront access logs for a distribution deployed from any region, including the opt-in ones
 * (ap-southeast-3, Jakarta): CloudFront standard logging v2 (CloudWatch Logs vended delivery) to an S3
 * bucket in the deployment's own region.
 *
 * Why not the distribution's `Logging` property (standard logging, legacy): legacy logs cannot be
 * delivered to buckets in several opt-in regions, and the regency's logs bucket lives in its region.
 * Why not `AWS::Logs::DeliverySource` & co. in this stack: for CloudFront the CloudWatch Logs delivery
 * API must be called in us-east-1 ("PutDeliverySource action is not supported for this LogType in
 * region …" elsewhere), and CloudFormation only creates resources in the stack's own region. Our
 * stacks are environment-agnostic (no account/region at synth), so a separate us-east-1 stack could
 * not receive the distribution's ARN. Hence three SDK calls against us-east-1 from this stack:
 * PutDeliverySource (the distribution), PutDeliveryDestination (the bucket), CreateDelivery.
 *
 * The bucket policy letting `delivery.logs.amazonaws.com` write is the data stack's
 * (`cloudFrontLogsPrefix`); the logs land under `AWSLogs/<account>/CloudFront/`.
 */
import { ArnFormat, Aws, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  type AwsSdkCall,
  PhysicalResourceId,
  PhysicalResourceIdReference,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledgeWildcards } from '../nag';

/** CloudFront's vended-log delivery API answers only in this region. */
export const CLOUDFRONT_LOG_DELIVERY_REGION = 'us-east-1';
/** W3C: the same fields and layout as the legacy standard logs (tools that read those keep working). */
export const SITE_LOG_FORMAT = 'w3c';

export interface SiteAccessLogsProps {
  distribution: IDistribution;
  /** name of the bucket that receives the logs (any region, including opt-in ones) */
  bucketName: string;
  /** unique per account: names the delivery source and destination */
  name: string;
}

export class SiteAccessLogs extends Construct {
  constructor(scope: Construct, id: string, props: SiteAccessLogsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = CLOUDFRONT_LOG_DELIVERY_REGION;
    const sourceName = `${props.name}-source`;
    const destinationName = `${props.name}-s3`;
    const logsArn = (resource: string, resourceName: string) =>
      stack.formatArn({
        service: 'logs',
        region,
        resource,
        resourceName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    const sourceArn = logsArn('delivery-source', sourceName);
    const destinationArn = logsArn('delivery-destination', destinationName);
    const deliveries = logsArn('delivery', '*');
    const bucketArn = `arn:${Aws.PARTITION}:s3:::${props.bucketName}`;

    const call = (action: string, parameters: Record<string, unknown>, physical?: PhysicalResourceId) =>
      ({
        service: 'CloudWatchLogs',
        action,
        region,
        parameters,
        ...(physical ? { physicalResourceId: physical } : {}),
      }) satisfies AwsSdkCall;
    const logGroup = new LogGroup(this, 'CallLogs', { retention: RetentionDays.ONE_MONTH });
    const common = { installLatestAwsSdk: false, logGroup };

    const source = new AwsCustomResource(this, 'Source', {
      ...common,
      onUpdate: call(
        'putDeliverySource',
        { name: sourceName, resourceArn: props.distribution.distributionArn, logType: 'ACCESS_LOGS' },
        PhysicalResourceId.of(sourceName),
      ),
      onDelete: call('deleteDeliverySource', { name: sourceName }),
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          actions: ['logs:PutDeliverySource', 'logs:GetDeliverySource', 'logs:DeleteDeliverySource'],
          resources: [sourceArn],
        }),
        // CloudFront's own consent to vend this distribution's logs
        new PolicyStatement({
          actions: ['cloudfront:AllowVendedLogDeliveryForResource'],
          resources: [props.distribution.distributionArn],
        }),
      ]),
    });

    const destination = new AwsCustomResource(this, 'Destination', {
      ...common,
      onUpdate: call(
        'putDeliveryDestination',
        {
          name: destinationName,
          outputFormat: SITE_LOG_FORMAT,
          deliveryDestinationConfiguration: { destinationResourceArn: bucketArn },
        },
        PhysicalResourceId.of(destinationName),
      ),
      onDelete: call('deleteDeliveryDestination', { name: destinationName }),
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          actions: [
            'logs:PutDeliveryDestination',
            'logs:GetDeliveryDestination',
            'logs:DeleteDeliveryDestination',
          ],
          resources: [destinationArn],
        }),
      ]),
    });

    // created once (CreateDelivery is not idempotent); source and destination update in place
    const delivery = new AwsCustomResource(this, 'Delivery', {
      ...common,
      onCreate: call(
        'createDelivery',
        { deliverySourceName: sourceName, deliveryDestinationArn: destinationArn },
        PhysicalResourceId.fromResponse('delivery.id'),
      ),
      onDelete: call('deleteDelivery', { id: new PhysicalResourceIdReference() }),
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          actions: ['logs:CreateDelivery', 'logs:GetDelivery', 'logs:DeleteDelivery'],
          resources: [deliveries, sourceArn, destinationArn],
        }),
        // the delivery checks the destination bucket's policy (which the data stack owns)
        new PolicyStatement({ actions: ['s3:GetBucketPolicy'], resources: [bucketArn] }),
      ]),
    });
    // deleted first, created last
    delivery.node.addDependency(source, destination);

    for (const resource of [source, destination, delivery]) {
      acknowledgeWildcards(
        resource,
        [deliveries],
        'Delivery ids are generated by CloudWatch Logs; only deliveries of this account in us-east-1',
      );
    }
    // the singleton function all AwsCustomResources of this stack share: Graviton like every function of ours
    const provider = stack.node.tryFindChild(
      `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
    );
    const cfnProvider = provider?.node.defaultChild as CfnFunction | undefined;
    if (provider && cfnProvider) {
      cfnProvider.addPropertyOverride('Architectures', ['arm64']);
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The CDK AwsCustomResource provider writes its own logs with the basic execution role',
      });
    }
  }
}
