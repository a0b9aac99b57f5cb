export const id = 226;
export const ids = [226,717];
export const modules = {

/***/ 82226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeBuild: () => (/* binding */ describeBuild),
  executePythonBuild: () => (/* binding */ executePythonBuild)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/project/files.ts
var files = __webpack_require__(83930);
// EXTERNAL MODULE: ./src/runtime/passed-env.ts
var passed_env = __webpack_require__(42164);
;// CONCATENATED MODULE: ./src/runtime/error-line.ts
/**
 * The line of a failed tool's output that names the cause, for a one-line error. A build's last lines
 * are usually its wrapper's epilogue (a traceback's frames, `ERROR Backend subprocess exited…`, npm's
 * log path), while the cause sits higher up; a person scrolls up to the exception or `error:` line,
 * and this does the same.
 *
 * In order: the exception line that ends the last Python traceback (`RuntimeError: …`); else the last
 * line that says error (`error: command 'gcc' failed`, `ERROR: …`), a frontend's generic
 * "subprocess exited" line only when nothing else says error; else the last lines, as `tail` gives them.
 */
function errorLine(result, fallbackCount = 5) {
    const lines = [...outputLines(result.stderr), ...outputLines(result.stdout)];
    const exception = lastException(outputLines(result.stderr)) ?? lastException(outputLines(result.stdout));
    const wrapper = lines.filter((line) => WRAPPER.test(line)).at(-1);
    const cause = exception ?? lines.filter((line) => SAYS_ERROR.test(line) && !WRAPPER.test(line) && !TRACEBACK_FRAME.test(line)).at(-1);
    if (cause)
        return wrapper ? `${cause} (${wrapper})` : cause;
    if (wrapper)
        return wrapper;
    const last = outputLines(result.stderr).length ? outputLines(result.stderr) : outputLines(result.stdout);
    return last.slice(-fallbackCount).join(' | ');
}
function outputLines(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '');
}
/** `python -m build`'s own epilogue: says that the backend failed, never why. */
const WRAPPER = /^(ERROR )?Backend subprocess exited when trying to invoke \S+|^ERROR Failed building a (wheel|sdist)\b/;
/** A line that says it reports an error, as compilers, pip, setuptools and most CLIs word it. */
const SAYS_ERROR = /(^|[\s:[(])(error|ERROR|Error|fatal|FATAL)\b[:\s!]|^\S+Error\b|^E\s{2,}/;
const TRACEBACK_FRAME = /^\s+File "/;
/**
 * The exception line after the last `Traceback (most recent call last):` block: the first line after it
 * that is not indented (frames and source excerpts are), e.g. `ModuleNotFoundError: No module named 'x'`.
 */
function lastException(lines) {
    const start = lines.map((line) => line.startsWith('Traceback (most recent call last)')).lastIndexOf(true);
    if (start < 0)
        return undefined;
    return lines.slice(start + 1).find((line) => !/^\s/.test(line) && !line.startsWith('^'));
}

// EXTERNAL MODULE: ./src/runtime/process.ts
var process = __webpack_require__(80717);
// EXTERNAL MODULE: ./src/python/distributions.ts + 1 modules
var distributions = __webpack_require__(32595);
// EXTERNAL MODULE: ./src/python/select.ts
var python_select = __webpack_require__(2240);
;// CONCATENATED MODULE: ./src/python/build.ts







/**
 * The Python build: runs the configured command in the project, then reads every sdist and wheel it
 * left in the output directory, trusting only the metadata inside each file. Building is always
 * repeated on a re-run (it writes nothing outside the checkout); the upload step decides what is new.
 */
const executePythonBuild = async (step, ctx) => {
    const [command, ...args] = step.command;
    // Files written from here on are this build's; a second of slack for coarse file-system clocks.
    const startedAt = Date.now() - 1000;
    // The build backend and everything it installs run here: the python-build allow-list, no token.
    // python.build-env adds what the project's own build reads besides the allow-list.
    const passed = (0,passed_env/* passedEnv */.m)(ctx, step.env);
    // The build's output streams into the step's log group as it comes: a failure is read there, and
    // a long build shows it is alive.
    const result = await (0,process.runProcess)(command, args, {
        parentEnv: ctx.env,
        tool: 'python-build',
        set: await reproducibleTimestamp(ctx),
        secretEnv: passed,
        cwd: ctx.cwd,
        signal: ctx.signal,
        onLine: (line) => ctx.runner.info(line),
    });
    if (result.code !== 0) {
        throw new errors/* UserError */.yo(`The build command \`${step.command.join(' ')}\` exited ${result.code}: ${errorLine(result)}. The build's output is in the log above. Fix the build (or python.build-command) and re-run; nothing was uploaded.`);
    }
    return describeBuild(step, (0,python_select/* selectDistributions */.aq)(await (0,distributions/* readDistributions */.cz)(ctx.cwd, step.outDir, (0,files/* buildOutputRoots */.Tg)(ctx.env)), { project: step.project, version: step.version, dir: step.outDir, builtSince: startedAt }));
};
/**
 * SOURCE_DATE_EPOCH set to the commit's time, unless the workflow sets its own: wheel builders then
 * write the same bytes for the same commit, so a re-run after a part-way upload finds the files it
 * already uploaded unchanged instead of "different contents under an existing name".
 */
async function reproducibleTimestamp(ctx) {
    if (ctx.env.SOURCE_DATE_EPOCH)
        return {};
    const git = await (0,process.runProcess)('git', ['log', '-1', '--format=%ct', 'HEAD'], { parentEnv: ctx.env, tool: 'git', cwd: ctx.cwd, signal: ctx.signal }).catch(() => undefined);
    const epoch = git?.code === 0 ? git.stdout.trim() : '';
    return /^\d+$/.test(epoch) ? { SOURCE_DATE_EPOCH: epoch } : {};
}
function describeBuild(step, selection) {
    const produced = { files: selection.files, ignored: selection.ignored };
    const name = selection.files[0].name;
    const ignored = selection.ignored.length ? `; ignored older files in ${step.outDir}/: ${selection.ignored.map((f) => `${f.filename} (${f.version})`).join(', ')}` : '';
    return {
        id: step.id,
        status: 'done',
        detail: `built ${name} ${step.version}: ${selection.files.map((f) => f.filename).join(', ')}${ignored}`,
        produced: produced,
    };
}


/***/ }),

