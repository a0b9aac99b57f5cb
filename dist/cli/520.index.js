export const id = 520;
export const ids = [520];
export const modules = {

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dockerConfigCredentials: () => (/* binding */ dockerConfigCredentials),
/* harmony export */   dockerConfigPath: () => (/* binding */ dockerConfigPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runtime_process_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5438);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2559);






const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
function dockerConfigPath(env) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.docker'), 'config.json');
}
function readConfig(path) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch {
        return undefined;
    }
    try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === 'object' ? parsed : undefined;
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`The Docker config ${path} is not valid JSON: fix it, or remove it and log in again (docker/login-action writes it).`);
    }
}
/** The host a config key names: `https://ghcr.io`, `ghcr.io/v2/` and `ghcr.io` are all ghcr.io. */
function keyHost(key) {
    return (0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__.canonicalRegistryHost)(key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, ''));
}
/** The config's entry for `host` in a map keyed by server, exact spelling first. */
function entryFor(map, host) {
    if (!map)
        return undefined;
    const exact = host === 'docker.io' ? DOCKER_HUB_SERVER : host;
    if (map[exact] !== undefined)
        return [exact, map[exact]];
    const match = Object.keys(map).find((key) => keyHost(key) === host);
    return match === undefined ? undefined : [match, map[match]];
}
/** The login the Docker config holds for `host`, or undefined. */
async function dockerConfigCredentials(host, env) {
    const key = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__.canonicalRegistryHost)(host);
    const path = dockerConfigPath(env);
    const config = readConfig(path);
    if (!config)
        return undefined;
    const helper = entryFor(config.credHelpers, key)?.[1] || config.credsStore;
    if (helper) {
        const fromHelper = await askHelper(helper, key === 'docker.io' ? DOCKER_HUB_SERVER : (entryFor(config.auths, key)?.[0] ?? key), env);
        if (fromHelper)
            return fromHelper;
    }
    const entry = entryFor(config.auths, key)?.[1];
    if (!entry)
        return undefined;
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0)
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source: `the login for ${key} in ${path}` };
    }
    if (entry.username && entry.password)
        return { username: entry.username, password: entry.password, source: `the login for ${key} in ${path}` };
    return undefined;
}
/** `docker-credential-NAME get`: the login it holds for `server`, or undefined when it has none. */
async function askHelper(name, server, env) {
    const program = `docker-credential-${name}`;
    const result = await (0,_runtime_process_js__WEBPACK_IMPORTED_MODULE_4__.runProcess)(program, ['get'], {
        parentEnv: env,
        tool: 'credential-helper',
        stdin: server,
        timeoutMs: 60_000,
        missingHint: `the Docker config names it for ${server}; install it, or give tagship the login in the registry-credentials input`,
    });
    if (result.code !== 0) {
        // The helpers' documented "not found" answer; anything else is a helper that does not work here.
        if (/credentials not found/i.test(result.stdout + result.stderr))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${program} get failed for ${server} (exit ${result.code}): ${(result.stderr || result.stdout).trim().split('\n').at(-1) || 'no output'}. Fix the credential helper, or give tagship the login in the registry-credentials input.`);
    }
    let answer;
    try {
        answer = JSON.parse(result.stdout);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${program} get answered something other than JSON for ${server}: fix the credential helper, or give tagship the login in the registry-credentials input.`);
    }
    // `<token>` marks an identity token (an OAuth refresh token), which is not a password to send.
    if (typeof answer.Username !== 'string' || typeof answer.Secret !== 'string' || !answer.Secret || answer.Username === '<token>')
        return undefined;
    return { username: answer.Username, password: answer.Secret, source: `the login ${program} holds for ${server}` };
}


/***/ })

};
