import type { Log } from '../log';

export function showLog(log: Log) {
  return () => log.show();
}
