import * as assert from 'node:assert/strict';
import { apiBaseUrlProblem } from '../../../src/api/baseUrl';

describe('apiBaseUrlProblem: where the key may go', () => {
  it('accepts https anywhere', () => {
    assert.equal(apiBaseUrlProblem('https://api.anthropic.com'), undefined);
    assert.equal(apiBaseUrlProblem('https://gateway.example.com:8443/anthropic'), undefined);
  });

  it('accepts plain http only for the hosts VS Code never proxies: localhost, 127.0.0.1 and [::1]', () => {
    for (const url of ['http://localhost:4000', 'http://127.0.0.1:4000', 'http://[::1]:4000']) {
      assert.equal(apiBaseUrlProblem(url), undefined, url);
    }
  });

  it('refuses plain http elsewhere, other loopback addresses included, naming the host and why', () => {
    for (const host of [
      '127.0.0.2',
      '127.1.2.3',
      'api.anthropic.com',
      '10.0.0.1',
      '128.0.0.1',
      '127.0.0.1.nip.io',
      'localhost.example.com',
    ]) {
      assert.match(
        apiBaseUrlProblem(`http://${host}/`) ?? '',
        new RegExp(
          `only for localhost, 127\\.0\\.0\\.1 and \\[::1\\], not ${host.replace(/\./g, '\\.')}: your API key would travel unencrypted`,
        ),
        host,
      );
    }
    // 127.1 is 127.0.0.1 written short: the URL parser says so, and VS Code does not proxy it.
    assert.equal(apiBaseUrlProblem('http://127.1:4000'), undefined);
  });

  it('refuses user info, a query or a fragment, without repeating what may be a secret', () => {
    const withCredentials = apiBaseUrlProblem('https://me:hunter2@gateway.example.com');
    assert.match(withCredentials ?? '', /user name or password/);
    assert.doesNotMatch(withCredentials ?? '', /hunter2|me:/);
    assert.match(apiBaseUrlProblem('https://gateway.example.com/?x=1') ?? '', /query/);
    assert.match(apiBaseUrlProblem('https://gateway.example.com?') ?? '', /query/);
    assert.match(apiBaseUrlProblem('https://gateway.example.com/#top') ?? '', /fragment/);
  });

  it('refuses what is not a URL, and other schemes', () => {
    assert.equal(apiBaseUrlProblem('sk-ant-api03-oops'), 'it is not a URL such as https://api.anthropic.com.');
    assert.equal(apiBaseUrlProblem('ftp://api.anthropic.com'), 'ftp: is not supported; use https:.');
  });
});
