export const id = 219;
export const ids = [219];
export const modules = {

/***/ 6219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushRelease: () => (/* binding */ pushRelease),
  repositoryUrl: () => (/* binding */ repositoryUrl),
  tokenConfig: () => (/* binding */ tokenConfig)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runtime/process.ts + 1 modules
var process = __webpack_require__(5438);
;// CONCATENATED MODULE: ./src/bump/push-refusals.ts
const NOTHING_PUSHED = 'nothing was pushed (the push is atomic)';
function describePushRefusal(output) {
    const { branch, tag, remote } = output;
    const remoteLines = output.stderr.split(/\r?\n/).filter((line) => line.startsWith('remote:'));
    const refs = porcelainRefs(output.stdout);
    const protectedBranch = githubRefusal(remoteLines, 'GH006');
    if (protectedBranch) {
        return (`GitHub refused the push to ${describeRef(protectedBranch.ref ?? `refs/heads/${branch}`)}: it is a protected branch (GH006${rulesText(protectedBranch.rules)}); ${NOTHING_PUSHED}. ` +
            `Let the release push there (allow github-actions[bot] in the branch protection, or drop "Require a pull request" for it), or run the one-click release with a token that may bypass the protection (docs/one-click.md).`);
    }
    const rulesets = githubRefusal(remoteLines, 'GH013');
    if (rulesets) {
        return (`GitHub's repository rules refused the push to ${describeRef(rulesets.ref ?? `refs/heads/${branch}`)} (GH013${rulesText(rulesets.rules)}); ${NOTHING_PUSHED}. ` +
            `Add the pusher (the GitHub Actions app, or the app whose token the release uses) to the ruleset's bypass list, or release from a branch the rules allow (docs/one-click.md).`);
    }
    const tagRef = refs.get(`refs/tags/${tag}`);
    if (tagRef?.reason === 'already exists') {
        return `Tag ${tag} already exists on ${remote} (another run or a person made it); ${NOTHING_PUSHED}. Bump to a higher version, or delete that tag on ${remote} if it was made by mistake.`;
    }
    const branchRef = refs.get(`refs/heads/${branch}`);
    if (branchRef && /fetch first|non-fast-forward|stale info/.test(branchRef.reason)) {
        return `Branch ${branch} on ${remote} has commits this run does not have (someone pushed while the release was made); ${NOTHING_PUSHED}. Run the release again: it bumps from the new tip.`;
    }
    const text = output.stderr;
    if (/returned error: 403|Permission to \S+ denied/i.test(text)) {
        const who = /Permission to \S+ denied to (\S+?)\.?\s*$/m.exec(text)?.[1];
        return (`The token may not push to ${remote} (HTTP 403${who ? `, denied to ${who}` : ''}); ${NOTHING_PUSHED}. ` +
            `Give the job \`permissions: contents: write\` (and, where the organisation limits workflow tokens to read, allow "Read and write permissions" in its Actions settings).`);
    }
    if (/returned error: 401|Authentication failed|could not read Username|Invalid username or (password|token)/i.test(text)) {
        return remote === 'origin'
            ? `origin asked for credentials git does not have; ${NOTHING_PUSHED}. Configure a credential helper or an SSH remote that may push, then run again with --push.`
            : `${remote} refused the token (HTTP 401); ${NOTHING_PUSHED}. Pass the job's token (github-token: \${{ secrets.GITHUB_TOKEN }}) or a valid one with contents: write.`;
    }
    const refused = [...refs.values()].filter((ref) => ref.reason && ref.reason !== 'atomic push failed' && ref.reason !== 'atomic transaction failed');
    const why = [
        ...refused.map((ref) => `${describeRef(ref.to)}: ${ref.summary}${ref.reason ? ` (${ref.reason})` : ''}`),
        ...remoteLines.map((line) => line.replace(/^remote:\s*/, '').trim()).filter(Boolean),
        ...output.stderr.split(/\r?\n/).filter((line) => /^(fatal|error):/.test(line) && !/failed to push some refs/.test(line)),
    ];
    return `git push of ${branch} and tag ${tag} to ${remote} failed${why.length ? `: ${oneLine(why.slice(0, 6).join(' | '))}` : ''}; ${NOTHING_PUSHED}. Fix what it names and run the release again.`;
}
/** `--porcelain` lines: `<flag>\t<from>:<to>\t<summary> (<reason>)`. */
function porcelainRefs(stdout) {
    const refs = new Map();
    for (const line of stdout.split(/\r?\n/)) {
        const match = /^(.)\t([^\t]*):([^\t]+)\t(.*)$/.exec(line);
        if (!match)
            continue;
        const status = match[4];
        const reason = /\(([^)]*)\)\s*$/.exec(status)?.[1] ?? '';
        refs.set(match[3], { to: match[3], summary: status.replace(/\s*\([^)]*\)\s*$/, ''), reason: match[1] === '!' ? reason : '' });
    }
    return refs;
}
/** The `remote: error: GHnnn: … for refs/…` block: the ref and the rules listed under it. */
function githubRefusal(lines, code) {
    const start = lines.findIndex((line) => line.includes(`${code}:`));
    if (start < 0)
        return undefined;
    const ref = /for (refs\/\S+?)\.?\s*$/.exec(lines[start])?.[1];
    const rules = [];
    for (const line of lines.slice(start + 1)) {
        const text = line.replace(/^remote:\s*/, '').replace(/^error:\s*/, '').trim();
        if (/^GH\d{3}:/.test(text))
            break;
        if (!text || /^Review all repository rules at/i.test(text) || /^Resolving deltas/.test(text))
            continue;
        rules.push(text.replace(/^-\s*/, '').replace(/\s*Visit https?:\S+ for more information\.?$/, ''));
    }
    return { ...(ref ? { ref } : {}), rules };
}
function rulesText(rules) {
    return rules.length ? `: ${oneLine(rules.slice(0, 3).join(' '))}` : '';
}
function describeRef(ref) {
    if (ref.startsWith('refs/heads/'))
        return `branch ${ref.slice('refs/heads/'.length)}`;
    if (ref.startsWith('refs/tags/'))
        return `tag ${ref.slice('refs/tags/'.length)}`;
    return ref;
}
/** Remote text is the server's: one line, bounded. */
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}

