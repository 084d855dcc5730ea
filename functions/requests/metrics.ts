/**
 * The custom metric of overdue requests (open past their promised due time): published by
 * handlers/overdue-metric.ts, alarmed on by the operations stack. Pure data, readable by the CDK app.
 */
export const overdueMetric = {
  namespace: 'SmartKampung',
  metricName: 'OverdueRequests',
  dimension: 'Regency',
} as const;
