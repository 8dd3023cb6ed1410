import type { LogLevel } from '../config';

/** One line of JSON per event on stderr; levels below the configured one are dropped. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A log line never carries more than a bounded prefix of any value (a caller's 900 KB e-mail address, say). */
export const LOG_VALUE_LIMIT = 300;
const STACK_LIMIT = 4_000;

function clip(value: unknown, key: string, depth: number): unknown {
  if (typeof value === 'string') {
    const limit = key === 'stack' ? STACK_LIMIT : LOG_VALUE_LIMIT;
    return value.length > limit ? `${value.slice(0, limit)}… (${value.length - limit} more characters)` : value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (depth >= 4) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, 20).map((item) => clip(item, key, depth + 1));
    return value.length > 20 ? [...items, `… (${value.length - 20} more items)`] : items;
  }
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, clip(inner, name, depth + 1)]));
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const at =
    (name: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (ORDER[name] < ORDER[level]) return;
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level: name,
          message: clip(message, 'message', 0),
          ...(clip(fields, '', 0) as Record<string, unknown>),
        }),
      );
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
