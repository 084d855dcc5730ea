import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clientSettings, fromConfig } from './config';

/**
 * Clients are made once per container, on first use (nothing at import: the local runtime loads the
 * functions before its servers listen), and pointed at local servers by config only (clientSettings).
 * The other services' clients live in their own modules (s3-objects.ts, s3-links.ts, sqs-messages.ts,
 * cdn-invalidation.ts), so a bundle carries only the clients its function uses.
 */
export const dynamo = fromConfig((c) => {
  const client = new DynamoDBClient(clientSettings(c.DYNAMODB_ENDPOINT));
  /**
   * Request paths use keys and indexes only. The client itself refuses a Scan, so one slipped into a
   * handler fails every test that reaches it instead of quietly reading the whole table in production.
   */
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ScanCommand')
        throw new Error('Scan is not allowed: use a key or an index');
      return next(args);
    },
    { step: 'initialize', name: 'forbidScan' },
  );
  return client;
});

/** The document client (plain JavaScript values) over `dynamo()`. */
export const documentClient = fromConfig(() =>
  DynamoDBDocumentClient.from(dynamo(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  }),
);
