/**
 * The route table's staff accounts (issue 15): a regency admin lists, creates, disables and enables
 * the officer and camat accounts of their regency (./index.ts assembles the table).
 */
import type { Route } from './route';

export const accountRoutes = [
  {
    id: 'accounts.list',
    method: 'GET',
    path: '/regency/{code}/accounts',
    handler: 'accounts/handlers/list',
    auth: { roles: { 'regency-admin': 'regency' } },
    table: 'read',
    summary: "The regency's officer and camat accounts (filter by kecamatan or village)",
  },
  {
    id: 'accounts.create',
    method: 'POST',
    path: '/regency/{code}/accounts',
    handler: 'accounts/handlers/create',
    auth: { roles: { 'regency-admin': 'regency' } },
    table: 'write',
    staffAccounts: 'write',
    summary: "Create an officer's or a camat's account (an invitation with a temporary password)",
  },
  {
    id: 'accounts.disable',
    method: 'POST',
    path: '/regency/{code}/accounts/{username}/disable',
    handler: 'accounts/handlers/disable',
    auth: { roles: { 'regency-admin': 'regency' } },
    table: 'write',
    staffAccounts: 'write',
    summary: 'Disable an account (and sign it out everywhere)',
  },
  {
    id: 'accounts.enable',
    method: 'POST',
    path: '/regency/{code}/accounts/{username}/enable',
    handler: 'accounts/handlers/enable',
    auth: { roles: { 'regency-admin': 'regency' } },
    table: 'write',
    staffAccounts: 'write',
    summary: 'Enable a disabled account again',
  },
] as const satisfies readonly Route[];
