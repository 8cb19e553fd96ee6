import * as assert from 'node:assert/strict';
import { apiBaseUrlProblem } from '../../../src/api/baseUrl';

describe('apiBaseUrlProblem: where the key may go', () => {
  it('accepts https anywhere', () => {
    assert.equal(apiBaseUrlProblem('https://api.anthropic.com'), undefined);
    assert.equal(apiBaseUrlProblem('https://gateway.example.com:8443/anthropic'), undefined);
  });

  it('accepts plain http on loopback only: localhost, 127.0.0.0/8 and [::1]', () => {
    for (const url of [
      'http://localhost:4000',
      'http://127.0.0.1:4000',
      'http://127.0.0.2:4000',
      'http://127.1:4000',
      'http://[::1]:4000',
    ]) {
      assert.equal(apiBaseUrlProblem(url), undefined, url);
    }
  });

  it('refuses plain http elsewhere, naming the host and why', () => {
    for (const host of ['api.anthropic.com', '10.0.0.1', '128.0.0.1', '127.0.0.1.nip.io', 'localhost.example.com']) {
      assert.match(
        apiBaseUrlProblem(`http://${host}/`) ?? '',
        new RegExp(
          `only for loopback hosts .* not ${host.replace(/\./g, '\\.')}: your API key would travel unencrypted`,
        ),
        host,
      );
    }
  });

  it('refuses what is not a URL, and other schemes', () => {
    assert.equal(apiBaseUrlProblem('api.anthropic.com'), '"api.anthropic.com" is not a URL.');
    assert.equal(apiBaseUrlProblem('ftp://api.anthropic.com'), 'ftp: is not supported; use https:.');
  });
});
