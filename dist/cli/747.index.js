export const id = 747;
export const ids = [747];
export const modules = {

/***/ 4747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readInitFacts: () => (/* binding */ readInitFacts)
/* harmony export */ });
/* unused harmony export githubRepository */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _project_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3930);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5438);
/* harmony import */ var _version_sources_detect_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3272);
/** The edge of `tagship init`: reads the project and the origin remote into `InitFacts`. */





async function readInitFacts(root, env) {
    const project = (0,_version_sources_detect_js__WEBPACK_IMPORTED_MODULE_4__/* .detectProject */ .p)(root);
    const npmPackages = project.npm.filter((p) => !p.private).map((p) => p.name);
    const version = project.readings.find((r) => r.value)?.value;
    return {
        ...(project.python ? { python: { name: project.python.name, dynamicVersion: !!project.python.dynamic } } : {}),
        npmPackages,
        dockerfile: (0,_project_files_js__WEBPACK_IMPORTED_MODULE_2__/* .projectEntryExists */ .WF)(root, 'Dockerfile'),
        repository: await originRepository(root, env),
        version,
        projectName: project.python?.name ?? project.npm.find((p) => p.dir === '.')?.name ?? project.npm[0]?.name,
        notify: notifyChannels(root),
    };
}
/** The webhook inputs (or the secrets reusable workflows take for them) a workflow passes, per channel. */
const CHANNEL_MARKS = [
    ['slack', /\bslack-webhook-url\s*:|\bSLACK_WEBHOOK_URL\b/],
    ['discord', /\bdiscord-webhook-url\s*:|\bDISCORD_WEBHOOK_URL\b/],
    ['webhook', /(?<![\w-])webhook-url\s*:|(?<![\w])WEBHOOK_URL\b/],
];
/**
 * Channels the project notifies on today: those its workflows pass (an earlier tagship workflow, or one
 * init is asked to replace with --force). A config with a `notify` section but no workflow passing a
 * webhook names none of them, so every channel is passed: a secret that is not set sends nothing.
 */
function notifyChannels(root) {
    const texts = [];
    const read = (path) => {
        try {
            // Comment lines say nothing (init's own hints are commented-out inputs).
            texts.push((0,_project_files_js__WEBPACK_IMPORTED_MODULE_2__/* .readNamedFile */ .wh)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, path), path, { maxBytes: 1024 * 1024 }).toString('utf8').replace(/^[ \t]*#.*$/gm, ''));
        }
        catch {
            // Unreadable: says nothing about notifications.
        }
    };
    let workflows = [];
    try {
        workflows = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, '.github', 'workflows')).filter((name) => /\.ya?ml$/.test(name));
    }
    catch {
        // No workflows yet.
    }
    for (const name of workflows)
        read(`.github/workflows/${name}`);
    const used = CHANNEL_MARKS.filter(([, mark]) => texts.some((text) => mark.test(text))).map(([channel]) => channel);
    if (used.length)
        return used;
    texts.length = 0;
    if ((0,_project_files_js__WEBPACK_IMPORTED_MODULE_2__/* .projectEntryExists */ .WF)(root, '.github/tagship.yml'))
        read('.github/tagship.yml');
    return texts.some((text) => /^notify\s*:/m.test(text)) ? ['slack', 'discord', 'webhook'] : [];
}
/** `owner/name` of the origin remote when it is on github.com; undefined otherwise (no git, no remote). */
async function originRepository(cwd, env) {
    const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_3__.runProcess)('git', ['remote', 'get-url', 'origin'], { parentEnv: env, tool: 'git', cwd, timeoutMs: 10_000 }).catch(() => undefined);
    return result?.code === 0 ? githubRepository(result.stdout.trim()) : undefined;
}
/** https://github.com/o/r(.git), git@github.com:o/r(.git), ssh://git@github.com/o/r(.git) → `o/r`. */
function githubRepository(url) {
    const match = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com(?::\d+)?\/)([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url);
    return match ? `${match[1]}/${match[2]}` : undefined;
}


/***/ })

};
