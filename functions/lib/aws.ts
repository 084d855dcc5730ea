import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Config, config } from './config';

/**
 * Clients are made once per container, on first use (nothing at import: the local runtime loads the
 * functions before its servers listen), and pointed at local servers by config only.
 */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

let made: { from: Config; dynamo: DynamoDBClient; documentClient: DynamoDBDocumentClient } | undefined;

function clients() {
  const current = config();
  // a configuration read again (resetConfig: the local runtime, tests) gets clients of its own
  if (made?.from !== current) made = { from: current, ...makeClients(current) };
  return made;
}

/** The DynamoDB client of this container. */
export const dynamo = (): DynamoDBClient => clients().dynamo;

/** The document client (plain JavaScript values) over `dynamo()`. */
export const documentClient = (): DynamoDBDocumentClient => clients().documentClient;

function makeClients(c: Config) {
  const dynamo = new DynamoDBClient({
    region: c.AWS_REGION,
    ...(c.DYNAMODB_ENDPOINT ? { endpoint: c.DYNAMODB_ENDPOINT } : {}),
    ...(c.DYNAMODB_ENDPOINT ? { credentials: localCredentials } : {}),
  });
  /**
   * Request paths use keys and indexes only. The client itself refuses a Scan, so one slipped into a
   * handler fails every test that reaches it instead of quietly reading the whole table in production.
   */
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ScanCommand')
        throw new Error('Scan is not allowed: use a key or an index');
      return next(args);
    },
    { step: 'initialize', name: 'forbidScan' },
  );
  const documentClient = DynamoDBDocumentClient.from(dynamo, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
  return { dynamo, documentClient };
}