/***/ 32595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pc: () => (/* binding */ normalizeName),
  cz: () => (/* binding */ readDistributions)
});

// UNUSED EXPORTS: distributionType, wheelPythonTag

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/blake2.js + 3 modules
var blake2 = __webpack_require__(84374);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/utils.js
var utils = __webpack_require__(42565);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./node_modules/nanotar/dist/index.mjs
var dist = __webpack_require__(76480);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/project/files.ts
var files = __webpack_require__(83930);
// EXTERNAL MODULE: ./src/python/metadata.ts
var python_metadata = __webpack_require__(62117);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(51306);
;// CONCATENATED MODULE: ./src/python/zip.ts

/**
 * Reads the entries of a zip archive (a wheel) whose names `wanted` accepts. Only the chosen entries are
 * inflated: a wheel's METADATA is one small file among many.
 */
function readZipEntries(bytes, wanted) {
    const files = (0,esm/* unzipSync */.AO)(bytes, { filter: (file) => wanted(file.name) });
    return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data)]));
}

;// CONCATENATED MODULE: ./src/python/distributions.ts












/** PEP 503 normalised project name: what two spellings of one project share. */
function normalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Whether a file name is a distribution this step uploads. */
function distributionType(filename) {
    if (filename.endsWith('.whl'))
        return 'bdist_wheel';
    if (filename.endsWith('.tar.gz'))
        return 'sdist';
    return undefined;
}
/**
 * Every sdist and wheel in `dir` (relative to the project), each with the metadata inside it and its
 * digests. Each file must resolve inside the project or `alsoWithin` (RUNNER_TEMP): see src/project/files.ts.
 */
