// Hostile or broken webhook payloads (GITHUB_EVENT_PATH): every one is read as data; a payload that is
// not a JSON object, or a field of the wrong type, is one line or an ignored event, never a crash.
import { createRequire } from 'node:module';
import { describeCases } from './support/describe-cases.js';
import { MARKER } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';
import { tagPush } from '../support/payloads.js';

const require = createRequire(import.meta.url);
const examples = require('@octokit/webhooks-examples') as Array<{ name: string; examples: Array<Record<string, any>> }>;
const examplesOf = (event: string) => structuredClone(examples.find((e) => e.name === event)!.examples);

const BOTH = ['action', 'cli'] as const;
const raw = (name: string, text: string, exit: 0 | 1, extra: Partial<HostileCase> = {}): HostileCase => ({ name, event: { name: 'push', raw: text, ref: 'refs/tags/v1.2.3' }, exit, ...extra });
const event = (name: string, eventName: string, payload: unknown, exit: 0 | 1, extra: Partial<HostileCase> = {}): HostileCase => ({
  name,
  event: { name: eventName, payload, ref: 'refs/tags/v1.2.3' },
  exit,
  ...extra,
});
const release = (fields: Record<string, unknown>, action = 'published') => {
  const payload = examplesOf('release').find((p) => p.action === action)!;
  payload.release = { ...payload.release, tag_name: 'v1.2.3', ...fields };
  return payload;
};
const dispatch = (inputs: unknown) => ({ ...examplesOf('workflow_dispatch')[0], inputs });
const hostile = `v1.2.3\n::set-output name=version::${MARKER}`;

