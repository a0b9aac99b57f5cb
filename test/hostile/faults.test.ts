// Faults a hostile repository can stage without privileges: huge directory fan-out, link loops,
// unreadable special files where a scan looks. Each run ends in bounded time with a plan or one line.
import { describeCases } from './support/describe-cases.js';
import { pythonProject } from './support/projects.js';
import type { HostileCase } from './support/run-case.js';
import type { ProjectFiles } from './support/sandbox.js';

const manyDirs = (count: number): ProjectFiles => Object.fromEntries(Array.from({ length: count }, (_, i) => [`pkg${i}`, { dir: true }]));
const deepDirs = (depth: number): ProjectFiles => ({ [`packages/${Array.from({ length: depth }, (_, i) => `d${i}`).join('/')}/package.json`]: '{"name":"deep","version":"1.2.3"}' });

const cases: HostileCase[] = [
  { name: '5 000 top-level directories in a Python project', files: pythonProject('1.2.3', { 'setup.py': '', ...manyDirs(5000) }), exit: 0 },
  { name: 'a directory link loop where modules are scanned', files: pythonProject('1.2.3', { 'setup.py': '', 'src/loop': { symlink: '.' } }), exit: 0 },
  {
    name: 'workspace glob "packages/**" over a directory link loop',
    files: {
      'package.json': JSON.stringify({ name: 'root', version: '1.2.3', private: true, workspaces: ['packages/**'] }),
      'packages/a/b': { symlink: '..' },
      'packages/a/package.json': '{"name":"a","version":"1.2.3"}',
    },
    exit: 0,
  },
  {
    name: 'workspace glob "packages/**" over 100 nested directories',
    files: { 'package.json': JSON.stringify({ name: 'root', version: '1.2.3', private: true, workspaces: ['packages/**'] }), ...deepDirs(100) },
    exit: 0,
  },
  { name: 'a FIFO where a Python module would be, not a version module name', files: pythonProject('1.2.3', { 'setup.py': '', 'widget/helpers.py': { fifo: true } }), exit: 0 },
  // setup.py marks a Python project; a link out of the project is refused like every project file.
  { name: 'a socket-like special file (/dev/null) as setup.py', files: pythonProject('1.2.3', { 'setup.py': { symlink: '/dev/null' } }), exit: 1, message: /setup\.py.*outside the project/ },
  {
    name: 'a workspace pattern "**" that also matches the root package.json',
    files: { 'package.json': JSON.stringify({ name: 'root', version: '1.2.3', private: true, workspaces: ['**'] }), 'packages/a/package.json': '{"name":"a","version":"1.2.3"}' },
    // Reading the root once more as its own member, or refusing the pattern with one line, are both honest.
    exit: [0, 1],
  },
];

describeCases('faults', cases);