async function readDistributions(cwd, outDir, alsoWithin = [], namedBy = 'python.out-dir') {
    const dir = (0,files/* checkRelativePath */._k)(outDir, namedBy);
    const absolute = (0,external_node_path_.join)(cwd, dir);
    const names = await (0,promises_.readdir)(absolute).catch((error) => {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    });
    const found = [];
    for (const filename of names.sort()) {
        const filetype = distributionType(filename);
        if (!filetype)
            continue;
        const path = (0,external_node_path_.join)(absolute, filename);
        const bytes = (0,files/* readProjectBytes */.Dl)(cwd, `${dir}/${filename}`, { maxBytes: files/* MAX_ASSET_BYTES */.IC, alsoWithin });
        const info = (0,external_node_fs_.statSync)(path);
        const metadata = filetype === 'bdist_wheel' ? wheelMetadata(filename, bytes) : sdistMetadata(filename, bytes);
        const name = (0,python_metadata/* field */.ZZ)(metadata, 'Name');
        const version = (0,python_metadata/* field */.ZZ)(metadata, 'Version');
        if (!name || !version)
            throw new errors/* UserError */.yo(`${filename}: its metadata has no ${name ? 'Version' : 'Name'}; rebuild it with a current build backend.`);
        found.push({
            path: (0,external_node_path_.relative)(cwd, path),
            filename,
            filetype,
            pyversion: filetype === 'sdist' ? 'source' : wheelPythonTag(filename),
            size: bytes.length,
            md5: (0,external_node_crypto_.createHash)('md5').update(bytes).digest('hex'),
            sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
            blake2_256: (0,utils/* bytesToHex */.My)((0,blake2/* blake2b */.Sx)(bytes, { dkLen: 32 })),
            name,
            version,
            metadata,
            mtimeMs: info.mtimeMs,
        });
    }
    return found;
}
/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` → the python tag. */
function wheelPythonTag(filename) {
    const parts = filename.slice(0, -'.whl'.length).split('-');
    if (parts.length < 5 || parts.length > 6)
        throw new errors/* UserError */.yo(`${filename} is not a valid wheel file name (name-version-python-abi-platform.whl).`);
    return parts.at(-3);
}
/** A wheel's `*.dist-info/METADATA`: the one at the archive root, named after the wheel. */
function wheelMetadata(filename, bytes) {
    let entries;
    try {
        entries = readZipEntries(bytes, (name) => /^[^/]+\.dist-info\/METADATA$/.test(name));
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${filename} is not a readable zip archive: rebuild it.`, undefined, { cause: error });
    }
    const found = [...entries.keys()];
    if (found.length !== 1)
        throw new errors/* UserError */.yo(`${filename} has ${found.length ? 'several' : 'no'} *.dist-info/METADATA: not a valid wheel; rebuild it.`);
    return (0,python_metadata/* parseMetadata */.jR)(entries.get(found[0]).toString('utf8'));
}
/** An sdist's `PKG-INFO` at the archive root (`name-version/PKG-INFO`). */
function sdistMetadata(filename, bytes) {
    let items;
    try {
        // zlib's gunzip rather than nanotar's DecompressionStream: web streams cost tens of ms to start.
        items = (0,dist/* parseTar */.xx)((0,external_node_zlib_.gunzipSync)(bytes), { filter: (item) => /^(\.\/)?[^/]+\/PKG-INFO$/.test(item.name) });
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${filename} is not a readable .tar.gz archive: rebuild it.`, undefined, { cause: error });
    }
    const pkgInfo = items.find((item) => item.data);
    if (!pkgInfo)
        throw new errors/* UserError */.yo(`${filename} has no PKG-INFO at its root: not a valid sdist (PEP 625); rebuild it with \`python -m build --sdist\`.`);
    return (0,python_metadata/* parseMetadata */.jR)(new TextDecoder().decode(pkgInfo.data));
}


/***/ }),

/***/ 62117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZZ: () => (/* binding */ field),
/* harmony export */   bm: () => (/* binding */ metadataFormFields),
/* harmony export */   jR: () => (/* binding */ parseMetadata)
/* harmony export */ });
function parseMetadata(text) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const fields = Object.create(null);
    let index = 0;
    let last;
    for (; index < lines.length; index++) {
        const line = lines[index];
        if (line === '')
            break;
        if (/^[ \t]/.test(line) && last) {
            // A folded line continues the previous value (multi-line License and old-style Description).
            const values = fields[last.key];
            values[last.at] += `\n${line.replace(/^(?: {8}|\t| {7}\||\s)/, '')}`;
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        const values = Object.hasOwn(fields, key) ? fields[key] : (fields[key] = []);
        values.push(value);
        last = { key, at: values.length - 1 };
    }
    const body = lines.slice(index + 1).join('\n');
    const description = body.trim() ? body : fields.description?.[0];
    return { fields, ...(description !== undefined ? { description } : {}) };
}
/** The first value of a field (`Name`, `Version`, `Summary`, …). */
function field(metadata, name) {
    const key = name.toLowerCase();
    return Object.hasOwn(metadata.fields, key) ? metadata.fields[key][0] : undefined;
}
/**
 * Metadata field → the legacy upload form's field name. Multiple-use fields are sent once per value
 * under these names, as twine does.
 */
