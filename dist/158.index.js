export const id = 158;
export const ids = [158];
export const modules = {

/***/ 1158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeBuild: () => (/* binding */ describeBuild),
/* harmony export */   executePythonBuild: () => (/* binding */ executePythonBuild)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(717);
/* harmony import */ var _distributions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2595);
/* harmony import */ var _select_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2240);




/**
 * The Python build: runs the configured command in the project, then reads every sdist and wheel it
 * left in the output directory, trusting only the metadata inside each file. Building is always
 * repeated on a re-run (it writes nothing outside the checkout); the upload step decides what is new.
 */
const executePythonBuild = async (step, ctx) => {
    const [command, ...args] = step.command;
    // Files written from here on are this build's; a second of slack for coarse file-system clocks.
    const startedAt = Date.now() - 1000;
    const env = { ...ctx.env, ...(await reproducibleTimestamp(ctx)) };
    const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProcess */ .R)(command, args, { env, cwd: ctx.cwd, signal: ctx.signal });
    if (result.code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The build command \`${step.command.join(' ')}\` exited ${result.code}: ${(0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_1__/* .tail */ .i)(result)}. Fix the build (or python.build-command) and re-run; nothing was uploaded.`);
    }
    ctx.runner.debug(result.stdout);
    return describeBuild(step, (0,_select_js__WEBPACK_IMPORTED_MODULE_3__/* .selectDistributions */ .a)(await (0,_distributions_js__WEBPACK_IMPORTED_MODULE_2__/* .readDistributions */ .cz)(ctx.cwd, step.outDir), { project: step.project, version: step.version, dir: step.outDir, builtSince: startedAt }));
};
/**
 * SOURCE_DATE_EPOCH set to the commit's time, unless the workflow sets its own: wheel builders then
 * write the same bytes for the same commit, so a re-run after a part-way upload finds the files it
 * already uploaded unchanged instead of "different contents under an existing name".
 */
async function reproducibleTimestamp(ctx) {
    if (ctx.env.SOURCE_DATE_EPOCH)
        return {};
    const git = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runProcess */ .R)('git', ['log', '-1', '--format=%ct', 'HEAD'], { env: ctx.env, cwd: ctx.cwd, signal: ctx.signal }).catch(() => undefined);
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

/***/ 2595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pc: () => (/* binding */ normalizeName),
  cz: () => (/* binding */ readDistributions)
});

// UNUSED EXPORTS: distributionType, wheelPythonTag

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/blake2.js + 3 modules
var blake2 = __webpack_require__(4374);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/utils.js
var utils = __webpack_require__(2565);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/nanotar/dist/index.mjs
var dist = __webpack_require__(6480);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/python/metadata.ts
var python_metadata = __webpack_require__(2117);
// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(1306);
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
/** Every sdist and wheel in `dir`, each with the metadata inside it and its digests. */
async function readDistributions(cwd, dir) {
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
        const [bytes, info] = await Promise.all([(0,promises_.readFile)(path), (0,promises_.stat)(path)]);
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

/***/ 2117:
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
/* harmony export */   a: () => (/* binding */ selectDistributions)
/* harmony export */ });
/* unused harmony export isVcsDevVersion */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _version_scheme_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3401);
/* harmony import */ var _distributions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2595);



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


/***/ }),

/***/ 717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runProcess),
/* harmony export */   i: () => (/* binding */ tail)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


/** Runs argv (never a shell) and collects its output; a missing program is a `UserError` naming it. */
function runProcess(command, args, options) {
    return new Promise((resolve, reject) => {
        const stdin = options.stdin === undefined ? 'ignore' : 'pipe';
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { env: options.env, cwd: options.cwd, stdio: [stdin, 'pipe', 'pipe'], signal: options.signal, timeout: options.timeoutMs });
        const out = collect(child.stdout, options.onLine);
        const err = collect(child.stderr, options.onLine);
        if (child.stdin) {
            child.stdin.on('error', () => undefined); // a program that exits without reading stdin
            child.stdin.end(options.stdin);
        }
        child.on('error', (error) => {
            if (error.code === 'ENOENT') {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${command} is not installed on this runner (or not on PATH): ${options.missingHint ?? 'install it, or configure another command'}.`, undefined, { cause: error }));
            }
            else
                reject(error);
        });
        child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: out.text(), stderr: err.text() + (signal ? `\nkilled by ${signal}` : '') }));
    });
}
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
