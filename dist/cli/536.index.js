export const id = 536;
export const ids = [536];
export const modules = {

/***/ 5536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bumpCommand: () => (/* binding */ bumpCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1036);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3930);





/**
 * `tagship bump`: loaded by `runCli` only for this command (planning never pays for it). Exit 0
 * done, 1 refused (one line, nothing changed), 2 usage.
 */
async function bumpCommand(args, io) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
            args,
            strict: true,
            allowPositionals: true,
            options: {
                cwd: { type: 'string' },
                package: { type: 'string' },
                preid: { type: 'string' },
                config: { type: 'string' },
                'dry-run': { type: 'boolean' },
                'no-commit': { type: 'boolean' },
                'no-tag': { type: 'boolean' },
                push: { type: 'boolean' },
                json: { type: 'boolean' },
            },
        });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(error.message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(positionals.length ? `bump takes one kind or version, got ${positionals.length}: ${positionals.join(' ')}` : 'bump needs a kind (major, minor, patch, premajor, preminor, prepatch, prerelease, auto) or a version like 1.2.3');
    // A mistyped kind is a wrong value, not a wrong command line: one line, exit 1, like every refusal.
    const { parseBumpRequest } = await __webpack_require__.e(/* import() */ 683).then(__webpack_require__.bind(__webpack_require__, 6064));
    try {
        parseBumpRequest(positionals[0]);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(error.message);
        throw error;
    }
    const cwd = (0,_project_files_js__WEBPACK_IMPORTED_MODULE_4__/* .projectDirectory */ .t6)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(io.cwd, values.cwd ?? '.'), '--cwd');
    const config = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .parseConfig */ .o4)((0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .readConfigSource */ .az)(cwd, values.config, io.cwd), {}, 'flag');
    const { runBump } = await __webpack_require__.e(/* import() */ 105).then(__webpack_require__.bind(__webpack_require__, 9105));
    const result = await runBump({
        cwd,
        request: positionals[0],
        ...(values.preid !== undefined ? { preid: values.preid } : {}),
        ...(values.package !== undefined ? { package: values.package } : {}),
        dryRun: values['dry-run'] === true,
        commit: values['no-commit'] !== true,
        tag: values['no-commit'] !== true && values['no-tag'] !== true,
        push: values.push === true,
        env: io.env,
        now: io.now(),
        config,
        warn: (line) => io.stderr(`tagship: warning: ${line}`),
    });
    io.stdout(values.json ? JSON.stringify(jsonOf(result, values['dry-run'] === true), null, 2) : describe(result, values['dry-run'] === true));
    return 0;
}
/** The result without the files' whole texts: which lines changed, and the diff. */
function jsonOf(result, dryRun) {
    return { ...result, dryRun, edits: result.edits.map((edit) => ({ file: edit.file, lines: edit.lines, ...(edit.inRepository ? { inRepository: true } : {}) })) };
}
function describe(result, dryRun) {
    const lines = [];
    if (dryRun && result.diff)
        lines.push(result.diff.trimEnd(), '');
    const from = result.previous ? `${result.previous} → ` : '';
    lines.push(`${result.package ? `${result.package}: ` : ''}${from}${result.version}${result.because ? ` (auto: ${result.because})` : ''}`);
    // A workspace lockfile above a package is named from the repository root, and says so.
    const changed = result.edits.map((edit) => `${edit.lines.length ? `${edit.file}:${edit.lines.join(',')}` : edit.file}${edit.inRepository ? ' (from the repository root)' : ''}`);
    lines.push(`${dryRun ? 'would change' : 'changed'}: ${changed.length ? changed.join(', ') : 'nothing'}`);
    for (const dynamic of result.dynamic)
        lines.push(`no edit: ${dynamic.source}: ${dynamic.how}`);
    if (dryRun) {
        lines.push(`would commit and tag ${result.tag} (nothing changed: --dry-run)`);
        return lines.join('\n');
    }
    if (result.commit)
        lines.push(`committed ${result.commit.slice(0, 12)}`);
    if (result.tagged)
        lines.push(`tagged ${result.tag} (annotated)`);
    if (result.pushed)
        lines.push(`pushed the commit and ${result.tag} to origin`);
    else if (result.tagged)
        lines.push(`to release: git push --atomic origin HEAD refs/tags/${result.tag}  (or run bump with --push)`);
    else if (!result.commit)
        lines.push('not committed (--no-commit): review, then commit and tag yourself');
    return lines.join('\n');
}


/***/ })

};
