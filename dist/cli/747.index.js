export const id = 747;
export const ids = [747];
export const modules = {

/***/ 4747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readInitFacts: () => (/* binding */ readInitFacts)
/* harmony export */ });
/* unused harmony export githubRepository */
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3930);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5438);
/* harmony import */ var _version_sources_detect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4574);
/** The edge of `tagship init`: reads the project and the origin remote into `InitFacts`. */



async function readInitFacts(root, env) {
    const project = (0,_version_sources_detect_js__WEBPACK_IMPORTED_MODULE_2__/* .detectProject */ .p)(root);
    const npmPackages = project.npm.filter((p) => !p.private).map((p) => p.name);
    const version = project.readings.find((r) => r.value)?.value;
    return {
        ...(project.python ? { python: { name: project.python.name, dynamicVersion: !!project.python.dynamic } } : {}),
        npmPackages,
        dockerfile: (0,_project_files_js__WEBPACK_IMPORTED_MODULE_0__/* .projectEntryExists */ .WF)(root, 'Dockerfile'),
        repository: await originRepository(root, env),
        version,
        projectName: project.python?.name ?? project.npm.find((p) => p.dir === '.')?.name ?? project.npm[0]?.name,
    };
}
/** `owner/name` of the origin remote when it is on github.com; undefined otherwise (no git, no remote). */
async function originRepository(cwd, env) {
    const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_1__.runProcess)('git', ['remote', 'get-url', 'origin'], { parentEnv: env, tool: 'git', cwd, timeoutMs: 10_000 }).catch(() => undefined);
    return result?.code === 0 ? githubRepository(result.stdout.trim()) : undefined;
}
/** https://github.com/o/r(.git), git@github.com:o/r(.git), ssh://git@github.com/o/r(.git) → `o/r`. */
function githubRepository(url) {
    const match = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com(?::\d+)?\/)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url);
    return match ? `${match[1]}/${match[2]}` : undefined;
}


/***/ })

};