;// CONCATENATED MODULE: ./src/bump/push.ts



/**
 * Pushes the release commit and its tag in one atomic update: either the branch moves and the tag
 * appears, or neither does (a tag without its commit on the branch, or a bumped branch without its
 * tag, would each leave a half-made release). A refusal becomes one line saying what to change.
 *
 * With `auth`, the token reaches only this git child, as the `Authorization` header actions/checkout
 * uses, given through `GIT_CONFIG_COUNT/KEY/VALUE`: never on argv (visible in `ps` and in git's own
 * error messages) and never in .git/config (where later steps and the workflow's own code would read it).
 */
async function pushRelease(options) {
    const { cwd, branch, tag, env, auth } = options;
    const remote = auth ? repositoryUrl(auth) : 'origin';
    const refspecs = [`HEAD:refs/heads/${branch}`, `refs/tags/${tag}:refs/tags/${tag}`];
    const result = await (0,process.runProcess)('git', ['push', '--atomic', '--porcelain', remote, ...refspecs], {
        parentEnv: env,
        tool: 'git',
        cwd,
        set: { GIT_TERMINAL_PROMPT: '0' },
        ...(auth ? { secretEnv: tokenConfig(auth) } : {}),
        timeoutMs: 120_000,
    });
    if (result.code === 0 && !rejected(result))
        return;
    throw new errors/* UserError */.yo(describePushRefusal({ branch, tag, remote: auth ? `${auth.repository}` : 'origin', stdout: result.stdout, stderr: scrub(result, auth) }));
}
/** The repository's URL on the server the run belongs to, the form actions/checkout clones from. */
function repositoryUrl(auth) {
    return `${auth.serverUrl.replace(/\/+$/, '')}/${auth.repository}`;
}
/**
 * The token as git config given through the environment (git-config(1) "GIT_CONFIG_COUNT"), in the
 * form actions/checkout writes: `http.<server>/.extraheader = AUTHORIZATION: basic base64(x-access-token:TOKEN)`,
 * scoped to the server so a redirect elsewhere does not carry it. The first entry is empty: it
 * clears the header checkout may have persisted in .git/config (an empty value resets the list), so
 * the server gets one Authorization header, not two (GitHub answers two with 400).
 */
function tokenConfig(auth) {
    const key = `http.${new URL(auth.serverUrl).origin}/.extraheader`;
    const basic = Buffer.from(`x-access-token:${auth.token}`, 'utf8').toString('base64');
    return {
        GIT_CONFIG_COUNT: '2',
        GIT_CONFIG_KEY_0: key,
        GIT_CONFIG_VALUE_0: '',
        GIT_CONFIG_KEY_1: key,
        GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`,
    };
}
/** `--porcelain` marks each refused ref with `!`; a push can exit 0 only when none is. */
function rejected(result) {
    return result.stdout.split(/\r?\n/).some((line) => line.startsWith('!\t'));
}
/** git never prints the header, but a server might echo what it got: keep the token out of the message either way. */
function scrub(result, auth) {
    let text = result.stderr || (0,process.tail)(result);
    if (auth?.token) {
        text = text.split(auth.token).join('***');
        text = text.split(Buffer.from(`x-access-token:${auth.token}`, 'utf8').toString('base64')).join('***');
    }
    return text;
}


/***/ })

};
