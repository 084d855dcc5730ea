import { createHash } from 'node:crypto';
import { $add, UpdateItemCommand } from 'dynamodb-toolbox/entity/actions/update';
import { config } from './config';
import { Counter } from './counter';
import { TooManyRequests } from './errors';
import { isConditionFailed } from './table';

/**
 * Fixed-window counters in the table: one atomic ADD per call, gone by TTL after the window.
 * Guard the public, login-free routes (a flood of fake requests into a village's queue, tracking codes
 * tried in bulk) and the local sign-in. `who` is hashed: an IP address is personal data and never
 * stored as is.
 */
export interface Budget {
  scope: string;
  /** the caller's address (hashed before it is stored) */
  who: string;
  limit: number;
  windowSeconds: number;
}

/** Submissions and tracking look-ups: one hour, and ten minutes (the sizes are RATE_LIMIT_* in config.ts). */
export const SUBMIT_WINDOW_SECONDS = 3600;
export const TRACK_WINDOW_SECONDS = 600;

/** The budget of new submissions of one address to one village (both submit routes share it). */
export const submitBudget = (villageCode: string, sourceIp: string): Budget => ({
  scope: `submit#${villageCode}`,
  who: sourceIp,
  limit: config().RATE_LIMIT_SUBMIT,
  windowSeconds: SUBMIT_WINDOW_SECONDS,
});

/** Counts tracking-code look-ups of one address, found or not, whatever the route (track, Open311). */
export const countTrackingLookups = (sourceIp: string, now: Date, lookups = 1) =>
  rateLimit('track', sourceIp, config().RATE_LIMIT_TRACK, TRACK_WINDOW_SECONDS, now, lookups);

/** Counts letter verifications of one address, found or not (`/verifikasi/{token}`). */
export const countVerifications = (sourceIp: string, now: Date) =>
  rateLimit('verify', sourceIp, config().RATE_LIMIT_VERIFY, TRACK_WINDOW_SECONDS, now);

function windowOf(b: Budget, now: Date) {
  const window = Math.floor(now.getTime() / 1000 / b.windowSeconds);
  const subject = createHash('sha256').update(b.who).digest('base64url').slice(0, 22);
  return {
    name: `rate#${b.scope}#${subject}#${window}`,
    expiresAt: (window + 2) * b.windowSeconds,
    retryAfter: Math.max(1, (window + 1) * b.windowSeconds - Math.floor(now.getTime() / 1000)),
  };
}

/**
 * The counter's update, for `send()` (or `.params()`, which the bench sends raw). `capped`: only if the
 * window has room left for `amount` (a condition on the counter), so a refused call adds nothing.
 */
export function counterUpdate(b: Budget, now: Date, amount = 1, capped = false) {
  const { name, expiresAt } = windowOf(b, now);
  const update = Counter.build(UpdateItemCommand).item({ name, value: $add(amount), expiresAt });
  return capped
    ? update.options({
        condition: {
          or: [
            { attr: 'value', exists: false },
            { attr: 'value', lte: b.limit - amount },
          ],
        },
      })
    : update.options({ returnValues: 'ALL_NEW' });
}

/** Counts every call, refused or not (sign-ins, registrations, tracking look-ups): 429 past the limit. */
export async function rateLimit(
  scope: string,
  who: string,
  limit: number,
  windowSeconds: number,
  now: Date,
  amount = 1,
) {
  const budget = { scope, who, limit, windowSeconds };
  const { Attributes } = await counterUpdate(budget, now, amount).send();
  if ((Attributes?.value ?? 0) > limit) throw new TooManyRequests(windowOf(budget, now).retryAfter);
}

/**
 * Takes one from a budget of accepted actions (new submissions), or answers 429 when none is left; the
 * counter never goes past the limit. Answers the give-back, for an action that turned out not to count
 * (a retry that raced its twin, a failure): best effort, a lost give-back only costs the caller one.
 */
export async function takeFromBudget(b: Budget, now: Date): Promise<() => Promise<void>> {
  try {
    await counterUpdate(b, now, 1, true).send();
  } catch (error) {
    if (isConditionFailed(error)) throw new TooManyRequests(windowOf(b, now).retryAfter);
    throw error;
  }
  const { name } = windowOf(b, now);
  return async () => {
    await Counter.build(UpdateItemCommand)
      .item({ name, value: $add(-1) })
      .options({ condition: { attr: 'value', gt: 0 } })
      .send()
      .catch(() => {});
  };
}
