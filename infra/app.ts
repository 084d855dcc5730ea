/**
 * `npx cdk synth` / `npx cdk deploy --all` entry (cdk.json). Settings come from context:
 * `-c regencyCode=35.10 -c siteDomain=desa.example.go.id -c certificateArn=arn:... -c alarmEmail=...`
 */
import { App } from 'aws-cdk-lib';
import { missingHandlers } from './bundles';
import { readConfig } from './config';
import { addNagChecks } from './nag';
import { createStacks } from './smart-kampung';

const app = new App();
const config = readConfig(app.node);

const missing = missingHandlers();
if (missing.length > 0) {
  console.warn(
    `[smart-kampung] WARNING: ${missing.length} handler module(s) do not exist yet and deploy as a stand-in answering 501:\n` +
      missing.map((handler) => `  functions/${handler}.ts`).join('\n'),
  );
}

createStacks(app, config);
addNagChecks(app);
app.synth();
