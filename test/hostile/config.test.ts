// Hostile or broken `.github/tagship.yml`: a config error is one line naming the key (or the file),
// never a crash, a hang or a read outside the project.
import { describeCases } from './support/describe-cases.js';
import { MARKER, versionFile } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';
import type { FileSpec } from './support/sandbox.js';

const BOTH = ['action', 'cli'] as const;
const CONFIG = '.github/tagship.yml';
const bad = (name: string, config: string, message?: RegExp, extra: Partial<HostileCase> = {}): HostileCase => ({ name, config, exit: 1, ...(message ? { message } : {}), ...extra });
const good = (name: string, config: string, extra: Partial<HostileCase> = {}): HostileCase => ({ name, config, exit: 0, ...extra });
/** The config file itself is not a plain file inside the project. */
const configFile = (name: string, spec: FileSpec, extra: Partial<HostileCase> = {}): HostileCase => ({ name, files: versionFile('1.2.3', { [CONFIG]: spec }), exit: 1, ...extra });
const aliasBomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');
const notCompared = /^(?![\s\S]*version is ")/;

const cases: HostileCase[] = [
  bad('YAML alias bomb (billion laughs)', `${aliasBomb}\n`, /tagship\.yml/, { via: [...BOTH] }),
  bad('1000 aliases of one anchor', `x: &x 1\ny: [${Array(1000).fill('*x').join(', ')}]\n`, /tagship\.yml/),
  bad('a recursive anchor', 'docker: &d\n  images: [*d]\n', /tagship\.yml/),
  bad('an alias to an undefined anchor', 'docker: *nowhere\n', /tagship\.yml/),
  bad('flow sequences nested 100 000 deep', `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /tagship\.yml/, { via: [...BOTH] }),
  bad('flow mappings nested 20 000 deep', `x: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, /tagship\.yml/),
  bad('block mappings nested 5 000 deep', `${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`, /tagship\.yml/),
  bad('tag-prefix is a number', 'tag-prefix: 42\n', /tag-prefix/, { via: [...BOTH] }),
  bad('tag-prefix is a list', 'tag-prefix: [v]\n', /tag-prefix/),
  bad('tag-prefix holds a newline and a command', `tag-prefix: "v\\n::set-output name=x::${MARKER}"\n`, /tag-prefix/, { marker: MARKER, via: [...BOTH] }),
  bad('docker is a string', 'docker: "yes"\n', /docker/),
  bad('docker.images is a string', 'docker:\n  images: ghcr.io/acme/app\n', /docker\.images/),
  bad('docker.images holds a newline and a command', `docker:\n  images: ["ghcr.io/acme/app\\n::add-mask::${MARKER}"]\n`, /docker\.images/, { marker: MARKER }),
  bad('docker.build-args value holds a newline', `docker:\n  build-args: { A: "x\\n::set-env name=A::${MARKER}" }\n`, /build-args/, { marker: MARKER }),
  bad('github-release.assets is a number', 'github-release:\n  assets: 42\n', /assets/),
  bad('body template with an unknown placeholder', 'github-release:\n  body-template: "{{secrets}}"\n', /placeholder/),
  bad('an unknown top-level key', 'tag_prefix: v\n', /unknown key/, { via: [...BOTH] }),
  bad('an unknown nested key', 'docker:\n  image: ghcr.io/acme/app\n', /unknown key/),
  bad('an unknown key that is a workflow command', `"::set-output name=x::${MARKER}": 1\n`, /unknown key/, { marker: MARKER, via: [...BOTH] }),
  bad('an unknown key with ##[error]', `"##[error]${MARKER}": 1\n`, /unknown key/, { marker: MARKER, via: [...BOTH] }),
  bad('an unknown key with U+0085 then ::add-mask', `"\u0085::add-mask::${MARKER}": 1\n`, /unknown key/, { marker: MARKER, via: [...BOTH] }),
  bad('duplicate keys', 'tag-prefix: v\ntag-prefix: x\n', /tagship\.yml/),
  bad('a !!binary value where a string belongs', 'tag-prefix: !!binary aGVsbG8=\n', /tag-prefix/),
  bad('a YAML 1.1 merge key', 'base: &b { images: [] }\ndocker:\n  <<: *b\n', /tagship\.yml/),
  bad('the top level is a list', '- tag-prefix: v\n', /mapping/),
  bad('the top level is a string', 'just text\n', /mapping/),
  bad('not YAML at all', 'tag-prefix: "unterminated\n', /not valid YAML/),
  good('an empty document', ''),
  good('a document that is only null', '~\n'),
  good('a UTF-8 BOM before the YAML', '\ufefftag-prefix: v\n', { via: [...BOTH] }),
  bad('an absolute asset glob', 'github-release:\n  assets: ["/etc/*"]\n', /assets/, { via: [...BOTH] }),
  bad('an asset glob climbing out with ..', 'github-release:\n  assets: ["../sentinel/*"]\n', /assets/, { via: [...BOTH] }),
  bad('an asset glob with .. in the middle', 'github-release:\n  assets: ["dist/../../sentinel/*"]\n', /assets/),
  bad('an asset glob with ** then ..', 'github-release:\n  assets: ["**/../../*"]\n', /assets/),
  bad('an asset glob under /proc', 'github-release:\n  assets: ["/proc/self/environ"]\n', /assets/),
  good('an ordinary asset glob', 'github-release:\n  assets: ["dist/*.whl"]\n'),
  bad('version-sources outside the project', 'version-sources: ["../sentinel/VERSION"]\n', notCompared, { via: [...BOTH] }),
  bad('version-sources naming /proc/self/environ', 'version-sources: ["/proc/self/environ"]\n', notCompared),
  bad('version-sources naming /dev/zero', 'version-sources: ["/dev/zero"]\n'),
  configFile('the config file is 3 GB (sparse)', { sparse: 3 * 2 ** 30, head: 'tag-prefix: v\n' }),
  configFile('the config file is 100 MB of comments (sparse)', { sparse: 100 * 2 ** 20, head: '# ' }),
  configFile('the config file is a FIFO', { fifo: true }, { via: [...BOTH] }),
  configFile('the config file is a directory', { dir: true }, { via: [...BOTH] }),
  configFile('the config file → /proc/self/environ', { symlink: '/proc/self/environ' }),
  configFile('the config file → ../../sentinel/VERSION', { symlink: '../../sentinel/VERSION' }),
  configFile('the config file → /dev/zero', { symlink: '/dev/zero' }),
];

describeCases('hostile config', cases);
