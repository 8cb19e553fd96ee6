// A Skills API emulator: a real HTTP server on 127.0.0.1 serving the nine endpoints of the GA surface with
// the server's rules, fault knobs for tests, and a log of every request for assertions. A request that
// still carries the legacy beta header is refused, so a client that sends it fails every test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { paginate } from './cursor';
import { ApiFailure } from './failure';
import { answerMessages, checkMessageRequest, fileJson, readJsonBody } from './messages';
import { modelsPage } from './models';
import type { ProducedFile } from './scriptedModel';
import { SkillStore, randomId, skillJson, versionJson, type SkillRecord, type VersionRecord } from './store';
import { MAX_UPLOAD_BYTES, checkUpload, expandZipUpload, tooLarge, type UploadedFile } from './upload';

/** The legacy beta surface's header: refused here (the extension speaks GA). */
export const LEGACY_BETA_HEADER = 'skills-2025-10-02';
/** The API versions the server takes. */
export const API_VERSIONS = ['2023-06-01', '2026-10-21'];

export interface Fault {
  method?: string;
  /** Matches the request's pathname: a string must be equal, a RegExp must match. */
  path?: string | RegExp;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Answer with this error status (and `headers`) instead of serving the request. */
  status?: number;
  headers?: Record<string, string>;
  message?: string;
  /** Wait this long before serving the request. */
  latencyMs?: number;
  /** Serve the request at once, then hold the answer this long (a cancel then comes after the work). */
  answerDelayMs?: number;
  /**
   * Destroy the connection: `beforeProcessing` leaves the state untouched (the body may be unread),
   * `afterReading` reads the whole request and then drops it unserved, `afterProcessing` serves the request
   * (a create does create) and then drops the answer, and `delayedProcessing` drops the answer at once and
   * serves the request `delayMs` later (a server that is slow to commit what it took in).
   */
  reset?: 'beforeProcessing' | 'afterReading' | 'afterProcessing' | 'delayedProcessing';
  delayMs?: number;
}

export interface LoggedPart {
  field: string;
  filename: string;
  size: number;
}

export interface LoggedRequest {
  requestId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names; the values of `x-api-key` and `authorization` are replaced by `[redacted]`. */
  headers: Record<string, string>;
  authenticated: boolean;
  contentType?: string;
  files: LoggedPart[];
  fields: Record<string, string>;
  /** A JSON body (a message request), parsed. */
  json?: unknown;
  status?: number | 'reset' | 'aborted';
  /** The JSON answer (parsed), or the byte count of a zip. */
  response?: unknown;
  startedAt: number;
  endedAt?: number;
}

/** What a multipart body held: a skill upload's files, a Files API upload's, the text fields. */
interface MultipartUpload {
  files: UploadedFile[];
  inputFiles: UploadedFile[];
  fields: Record<string, string>;
}

export interface EmulatorOptions {
  apiKeys?: string[];
  store?: SkillStore;
  port?: number;
  /** A loopback address to listen on: 127.0.0.1 unless a test needs one VS Code does not exempt from proxies. */
  host?: string;
  latencyMs?: number;
  /** Serve https with this key and certificate (a gateway's), instead of plain http. */
  tls?: { key: Buffer; cert: Buffer };
}

/**
 * The workspace of the key, for the workspace-id knob: `required` refuses a request without
 * `anthropic-workspace-id` (as for a key that acts on several workspaces); a header naming another
 * workspace is refused whatever `required` says.
 */
export interface WorkspaceKnob {
  id: string;
  required: boolean;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

function limitParam(query: URLSearchParams, max: number): number {
  const raw = query.get('limit');
  if (raw === null) return 20;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ApiFailure(400, 'invalid_request_error', `limit: Input should be an integer between 1 and ${max}.`);
  }
  return limit;
}

const skillOrder = (s: SkillRecord): [number, string] => [-s.createdAt.getTime(), s.id];
const versionOrder = (v: VersionRecord): [number, string] => [-v.createdAt.getTime(), v.id];

export class SkillsEmulator {
  readonly store: SkillStore;
  readonly apiKeys: Set<string>;
  readonly log: LoggedRequest[] = [];
  readonly faults: Fault[] = [];
  latencyMs: number;
  /** Answer in the legacy beta field names (a gateway that still does), for the tolerant parser. */
  legacyShapes = false;
  workspace: WorkspaceKnob | undefined;
  /** The containers runs made (id → the run's seed) and the files they produced (the Files API's). */
  readonly containers = new Map<string, string>();
  readonly files = new Map<string, ProducedFile>();
  inFlight = 0;
  maxInFlight = 0;
  private readonly server: Server;
  private port = 0;
  private readonly host: string;
  private readonly scheme: 'http' | 'https';

