// What the full rehearsal needs from the system Python, and the Debian packages that provide it:
// `python -m build --no-isolation` needs build, setuptools and wheel installed (no internet to fetch
// them); the verify step makes a venv and installs into it with the base pip (22.3 or later) or,
// without one, seeds pip with ensurepip (python3-venv).
import { execFileSync } from 'node:child_process';

const PROBE = `
import importlib.util as util
missing = [pkg for mod, pkg in [("build", "python3-build"), ("setuptools", "python3-setuptools"), ("wheel", "python3-wheel"), ("venv", "python3-venv")] if util.find_spec(mod) is None]
try:
    import pip
    pip_ok = tuple(int(p) for p in pip.__version__.split(".")[:2]) >= (22, 3)
except Exception:
    pip_ok = False
if not pip_ok and util.find_spec("ensurepip") is None and "python3-venv" not in missing:
    missing.append("python3-venv")
print(" ".join(missing))
`;

export const FULL_REHEARSAL_PACKAGES = ['python3-build', 'python3-setuptools', 'python3-wheel', 'python3-venv'];

/** Debian packages missing for the full rehearsal (empty when it can run), or every package when `python` is absent. */
export function missingPythonParts(python) {
  try {
    const out = execFileSync(python, ['-c', PROBE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    return out.trim().split(/\s+/).filter(Boolean);
  } catch {
    return ['python3', ...FULL_REHEARSAL_PACKAGES];
  }
}
