/** An error answer the emulator gives, in the API's error body shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiFailure(404, 'not_found_error', `${what} not found.`);
