// Checks requests and answers against the official OpenAPI subset in ../shared/spec, as skills-api.md
// says: the beta operations are the path keys ending in `?beta=true`; Ajv's 2020-12 build without strict
// mode; the error union completed with request_too_large and conflict_error; limit bounds enforced here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { LoggedRequest } from '../emulator/server';
import { repoRoot } from './vscodeServer';

export const SPEC_PATH = process.env.SKILLS_OPENAPI ?? join(repoRoot, '..', 'shared', 'spec', 'skills-openapi.json');
const BETA_HEADER = 'skills-2025-10-02';
const LIMIT_BOUNDS: Record<string, number> = { '/v1/skills': 100, '/v1/skills/{skill_id}/versions': 1000 };

interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path';
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
  // The document's error union lacks 413 and 409: add them beside the others.
  const schemas = spec.components.schemas;
  const union = schemas.BetaErrorResponse.properties.error;
  for (const [name, type] of [
    ['BetaRequestTooLargeError', 'request_too_large'],
    ['BetaConflictError', 'conflict_error'],
  ]) {
    schemas[name] = {
      type: 'object',
      required: ['message', 'type'],
      properties: { message: { type: 'string' }, type: { const: type, type: 'string' } },
    };
    union.oneOf.push({ $ref: `#/components/schemas/${name}` });
    union.discriminator.mapping[type] = `#/components/schemas/${name}`;
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
    if (!key.endsWith('?beta=true')) continue;
    const template = key.slice(0, -'?beta=true'.length);
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
function betaOperations(): Operation[] {
  return (operations ??= compileOperations());
}

export function findBetaOperation(method: string, path: string): Operation | undefined {
  return betaOperations().find((op) => op.method === method && op.pattern.test(path));
}

function schemaErrors(validate: ValidateFunction, value: unknown, what: string): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message}`);
}

/** Why a request the emulator logged is not one of the spec's beta operations as the API expects it. */
export function requestProblems(request: LoggedRequest): string[] {
  const op = findBetaOperation(request.method, request.path);
  if (!op) return [`${request.method} ${request.path} is not a beta operation of the spec`];
  const problems: string[] = [];
  if (request.query.beta !== 'true') problems.push('the query lacks beta=true');
  for (const param of op.parameters.filter((p) => p.in === 'header')) {
    // The spec marks them optional; skills-api.md says every request carries them.
    if (!request.headers[param.name]) problems.push(`the ${param.name} header is missing`);
  }
  const betas = (request.headers['anthropic-beta'] ?? '').split(',').map((b) => b.trim());
  if (!betas.includes(BETA_HEADER)) problems.push(`anthropic-beta does not include ${BETA_HEADER}`);
  if (request.headers['anthropic-version'] && request.headers['anthropic-version'] !== '2023-06-01') {
    problems.push(`anthropic-version is ${request.headers['anthropic-version']}, not 2023-06-01`);
  }
  const queryNames = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const [name, value] of Object.entries(request.query)) {
    if (name === 'beta') continue;
    if (!queryNames.has(name)) problems.push(`unknown query parameter ${name}`);
    if (name === 'limit') {
      const limit = Number(value);
      const max = LIMIT_BOUNDS[op.template];
      if (!Number.isInteger(limit) || limit < 1 || limit > max) problems.push(`limit ${value} is outside 1–${max}`);
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
  const op = findBetaOperation(request.method, request.path);
  if (!op || typeof request.status !== 'number') return [];
  if (request.status === 200 && typeof request.response === 'number') return []; // a zip's byte count
  const validate = request.status === 200 ? op.responseSchemas['200'] : op.responseSchemas['4XX'];
  if (!validate) return [`no schema for ${request.status} of ${op.operationId}`];
  return schemaErrors(validate, request.response, `${op.operationId} ${request.status}`);
}
