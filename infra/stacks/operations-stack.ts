import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IProject } from 'aws-cdk-lib/aws-codebuild';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { overdueMetric } from '../../functions/requests/metrics';
import { tableBinding } from '../access';
import { functionSpec } from '../bundles';
import type { InfraConfig } from '../config';
import { specFunction } from '../constructs/lambda';
import type { ResourceNames } from '../names';

export interface OperationsStackProps extends StackProps {
  config: InfraConfig;
  names: ResourceNames;
  api: HttpApi;
  functions: IFunction[];
  deadLetterQueues: Record<string, IQueue>;
  table: ITable;
  /** the CodeBuild project that publishes village sites */
  siteBuild: IProject;
  /** the function that dispatches out-of-date villages to it every minute */
  dispatcher: IFunction;
}

/**
 * The custom metric of overdue requests (open past their SLA due time). Published as CloudWatch
 * embedded metric format by functions/requests/handlers/overdue-metric.ts (every 15 minutes).
 */
export { overdueMetric };

/** Alarms (to e-mail when `alarmEmail` is set) and one dashboard. A handful of alarms: they cost money even idle. */
export class OperationsStack extends Stack {
  readonly alarms: Alarm[] = [];
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OperationsStackProps) {
    super(scope, id, props);
    const { config, names, api } = props;

    // the overdue-requests metric: counted every 15 minutes by key queries, published as a log line (EMF)
    const overdueCounter = specFunction(
      this,
      functionSpec('overdue-metric'),
      {
        description: `Counts open requests past their due time → ${overdueMetric.namespace}/${overdueMetric.metricName}`,
        environment: { REGENCY_CODE: config.regencyCode },
      },
      { table: tableBinding(props.table, config.regencyCode) },
    );
    new Rule(this, 'CountOverdueRequests', {
      description: 'Publish the overdue-requests metric',
      schedule: Schedule.rate(Duration.minutes(15)),
      targets: [new LambdaFunction(overdueCounter, { retryAttempts: 0 })],
    });

    this.topic = new Topic(this, 'Alarms', {
      displayName: `Smart Kampung ${config.regencyCode} alarms`,
      enforceSSL: true,
    });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry no personal data; CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a customer key costs more than the idle system',
    });
    if (config.alarmEmail) this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (id: string, props: ConstructorParameters<typeof Alarm>[2]) => {
      const created = new Alarm(this, id, { treatMissingData: TreatMissingData.NOT_BREACHING, ...props });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    const fiveMinutes = Duration.minutes(5);
    const serverErrors = api.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    alarm('Api5xx', {
      alarmDescription: 'The API answered 5xx (a handler failed or timed out)',
      metric: serverErrors,
      threshold: 5,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    // the regency's account runs only this system: the account-wide Lambda metric is ours
    const throttles = new Metric({
      namespace: 'AWS/Lambda',
      metricName: 'Throttles',
      period: fiveMinutes,
      statistic: 'Sum',
    });
    alarm('LambdaThrottles', {
      alarmDescription: 'Lambda invocations were throttled (concurrency limit reached)',
      metric: throttles,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(`${name}DeadLetters`, {
        alarmDescription: `Messages in the ${name} dead-letter queue: work that failed after its retries`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    // HTTP APIs publish 4xx, 5xx, Count, Latency, IntegrationLatency and DataProcessed — no throttle metric:
    // a throttled request (429) counts in 4xx. So: alarm when 4xx become a large share of a real volume
    // (stage throttling, or a client hammering a broken call); the access log's status tells 429 apart.
    const requests = api.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    const clientErrors = api.metricClientError({ period: fiveMinutes, statistic: 'Sum' });
    const clientErrorRate = new MathExpression({
      label: '4xx % of requests (≥ 100 requests)',
      expression: 'IF(requests >= 100, 100 * clientErrors / requests, 0)',
      usingMetrics: { requests, clientErrors },
      period: fiveMinutes,
    });
    alarm('Api4xxRate', {
      alarmDescription:
        'Over a quarter of API requests answered 4xx for 10 minutes: throttling (429, the stage limit) or a broken client. HTTP APIs have no separate throttle metric',
      metric: clientErrorRate,
      threshold: 25,
      evaluationPeriods: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });

    // publishing: a failed site build leaves a village's site stale until a build succeeds
    const failedBuilds = props.siteBuild.metricFailedBuilds({ period: Duration.hours(1), statistic: 'Sum' });
    alarm('SiteBuildFailures', {
      alarmDescription:
        'A village site build failed (CodeBuild FailedBuilds): its site stays stale; the build log names the village',
      metric: failedBuilds,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    const dispatcherErrors = props.dispatcher.metricErrors({
      period: Duration.minutes(15),
      statistic: 'Sum',
    });
    alarm('DispatcherErrors', {
      alarmDescription:
        'The site dispatcher failed 3 times in 15 minutes: changed villages are not being published',
      metric: dispatcherErrors,
      threshold: 3,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    const overdue = new Metric({
      namespace: overdueMetric.namespace,
      metricName: overdueMetric.metricName,
      dimensionsMap: { [overdueMetric.dimension]: config.regencyCode },
      period: Duration.hours(1),
      statistic: 'Maximum',
    });
    alarm('OverdueRequests', {
      alarmDescription: 'Citizen requests are open past their service-level due time',
      metric: overdue,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    const perFunction = (metricName: string) =>
      props.functions
        .slice(0, 50)
        .map((fn) => fn.metric(metricName, { period: fiveMinutes, statistic: 'Sum' }));
    const totalOf = (label: string, metrics: Metric[]) =>
      new MathExpression({
        label,
        expression: metrics.map((_, i) => `m${i}`).join(' + ') || '0',
        usingMetrics: Object.fromEntries(metrics.map((metric, i) => [`m${i}`, metric])),
        period: fiveMinutes,
      });

    new Dashboard(this, 'Dashboard', {
      dashboardName: `${names.stackPrefix}-operations`,
      widgets: [
        [new TextWidget({ markdown: `# Smart Kampung ${config.regencyCode}`, width: 24, height: 1 })],
        [
          new GraphWidget({
            title: 'API requests and errors',
            left: [
              api.metricCount({ period: fiveMinutes }),
              api.metricClientError({ period: fiveMinutes }),
              serverErrors,
            ],
            width: 12,
          }),
          new GraphWidget({
            title: 'API latency (p50, p99)',
            left: [
              api.metricLatency({ period: fiveMinutes, statistic: 'p50' }),
              api.metricLatency({ period: fiveMinutes, statistic: 'p99' }),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Lambda errors and throttles (all functions)',
            left: [totalOf('errors', perFunction('Errors')), throttles],
            width: 12,
          }),
          new GraphWidget({
            title: 'DynamoDB consumed capacity',
            left: [
              props.table.metricConsumedReadCapacityUnits({ period: fiveMinutes }),
              props.table.metricConsumedWriteCapacityUnits({ period: fiveMinutes }),
            ],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Site builds (CodeBuild) and dispatcher errors',
            left: [
              props.siteBuild.metricBuilds({ period: Duration.hours(1), statistic: 'Sum' }),
              failedBuilds,
            ],
            right: [dispatcherErrors],
            width: 12,
          }),
          new GraphWidget({
            title: 'API 4xx share (throttled 429s count here)',
            left: [clientErrorRate],
            width: 12,
          }),
        ],
        [
          new SingleValueWidget({ title: 'Overdue requests', metrics: [overdue], width: 12 }),
          new GraphWidget({
            title: 'Dead-letter queues',
            left: Object.values(props.deadLetterQueues).map((queue) =>
              queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
            ),
            width: 12,
          }),
        ],
      ],
    });
  }
}
