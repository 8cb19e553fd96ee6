import * as vscode from 'vscode';
import type { RequestLogEntry } from './api/apiCore';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Claude Skills', { log: true });
}

/** One line per request attempt: method, path, status, duration, request id. Never headers or the key. */
export function logRequest(log: Log, entry: RequestLogEntry): void {
  const status = entry.status ?? 'no answer';
  const retry = entry.attempt > 0 ? ` (retry ${entry.attempt})` : '';
  const id = entry.requestId ? ` ${entry.requestId}` : '';
  const line = `${entry.method} ${entry.path} → ${status} in ${entry.durationMs} ms${id}${retry}`;
  if (entry.error) log.warn(`${line}: ${entry.error}`);
  else log.info(line);
}