const FORM_NAMES = {
    'metadata-version': 'metadata_version',
    name: 'name',
    version: 'version',
    summary: 'summary',
    'home-page': 'home_page',
    'download-url': 'download_url',
    author: 'author',
    'author-email': 'author_email',
    maintainer: 'maintainer',
    'maintainer-email': 'maintainer_email',
    license: 'license',
    'license-expression': 'license_expression',
    'license-file': 'license_file',
    keywords: 'keywords',
    platform: 'platform',
    'supported-platform': 'supported_platform',
    classifier: 'classifiers',
    'requires-python': 'requires_python',
    'requires-dist': 'requires_dist',
    'requires-external': 'requires_external',
    'provides-dist': 'provides_dist',
    'obsoletes-dist': 'obsoletes_dist',
    'provides-extra': 'provides_extras',
    'project-url': 'project_urls',
    'description-content-type': 'description_content_type',
    dynamic: 'dynamic',
    requires: 'requires',
    provides: 'provides',
    obsoletes: 'obsoletes',
};
/** The form fields of a file's metadata, in the order they were written, description last. */
function metadataFormFields(metadata) {
    const out = [];
    for (const [key, values] of Object.entries(metadata.fields)) {
        const name = FORM_NAMES[key];
        if (!name)
            continue;
        for (const value of values)
            out.push([name, value]);
    }
    if (metadata.description !== undefined)
        out.push(['description', metadata.description]);
    return out;
}


/***/ }),

/***/ 2240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aq: () => (/* binding */ selectDistributions),
/* harmony export */   eL: () => (/* binding */ selectPrebuilt)
/* harmony export */ });
/* unused harmony export isVcsDevVersion */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _version_scheme_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83401);
/* harmony import */ var _distributions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32595);



/**
 * Picks the files of `version` from a dist directory, by the metadata inside each file (not its name).
 * A file this build wrote with another version, or another project's file, stops the release before
 * anything is uploaded; an older file of another version is a leftover and is only reported.
 */
function selectDistributions(found, options) {
    const files = [];
    const ignored = [];
    const wrong = [];
    for (const file of found) {
        if ((0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .sameVersion */ .r1)('pep440', file.version, options.version))
            files.push(file);
        else if (options.builtSince !== undefined && file.mtimeMs < options.builtSince)
            ignored.push({ filename: file.filename, version: file.version });
        else
            wrong.push(file);
    }
    const suspect = wrong[0] ?? (files.length === 0 ? found[0] : undefined);
    if (suspect)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(describeWrongVersion(suspect, options.version, suspect === wrong[0]));
    if (!files.length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The build wrote no sdist or wheel to ${options.dir}/: check python.build-command and python.out-dir.`);
    const expected = options.project ?? files[0].name;
    const stranger = files.find((file) => (0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(file.name) !== (0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(expected));
    if (stranger) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${stranger.filename} is project ${JSON.stringify(stranger.name)}, but this release is ${JSON.stringify(expected)}${options.project ? ' (from the project metadata)' : ''}: remove other projects' files from ${options.dir}/ or set python.out-dir to a directory of its own.`);
    }
    files.sort((a, b) => (a.filetype === b.filetype ? a.filename.localeCompare(b.filename) : a.filetype === 'sdist' ? 1 : -1));
    return { files, ignored };
}
function describeWrongVersion(file, version, builtNow) {
    const head = `${file.filename} carries version ${file.version}, but the tag says ${version}`;
    if (isVcsDevVersion(file.version)) {
        return (`${head}: the version was computed from git by setuptools_scm or hatch-vcs, which found no tag — the checkout is shallow. ` +
            'Fetch the whole history: `fetch-depth: 0` on actions/checkout.');
    }
    return builtNow
        ? `${head}: the build made files of another version. Make the project's version match the tag (or fix the tag), then re-run.`
        : `${head}, and no file of ${version} is in the output directory: check python.build-command and python.out-dir.`;
}
/** `0.1.dev1+g1234abc`, `1.2.4.dev3`: what setuptools_scm / hatch-vcs compute when no tag is reachable. */
function isVcsDevVersion(text) {
    const parsed = (0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVersion */ .ot)('pep440', text);
    return parsed.ok && (/\.?dev\d*/i.test(text) || (0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .hasLocalSegment */ .FV)(text));
}
/**
 * The files of a `python.dist` directory, built in other jobs: nothing there is a leftover of an earlier
 * build of this checkout, so every file must be this project's at this version (by the metadata inside
 * it, not its name), and an empty directory means the artifacts were not downloaded.
 */
