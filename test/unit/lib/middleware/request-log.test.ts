/**
 * The request log (lib/middleware/request-log.ts): one line per request with the route, the request
 * id, the status and the milliseconds; an unexpected error adds its name and code, never its message,
 * and nothing the client sent is ever written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../../functions/lib/contract';
import { NotFound } from '../../../../functions/lib/errors';
import { endpoint, json } from '../../../../functions/lib/http';
import { logOutput } from '../../../../functions/lib/log';
import * as z from '../../../../functions/lib/zod';
import { event } from './support';

const lines: Record<string, unknown>[] = [];
const saved = { ...logOutput };
beforeEach(() => {
  lines.length = 0;
  logOutput.level = 'debug';
  logOutput.write = (_level, line) => {
    lines.push(JSON.parse(line));
  };
});
afterEach(() => {
  Object.assign(logOutput, saved);
});

const NIK = '3510245508900002';
const submit = contract({ route: 'requests.submit', body: z.object({ nik: z.string() }) });
const secretEvent = () =>
  event({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-secret': 'very-secret', 'user-agent': 'Siti' },
    query: { nik: NIK },
    body: JSON.stringify({ nik: NIK }),
    requestId: 'apigw-5',
  });

describe('the request log', () => {
  it('writes one line: route, request id, status and ms; nothing the client sent', async () => {
    await endpoint(submit, async () => json(201, { ok: true }))(secretEvent(), {} as never);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        route: 'requests.submit',
        requestId: 'apigw-5',
        status: 201,
      }),
    ]);
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual([
      'level',
      'ms',
      'msg',
      'requestId',
      'route',
      'status',
      'time',
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/3510|very-secret|Siti/);
  });

  it('logs the status the error handler answered; our own errors add no line', async () => {
    await endpoint(submit, async () => {
      throw new NotFound();
    })(secretEvent(), {} as never);
    expect(lines.map((l) => [l.msg, l.status])).toEqual([['request', 404]]);
  });

  it("an unexpected error adds a line with its name and code only, before the request's", async () => {
    const leaky = Object.assign(new Error(`item {"nik":"${NIK}"} failed`), {
      name: 'ValidationException',
      code: 'V1',
    });
    await endpoint(submit, async () => {
      throw leaky;
    })(secretEvent(), {} as never);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'unhandled',
        route: 'requests.submit',
        requestId: 'apigw-5',
        error: 'ValidationException',
        code: 'V1',
      }),
      expect.objectContaining({ msg: 'request', status: 500 }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/3510|failed/);
  });
});
