// The extension's requests use VS Code's global fetch, so the user's proxy settings (and the system's
// certificates) apply to them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startRecordingProxy, type RecordingProxy } from '../support/proxy';
import { TLS_HOST, testTlsOptions } from '../support/tls';
import { useHostSuite } from './hostSuite';

const KEY = 'sk-ant-proxy-test-4321';

describe("requests through the user's proxy (http.proxy)", () => {
  // VS Code sends localhost, 127.0.0.1 and ::1 direct whatever the settings say, and proxies 127.0.0.2 like
  // any host: so that no key travels in clear text to a proxy, the emulator speaks https there, with a
  // certificate from the tests' own CA, which the extension host trusts through the system's store.
  const suite = useHostSuite({
    key: KEY,
    skills: [{ name: 'proxied', display_name: 'Proxied', description: 'Fetched through a proxy.' }],
    emulator: { host: TLS_HOST, tls: testTlsOptions() },
  });
  let proxy: RecordingProxy;
  const http = () => vscode.workspace.getConfiguration('http');

  before(async () => {
    proxy = await startRecordingProxy();
    // With http.systemCertificates on, VS Code's fetch trusts Node's bundled roots and the machine's store
    // only; off, it trusts Node's own store, NODE_EXTRA_CA_CERTS (the tests' CA) included. Either way the
    // certificate is checked: the tests' CA is not added to the machine.
    await http().update('systemCertificates', false, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http().update('systemCertificates', undefined, vscode.ConfigurationTarget.Global);
    proxy.close();
  });

  async function listRoot(): Promise<string[]> {
    await suite.exports.model.refresh();
    const root = await suite.exports.tree.getChildren();
    return root.filter((n) => n.kind !== 'group').map((n) => String(n.toTreeItem().label));
  }

  it("runs with the tests' CA in Node's store (NODE_EXTRA_CA_CERTS), set by the runner", () => {
    assert.ok(process.env.NODE_EXTRA_CA_CERTS, 'the extension host has NODE_EXTRA_CA_CERTS');
  });

  it("with http.proxy set, the proxy forwards the extension's requests to the API", async () => {
    await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    proxy.proxied.length = 0;
    suite.emulator.resetLog();
    assert.deepEqual(await listRoot(), ['Proxied']);
    const host = new URL(suite.emulator.url).host;
    assert.ok(
      proxy.proxied.some((line) => line.includes(host)),
      `the proxy saw ${JSON.stringify(proxy.proxied)}, not a request to ${host}`,
    );
    assert.ok(suite.emulator.log.length > 0);
  });

  it('without it, the requests go direct', async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    proxy.proxied.length = 0;
    assert.deepEqual(await listRoot(), ['Proxied']);
    assert.deepEqual(proxy.proxied, []);
  });
});
