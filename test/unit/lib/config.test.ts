/**
 * The configuration is read on first use (functions/lib/config.ts), and every function reads it once
 * at import: a bad environment fails the cold start, and nothing else reads it at import — which is
 * what lets the local runtime load the functions before its servers listen.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { config, resetConfig } from '../../../functions/lib/config';
import { routes } from '../../../functions/routes';
import { functionSpecs, handlerEntry, repoRoot } from '../../../infra/bundles';

const saved = process.env.API_URL;
afterAll(() => {
  if (saved === undefined) delete process.env.API_URL;
  else process.env.API_URL = saved;
  resetConfig();
});

describe('config()', () => {
  it('reads process.env on first use and keeps what it read until resetConfig()', () => {
    process.env.API_URL = 'http://first.example';
    resetConfig();
    expect(config().API_URL).toBe('http://first.example');
    process.env.API_URL = 'http://second.example';
    expect(config().API_URL).toBe('http://first.example');
    expect(config()).toBe(config());
    resetConfig();
    expect(config().API_URL).toBe('http://second.example');
  });

  it('names the variable that is wrong', () => {
    process.env.API_URL = 'not a url';
    resetConfig();
    expect(() => config()).toThrow(/invalid environment: API_URL/);
  });
});

describe('reading the configuration at import', () => {
  // what Lambda loads: every route's handler module (the local-only ones too) and the other functions'
  const handlers = [...routes.map((r) => r.handler), ...functionSpecs().map((spec) => spec.handler)];
  const entries = new Set(handlers.map((handler) => handlerEntry(handler).entry));
  const functionsDir = resolve(repoRoot, 'functions');
  const modules = readdirSync(functionsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(functionsDir, f))
    .filter((file) => !entries.has(file));

  it('no module but a function entry reads it at import (clients are made on first use)', async () => {
    process.env.API_URL = 'not a url';
    resetConfig();
    const failed: string[] = [];
    for (const file of modules) {
      try {
        await import(file);
      } catch (error) {
        failed.push(`${relative(repoRoot, file)}: ${(error as Error).message}`);
      }
    }
    expect(failed).toEqual([]);
  });

  it('every function fails its cold start on an invalid environment, naming the variable', async () => {
    process.env.API_URL = 'not a url';
    resetConfig();
    const started: string[] = [];
    for (const entry of entries) {
      try {
        await import(entry);
        started.push(relative(repoRoot, entry));
      } catch (error) {
        expect((error as Error).message, relative(repoRoot, entry)).toMatch(/invalid environment: API_URL/);
      }
    }
    expect(started).toEqual([]);
  });
});