const cases: HostileCase[] = [
  // Not a JSON object at all.
  raw('the payload is null', 'null', 1, { via: [...BOTH], message: /event|payload/i }),
  raw('the payload is an array', '[]', 1, { via: [...BOTH], message: /event|payload/i }),
  raw('the payload is a string', '"refs/tags/v1.2.3"', 1, { message: /event|payload/i }),
  raw('the payload is a number', '42', 1, { message: /event|payload/i }),
  raw('the payload is true', 'true', 1, { message: /event|payload/i }),
  raw('the payload is not JSON', '{"ref": ', 1, { via: [...BOTH], message: /event|payload/i }),
  raw('the payload file is empty', '', 1, { message: /event|payload/i }),
  raw('a field nested 200 000 arrays deep is just data', `{"ref":"refs/tags/v1.2.3","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, 0, { via: [...BOTH] }),
  raw('the payload holds a lone surrogate', '{"ref":"refs/tags/v1.2.3","x":"\\ud800"}', 0),
  { name: 'GITHUB_EVENT_PATH does not exist', tag: 'v1.2.3', env: { GITHUB_EVENT_PATH: '/nonexistent/event.json' }, exit: 1, message: /event/i },
  { name: 'GITHUB_EVENT_PATH is a directory', tag: 'v1.2.3', env: { GITHUB_EVENT_PATH: '/' }, exit: 1, message: /event/i },
  // push: fields of the wrong type.
  event('push: ref is a number (GITHUB_REF is used)', 'push', { ref: 42 }, 0),
  event('push: ref is an object', 'push', { ref: { name: 'refs/tags/v1.2.3' } }, 0),
  event('push: ref is null', 'push', { ref: null }, 0),
  event('push: deleted is the string "true"', 'push', { ref: 'refs/tags/v1.2.3', deleted: 'true' }, 0),
  event('push: no ref in the payload', 'push', {}, 0),
  event('push: hostile ref in the payload wins over GITHUB_REF', 'push', { ref: `refs/tags/${hostile}` }, 1, { marker: MARKER }),
  event('push: a 5 000-commit payload', 'push', { ...tagPush('v1.2.3'), commits: Array.from({ length: 5000 }, (_, i) => ({ id: `${i}`, message: `::set-output name=x::${MARKER}` })) }, 0, { marker: MARKER }),
  // release.
  event('release: release is null', 'release', { action: 'published', release: null }, 0, { via: [...BOTH] }),
  event('release: release is a string', 'release', { action: 'published', release: 'v1.2.3' }, 0),
  event('release: release is an array', 'release', { action: 'published', release: ['v1.2.3'] }, 0),
  event('release: no action', 'release', { release: { tag_name: 'v1.2.3' } }, 0),
  event('release: action is a number', 'release', { action: 1, release: { tag_name: 'v1.2.3' } }, 0),
  event('release: tag_name is a number', 'release', release({ tag_name: 1.2 }), 0),
  event('release: tag_name is null', 'release', release({ tag_name: null }), 0),
  event('release: hostile tag_name', 'release', release({ tag_name: hostile }), 1, { marker: MARKER, via: [...BOTH] }),
  event('release: tag_name with ##[error]', 'release', release({ tag_name: `v1.2.3##[error]${MARKER}` }), 1, { marker: MARKER, via: [...BOTH] }),
  event('release: hostile body', 'release', release({ body: `::set-output name=x::${MARKER}\n##[error]${MARKER}\n\u0085::add-mask::${MARKER}` }), 0, { marker: MARKER }),
  event('release: hostile name', 'release', release({ name: `\n::error::${MARKER}` }), 0, { marker: MARKER }),
  event('release: body is a number', 'release', release({ body: 42 }), 0),
  event('release: body is an object', 'release', release({ body: { text: 'x' } }), 0),
  event('release: body is 5 MB', 'release', release({ body: `${'x'.repeat(5 * 2 ** 20)}\n::add-mask::${MARKER}` }), 0, { marker: MARKER }),
  // workflow_dispatch.
  event('dispatch: inputs is null', 'workflow_dispatch', dispatch(null), 1, { message: /version/ }),
  event('dispatch: inputs is an array', 'workflow_dispatch', dispatch(['1.2.3']), 1, { message: /version/ }),
  event('dispatch: version is a number', 'workflow_dispatch', dispatch({ version: 1.2 }), 1, { message: /version/ }),
  event('dispatch: version is blank', 'workflow_dispatch', dispatch({ version: '  ' }), 1, { message: /version/ }),
  event('dispatch: hostile version', 'workflow_dispatch', dispatch({ version: hostile }), 1, { marker: MARKER, message: /version/ }),
  event('dispatch: version with ##[error]', 'workflow_dispatch', dispatch({ version: `1.2.3##[error]${MARKER}` }), 1, { marker: MARKER, via: [...BOTH] }),
  event('dispatch: version v1.2.3 plans', 'workflow_dispatch', dispatch({ version: 'v1.2.3' }), 0),
  event('dispatch: stages with shell text', 'workflow_dispatch', dispatch({ version: '1.2.3', stages: 'release;rm -rf /' }), 1, { message: /stages/ }),
  event('dispatch: stages is a number', 'workflow_dispatch', dispatch({ version: '1.2.3', stages: 7 }), 0),
  event('pull_request_target with a hostile title is ignored', 'pull_request_target', { ...examplesOf('pull_request')[0], pull_request: { title: `::set-output name=x::${MARKER}` } }, 0, { marker: MARKER }),
  // Every real example of the events tagship reads, as GitHub sends them.
  ...examplesOf('push').map((payload, i) => event(`real push example ${i} (${payload.ref})`, 'push', payload, 0)),
  ...examplesOf('release').map((payload, i) => event(`real release example ${i} (${payload.action}) moved to v1.2.3`, 'release', { ...payload, release: { ...payload.release, tag_name: 'v1.2.3' } }, 0)),
  ...examplesOf('release')
    .filter((payload) => ['published', 'prereleased'].includes(payload.action))
    .map((payload, i) => event(`real ${payload.action} release example ${i} with a hostile tag`, 'release', { ...payload, release: { ...payload.release, tag_name: hostile } }, 1, { marker: MARKER })),
  ...examplesOf('workflow_dispatch').map((payload, i) => event(`real dispatch example ${i} with version 1.2.3`, 'workflow_dispatch', { ...payload, inputs: { version: '1.2.3' } }, 0)),
  ...['create', 'delete', 'pull_request'].map((name) => event(`real ${name} example is ignored`, name, examplesOf(name)[0], 0, { message: /^Nothing to do/m })),
];

describeCases('hostile event payloads', cases);
