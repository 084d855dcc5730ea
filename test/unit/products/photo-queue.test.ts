import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_RECEIVES } from '../../../functions/products/photo-limits';

describe('the photo processor gives up on the queue’s last delivery', () => {
  it('PHOTO_MAX_RECEIVES is the PhotoQueue’s maxReceiveCount (infra/stacks/api-stack.ts)', () => {
    const stack = readFileSync(new URL('../../../infra/stacks/api-stack.ts', import.meta.url), 'utf8');
    const declared =
      /deadLetterQueue:\s*\{\s*queue:\s*this\.photoDeadLetterQueue,\s*maxReceiveCount:\s*(\d+)/.exec(stack);
    expect(declared?.[1]).toBe(String(PHOTO_MAX_RECEIVES));
  });
});
