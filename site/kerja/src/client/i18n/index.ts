/** The workspace's words: one table per language (id.ts, en.ts), the same keys in both. */
import type { Lang } from '../routes';
import { en } from './en';
import { id, type Strings } from './id';

export type { Strings };
export const strings: Record<Lang, Strings> = { id, en };
