/**
 * The environment of every process tagship starts. The action's own environment holds every input
 * as `INPUT_*` (pypi-token, npm-token, github-token, registry-credentials, webhook URLs), the runner's
 * OIDC request credentials and its cache token; a build backend, a lifecycle script or a `.pth` file
 * of a dependency runs with whatever its process was given. So a child gets an allow-list: what any
 * program needs (PATH, HOME, locale, temp dirs, proxies, CA bundles, the Windows basics), the
 * non-secret CI context tools read, and per tool the variables that tool documents — plus only what
 * its caller sets explicitly (`set`, `secretEnv`), which may never be a forbidden name.
 */

/** The allow-lists, one per kind of program tagship runs. */
export type Tool =
  /** `git log`, `git ls-remote`. */
  | 'git'
  /** The Python build command (`python -m build`, a PEP 517 backend, setuptools_scm calling git). */
  | 'python-build'
  /** The verify stage's venv, `pip install` and check command. */
  | 'python'
  /** npm without credentials: `npm pack` and lifecycle scripts, `npm run`, the verify install. */
  | 'npm'
  /** `npm publish <tarball> --ignore-scripts` and `npm dist-tag`: no package code runs in them. */
  | 'npm-publish'
  /** The Docker CLI: login, deploy, the verify stage's `docker run`. */
  | 'docker'
  /**
   * A Docker credential helper (`docker-credential-NAME get`) the Docker config names: it reads the
   * cloud's own login (ECR's, GCR's, ACR's variables) or a keyring, never tagship's secrets.
   */
  | 'credential-helper'
  /** The Docker CLI aimed at the `docker-host` tagship sets: the runner's own context and host are left out. */
  | 'docker-remote'
  /** `docker buildx build`: the only child that gets the runner's cache credentials (its `type=gha` cache). */
  | 'buildx'
  /** buildah and skopeo. */
  | 'buildah'
  /**
   * Trivy or Grype scanning an image in a registry: their own settings (database and cache location,
   * mirrors), the Docker config they may read logins from, and the one registry login tagship hands
   * them, never one inherited from the workflow's environment.
   */
  | 'scanner';

interface Profile {
  names: readonly string[];
  prefixes: readonly string[];
  /** Names under a prefix above that stay out (credentials of the same tool). */
  except?: RegExp;
}

/** Names every child gets. Matched ignoring case: Windows spells them `Path`, `SystemRoot`, … */
const BASE = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TEMP',
  'TMP',
  'RUNNER_TEMP',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  'REQUESTS_CA_BUNDLE',
  // actions/setup-python exports it on Linux: its interpreters find libpython through it.
  'LD_LIBRARY_PATH',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'XDG_DATA_HOME',
  'XDG_RUNTIME_DIR',
  // Windows: without SystemRoot even Python cannot open a socket.
  'SYSTEMROOT',
  'SYSTEMDRIVE',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'PROGRAMDATA',
  'PROGRAMFILES',
  'PROGRAMFILES(X86)',
  'PROGRAMW6432',
  'COMMONPROGRAMFILES',
  'HOMEDRIVE',
  'HOMEPATH',
  'NUMBER_OF_PROCESSORS',
  'PROCESSOR_ARCHITECTURE',
  'OS',
];

/**
 * The run's public context (what the workflow log shows anyway): CI detection (`CI`, `GITHUB_ACTIONS`,
 * read by ci-info, npm and most test runners) and what npm's provenance statement is made of. Not the
 * token, not the event payload, and not GITHUB_ENV / GITHUB_OUTPUT / GITHUB_PATH / GITHUB_STEP_SUMMARY:
 * a child that could write those could set variables and outputs for the steps after tagship.
 */
const CI_CONTEXT = [
  'CI',
  'GITHUB_ACTIONS',
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_TYPE',
  'GITHUB_WORKFLOW',
  'GITHUB_WORKFLOW_REF',
  'GITHUB_WORKFLOW_SHA',
  'GITHUB_EVENT_NAME',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_JOB',
  'GITHUB_WORKSPACE',
  'RUNNER_OS',
  'RUNNER_ARCH',
  'RUNNER_ENVIRONMENT',
];

