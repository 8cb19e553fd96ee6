// Checks requests and answers against the official OpenAPI subset in ../shared/spec, as skills-api.md
// says: the GA operations are the path keys without `?beta=true` (the download exists only as
// `…/content?beta=true`, a route qualifier: `GET …/content` maps onto it); Ajv's 2020-12 build without
// strict mode; the error unions completed with request_too_large and conflict_error; the spec's limit
// bounds enforced here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { LoggedRequest } from '../emulator/server';
import { repoRoot } from './vscodeServer';

export const SPEC_PATH = process.env.SKILLS_OPENAPI ?? join(repoRoot, '..', 'shared', 'spec', 'skills-openapi.json');
export const API_VERSION = '2026-10-21';

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path';
  schema?: Bounds & { anyOf?: Bounds[] };
}

interface Bounds {
  minimum?: number;
  maximum?: number;
}

/** An integer parameter's bounds, written directly or inside an `anyOf` with null. */
function boundsOf(param: Parameter | undefined): [number, number] {
  const schema = param?.schema;
  const bounded = schema?.maximum !== undefined ? schema : schema?.anyOf?.find((s) => s.maximum !== undefined);
  return [bounded?.minimum ?? 1, bounded?.maximum ?? Infinity];
}

interface Operation {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  parameters: Parameter[];
  requestSchema?: ValidateFunction;
  responseSchemas: Record<string, ValidateFunction>;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function loadSpec(): Json {
  if (!existsSync(SPEC_PATH))
    throw new Error(`The Skills OpenAPI document is not at ${SPEC_PATH} (set SKILLS_OPENAPI).`);
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  // The document's error unions lack 413 and 409: add them beside the others.
  const schemas = spec.components.schemas;
  for (const prefix of ['', 'Beta']) {
    const union = schemas[`${prefix}ErrorResponse`].properties.error;
    for (const [name, type] of [
      [`${prefix}RequestTooLargeError`, 'request_too_large'],
      [`${prefix}ConflictError`, 'conflict_error'],
    ]) {
      schemas[name] = {
        type: 'object',
        required: ['message', 'type'],
        properties: { message: { type: 'string' }, type: { const: type, type: 'string' } },
      };
      union.oneOf.push({ $ref: `#/components/schemas/${name}` });
      union.discriminator.mapping[type] = `#/components/schemas/${name}`;
    }
  }
  return spec;
}

function compileOperations(): Operation[] {
  const spec = loadSpec();
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'spec', components: spec.components });
  const ref = (schema: Json | undefined) => (schema?.$ref ? ajv.compile({ $ref: `spec${schema.$ref}` }) : undefined);
  const operations: Operation[] = [];
  for (const [key, methods] of Object.entries<Json>(spec.paths)) {
    const qualified = key.endsWith('?beta=true');
    const template = qualified ? key.slice(0, -'?beta=true'.length) : key;
    // A beta-qualified key is a GA operation only where no unqualified key has its path: the download.
    if (qualified && spec.paths[template]) continue;
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries<Json>(methods)) {
      const responseSchemas: Record<string, ValidateFunction> = {};
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        const content = response.content ?? {};
        const validate = ref((content['application/json'] ?? content['application/zip'])?.schema);
        if (validate) responseSchemas[status] = validate;
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        pattern,
        parameters: op.parameters ?? [],
        requestSchema: ref(op.requestBody?.content?.['multipart/form-data']?.schema),
        responseSchemas,
      });
    }
  }
  return operations;
}

let operations: Operation[] | undefined;
function gaOperations(): Operation[] {
  return (operations ??= compileOperations());
}

export function findGaOperation(method: string, path: string): Operation | undefined {
  return gaOperations().find((op) => op.method === method && op.pattern.test(path));
}

function schemaErrors(validate: ValidateFunction, value: unknown, what: string): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message}`);
}

/** Why a request the emulator logged is not one of the spec's GA operations as the API expects it. */
export function requestProblems(request: LoggedRequest): string[] {
  const op = findGaOperation(request.method, request.path);
  if (!op) return [`${request.method} ${request.path} is not a GA operation of the spec`];
  const problems: string[] = [];
  // The spec marks them optional; skills-api.md says every request carries them (the key as either header).
  if (!request.headers['anthropic-version']) problems.push('the anthropic-version header is missing');
  if (!request.headers['x-api-key'] && !request.headers.authorization) problems.push('no API key header');
  if (request.headers['anthropic-beta'] !== undefined) {
    problems.push(`anthropic-beta is sent (${request.headers['anthropic-beta']}): the GA surface takes none`);
  }
  if (request.headers['anthropic-version'] && request.headers['anthropic-version'] !== API_VERSION) {
    problems.push(`anthropic-version is ${request.headers['anthropic-version']}, not ${API_VERSION}`);
  }
  const queryParams = new Map(op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(request.query)) {
    const param = queryParams.get(name);
    if (!param) problems.push(`unknown query parameter ${name}`);
    if (name === 'limit') {
      const limit = Number(value);
      const [min, max] = boundsOf(param);
      if (!Number.isInteger(limit) || limit < min || limit > max) {
        problems.push(`limit ${value} is outside ${min}–${max}`);
      }
    }
    if (name === 'source' && value !== 'custom' && value !== 'anthropic')
      problems.push(`source ${value} is not custom or anthropic`);
  }
  // A body is known only if the emulator read it, i.e. answered (the client may abandon a request before).
  if (op.requestSchema && request.status !== undefined) {
    if (!request.contentType?.startsWith('multipart/form-data')) problems.push('the body is not multipart/form-data');
    // On the wire every file part is named files[]; the document calls the property files.
    const body: Json = { ...request.fields };
    for (const part of request.files) {
      const name = part.field === 'files[]' ? 'files' : part.field;
      (body[name] ??= []).push(part.filename);
    }
    problems.push(...schemaErrors(op.requestSchema, body, 'body'));
  }
  return problems;
}

/** Why the emulator's answer to a logged request does not match the spec's schema for it. */
export function responseProblems(request: LoggedRequest): string[] {
  const op = findGaOperation(request.method, request.path);
  if (!op || typeof request.status !== 'number') return [];
  if (request.status === 200 && typeof request.response === 'number') return []; // a zip's byte count
  const validate = request.status === 200 ? op.responseSchemas['200'] : op.responseSchemas['4XX'];
  if (!validate) return [`no schema for ${request.status} of ${op.operationId}`];
  return schemaErrors(validate, request.response, `${op.operationId} ${request.status}`);
}
