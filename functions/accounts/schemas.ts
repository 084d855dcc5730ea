import { PageQuery } from '../lib/paging';
import * as z from '../lib/zod';
import { KecamatanCode, VillageCode } from '../villages/schemas';

export const RegencyCode = z.string().check(z.regex(/^\d{2}\.\d{2}$/, 'field.invalid'));

/** An account's username: its e-mail address, lower-cased. */
export const Username = z.pipe(
  z.string().check(z.maxLength(254, 'field.too_long'), z.email('field.email')),
  z.transform((s: string) => s.toLowerCase()),
);

export const AccountsParams = z.object({ code: RegencyCode });
export const AccountParams = z.object({ code: RegencyCode, username: Username });

export const AccountsQuery = z.object({
  village: z.optional(VillageCode),
  kecamatan: z.optional(KecamatanCode),
  ...PageQuery,
});

export const NewAccount = z.object({
  email: Username,
  displayName: z
    .string({ error: 'field.required' })
    .check(z.trim(), z.minLength(2, 'field.too_short'), z.maxLength(80, 'field.too_long')),
  role: z.enum(['village-officer', 'kecamatan-officer'], { error: 'field.account_role' }),
  villageCode: z.optional(VillageCode),
  kecamatanCode: z.optional(KecamatanCode),
});
export type NewAccount = z.infer<typeof NewAccount>;

export const AccountView = z.object({
  username: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['village-officer', 'kecamatan-officer']),
  regencyCode: z.string(),
  kecamatanCode: z.string(),
  villageCode: z.optional(z.string()),
  status: z.enum(['creating', 'active', 'disabled']),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const AccountsPage = z.object({ items: z.array(AccountView), cursor: z.nullable(z.string()) });

export const CreatedAccount = z.object({
  account: AccountView,
  /** local runtime only: the temporary password, answered once (Cognito e-mails it on AWS) */
  temporaryPassword: z.optional(z.string()),
});