/** git(1) ENVIRONMENT VARIABLES: how to reach and trust a remote, and config given through the environment. */
const GIT: Profile = {
  names: ['GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_SSH_VARIANT', 'SSH_AUTH_SOCK', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_COUNT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH', 'GIT_CEILING_DIRECTORIES', 'XDG_CONFIG_HOME'],
  prefixes: ['GIT_CONFIG_KEY_', 'GIT_CONFIG_VALUE_'],
};

/** What a Python interpreter (and the interpreter setup-python installed) reads. */
const PYTHON_RUNTIME = ['PYTHONUTF8', 'PYTHONIOENCODING', 'PYTHONHASHSEED', 'PYTHONDONTWRITEBYTECODE', 'PYTHONWARNINGS', 'VIRTUAL_ENV', 'pythonLocation', 'Python_ROOT_DIR', 'Python3_ROOT_DIR'];

/** pip's options as `PIP_<OPTION>` (pip "Configuration"); uv's as `UV_*`, except its publish credentials. */
const PIP_LIKE = ['PIP_', 'UV_'];
const NOT_UPLOAD_CREDENTIALS = /^UV_PUBLISH_/i;

/** The runner's cache service credentials: buildx's `type=gha` cache reads them; nothing else may. */
export const RUNNER_CACHE = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];

/**
 * Settings tagship decides per command, and every credential npm can read from the environment
 * (`_authToken`, `_auth`, `_password`, per-registry `//host/:…` keys, certificates with their keys).
 * npm also sets several of these for every script it runs, `userconfig` among them, so neither
 * `npm run` nor the workflow's env can redirect a publish, change its tag or lend it a credential.
 */
const NPM_NOT_INHERITED = /^npm_config_(?:\/\/.*|_.*|userconfig|globalconfig|registry|@.*:registry|tag|access|provenance|dry[-_]run|json|otp|workspaces?|include[-_]workspace[-_]root|local[-_]prefix|always[-_]auth|username|password|email|key|cert|ignore[-_]scripts|script[-_]shell)$/i;

/** Registry logins Trivy (`TRIVY_USERNAME`, … ; its private-registries guide) and Grype (`GRYPE_REGISTRY_AUTH_*`) read: only tagship sets them. */
const SCANNER_REGISTRY_LOGINS = /^(TRIVY_(USERNAME|PASSWORD|REGISTRY_TOKEN)|GRYPE_REGISTRY_AUTH_.*)$/i;

