// A certificate authority of the tests' own and a certificate it signed for an emulator on 127.0.0.2,
// made with openssl. The VS Code server is started with the CA in NODE_EXTRA_CA_CERTS, so the extension
// host trusts it as a company's proxy or gateway CA would be trusted: by the system, not by the extension.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  caCert: string;
  key: string;
  cert: string;
}

/** The environment variable that passes the files' paths on to the tests in the extension host. */
export const TLS_ENV = 'CLAUDE_SKILLS_TEST_TLS';
export const TLS_HOST = '127.0.0.2';

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'claude-skills-tls-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Claude Skills test CA',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.crt'),
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${TLS_HOST}`,
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
  );
  writeFileSync(
    at('ext.cnf'),
    `subjectAltName=IP:${TLS_HOST}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    at('ext.cnf'),
    '-out',
    at('server.crt'),
  );
  return { caCert: at('ca.crt'), key: at('server.key'), cert: at('server.crt') };
}

/** The key and certificate an https emulator serves with, from the paths the runner passed on. */
export function testTlsOptions(): { key: Buffer; cert: Buffer } {
  const value = process.env[TLS_ENV];
  if (!value) throw new Error(`${TLS_ENV} is not set: the host runner makes the test certificates.`);
  const paths = JSON.parse(value) as TestCertificates;
  return { key: readFileSync(paths.key), cert: readFileSync(paths.cert) };
}
