import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/nag';
import { buildApp } from './support';

interface Report {
  pluginReports: { summary?: { status?: string }; violations?: { ruleName: string; severity?: string }[] }[];
}

/** Synthesizes (which throws when a check fails) and reads the validation report it wrote. */
function synthReport(app: App): Report {
  const file = join(app.outdir, 'validation-report.json');
  try {
    app.synth();
  } catch (error) {
    if (!existsSync(file)) throw error;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Report;
}

const outdir = () => mkdtempSync(join(tmpdir(), 'sk-nag-'));

function violations(report: Report): string[] {
  return report.pluginReports.flatMap((plugin) => (plugin.violations ?? []).map((v) => v.ruleName));
}

describe('cdk-nag AwsSolutions checks', () => {
  it('report a finding on an unprotected bucket (the checks do run)', () => {
    const app = new App({ outdir: outdir(), context: { 'aws:cdk:bundling-stacks': [] } });
    new Bucket(new Stack(app, 'Careless'), 'Bucket');
    addNagChecks(app);
    expect(violations(synthReport(app))).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
  });

  it('find nothing unacknowledged in the default deployment', () => {
    const { app } = buildApp();
    expect(violations(synthReport(app))).toEqual([]);
  });

  it('find nothing unacknowledged with the site build on Lambda compute', () => {
    const { app } = buildApp({ buildCompute: 'lambda' });
    expect(violations(synthReport(app))).toEqual([]);
  });

  it('find nothing unacknowledged with a domain, certificate, aliases and alarm e-mail', () => {
    const { app } = buildApp({
      siteDomain: 'desa.banyuwangikab.go.id',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      villageAliases: { 'tamansari.desa.id': 'tamansari-licin' },
      alarmEmail: 'ops@banyuwangikab.go.id',
    });
    expect(violations(synthReport(app))).toEqual([]);
  });
});