function selectPrebuilt(found, options) {
    const dir = `${options.dir.replace(/\/$/, '')}/`;
    if (!found.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`python.dist ${dir} holds no sdist or wheel: download the build jobs' artifacts into it first (actions/download-artifact with path: ${options.dir} and merge-multiple: true).`);
    }
    const expected = options.project ?? found[0].name;
    for (const file of found) {
        if ((0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(file.name) !== (0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .Pc)(expected)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${dir}${file.filename} is project ${JSON.stringify(file.name)}, but this release is ${JSON.stringify(expected)}: python.dist must hold only this project's files.`);
        }
        if (!(0,_version_scheme_js__WEBPACK_IMPORTED_MODULE_1__/* .sameVersion */ .r1)('pep440', file.version, options.version)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${dir}${file.filename} carries version ${file.version}, but the tag says ${options.version}: the build jobs built another commit or version. Build from the tag's commit (actions/checkout of the tag) and re-run; nothing was uploaded.`);
        }
    }
    return selectDistributions(found, { ...options, builtSince: Number.POSITIVE_INFINITY }).files;
}


/***/ }),

/***/ 94048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HZ: () => (/* binding */ forbiddenFor),
/* harmony export */   gf: () => (/* binding */ childEnv)
/* harmony export */ });
/* unused harmony export RUNNER_CACHE */
/**
 * The environment of every process tagship starts. The action's own environment holds every input
 * as `INPUT_*` (pypi-token, npm-token, github-token, registry-credentials, webhook URLs), the runner's
 * OIDC request credentials and its cache token; a build backend, a lifecycle script or a `.pth` file
 * of a dependency runs with whatever its process was given. So a child gets an allow-list: what any
 * program needs (PATH, HOME, locale, temp dirs, proxies, CA bundles, the Windows basics), the
 * non-secret CI context tools read, and per tool the variables that tool documents — plus only what
 * its caller sets explicitly (`set`, `secretEnv`), which may never be a forbidden name.
 */
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
const GIT = {
    names: ['GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_SSH_VARIANT', 'SSH_AUTH_SOCK', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_COUNT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH', 'GIT_CEILING_DIRECTORIES', 'XDG_CONFIG_HOME'],
    prefixes: ['GIT_CONFIG_KEY_', 'GIT_CONFIG_VALUE_'],
};
/** What a Python interpreter (and the interpreter setup-python installed) reads. */
const PYTHON_RUNTIME = ['PYTHONUTF8', 'PYTHONIOENCODING', 'PYTHONHASHSEED', 'PYTHONDONTWRITEBYTECODE', 'PYTHONWARNINGS', 'VIRTUAL_ENV', 'pythonLocation', 'Python_ROOT_DIR', 'Python3_ROOT_DIR'];
/** pip's options as `PIP_<OPTION>` (pip "Configuration"); uv's as `UV_*`, except its publish credentials. */
const PIP_LIKE = ['PIP_', 'UV_'];
const NOT_UPLOAD_CREDENTIALS = /^UV_PUBLISH_/i;
/** The runner's cache service credentials: buildx's `type=gha` cache reads them; nothing else may. */
const RUNNER_CACHE = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2'];
/**
 * Settings tagship decides per command, and every credential npm can read from the environment
 * (`_authToken`, `_auth`, `_password`, per-registry `//host/:…` keys, certificates with their keys).
 * npm also sets several of these for every script it runs, `userconfig` among them, so neither
 * `npm run` nor the workflow's env can redirect a publish, change its tag or lend it a credential.
 */
const NPM_NOT_INHERITED = /^npm_config_(?:\/\/.*|_.*|userconfig|globalconfig|registry|@.*:registry|tag|access|provenance|dry[-_]run|json|otp|workspaces?|include[-_]workspace[-_]root|local[-_]prefix|always[-_]auth|username|password|email|key|cert|ignore[-_]scripts|script[-_]shell)$/i;
/** Registry logins Trivy (`TRIVY_USERNAME`, … ; its private-registries guide) and Grype (`GRYPE_REGISTRY_AUTH_*`) read: only tagship sets them. */
const SCANNER_REGISTRY_LOGINS = /^(TRIVY_(USERNAME|PASSWORD|REGISTRY_TOKEN)|GRYPE_REGISTRY_AUTH_.*)$/i;
const PROFILES = {
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
function npmProfile() {
    return { names: ['NODE_OPTIONS', 'COREPACK_HOME', 'COREPACK_ENABLE_STRICT', 'COREPACK_ENABLE_DOWNLOAD_PROMPT'], prefixes: ['npm_config_'], except: NPM_NOT_INHERITED };
}
/**
 * Names no child gets, whatever its caller asks: the action's inputs, the runner's OIDC request
 * credentials (whoever holds them can mint ID tokens for any audience: PyPI, npm, cloud roles), and
 * the cache credentials outside buildx.
 */
function forbiddenFor(tool, name) {
    const upper = name.toUpperCase();
    if (upper.startsWith('INPUT_'))
        return true;
    if (upper === 'ACTIONS_ID_TOKEN_REQUEST_TOKEN')
        return true;
    // npm checks that the URL is set before it signs provenance (it then takes the ID token tagship
    // minted from SIGSTORE_ID_TOKEN); without the request token the URL mints nothing.
    if (upper === 'ACTIONS_ID_TOKEN_REQUEST_URL')
        return tool !== 'npm-publish';
    if (RUNNER_CACHE.includes(upper))
        return tool !== 'buildx';
    return false;
}
/**
 * The environment a `tool` child gets from `parent`: the allow-lists above, then `set` and
 * `secretEnv`. Asking for a forbidden name is a bug in tagship, not the user's doing.
 */
function childEnv(parent, tool, extras = {}) {
    const profile = PROFILES[tool];
    const base = new Set([...BASE, ...CI_CONTEXT].map((name) => name.toUpperCase()));
    const names = new Set(profile.names);
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined || forbiddenFor(tool, name))
            continue;
        const allowed = base.has(name.toUpperCase()) ||
            name.startsWith('LC_') ||
            names.has(name) ||
            profile.prefixes.some((prefix) => name.toUpperCase().startsWith(prefix.toUpperCase()));
        if (allowed && !profile.except?.test(name))
            env[name] = value;
    }
    for (const [name, value] of [...Object.entries(extras.set ?? {}), ...Object.entries(extras.secretEnv ?? {})]) {
        if (forbiddenFor(tool, name))
            throw new Error(`refusing to pass ${name} to a ${tool} process`);
        if (value === undefined)
            continue;
        // Windows spells it `Path`: setting `PATH` must replace it, not sit beside it.
        for (const inherited of Object.keys(env))
            if (inherited !== name && inherited.toUpperCase() === name.toUpperCase())
                delete env[inherited];
        env[name] = value;
    }
    return env;
}