  constructor(options: EmulatorOptions = {}) {
    this.store = options.store ?? new SkillStore();
    this.apiKeys = new Set(options.apiKeys ?? ['sk-ant-emulator-key']);
    this.latencyMs = options.latencyMs ?? 0;
    this.host = options.host ?? '127.0.0.1';
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
    this.scheme = options.tls ? 'https' : 'http';
    this.server.keepAliveTimeout = 5_000;
  }

  get url(): string {
    return `${this.scheme}://${this.host}:${this.port}`;
  }

  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.host, () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Forget the log and the concurrency high-water mark (between tests). */
  resetLog(): void {
    this.log.length = 0;
    this.maxInFlight = this.inFlight;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Either header carries the key: the SDKs since 1.0 send a Bearer token.
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const apiKey = (req.headers['x-api-key'] as string | undefined) ?? bearer;
    const headers = { ...(req.headers as Record<string, string>) };
    for (const secret of ['x-api-key', 'authorization'])
      if (headers[secret] !== undefined) headers[secret] = '[redacted]';
    const entry: LoggedRequest = {
      requestId: randomId('req_011C'),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      authenticated: apiKey !== undefined && this.apiKeys.has(apiKey),
      contentType: req.headers['content-type'],
      files: [],
      fields: {},
      startedAt: Date.now(),
    };
    this.log.push(entry);
    // A client that leaves before its whole request arrived (a cancelled upload) leaves nothing to act on.
    let clientLeftEarly = false;
    req.on('close', () => {
      if (!req.complete) clientLeftEarly = true;
    });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => {
      this.inFlight--;
      entry.endedAt = Date.now();
    });

