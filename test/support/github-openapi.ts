/**
 * GitHub's OpenAPI description (npm @octokit/openapi) as a strict validator for requests and responses.
 *
 * The description is OpenAPI 3.0 (`nullable`, `$ref` into components) and its object schemas leave
 * extra properties open. Here every schema is converted to JSON Schema 2019-09, inlined, and closed:
 * `unevaluatedProperties: false` on every object (it sees through `allOf`, which
 * `additionalProperties` would not), so an unknown field fails just like a wrong type.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2019) => void;

type Json = Record<string, any>;

const require = createRequire(import.meta.url);
const specDir = join(dirname(require.resolve('@octokit/openapi/package.json')), 'generated');

let cachedSpec: Json | undefined;
function loadSpec(): Json {
  // api.github.com.json (13 MB) rather than the dereferenced copy (70 MB): refs are inlined here, lazily.
  cachedSpec ??= JSON.parse(readFileSync(join(specDir, 'api.github.com.json'), 'utf8')) as Json;
  return cachedSpec;
}

const OPENAPI_ONLY = new Set(['nullable', 'example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly']);

export interface OperationMatch {
  operationId: string;
  method: string;
  template: string;
  pathParams: Record<string, string>;
}

interface Operation {
  operationId: string;
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literalSegments: number;
  raw: Json;
  parameters: Json[];
}

let shared: OpenApiValidator | undefined;

export class OpenApiValidator {
  /** One per test worker: loading the description and compiling schemas is the slow part. */
  static shared(): OpenApiValidator {
    shared ??= new OpenApiValidator();
    return shared;
  }

  private readonly spec = loadSpec();
  private readonly ajv;
  private readonly coercing;
  private readonly operations: Operation[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    const options = { strict: false, allErrors: true, validateFormats: true } as const;
    this.ajv = new Ajv2019(options);
    this.coercing = new Ajv2019({ ...options, coerceTypes: true });
    for (const ajv of [this.ajv, this.coercing]) addFormats(ajv);
    for (const [template, item] of Object.entries(this.spec.paths as Json)) {
      for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
        const raw = (item as Json)[method];
        if (!raw) continue;
        const names: string[] = [];
        const segments = template.split('/').filter(Boolean);
        const pattern = segments
          .map((segment) => {
            const param = /^\{([^}]+)\}$/.exec(segment);
            if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            names.push(param[1]!);
            // `basehead` (`a...b`) and `path` may span segments.
            return param[1] === 'path' ? '(.+)' : '([^/]+)';
          })
          .join('/');
        const parameters = [...((item as Json).parameters ?? []), ...(raw.parameters ?? [])].map((p: Json) => this.resolve(p, 'parameters'));
        this.operations.push({
          operationId: raw.operationId,
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^/${pattern}$`),
          names,
          literalSegments: segments.length - names.length,
          raw,
          parameters,
        });
      }
    }
  }

  /** The operation a request addresses; literal segments win over parameters (`/releases/latest`). */
  match(method: string, path: string): OperationMatch | undefined {
    let best: { op: Operation; values: string[] } | undefined;
    for (const op of this.operations) {
      if (op.method !== method) continue;
      const m = op.regex.exec(path);
      if (!m) continue;
      if (!best || op.literalSegments > best.op.literalSegments) best = { op, values: m.slice(1) };
    }
    if (!best) return undefined;
    const pathParams = Object.fromEntries(best.op.names.map((name, i) => [name, decodeURIComponent(best!.values[i]!)]));
    return { operationId: best.op.operationId, method, template: best.op.template, pathParams };
  }

  /** Problems with a request, as sentences; empty when it is valid. */
  validateRequest(match: OperationMatch, query: URLSearchParams, contentType: string | undefined, body: Buffer): string[] {
    const op = this.operation(match);
    const where = `${match.method} ${match.template}`;
    const problems: string[] = [];
    for (const param of op.parameters.filter((p) => p.in === 'path')) {
      problems.push(...this.check(`param:${where}:${param.name}`, param.schema, match.pathParams[param.name], true).map((e) => `${where}: path parameter ${param.name} ${e}`));
    }
    const declared = op.parameters.filter((p) => p.in === 'query');
    for (const key of new Set(query.keys())) {
      const param = declared.find((p) => p.name === key);
      if (!param) {
        problems.push(`${where}: unknown query parameter ${key}`);
        continue;
      }
      problems.push(...this.check(`query:${where}:${key}`, param.schema, query.get(key), true).map((e) => `${where}: query parameter ${key} ${e}`));
    }
    for (const param of declared.filter((p) => p.required && !query.has(p.name))) problems.push(`${where}: missing required query parameter ${param.name}`);

    const requestBody = op.raw.requestBody ? this.resolve(op.raw.requestBody, 'requestBodies') : undefined;
    const jsonSchema = requestBody?.content?.['application/json']?.schema;
    if (!requestBody) {
      if (body.length) problems.push(`${where}: takes no request body, got ${body.length} bytes`);
    } else if (jsonSchema) {
      if (!body.length) {
        if (requestBody.required) problems.push(`${where}: request body is required`);
      } else {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8'));
        } catch {
          problems.push(`${where}: request body is not JSON`);
        }
        if (parsed !== undefined) problems.push(...this.check(`body:${where}`, jsonSchema, parsed).map((e) => `${where}: request body ${e}`));
      }
    } else if (!contentType) {
      problems.push(`${where}: binary request body without content-type`);
    }
    return problems;
  }

  /** Problems with a response; statuses the description does not list must be errors shaped like `basic-error`. */
  validateResponse(match: OperationMatch, status: number, body: unknown): string[] {
    const op = this.operation(match);
    const where = `${match.method} ${match.template} → ${status}`;
    const declared = op.raw.responses?.[String(status)] ?? op.raw.responses?.default;
    if (!declared) {
      if (status < 400) return [`${where}: status not in the OpenAPI description`];
      return this.check('basic-error', { $ref: '#/components/schemas/basic-error' }, body).map((e) => `${where}: error body ${e}`);
    }
    const response = this.resolve(declared, 'responses');
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return body === undefined ? [] : [`${where}: the description has no body for this status`];
    return this.check(`response:${where}`, schema, body).map((e) => `${where}: response body ${e}`);
  }

  private operation(match: OperationMatch): Operation {
    return this.operations.find((o) => o.method === match.method && o.template === match.template)!;
  }

  private check(key: string, schema: Json, value: unknown, coerce = false): string[] {
    let validate = this.cache.get(key);
    if (!validate) {
      const ajv = coerce ? this.coercing : this.ajv;
      const converted = this.convert(schema, [], false);
      for (const format of collectFormats(converted)) if (!ajv.formats[format]) ajv.addFormat(format, true);
      const compiled = ajv.compile(converted);
      this.cache.set(key, compiled);
      validate = compiled;
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params && 'unevaluatedProperty' in e.params ? ` (${e.params.unevaluatedProperty})` : ''}`);
  }

  private resolve(node: Json, kind: string): Json {
    let current = node;
    for (let i = 0; current?.$ref && i < 10; i++) {
      const [, section, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current.$ref) ?? [];
      current = this.spec.components?.[section ?? kind]?.[name ?? ''];
    }
    return current;
  }

  /** OpenAPI 3.0 schema → closed JSON Schema 2019-09, refs inlined (a recursive ref becomes open). */
  private convert(schema: Json, stack: string[], inAllOf: boolean): Json {
    if (schema.$ref) {
      const name = String(schema.$ref).split('/').pop()!;
      if (stack.includes(name)) return {};
      return this.convert(this.resolve(schema, 'schemas'), [...stack, name], inAllOf);
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(schema)) {
      if (OPENAPI_ONLY.has(key) || key.startsWith('x-')) continue;
      switch (key) {
        case 'properties':
          out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, this.convert(v, stack, false)]));
          break;
        case 'items':
        case 'not':
          out[key] = this.convert(value, stack, false);
          break;
        case 'additionalProperties':
          out[key] = typeof value === 'object' ? this.convert(value, stack, false) : value;
          break;
        case 'allOf':
          out.allOf = (value as Json[]).map((s) => this.convert(s, stack, true));
          break;
        case 'anyOf':
        case 'oneOf':
          out[key] = (value as Json[]).map((s) => this.convert(s, stack, inAllOf));
          break;
        default:
          out[key] = value;
      }
    }
    const isObject = out.type === 'object' || out.properties || out.allOf;
    if (isObject && !inAllOf && out.additionalProperties === undefined && (out.properties || out.allOf)) out.unevaluatedProperties = false;
    if (schema.nullable) {
      if (out.type) out.type = [out.type, 'null'];
      if (out.enum) out.enum = [...out.enum, null];
      if (!out.type) return { anyOf: [out, { type: 'null' }] };
    }
    return out;
  }
}

function collectFormats(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => collectFormats(s, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else collectFormats(value, found);
    }
  }
  return found;
}
