// Hostile project files: whatever the repository holds, tagship reads only regular files inside the
// project, of a sane size, and a malformed one is one line naming it, never a crash or a hang.
import { describeCases } from './support/describe-cases.js';
import { npmProject, pythonProject, versionFile } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';
import type { ProjectFiles } from './support/sandbox.js';

const BOTH = ['action', 'cli'] as const;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const refused = (name: string, files: ProjectFiles, extra: Partial<HostileCase> = {}): HostileCase => ({ name, files, exit: 1, ...extra });
const accepted = (name: string, files: ProjectFiles, extra: Partial<HostileCase> = {}): HostileCase => ({ name, files, exit: 0, ...extra });
/** setup.py makes the project a Python one, so tagship scans for `__version__` modules. */
const setupPy = { 'setup.py': 'from setuptools import setup\nsetup()\n' };
const json = (value: unknown) => JSON.stringify(value);
/** A refusal names the file; it never gets as far as comparing what it read as a version. */
const notCompared = /^(?![\s\S]*version is ")/;

const cases: HostileCase[] = [
  // VERSION
  refused('VERSION → /proc/self/environ', { VERSION: { symlink: '/proc/self/environ' } }, { via: [...BOTH] }),
  refused('VERSION → /etc/hostname', { VERSION: { symlink: '/etc/hostname' } }, { message: notCompared }),
  refused('VERSION → /proc/self/root/etc/hostname', { VERSION: { symlink: '/proc/self/root/etc/hostname' } }, { message: notCompared }),
  refused('VERSION → ../sentinel/VERSION (relative, outside)', { VERSION: { symlink: '../sentinel/VERSION' } }, { via: [...BOTH] }),
  refused('VERSION → a chain of links ending outside', { VERSION: { symlink: 'a' }, a: { symlink: 'b' }, b: { symlink: '../sentinel/VERSION' } }),
  refused('VERSION → /dev/zero', { VERSION: { symlink: '/dev/zero' } }, { via: [...BOTH] }),
  refused('VERSION → /dev/null', { VERSION: { symlink: '/dev/null' } }),
  refused('VERSION is a FIFO', { VERSION: { fifo: true } }, { via: [...BOTH] }),
  refused('VERSION is a directory', { VERSION: { dir: true } }, { via: [...BOTH] }),
  refused('VERSION is 3 GB (sparse)', { VERSION: { sparse: 3 * 2 ** 30, head: '1.2.3\n' } }),
  refused('VERSION is 100 MB (sparse)', { VERSION: { sparse: 100 * 2 ** 20, head: '1.2.3\n' } }),
  refused('VERSION is a link to itself', { VERSION: { symlink: 'VERSION' } }),
  refused('VERSION holds binary', { VERSION: Buffer.from([0, 1, 2, 0xff, 0xfe, 10]) }),
  accepted('VERSION → a file inside the project', { VERSION: { symlink: 'meta/VERSION' }, 'meta/VERSION': '1.2.3\n' }, { via: [...BOTH] }),
  accepted('VERSION through a directory link inside the project', { VERSION: { symlink: 'current/VERSION' }, current: { symlink: 'meta' }, 'meta/VERSION': '1.2.3\n' }),

  // package.json
  refused('package.json is null', { 'package.json': 'null' }, { via: [...BOTH], message: /package\.json/ }),
  refused('package.json is a number', { 'package.json': '42' }, { message: /package\.json/ }),
  refused('package.json is an array', { 'package.json': '[]' }, { message: /package\.json/ }),
  refused('package.json is a string', { 'package.json': '"1.2.3"' }, { message: /package\.json/ }),
  refused('package.json is not JSON', { 'package.json': '{"name": "widget",' }, { via: [...BOTH], message: /package\.json/ }),
  refused('package.json has a numeric name', { 'package.json': json({ name: 42, version: '1.2.3' }) }, { via: [...BOTH], message: /package\.json/ }),
  refused('package.json has a numeric version', { 'package.json': json({ name: 'widget', version: 1.2 }) }, { message: /package\.json/ }),
  refused('package.json nested 200 000 arrays deep', { 'package.json': deepArray(200_000) }, { via: [...BOTH], message: /package\.json/ }),
  accepted('package.json with a field nested 200 000 objects deep (valid JSON, as npm reads it)', { 'package.json': `{"name":"widget","version":"1.2.3","x":${deepObject(200_000)}}` }),
  accepted('package.json with a UTF-8 BOM', { 'package.json': `\ufeff${json({ name: 'widget', version: '1.2.3' })}` }, { via: [...BOTH] }),
  accepted('package.json version "v1.2.3" is cleaned like npm does', npmProject('v1.2.3'), { via: [...BOTH] }),
  refused('package.json is a directory', { 'package.json': { dir: true } }),
  refused('package.json is a FIFO', { 'package.json': { fifo: true } }),
  refused('package.json → /proc/self/environ', { 'package.json': { symlink: '/proc/self/environ' } }),
  refused('package.json → ../sentinel/package.json', { 'package.json': { symlink: '../sentinel/package.json' } }),
  refused('package.json is a link loop', { 'package.json': { symlink: 'package.json' } }),
  refused('workspaces ["../x"]', { 'package.json': json({ name: 'root', version: '1.2.3', workspaces: ['../sentinel'] }) }, { via: [...BOTH] }),
  refused('workspaces ["../*"]', { 'package.json': json({ name: 'root', version: '1.2.3', workspaces: ['../*'] }) }),
  refused('workspaces with an absolute path', { 'package.json': json({ name: 'root', version: '1.2.3', workspaces: ['/etc'] }) }),
  refused('workspaces.packages ["../x"]', { 'package.json': json({ name: 'root', version: '1.2.3', workspaces: { packages: ['../sentinel'] } }) }),
  refused('workspaces is a string', { 'package.json': json({ name: 'root', version: '1.2.3', workspaces: 'packages/*' }) }),
  refused('workspace member is a link to a directory outside', {
    'package.json': json({ name: 'root', version: '1.2.3', private: true, workspaces: ['packages/*'] }),
    'packages/evil': { symlink: '../../sentinel' },
  }),
  refused('workspace member package.json is a FIFO', {
    'package.json': json({ name: 'root', version: '1.2.3', private: true, workspaces: ['packages/*'] }),
    'packages/a/package.json': { fifo: true },
  }),
  refused('workspace member package.json is null', {
    'package.json': json({ name: 'root', version: '1.2.3', private: true, workspaces: ['packages/*'] }),
    'packages/a/package.json': 'null',
  }),

  // pyproject.toml, setup.cfg, __version__ modules, Cargo.toml
  refused('hatch version path "../sentinel/__version__.py"', {
    'pyproject.toml': '[project]\nname = "widget"\ndynamic = ["version"]\n\n[tool.hatch.version]\npath = "../sentinel/__version__.py"\n',
  }, { via: [...BOTH] }),
  refused('hatch version path "../../x/__about__.py"', {
    'pyproject.toml': '[project]\nname = "widget"\ndynamic = ["version"]\n\n[tool.hatch.version]\npath = "../../x/__about__.py"\n',
  }),
  refused('hatch version path /proc/self/environ', {
    'pyproject.toml': '[project]\nname = "widget"\ndynamic = ["version"]\n\n[tool.hatch.version]\npath = "/proc/self/environ"\n',
  }),
  refused('hatch version path is a FIFO in the project', {
    'pyproject.toml': '[project]\nname = "widget"\ndynamic = ["version"]\n\n[tool.hatch.version]\npath = "about.py"\n',
    'about.py': { fifo: true },
  }),
  refused('hatch version path is a directory', {
    'pyproject.toml': '[project]\nname = "widget"\ndynamic = ["version"]\n\n[tool.hatch.version]\npath = "about"\n',
    about: { dir: true },
  }),
  refused('hatch version path → /etc/hostname through a link', {
    'pyproject.toml': '[project]\nname = "widget"\ndynamic = ["version"]\n\n[tool.hatch.version]\npath = "about.py"\n',
    'about.py': { symlink: '/etc/hostname' },
  }, { message: notCompared }),
  refused('setup.cfg version = file: ../sentinel/VERSION', { 'setup.cfg': '[metadata]\nname = widget\nversion = file: ../sentinel/VERSION\n' }, { via: [...BOTH] }),
  refused('setup.cfg version = file: /proc/self/environ', { 'setup.cfg': '[metadata]\nname = widget\nversion = file: /proc/self/environ\n' }),
  refused('setup.cfg version = file: a FIFO', { 'setup.cfg': '[metadata]\nname = widget\nversion = file: VERSION.txt\n', 'VERSION.txt': { fifo: true } }),
  refused('setup.cfg is a directory', { 'setup.cfg': { dir: true } }),
  refused('pyproject.toml is not TOML', { 'pyproject.toml': '[project\nname = ' }, { message: /pyproject\.toml/ }),
  refused('pyproject.toml [project] is a number', { 'pyproject.toml': 'project = 42\n' }, { message: /pyproject\.toml/ }),
  refused('pyproject.toml version is a number', { 'pyproject.toml': '[project]\nname = "widget"\nversion = 1.2\n' }, { message: /pyproject\.toml/ }),
  refused('pyproject.toml nested 100 000 arrays deep', { 'pyproject.toml': `x = ${deepArray(100_000)}\n` }, { message: /pyproject\.toml/ }),
  refused('pyproject.toml is a directory', { 'pyproject.toml': { dir: true } }),
  refused('pyproject.toml → /proc/self/environ', { 'pyproject.toml': { symlink: '/proc/self/environ' } }),
  refused('__version__ module → /proc/self/environ', { ...setupPy, 'widget/__version__.py': { symlink: '/proc/self/environ' } }),
  refused('__version__ module → ../../sentinel/__version__.py', { ...setupPy, 'widget/__version__.py': { symlink: '../../sentinel/__version__.py' } }),
  refused('package directory → /etc', { ...setupPy, widget: { symlink: '/etc' } }),
  refused('package directory → the sentinel next to the project', { ...setupPy, widget: { symlink: '../sentinel' } }),
  refused('__init__.py is a FIFO', { ...setupPy, 'widget/__init__.py': { fifo: true } }),
  refused('Cargo.toml → /proc/self/environ', { 'Cargo.toml': { symlink: '/proc/self/environ' } }),
  refused('Cargo.toml is not TOML', { 'Cargo.toml': '[package\n' }, { message: /Cargo\.toml/ }),
  // The guard compares the forms an ecosystem publishes: spelling and padding are not the version, digits are.
  accepted('a Python project\'s VERSION padded with spaces (" 1.0 ") is tag v1.0', pythonProject('1.0', { VERSION: ' 1.0 \n' }), { tag: 'v1.0', via: [...BOTH] }),
  accepted('a Python project\'s VERSION spelled "v1.0" is tag v1.0', pythonProject('1.0', { VERSION: 'v1.0\n' }), { tag: 'v1.0' }),
  refused('a Python project\'s VERSION 1.0.0 is not tag v1.0 (published as another name)', pythonProject('1.0', { VERSION: '1.0.0\n' }), { tag: 'v1.0', message: /VERSION/ }),
  accepted('a plain Python project plans', pythonProject(), { via: [...BOTH] }),
];

describeCases('hostile project files', cases);
