import { createHash } from 'node:crypto';
import { $add, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { TooManyRequests } from './errors';
import { Counter } from './table';

/**
 * A fixed-window counter in the table: one atomic ADD per call, gone by TTL after the window.
 * Guards the public, login-free routes (a flood of fake requests into a village's queue) and the local
 * sign-in. `who` is hashed: an IP address is personal data and never stored as is.
 */
export async function rateLimit(scope: string, who: string, limit: number, windowSeconds: number, now: Date) {
  const window = Math.floor(now.getTime() / 1000 / windowSeconds);
  const subject = createHash('sha256').update(who).digest('base64url').slice(0, 22);
  const { Attributes } = await Counter.build(UpdateItemCommand)
    .item({
      name: `rate#${scope}#${subject}#${window}`,
      value: $add(1),
      expiresAt: (window + 2) * windowSeconds,
    })
    .options({ returnValues: 'ALL_NEW' })
    .send();
  if ((Attributes?.value ?? 0) > limit) {
    const retryAfter = (window + 1) * windowSeconds - Math.floor(now.getTime() / 1000);
    throw new TooManyRequests(Math.max(1, retryAfter));
  }
}