const PROFILES: Record<Tool, Profile> = {
  git: GIT,
  'python-build': {
    names: [
      ...GIT.names,
      ...PYTHON_RUNTIME,
      'SOURCE_DATE_EPOCH',
      'PDM_BUILD_SCM_VERSION',
      // Compilers of extension modules.
      'CC',
      'CXX',
      'CFLAGS',
      'CXXFLAGS',
      'CPPFLAGS',
      'LDFLAGS',
      'ARCHFLAGS',
      'MACOSX_DEPLOYMENT_TARGET',
      'PKG_CONFIG_PATH',
      'CARGO_HOME',
      'RUSTUP_HOME',
    ],
    prefixes: [...GIT.prefixes, ...PIP_LIKE, 'SETUPTOOLS_SCM_', 'SETUPTOOLS_USE_DISTUTILS', 'HATCH_BUILD_', 'MATURIN_'],
    except: NOT_UPLOAD_CREDENTIALS,
  },
  python: { names: PYTHON_RUNTIME, prefixes: PIP_LIKE, except: NOT_UPLOAD_CREDENTIALS },
  npm: npmProfile(),
  'npm-publish': npmProfile(),
  docker: { names: ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_API_VERSION', 'SSH_AUTH_SOCK'], prefixes: [] },
  'credential-helper': {
    names: ['DOCKER_CONFIG', 'DBUS_SESSION_BUS_ADDRESS', 'PASSWORD_STORE_DIR', 'GNUPGHOME', 'GOOGLE_APPLICATION_CREDENTIALS'],
    prefixes: ['AWS_', 'CLOUDSDK_', 'AZURE_'],
  },
  'docker-remote': { names: ['DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_API_VERSION', 'SSH_AUTH_SOCK'], prefixes: [] },
  buildx: {
    names: ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_CERT_PATH', 'DOCKER_TLS_VERIFY', 'DOCKER_API_VERSION', 'SSH_AUTH_SOCK', ...RUNNER_CACHE],
    prefixes: ['BUILDX_', 'BUILDKIT_'],
  },
  buildah: {
    names: ['STORAGE_DRIVER', 'STORAGE_OPTS', 'REGISTRY_AUTH_FILE', 'DOCKER_CONFIG', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME'],
    prefixes: ['BUILDAH_', 'CONTAINERS_'],
  },
  scanner: {
    names: ['DOCKER_CONFIG', 'XDG_CACHE_HOME'],
    prefixes: ['TRIVY_', 'GRYPE_'],
    except: SCANNER_REGISTRY_LOGINS,
  },
};

/** `npm_config_*` / `NPM_CONFIG_*` (npm "config": every setting as an environment variable), minus credentials and what tagship decides. */
function npmProfile(): Profile {
  return { names: ['NODE_OPTIONS', 'COREPACK_HOME', 'COREPACK_ENABLE_STRICT', 'COREPACK_ENABLE_DOWNLOAD_PROMPT'], prefixes: ['npm_config_'], except: NPM_NOT_INHERITED };
}

/**
 * Names no child gets, whatever its caller asks: the action's inputs, the runner's OIDC request
 * credentials (whoever holds them can mint ID tokens for any audience: PyPI, npm, cloud roles), and
 * the cache credentials outside buildx.
 */
export function forbiddenFor(tool: Tool, name: string): boolean {
  const upper = name.toUpperCase();
  if (upper.startsWith('INPUT_')) return true;
  if (upper === 'ACTIONS_ID_TOKEN_REQUEST_TOKEN') return true;
  // npm checks that the URL is set before it signs provenance (it then takes the ID token tagship
  // minted from SIGSTORE_ID_TOKEN); without the request token the URL mints nothing.
  if (upper === 'ACTIONS_ID_TOKEN_REQUEST_URL') return tool !== 'npm-publish';
  if (RUNNER_CACHE.includes(upper)) return tool !== 'buildx';
  return false;
}

export interface ChildEnvExtras {
  /** Non-secret settings tagship decides for this process; they win over the parent's. */
  set?: Readonly<Record<string, string | undefined>>;
  /** The credential this process needs, as the variable(s) it reads it from. */
  secretEnv?: Readonly<Record<string, string | undefined>>;
}

/**
 * The environment a `tool` child gets from `parent`: the allow-lists above, then `set` and
 * `secretEnv`. Asking for a forbidden name is a bug in tagship, not the user's doing.
 */
export function childEnv(parent: NodeJS.ProcessEnv, tool: Tool, extras: ChildEnvExtras = {}): Record<string, string> {
  const profile = PROFILES[tool];
  const base = new Set([...BASE, ...CI_CONTEXT].map((name) => name.toUpperCase()));
  const names = new Set(profile.names);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || forbiddenFor(tool, name)) continue;
    const allowed =
      base.has(name.toUpperCase()) ||
      name.startsWith('LC_') ||
      names.has(name) ||
      profile.prefixes.some((prefix) => name.toUpperCase().startsWith(prefix.toUpperCase()));
    if (allowed && !profile.except?.test(name)) env[name] = value;
  }
  for (const [name, value] of [...Object.entries(extras.set ?? {}), ...Object.entries(extras.secretEnv ?? {})]) {
    if (forbiddenFor(tool, name)) throw new Error(`refusing to pass ${name} to a ${tool} process`);
    if (value === undefined) continue;
    // Windows spells it `Path`: setting `PATH` must replace it, not sit beside it.
    for (const inherited of Object.keys(env)) if (inherited !== name && inherited.toUpperCase() === name.toUpperCase()) delete env[inherited];
    env[name] = value;
  }
  return env;
}
