/**
 * Structured JSON log lines. Deliberately has no way to log a body, a header or an item: personal
 * data (NIK, names, phone numbers, scans) never reaches a log. Callers pass ids, codes and numbers.
 */
type Value = string | number | boolean | null | undefined;
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.LOG_LEVEL as Level | undefined) ?? 'info'] ?? 20;
const quiet = process.env.SK_QUIET_LOGS === '1';

export function log(level: Level, msg: string, data: Record<string, Value> = {}): void {
  if (quiet || order[level] < threshold) return;
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...data });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}
