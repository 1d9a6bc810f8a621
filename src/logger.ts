import pino, { type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/** Creates the process logger (JSON lines on stdout). */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'plan-knowledge-graph' } });
}
