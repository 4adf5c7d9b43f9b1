// Types of bench/range.mjs (plain JavaScript, run by Node without a build step).
import type { IncomingMessage, ServerResponse } from 'node:http';

export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable';

export function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  headers: Record<string, string>,
): void;