/***/ }),

/***/ 42164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ passedEnv)
/* harmony export */ });
/**
 * The variables a config names for a child (`python.build-env`, `npm.script-env`), read from the
 * step's environment; unset ones are left out. The config schema refuses the names no child may get.
 */
function passedEnv(ctx, names = []) {
    const passed = {};
    for (const name of names) {
        const value = ctx.env[name];
        if (value !== undefined && value !== '')
            passed[name] = value;
    }
    return passed;
}


/***/ }),

/***/ 80717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runProcess: () => (/* binding */ runProcess),
/* harmony export */   tail: () => (/* binding */ tail)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94048);



/**
 * THE way tagship starts a program: argv (never a shell), with an environment built from an allow-list
 * per tool, never the action's own. On Linux and macOS runners Node's own `spawn` does it; on Windows
 * runners execa does (it starts `npm.cmd` and other shims, which `spawn` cannot without a shell).
 * Either is loaded on first use, and execa only on Windows: loading it costs ~100 ms, and a plan with
 * images spawns `git` for the commit time on every workflow run. A missing program is a `UserError`.
 */
async function runProcess(command, args, options) {
    const env = (0,_child_env_js__WEBPACK_IMPORTED_MODULE_1__/* .childEnv */ .gf)(options.parentEnv, options.tool, { set: options.set, secretEnv: options.secretEnv });
    return process.platform === 'win32' ? runWithExeca(command, args, env, options) : runWithSpawn(command, args, env, options);
}
function notInstalled(command, options, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${command} is not installed on this runner (or not on PATH): ${options.missingHint ?? 'install it, or configure another command'}.`, undefined, { cause });
}
async function runWithSpawn(command, args, env, options) {
    const { spawn } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 31421, 23));
    return new Promise((resolve, reject) => {
        const child = spawn(command, [...args], {
            env,
            cwd: options.cwd,
            stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
            signal: options.signal,
            windowsHide: true,
        });
        const onLine = options.onLine;
        const out = collect(child.stdout, onLine && ((line) => onLine(line, 'stdout')));
        const err = collect(child.stderr, onLine && ((line) => onLine(line, 'stderr')));
        if (child.stdin) {
            child.stdin.on('error', () => undefined); // a program that exits without reading stdin
            child.stdin.end(options.stdin);
        }
        let timedOut = false;
        // Our own timer, not spawn's `timeout`: spawn's keeps running after an ENOENT, so a missing program
        // held the process open for the whole timeout.
        const timer = options.timeoutMs
            ? setTimeout(() => {
                timedOut = true;
                child.kill('SIGTERM');
            }, options.timeoutMs)
            : undefined;
        child.on('error', (error) => {
            clearTimeout(timer);
            if (error.name === 'AbortError')
                reject(options.signal?.reason ?? error);
            else if (error.code === 'ENOENT')
                reject(notInstalled(command, options, error));
            else
                reject(new Error(`cannot start ${command}: ${error.message}`, { cause: error }));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (options.signal?.aborted)
                return reject(options.signal.reason);
            const killed = signal ? `\nkilled by ${signal}${timedOut ? ` after ${options.timeoutMs} ms` : ''}` : '';
            resolve({ code: code ?? (signal ? 128 : 1), stdout: out.text(), stderr: err.text() + killed });
        });
    });
}
/** Collects a stream's text and hands each line to `onLine` as it comes. */
function collect(stream, onLine) {
    const chunks = [];
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
        chunks.push(chunk);
        if (!onLine)
            return;
        const lines = (partial + chunk).split(/\r?\n/);
        partial = lines.pop();
        lines.forEach(onLine);
    });
    stream.on('end', () => {
        if (onLine && partial)
            onLine(partial);
    });
    return { text: () => chunks.join('') };
}
async function runWithExeca(command, args, env, options) {
    const { execa } = await __webpack_require__.e(/* import() */ 127).then(__webpack_require__.bind(__webpack_require__, 21127));
    const tap = options.onLine;
    const output = (stream) => tap
        ? {
            transform: function* (line) {
                tap(String(line), stream);
                yield line;
            },
        }
        : 'pipe';
    const execaOptions = {
        env,
        extendEnv: false,
        cwd: options.cwd,
        reject: false,
        stripFinalNewline: false,
        windowsHide: true,
        maxBuffer: 256 * 1024 * 1024,
        timeout: options.timeoutMs,
        cancelSignal: options.signal,
        stdout: output('stdout'),
        stderr: output('stderr'),
        ...(options.stdin === undefined ? { stdin: 'ignore' } : { input: options.stdin }),
    };
    const result = await execa(command, [...args], execaOptions);
    if (result.isCanceled)
        throw options.signal?.reason ?? new Error(`${command} was cancelled`);
    const code = result.code;
    if (result.failed && result.exitCode === undefined && !result.signal && !result.timedOut) {
        if (code === 'ENOENT')
            throw notInstalled(command, options, result);
        throw new Error(`cannot start ${command}: ${result.shortMessage}`, { cause: result });
    }
    const stdout = String(result.stdout ?? '');
    const stderr = String(result.stderr ?? '');
    const killed = result.signal ? `\nkilled by ${result.signal}${result.timedOut ? ` after ${options.timeoutMs} ms` : ''}` : '';
    return { code: result.exitCode ?? (result.signal ? 128 : 1), stdout, stderr: stderr + killed };
}
/** The last few lines of a command's output, for a one-line error. */
function tail(result, count = 5) {
    return (result.stderr.trim() ? result.stderr : result.stdout)
        .split(/\r?\n/)
        .map((line) => line.trimEnd())
        .filter(Boolean)
        .slice(-count)
        .join(' | ');
}


/***/ })

};
