// A mocha root hook that fails the run on an unhandled promise rejection: a promise nobody awaits is an
// error nobody sees, in the tests and in the extension alike. The test it happened during fails.
const rejections: unknown[] = [];
const record = (reason: unknown) => rejections.push(reason);

function assertNone(this: { currentTest?: { fullTitle(): string } }): void {
  if (rejections.length === 0) return;
  const [first, ...more] = rejections.splice(0);
  const what = first instanceof Error ? (first.stack ?? first.message) : String(first);
  throw new Error(`An unhandled promise rejection${more.length ? ` (and ${more.length} more)` : ''}: ${what}`);
}

export const mochaHooks = {
  beforeAll(): void {
    process.on('unhandledRejection', record);
  },
  afterEach: assertNone,
  afterAll(): void {
    assertNone.call({});
    process.off('unhandledRejection', record);
  },
};