    const fault = this.takeFault(entry);
    // A server takes in the whole request before it works on it (unless a fault drops it unread).
    const upload =
      this.isMultipart(req) && fault?.reset !== 'beforeProcessing'
        ? await this.readUpload(req, entry).then(
            (read) => ({ read }),
            (error: unknown) => ({ error }),
          )
        : undefined;
    const latency = this.latencyMs + (fault?.latencyMs ?? 0);
    // Unref'd: a held request the client gave up on must not keep a test process alive.
    if (latency > 0) await new Promise((r) => setTimeout(r, latency).unref());
    if (fault?.reset === 'beforeProcessing') return this.drop(req, entry);
    if (clientLeftEarly) {
      entry.status = 'aborted';
      return undefined;
    }
    if (fault?.reset === 'afterReading' || fault?.reset === 'delayedProcessing') {
      await drain(req);
      this.drop(req, entry);
      // A body the emulator could not read leaves nothing to serve later.
      if (fault.reset === 'delayedProcessing' && (upload === undefined || 'read' in upload)) {
        setTimeout(() => {
          void this.route(req, url, entry, upload?.read).then(
            (answer) => (entry.response = answer.body),
            () => undefined,
          );
        }, fault.delayMs ?? 0);
      }
      return undefined;
    }
    try {
      if (fault?.status !== undefined) {
        await drain(req);
        throw new ApiFailure(
          fault.status,
          ERROR_TYPES[fault.status] ?? 'api_error',
          fault.message ?? `Injected HTTP ${fault.status}.`,
          fault.headers,
        );
      }
      if (upload && 'error' in upload) throw upload.error;
      const { status, body, contentType, stream } = await this.route(req, url, entry, upload?.read);
      if (fault?.reset === 'afterProcessing') return this.drop(req, entry);
      if (fault?.answerDelayMs) await new Promise((r) => setTimeout(r, fault.answerDelayMs));
      entry.status = status;
      if (stream) {
        res.writeHead(status, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          'request-id': entry.requestId,
        });
        return await stream(res);
      }
      entry.response = Buffer.isBuffer(body) ? body.length : body;
      res.writeHead(status, { 'content-type': contentType ?? 'application/json', 'request-id': entry.requestId });
      res.end(Buffer.isBuffer(body) ? body : JSON.stringify(body));
    } catch (err) {
      if (clientLeftEarly) {
        entry.status = 'aborted';
        return undefined;
      }
      const failure = err instanceof ApiFailure ? err : new ApiFailure(500, 'api_error', 'Internal server error.');
      if (!(err instanceof ApiFailure)) console.error('emulator: unexpected error', err);
      entry.status = failure.status;
      entry.response = {
        type: 'error',
        error: { type: failure.type, message: failure.message },
        request_id: entry.requestId,
      };
      await drain(req);
      res.writeHead(failure.status, {
        ...failure.headers,
        'content-type': 'application/json',
        'request-id': entry.requestId,
      });
      res.end(JSON.stringify(entry.response));
    }
  }

  private takeFault(entry: LoggedRequest): Fault | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method === entry.method) &&
        (f.path === undefined || (typeof f.path === 'string' ? f.path === entry.path : f.path.test(entry.path))),
    );
    if (index === -1) return undefined;
    const fault = this.faults[index];
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private drop(req: IncomingMessage, entry: LoggedRequest): void {
    entry.status = 'reset';
    req.socket.destroy();
  }

  private isMultipart(req: IncomingMessage): boolean {
    return (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
  }

  private requireHeaders(req: IncomingMessage, entry: LoggedRequest): void {
    if (!entry.authenticated) throw new ApiFailure(401, 'authentication_error', 'invalid x-api-key');
    const version = req.headers['anthropic-version'];
    if (!version) throw new ApiFailure(400, 'invalid_request_error', 'anthropic-version: header is required');
    if (!API_VERSIONS.includes(String(version))) {
      throw new ApiFailure(400, 'invalid_request_error', `anthropic-version: '${version}' is not a valid version.`);
    }
    const betas = String(req.headers['anthropic-beta'] ?? '')
      .split(',')
      .map((b) => b.trim());
    if (betas.includes(LEGACY_BETA_HEADER)) {
      throw new ApiFailure(
        400,
        'invalid_request_error',
        `This emulator serves the GA Skills API only: drop 'anthropic-beta: ${LEGACY_BETA_HEADER}', the legacy beta surface.`,
      );
    }
    const workspace = req.headers['anthropic-workspace-id'] as string | undefined;
    if (this.workspace && workspace === undefined && this.workspace.required) {
      // What the real API says here is not documented; only the status is relied on.
      throw new ApiFailure(
        400,
        'invalid_request_error',
        'This key can act on more than one workspace: say which with the anthropic-workspace-id header.',
      );
    }
    if (this.workspace && workspace !== undefined && workspace !== this.workspace.id) {
      throw new ApiFailure(403, 'permission_error', `This key cannot act on workspace '${workspace}'.`);
    }
  }

  private async route(
    req: IncomingMessage,
    url: URL,
    entry: LoggedRequest,
    readAlready?: MultipartUpload,
  ): Promise<{ status: number; body: unknown; contentType?: string; stream?: (res: ServerResponse) => Promise<void> }> {
    this.requireHeaders(req, entry);
    const method = entry.method;
    const shape = this.legacyShapes ? 'legacy' : 'ga';
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [v1, skills, skillId, versions, version, content, ...rest] = segments;
    const ok = (body: unknown) => ({ status: 200, body });
    const upload = () => (readAlready ? Promise.resolve(readAlready) : this.readUpload(req, entry));
    const page = <T>(items: T[], keyOf: (item: T) => [number, string], toJson: (item: T) => unknown, scope: string) => {
      const listed = paginate(
        items,
        keyOf,
        toJson,
        scope,
        limitParam(url.searchParams, 1000),
        url.searchParams.get('page') ?? undefined,
      );
      return ok(this.legacyShapes ? { ...listed, has_more: listed.next_page !== null } : listed);
    };
    if (v1 === 'v1' && skills === 'models' && skillId === undefined && method === 'GET') {
      return ok(modelsPage(url.searchParams, limitParam(url.searchParams, 1000)));
    }
    if (v1 === 'v1' && skills === 'messages' && skillId === undefined && method === 'POST') {
      entry.json = await readJsonBody(req);
      const version = String(req.headers['anthropic-version']);
      const run = checkMessageRequest(entry.json, this.store, this.containers, version, this.files);
      const answer = answerMessages(run, this.containers, this.files);
      return { status: 200, body: answer.body, stream: answer.stream };
    }
    if (v1 === 'v1' && skills === 'files' && skillId !== undefined && method === 'GET' && rest.length === 0) {
      const file = this.files.get(skillId);
      if (!file) throw new ApiFailure(404, 'not_found_error', `File '${skillId}' not found.`);
      if (versions === undefined) return ok(fileJson(file));
      if (versions === 'content' && version === undefined) {
        if (!file.downloadable)
          throw new ApiFailure(400, 'invalid_request_error', `File '${skillId}' cannot be downloaded.`);
        return { status: 200, body: file.data, contentType: file.mimeType };
      }
    }
    if (v1 === 'v1' && skills === 'files' && skillId === undefined && method === 'POST') {
      return ok(fileJson(this.addInputFile(await upload())));
    }
    if (v1 === 'v1' && skills === 'files' && skillId !== undefined && method === 'DELETE' && !versions) {
      if (!this.files.delete(skillId)) throw new ApiFailure(404, 'not_found_error', `File '${skillId}' not found.`);
      return ok({ id: skillId, type: 'file_deleted' });
    }
    if (v1 !== 'v1' || skills !== 'skills' || rest.length > 0)
      throw new ApiFailure(404, 'not_found_error', 'Not found.');

    if (skillId === undefined) {
      if (method === 'GET') {
        const source = url.searchParams.get('source') ?? undefined;
        if (source !== undefined && source !== 'custom' && source !== 'anthropic') {
          throw new ApiFailure(400, 'invalid_request_error', "source: Input should be 'custom' or 'anthropic'.");
        }
        const items = this.store.listSkills(source);
        return page(items, skillOrder, (s) => skillJson(s, shape), `skills:${source ?? ''}`);
      }
      if (method === 'POST') {
        const { files, fields } = await upload();
        const skill = this.store.createSkill(checkUpload(files), fields.display_name ?? null);
        return ok(skillJson(skill, shape));
      }
    } else if (versions === undefined) {
      if (method === 'GET') return ok(skillJson(this.store.skill(skillId), shape));
      if (method === 'DELETE') {
        this.store.deleteSkill(skillId);
        return ok({ id: skillId, type: 'skill_deleted' });
      }
    } else if (versions === 'versions' && version === undefined) {
      if (method === 'GET') {
        const items = this.store.listVersions(skillId);
        return page(items, versionOrder, (v) => versionJson(v, shape), `versions:${skillId}`);
      }
      if (method === 'POST') {
        this.store.skill(skillId);
        const { files } = await upload();
        return ok(versionJson(this.store.createVersion(skillId, checkUpload(files)), shape));
      }
    } else if (versions === 'versions' && content === undefined) {
      if (method === 'GET') return ok(versionJson(this.store.version(skillId, version), shape));
      if (method === 'DELETE') {
        if (version === 'latest')
          throw new ApiFailure(400, 'invalid_request_error', "'latest' names no version to delete.");
        const deleted = this.store.deleteVersion(skillId, version);
        return ok({ id: this.legacyShapes ? deleted.legacyVersion : deleted.id, type: 'skill_version_deleted' });
      }
    } else if (versions === 'versions' && content === 'content' && method === 'GET') {
      return { status: 200, body: await this.store.zip(skillId, version), contentType: 'application/zip' };
    }
    throw new ApiFailure(404, 'not_found_error', 'Not found.');
  }

  /**
   * `POST /v1/files`: one `file` part, of which only the base name is kept, and an optional
   * `expires_in_seconds` (3600–7776000). The file is then the Files API's, for a `container_upload` block.
   */
  private addInputFile({ inputFiles, fields }: MultipartUpload): ProducedFile {
    if (inputFiles.length !== 1) {
      throw new ApiFailure(400, 'invalid_request_error', 'file: exactly one file part is required.');
    }
    const expiry = fields.expires_in_seconds;
    const seconds = expiry === undefined ? undefined : Number(expiry);
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 3600 || seconds > 7_776_000)) {
      throw new ApiFailure(400, 'invalid_request_error', 'expires_in_seconds: must be between 3600 and 7776000.');
    }
    const file: ProducedFile = {
      id: randomId('file_011C'),
      filename: inputFiles[0].path.split(/[\\/]/).pop() || 'upload',
      mimeType: 'application/octet-stream',
      data: inputFiles[0].data,
      downloadable: false,
      expiresAt: seconds === undefined ? null : new Date(Date.now() + seconds * 1000).toISOString(),
    };
    this.files.set(file.id, file);
    return file;
  }

  /**
   * The `files[]` parts (a lone `.zip` part unpacked), the Files API's `file` parts and the text fields of
   * a multipart body.
   */
  private async readUpload(req: IncomingMessage, entry: LoggedRequest): Promise<MultipartUpload> {
    if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      throw new ApiFailure(400, 'invalid_request_error', 'The request body must be multipart/form-data.');
    }
    const files: UploadedFile[] = [];
    const inputFiles: UploadedFile[] = [];
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      // The path in a part's filename is the point of the upload: keep it (busboy strips it by default).
      const parser = busboy({ headers: req.headers, defParamCharset: 'utf8', preservePath: true });
      parser.on('file', (field, stream, info) => {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          total += chunk.length;
          // Past the limit the answer is 413 whatever else arrives: stop keeping the bytes.
          if (total <= MAX_UPLOAD_BYTES) chunks.push(chunk);
        });
        stream.on('end', () => {
          const filename = info.filename ?? '';
          entry.files.push({ field, filename, size });
          const file = { path: filename, data: Buffer.concat(chunks) };
          if (field === 'files[]') files.push(file);
          else if (field === 'file') inputFiles.push(file);
        });
      });
      parser.on('field', (name, value) => {
        entry.fields[name] = value;
      });
      parser.on('close', resolve);
      parser.on('error', (err: Error) =>
        reject(new ApiFailure(400, 'invalid_request_error', `Malformed multipart body: ${err.message}`)),
      );
      req.pipe(parser);
    });
    if (total > MAX_UPLOAD_BYTES) throw tooLarge(total);
    return { files: await expandZipUpload(files), inputFiles, fields: entry.fields };
  }
}

function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.resume();
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<SkillsEmulator> {
  return new SkillsEmulator(options).listen(options.port);
}
