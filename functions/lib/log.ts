import { config } from './config';

/**
 * Structured JSON log lines. Deliberately has no way to log a body, a header or an item: personal
 * data (NIK, names, phone numbers, scans) never reaches a log. Callers pass ids, codes and numbers.
 */
type Value = string | number | boolean | null | undefined;
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * Where lines go and from which level (unset: LOG_LEVEL, read when a line is logged): tests swap the
 * sink to read what would be logged.
 */
export const logOutput: { level: Level | 'silent' | undefined; write(level: Level, line: string): void } = {
  level: undefined,
  write(level: Level, line: string) {
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  },
};

export function log(level: Level, msg: string, data: Record<string, Value> = {}): void {
  if (order[level] < order[logOutput.level ?? config().LOG_LEVEL]) return;
  logOutput.write(level, JSON.stringify({ level, msg, time: new Date().toISOString(), ...data }));
}
