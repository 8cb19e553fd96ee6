import * as assert from 'node:assert/strict';
import { ApiError } from '../../../src/api/errors';
import { RequestLimiter, RunStopped } from '../../../src/evals/requestLimiter';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const limited = (kind: 'rateLimited' | 'overloaded', retryAfterMs?: number) =>
  new ApiError({ kind, message: `${kind}`, status: kind === 'rateLimited' ? 429 : 529, retryAfterMs });

describe('the eval request limiter', () => {
  it('keeps at most `concurrency` requests in flight, and runs them all', async () => {
    const limiter = new RequestLimiter({ concurrency: 3 });
    let inFlight = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limiter.run(async () => {
          most = Math.max(most, ++inFlight);
          await sleep(5 + (i % 3) * 5);
          inFlight--;
          return i;
        }),
      ),
    );
    assert.equal(most, 3);
    assert.deepEqual(results, [...Array(10).keys()]);
  });

  it('a 429 with retry-after pauses every request, then sends the limited one again', async () => {
    const limiter = new RequestLimiter({ concurrency: 2 });
    const started: { name: string; at: number }[] = [];
    const t0 = Date.now();
    let first = true;
    const limitedOnce = limiter.run(async () => {
      started.push({ name: 'limited', at: Date.now() - t0 });
      if (first) {
        first = false;
        throw limited('rateLimited', 120);
      }
      return 'limited done';
    });
    await sleep(10);
    const others = ['a', 'b', 'c'].map((name) =>
      limiter.run(async () => {
        started.push({ name, at: Date.now() - t0 });
        await sleep(5);
        return name;
      }),
    );
    assert.deepEqual(await Promise.all([limitedOnce, ...others]), ['limited done', 'a', 'b', 'c']);
    const afterPause = started.filter((s) => s.at >= 110).map((s) => s.name);
    assert.ok(
      afterPause.includes('limited'),
      `the limited request is sent again after the pause: ${JSON.stringify(started)}`,
    );
    // The first "a" may have been in flight when the 429 came; nothing starts during the pause.
    const duringPause = started.filter((s) => s.at > 15 && s.at < 110);
    assert.deepEqual(duringPause, [], JSON.stringify(started));
  });

  it('a 529 without a stated wait, or a billing error, stops the run: the rest are not sent', async () => {
    for (const stopper of [
      limited('overloaded'),
      new ApiError({ kind: 'billing', message: 'Your credit balance is too low.', status: 400 }),
    ]) {
      const limiter = new RequestLimiter({ concurrency: 1 });
      let sent = 0;
      const first = limiter.run(async () => {
        sent++;
        throw stopper;
      });
      const rest = [1, 2].map(() => limiter.run(async () => sent++));
      await assert.rejects(first, (err) => err === stopper);
      for (const r of rest) await assert.rejects(r, (err) => err instanceof RunStopped && err.reason === stopper);
      assert.equal(sent, 1);
      assert.equal(limiter.signal.aborted, true);
    }
  });

  it('gives up on a request limited again and again, without stopping the others', async () => {
    const limiter = new RequestLimiter({ concurrency: 2, maxPausesPerRequest: 2 });
    let tries = 0;
    const always = limiter.run(async () => {
      tries++;
      throw limited('rateLimited', 5);
    });
    await assert.rejects(always, (err) => err instanceof ApiError && err.kind === 'rateLimited');
    assert.equal(tries, 3);
    assert.equal(await limiter.run(async () => 'fine'), 'fine');
  });

  it('one cancel stops what is in flight and what waits, at once', async () => {
    const cancel = new AbortController();
    const limiter = new RequestLimiter({ concurrency: 2 }, cancel.signal);
    const seen: string[] = [];
    const running = [1, 2].map(() =>
      limiter.run(
        (signal) =>
          new Promise((_resolve, reject) => {
            signal.addEventListener('abort', () => {
              seen.push('aborted');
              reject(new Error('aborted'));
            });
          }),
      ),
    );
    const waiting = limiter.run(async () => seen.push('sent'));
    await sleep(10);
    const t0 = Date.now();
    cancel.abort(new Error('Cancelled in the Test Explorer'));
    for (const r of [...running, waiting]) await assert.rejects(r, RunStopped);
    assert.ok(Date.now() - t0 < 100);
    assert.deepEqual(seen, ['aborted', 'aborted']);
    await assert.rejects(
      limiter.run(async () => 'late'),
      RunStopped,
    );
  });
});
