// What every command does with a failure, apart from VS Code: a cancel is quiet; any other error is
// logged under the command's id (with its request id) and shown once.
import { ApiError, describeError } from '../../api/errors';

export interface CommandFailureDeps {
  log: { error(message: string): void };
  /** Shows the message to the user (with Show Log). */
  showError(message: string): void;
}

/** A cancel: the API's, or VS Code's CancellationError (told by its name, which VS Code sets). */
export function isCancellation(err: unknown): boolean {
  return (err instanceof ApiError && err.kind === 'cancelled') || (err instanceof Error && err.name === 'Canceled');
}

/** `handler`, never rejecting: what it returns, or undefined after a failure was logged and shown. */
export function guardCommand<A extends unknown[]>(
  id: string,
  handler: (...args: A) => unknown,
  deps: CommandFailureDeps,
): (...args: A) => Promise<unknown> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isCancellation(err)) return undefined;
      const message = describeError(err);
      deps.log.error(`${id}: ${message}`);
      deps.showError(message);
      return undefined;
    }
  };
}
