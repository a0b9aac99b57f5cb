export const id = 125;
export const ids = [125,717];
export const modules = {

/***/ 33125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runOneClick: () => (/* binding */ runOneClick)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/one-click.ts
var one_click = __webpack_require__(59430);
// EXTERNAL MODULE: ./src/runtime/process.ts
var process = __webpack_require__(80717);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/packages.ts
var config_packages = __webpack_require__(53821);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(61036);
// EXTERNAL MODULE: ./src/github/changelog.ts
var github_changelog = __webpack_require__(53981);
// EXTERNAL MODULE: ./src/project/files.ts
var project_files = __webpack_require__(83930);
// EXTERNAL MODULE: ./src/version/guard.ts
var guard = __webpack_require__(17089);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/version/pep440.ts
var pep440 = __webpack_require__(61405);
;// CONCATENATED MODULE: ./src/version/next.ts



const BUMP_KINDS = ['major', 'minor', 'patch', 'premajor', 'preminor', 'prepatch', 'prerelease'];
const EXACT = /^v?([0-9][0-9A-Za-z.+-]*)$/;
/** `patch`, `auto`, `1.2.3` (or `v1.2.3`); anything else is a usage error (exit 2). */
function parseBumpRequest(text) {
    const trimmed = text.trim();
    if (BUMP_KINDS.includes(trimmed))
        return { kind: trimmed };
    if (trimmed === 'auto')
        return { kind: 'auto' };
    const exact = EXACT.exec(trimmed);
    if (exact && trimmed.length <= 128)
        return { exact: exact[1] };
    const shown = JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed);
    throw new errors/* UsageError */.eb(`unknown bump kind ${shown}; expected major, minor, patch, premajor, preminor, prepatch, prerelease, auto or a version like 1.2.3`);
}
const PEP440_LABELS = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };
const SEMVER_IDENTIFIER = /^(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)$/;
/**
 * Refuses a prerelease identifier the scheme cannot carry: semver takes dot-separated `[0-9A-Za-z-]`
 * identifiers (no leading zeros in numeric ones); PEP 440 only the labels a, b, rc (alpha, beta, c,
 * pre, preview are their other spellings).
 */
function checkPreid(preid, scheme) {
    const shown = JSON.stringify(preid.length > 40 ? `${preid.slice(0, 40)}…` : preid);
    if (scheme === 'pep440') {
        if (!(preid.toLowerCase() in PEP440_LABELS)) {
            throw new errors/* UserError */.yo(`Prerelease id ${shown} is not a PEP 440 prerelease label: use a, b or rc (alpha, beta, c, pre and preview also work).`);
        }
        return;
    }
    if (preid === '' || preid.length > 64 || !preid.split('.').every((part) => SEMVER_IDENTIFIER.test(part))) {
        throw new errors/* UserError */.yo(`Prerelease id ${shown} is not a semver prerelease identifier: use letters, digits and '-' in dot-separated parts (e.g. rc, beta, next.1), numbers without leading zeros.`);
    }
}
/**
 * The version text to tag: semver when the project has semver sources (its Python files then take the
 * PEP 440 spelling of the same version), else PEP 440 canonical. A project with both needs a
 * prerelease both schemes read alike, so its prerelease label must be a PEP 440 one; `rc` when none
 * is given (semver alone would give `1.2.4-0`, which PEP 440 reads as a post-release).
 */
function nextVersion(current, kind, options) {
    const { schemes } = options;
    const usesPep440 = schemes.includes('pep440');
    if (options.preid !== undefined)
        for (const scheme of schemes)
            checkPreid(options.preid, scheme);
    if (!schemes.includes('semver'))
        return nextPep440(current, kind, options.preid);
    const base = semverOf(current);
    // The label as the person spelled it: semver orders `alpha` and `a` differently.
    let preid = options.preid;
    if (usesPep440 && preid === undefined && kind.startsWith('pre')) {
        // Keep the current label (`1.2.4-rc.0` → `1.2.4-rc.1`); start at rc.
        const label = base.prerelease[0];
        preid = typeof label === 'string' && label.toLowerCase() in PEP440_LABELS ? label : 'rc';
    }
    const next = preid === undefined ? semver_default().inc(base.version, kind) : semver_default().inc(base.version, kind, preid);
    if (!next)
        throw new errors/* UserError */.yo(`Cannot compute the ${kind} version after ${JSON.stringify(current)}: give the version explicitly (e.g. tagship bump 1.2.3).`);
    return next;
}
/** The current version as semver: strict, else npm's loose reading, else a PEP 440 version's semver spelling. */
function semverOf(current) {
    const strict = semver_default().parse(current);
    if (strict)
        return strict;
    // Before npm's loose reading, which takes `1.2.4rc0` as `1.2.4-rc0` (a label PEP 440 does not share).
    const pep = (0,pep440/* parsePep440Version */.vp)(current);
    if (pep && pep.epoch === 0n && pep.release.length <= 3 && pep.post === undefined && pep.local === undefined) {
        const [major = 0n, minor = 0n, patch = 0n] = pep.release;
        const pre = [pep.pre && `${pep.pre.label}.${pep.pre.number}`, pep.dev !== undefined && `dev.${pep.dev}`].filter(Boolean).join('.');
        const converted = semver_default().parse(`${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`);
        if (converted)
            return converted;
    }
    const loose = semver_default().parse(semver_default().clean(current, { loose: true }) ?? '');
    if (loose)
        return loose;
    throw new errors/* UserError */.yo(`The current version ${JSON.stringify(current)} is not a semver version, so it cannot be bumped: give the next version explicitly (e.g. tagship bump 1.2.3).`);
}
/**
 * PEP 440 mirror of `semver.inc`. The release is read as major.minor.patch (missing parts are 0, a
 * fourth part is dropped by every bump); the epoch stays; post and local segments are dropped. A
 * prerelease here is a/b/rc or a .dev release: `patch` of `1.2.4rc1` is `1.2.4`, as in semver.
 */
function nextPep440(current, kind, preid) {
    const parsed = (0,pep440/* parsePep440Version */.vp)(current);
    if (!parsed) {
        throw new errors/* UserError */.yo(`The current version ${JSON.stringify(current)} is not a PEP 440 version, so it cannot be bumped: give the next version explicitly (e.g. tagship bump 1.2.3).`);
    }
    const [major = 0n, minor = 0n, patch = 0n] = parsed.release;
    const isPre = parsed.pre !== undefined || parsed.dev !== undefined;
    const label = preid === undefined ? undefined : PEP440_LABELS[preid.toLowerCase()];
    const make = (release, pre, dev) => (0,pep440/* formatPep440 */.J4)({ epoch: parsed.epoch, release, ...(pre ? { pre } : {}), ...(dev !== undefined ? { dev } : {}) });
    const firstPre = () => ({ label: label ?? 'rc', number: 0n });
    switch (kind) {
        case 'major':
            return make(isPre && minor === 0n && patch === 0n && parsed.release.length <= 3 ? [major, 0n, 0n] : [major + 1n, 0n, 0n]);
        case 'minor':
            return make(isPre && patch === 0n && parsed.release.length <= 3 ? [major, minor, 0n] : [major, minor + 1n, 0n]);
        case 'patch':
            return make(isPre && parsed.release.length <= 3 ? [major, minor, patch] : [major, minor, patch + 1n]);
        case 'premajor':
            return make([major + 1n, 0n, 0n], firstPre());
        case 'preminor':
            return make([major, minor + 1n, 0n], firstPre());
        case 'prepatch':
            return make([major, minor, patch + 1n], firstPre());
        case 'prerelease': {
            const release = [major, minor, patch];
            if (!isPre || parsed.release.length > 3)
                return make([major, minor, patch + 1n], firstPre());
            if (parsed.pre) {
                // `rc1.dev2` comes before `rc1`: the next prerelease is `rc1` itself.
                if (label !== undefined && label !== parsed.pre.label)
                    return make(release, { label, number: 0n });
                const number = parsed.dev !== undefined ? parsed.pre.number : parsed.pre.number + 1n;
                return make(release, { label: parsed.pre.label, number });
            }
            // A bare `.devN` (before every a/b/rc of the release): the next dev, or the first labelled prerelease.
            return label !== undefined ? make(release, { label, number: 0n }) : make(release, undefined, parsed.dev + 1n);
        }
    }
}

// EXTERNAL MODULE: ./src/version/released.ts
var version_released = __webpack_require__(95901);
// EXTERNAL MODULE: ./src/version/scheme.ts
var version_scheme = __webpack_require__(83401);
// EXTERNAL MODULE: ./src/version/sources/detect.ts + 1 modules
var detect = __webpack_require__(33272);
;// CONCATENATED MODULE: ./src/bump/auto.ts
/** `This reverts commit <sha>.`: the line `git revert` writes into the message body. */
const REVERTS = /^This reverts commit ([0-9a-f]{7,64})\b/gim;
/**
 * The bump conventional commits ask for since the last release (conventionalcommits.org 1.0.0 §
 * "Why use": breaking → major, `feat` → minor, anything else → patch).
 *
 * Below 1.0.0 nothing has been promised (semver §4), and npm's and Cargo's caret ranges treat the
 * minor as the breaking position there (`^0.2.3` is `>=0.2.3 <0.3.0`): so a breaking change bumps
 * the minor, as release-please does with `bump-minor-pre-major`, and leaving 0.x stays a deliberate
 * `tagship bump major`. A `feat` still bumps the minor.
 *
 * A commit reverted inside the same range counts for nothing, and neither does its revert (the two
 * cancel out, as conventional-changelog's filter does); a revert of something already released is
 * a change like any other (patch). Merge commits are not entries (parseCommit drops them): the
 * commits they bring in are in the range themselves. A squash commit counts by its subject and its
 * `BREAKING CHANGE:` footer.
 */
function decideAutoBump(entries, current) {
    const kept = withoutRevertedPairs(entries);
    const breaking = kept.find((e) => e.conventional?.breaking);
    const feature = kept.find((e) => e.conventional && ['feat', 'feature'].includes(e.conventional.type));
    const initial = current.major === 0;
    const quote = (e) => `${e.commit.sha.slice(0, 7)} ${JSON.stringify(e.subject.slice(0, 80))}`;
    if (breaking) {
        return initial
            ? { kind: 'minor', because: `breaking change in ${quote(breaking)} (below 1.0.0 a breaking change bumps the minor; run tagship bump major to release 1.0.0)` }
            : { kind: 'major', because: `breaking change in ${quote(breaking)}` };
    }
    if (feature)
        return { kind: 'minor', because: `feature in ${quote(feature)}` };
    const first = kept[0];
    return {
        kind: 'patch',
        because: first ? `no feature and no breaking change in ${kept.length} commit${kept.length === 1 ? '' : 's'}` : 'no commits since the last release that count (a patch release)',
    };
}
/** The entries left once each revert inside the range has cancelled the commit it reverts. */
function withoutRevertedPairs(entries) {
    const cancelled = new Set();
    for (const revert of entries) {
        for (const match of revert.commit.message.matchAll(REVERTS)) {
            const target = entries.find((e) => e !== revert && !cancelled.has(e) && e.commit.sha.toLowerCase().startsWith(match[1].toLowerCase()));
            if (!target)
                continue;
            cancelled.add(target);
            cancelled.add(revert);
        }
    }
    return entries.filter((e) => !cancelled.has(e));
}

;// CONCATENATED MODULE: ./src/bump/changelog-file.ts

/** `## [Unreleased]`, any case (Keep a Changelog 1.1.0 writes `## [Unreleased]`, its link `[unreleased]:`). */
const UNRELEASED_HEADING = /^##[ \t]+\[?unreleased\]?[ \t]*$/im;
/** A version section's heading, `## [1.2.3] - 2024-01-02` or `## 1.2.3 (…)`. */
const VERSION_HEADING = /^##[ \t]+\[?v?\d[^\]\s]*\]?/m;
const LINK_DEFINITION = /^\[([^\]\r\n]+)\]:[ \t]*(\S+)[ \t]*$/gm;
/**
 * CHANGELOG.md with the release's section on top: the same groups as the release notes (one
 * renderer for both). A "Keep a Changelog" file (keepachangelog.com 1.1.0) keeps its shape: the
 * `## [Unreleased]` section stays first and empty, what was written under it becomes the release's
 * section (hand-written notes win over the generated list), the heading is `## [x.y.z] - date`, and
 * the link definitions at the bottom gain the version and move `[unreleased]` on to the new tag.
 * A section that already exists for the version is left as written. Line endings follow the file's.
 */
function prependChangelog(existing, section) {
    const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
    const text = (existing ?? '').replace(/\r\n/g, '\n');
    if (hasVersionSection(text, section.version))
        return existing;
    const link = section.compareUrl ?? (section.repositoryUrl ? `${section.repositoryUrl.replace(/\/+$/, '')}/releases/tag/${section.tag}` : undefined);
    const generated = renderBody(section);
    const result = isKeepAChangelog(text) ? prependKeepAChangelog(text, section, generated, link) : prependPlain(text, section, generated, link);
    return result.replace(/\n/g, eol);
}
function renderBody(section) {
    if (!section.entries.length)
        return 'No changes since the last release.';
    const rendered = (0,github_changelog/* renderConventionalChangelog */.nY)(section.entries, { repositoryUrl: section.repositoryUrl ?? '' });
    // Without the repository's address a commit has no page: its short hash stays, unlinked.
    return rendered.replace(/\(\[([0-9a-f]{7}|commit)\]\(#\)\)/g, '($1)');
}
function hasVersionSection(text, version) {
    const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^##[ \\t]+\\[?v?${escaped}\\]?(?=[\\s(]|$)`, 'm').test(text);
}
function isKeepAChangelog(text) {
    return /keepachangelog\.com/i.test(text) || UNRELEASED_HEADING.test(text) || /^##[ \t]+\[v?\d[^\]]*\][ \t]+-[ \t]+\d{4}-\d{2}-\d{2}/m.test(text);
}
function prependKeepAChangelog(text, section, generated, link) {
    const heading = `## [${section.version}] - ${section.date}`;
    const unreleased = UNRELEASED_HEADING.exec(text);
    let body;
    if (unreleased) {
        const start = unreleased.index + unreleased[0].length;
        const next = /\n##[ \t]/.exec(text.slice(start));
        const end = next ? start + next.index + 1 : linksStart(text);
        const written = text.slice(start, end).trim();
        body = `${text.slice(0, start)}\n\n${heading}\n\n${written || generated}\n\n${text.slice(end).replace(/^\n+/, '')}`;
    }
    else {
        body = insertBeforeFirstVersion(text, `${heading}\n\n${generated}\n`);
    }
    return updateLinks(body, section, link).replace(/\n*$/, '\n');
}
/** Where the link definitions at the bottom start (the end of the text without any). */
function linksStart(text) {
    const lines = text.split('\n');
    let first = lines.length;
    for (let i = lines.length - 1; i >= 0; i--) {
        if (/^\[[^\]]+\]:\s*\S/.test(lines[i]))
            first = i;
        else if (lines[i].trim())
            break;
    }
    return first === lines.length ? text.length : lines.slice(0, first).join('\n').length + 1;
}
/** `[unreleased]` compares from the new tag; the version gets its own definition, above the previous one's. */
function updateLinks(text, section, link) {
    const definitions = [...text.matchAll(LINK_DEFINITION)];
    if (!definitions.length || !link)
        return text;
    let result = text;
    const unreleased = definitions.find((d) => d[1].toLowerCase() === 'unreleased');
    if (unreleased) {
        const url = unreleased[2];
        const moved = url.replace(/\/compare\/[^/]+?\.\.\.(HEAD|[^/\s]+)$/i, (_, head) => `/compare/${section.tag}...${head}`);
        result = result.replace(unreleased[0], `[${unreleased[1]}]: ${moved}`);
    }
    const line = `[${section.version}]: ${link}`;
    const firstVersion = [...result.matchAll(LINK_DEFINITION)].find((d) => d[1].toLowerCase() !== 'unreleased');
    if (firstVersion)
        return `${result.slice(0, firstVersion.index)}${line}\n${result.slice(firstVersion.index)}`;
    const last = [...result.matchAll(LINK_DEFINITION)].at(-1);
    const at = last.index + last[0].length;
    return `${result.slice(0, at)}\n${line}${result.slice(at)}`;
}
function prependPlain(text, section, generated, link) {
    const title = link ? `[${section.version}](${link})` : section.version;
    const block = `## ${title} (${section.date})\n\n${generated}\n`;
    if (!text.trim())
        return `# Changelog\n\n${block}`;
    return insertBeforeFirstVersion(text, block);
}
/** Before the first `## ` heading; without one, after the title and its paragraph, or on top. */
function insertBeforeFirstVersion(text, block) {
    const first = VERSION_HEADING.exec(text) ?? /^##[ \t]/m.exec(text);
    if (first)
        return `${text.slice(0, first.index)}${block}\n${text.slice(first.index)}`;
    const trimmed = text.replace(/\n+$/, '');
    if (/^#[ \t]/.test(trimmed))
        return `${trimmed}\n\n${block}`;
    return `${block}\n${text}`;
}

;// CONCATENATED MODULE: ./src/bump/diff.ts
/**
 * A unified diff (`diff -u` / `git diff` shape) of one file's text before and after, for `--dry-run`.
 * Myers' O(ND) algorithm: a bump changes a handful of lines, so D is small even in a large lockfile.
 */
function unifiedDiff(file, before, after, context = 3) {
    const a = before === undefined ? [] : splitLines(before);
    const b = splitLines(after);
    const ops = diffLines(a, b);
    if (!ops.some((op) => op.kind !== '='))
        return '';
    const header = [`--- ${before === undefined ? '/dev/null' : `a/${file}`}`, `+++ b/${file}`];
    return [...header, ...hunks(ops, context)].join('\n') + '\n';
}
/** Lines without their terminator; a CR of a CRLF file is shown as nothing (git shows it as ^M only with whitespace checks). */
function splitLines(text) {
    if (!text)
        return [];
    const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
    if (lines.at(-1) === '')
        lines.pop();
    return lines;
}
function diffLines(a, b) {
    const n = a.length;
    const m = b.length;
    const max = n + m;
    const offset = max + 1;
    let v = new Int32Array(2 * max + 3);
    const trace = [];
    outer: for (let d = 0; d <= max; d++) {
        trace.push(v.slice());
        for (let k = -d; k <= d; k += 2) {
            let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
            let y = x - k;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                trace.push(v.slice());
                break outer;
            }
        }
    }
    // Walk back through the saved frontiers.
    const ops = [];
    let x = n;
    let y = m;
    for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
        v = trace[d];
        const k = x - y;
        const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
        const prevX = v[offset + prevK];
        const prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            x--;
            y--;
            ops.push({ kind: '=', line: a[x], aIndex: x, bIndex: y });
        }
        if (d === 0)
            break;
        if (x === prevX) {
            y--;
            ops.push({ kind: '+', line: b[y], aIndex: x, bIndex: y });
        }
        else {
            x--;
            ops.push({ kind: '-', line: a[x], aIndex: x, bIndex: y });
        }
    }
    return ops.reverse();
}
function hunks(ops, context) {
    const out = [];
    let i = 0;
    while (i < ops.length) {
        const firstChange = ops.findIndex((op, j) => j >= i && op.kind !== '=');
        if (firstChange < 0)
            break;
        const start = Math.max(i, firstChange - context);
        // Extend while the next change is within 2 × context of the last one.
        let end = firstChange;
        for (let j = firstChange; j < ops.length; j++) {
            if (ops[j].kind !== '=')
                end = j;
            else if (j - end > 2 * context)
                break;
        }
        const stop = Math.min(ops.length, end + context + 1);
        const slice = ops.slice(start, stop);
        const aCount = slice.filter((op) => op.kind !== '+').length;
        const bCount = slice.filter((op) => op.kind !== '-').length;
        const aStart = slice[0].aIndex + (aCount ? 1 : 0);
        const bStart = slice[0].bIndex + (bCount ? 1 : 0);
        // As diff -u and git print them: a range of one line is just its start.
        const range = (start, count) => (count === 1 ? `${start}` : `${start},${count}`);
        out.push(`@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@`);
        for (const op of slice)
            out.push(`${op.kind === '=' ? ' ' : op.kind}${op.line}`);
        i = stop;
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/project/json.ts
var json = __webpack_require__(11343);
// EXTERNAL MODULE: ./src/version/sources/cargo.ts
var cargo = __webpack_require__(53149);
// EXTERNAL MODULE: ./src/version/sources/package-json.ts
var package_json = __webpack_require__(99084);
// EXTERNAL MODULE: ./src/version/sources/pyproject.ts
var pyproject = __webpack_require__(5577);
// EXTERNAL MODULE: ./src/version/sources/python-module.ts
var python_module = __webpack_require__(11444);
// EXTERNAL MODULE: ./src/version/sources/setup-cfg.ts
var setup_cfg = __webpack_require__(26135);
// EXTERNAL MODULE: ./src/version/sources/version-file.ts
var version_file = __webpack_require__(30484);
;// CONCATENATED MODULE: ./src/bump/edits/text.ts

/**
 * The one line a bump says when it cannot rewrite a source safely: where, what is wrong, and what to
 * do. Nothing has been written when it is thrown (edits are planned in memory first).
 */
function refuse(file, line, problem, todo) {
    const where = `${file}${line ? `:${line}` : ''}`;
    const what = todo ? `${todo}, or set the version there by hand` : 'set the version there by hand';
    throw new errors/* UserError */.yo(`${where}: ${problem}, so tagship bump cannot rewrite it safely; ${what}.`, { file, line });
}
/** 1-based numbers of the lines that differ between two texts with the same number of lines. */
function changedLines(before, after) {
    const a = before.split('\n');
    const b = after.split('\n');
    const lines = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++)
        if (a[i] !== b[i])
            lines.push(i + 1);
    return lines;
}
/** Runs `edit` on the text without its UTF-8 byte order mark, and puts the mark back. */
function withoutBom(text, edit) {
    return text.startsWith('\uFEFF') ? `\uFEFF${edit(text.slice(1))}` : edit(text);
}
/** Offset of the first character of 1-based `line`. */
function lineStart(text, line) {
    let offset = 0;
    for (let i = 1; i < line; i++) {
        const next = text.indexOf('\n', offset);
        if (next < 0)
            return text.length;
        offset = next + 1;
    }
    return offset;
}
/** The 1-based line's text, without its line ending. */
function lineText(text, line) {
    const start = lineStart(text, line);
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/version/sources/reading.ts
var reading = __webpack_require__(74277);
;// CONCATENATED MODULE: ./src/bump/edits/toml-span.ts




function locateTomlString(text, path) {
    const scanner = new Scanner(text);
    let table = [];
    let found;
    while (!scanner.done()) {
        scanner.skipBlank();
        if (scanner.done())
            break;
        const ch = scanner.peek();
        if (ch === '#') {
            scanner.skipComment();
            continue;
        }
        if (ch === '[') {
            const array = scanner.peek(1) === '[';
            scanner.pos += array ? 2 : 1;
            const header = scanner.readKey();
            scanner.skipInline();
            scanner.pos += array ? 2 : 1;
            // A value under an array of tables (`[[bin]]`) is never the version we look for.
            table = array ? ['\0array', ...header] : header;
            scanner.skipRestOfLine();
            continue;
        }
        const keyStart = scanner.pos;
        const key = [...table, ...scanner.readKey()];
        scanner.skipInline();
        if (scanner.peek() !== '=')
            return { problem: 'is not valid TOML here', line: (0,reading/* lineAt */.m)(text, keyStart) };
        scanner.pos++;
        scanner.skipInline();
        const valueStart = scanner.pos;
        if ((0,external_node_util_.isDeepStrictEqual)(key, path)) {
            if (found)
                return { problem: 'is set twice', line: (0,reading/* lineAt */.m)(text, keyStart) };
            found = stringSpan(text, valueStart) ?? { problem: 'is not a plain one-line string', line: (0,reading/* lineAt */.m)(text, valueStart) };
        }
        else if (isPrefix(key, path) || isPrefix(path, key)) {
            // `project = { version = "1.2.3" }` or `version.workspace = true` style: not a string we can locate.
            if (isPrefix(key, path) && !found)
                found = { problem: 'is inside an inline table', line: (0,reading/* lineAt */.m)(text, keyStart) };
        }
        scanner.skipValue();
        scanner.skipRestOfLine();
    }
    return found;
}
function isPrefix(short, long) {
    return short.length < long.length && short.every((part, i) => long[i] === part);
}
/** A one-line basic string without escapes (`"1.2.3"`) or a literal string (`'1.2.3'`). */
function stringSpan(text, at) {
    const quote = text[at];
    if (quote !== '"' && quote !== "'")
        return undefined;
    if (text.startsWith(quote.repeat(3), at))
        return undefined;
    const close = text.indexOf(quote, at + 1);
    const newline = text.indexOf('\n', at + 1);
    if (close < 0 || (newline >= 0 && newline < close))
        return undefined;
    const content = text.slice(at + 1, close);
    if (quote === '"' && content.includes('\\'))
        return undefined;
    return { span: { start: at + 1, end: close, line: (0,reading/* lineAt */.m)(text, at) } };
}
class Scanner {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    done() {
        return this.pos >= this.text.length;
    }
    peek(ahead = 0) {
        return this.text[this.pos + ahead];
    }
    skipBlank() {
        while (!this.done() && /[ \t\r\n]/.test(this.text[this.pos]))
            this.pos++;
    }
    skipInline() {
        while (!this.done() && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t'))
            this.pos++;
    }
    skipComment() {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end + 1;
    }
    skipRestOfLine() {
        this.skipComment();
    }
    /** A dotted key: `a`, `"a b"`, `'a'`, `a . "b" .c`. Quoted parts are returned unquoted (escapes kept literally). */
    readKey() {
        const parts = [];
        for (;;) {
            this.skipInline();
            const ch = this.peek();
            if (ch === '"' || ch === "'") {
                const close = this.findStringEnd(this.pos, ch, false);
                parts.push(this.text.slice(this.pos + 1, close - 1));
                this.pos = close;
            }
            else {
                const start = this.pos;
                while (!this.done() && /[A-Za-z0-9_-]/.test(this.text[this.pos]))
                    this.pos++;
                parts.push(this.text.slice(start, this.pos));
                if (start === this.pos)
                    return parts;
            }
            this.skipInline();
            if (this.peek() !== '.')
                return parts;
            this.pos++;
        }
    }
    /** Past a value of any kind, including multi-line strings, arrays and inline tables over several lines. */
    skipValue() {
        let depth = 0;
        while (!this.done()) {
            const ch = this.text[this.pos];
            if (ch === '"' || ch === "'") {
                const multi = this.text.startsWith(ch.repeat(3), this.pos);
                this.pos = this.findStringEnd(this.pos, ch, multi);
                continue;
            }
            if (ch === '[' || ch === '{')
                depth++;
            else if (ch === ']' || ch === '}')
                depth--;
            else if (ch === '#') {
                // A comment ends the value on this line; inside an array the value goes on.
                const end = this.text.indexOf('\n', this.pos);
                this.pos = end < 0 ? this.text.length : end;
                if (depth <= 0)
                    return;
                continue;
            }
            else if (ch === '\n' && depth <= 0)
                return;
            this.pos++;
        }
    }
    /** Offset just past the closing quote(s) of the string opening at `at`. */
    findStringEnd(at, quote, multi) {
        if (multi) {
            let i = at + 3;
            for (;;) {
                const close = this.text.indexOf(quote.repeat(3), i);
                if (close < 0)
                    return this.text.length;
                if (quote === '"' && isEscaped(this.text, close)) {
                    i = close + 1;
                    continue;
                }
                // Up to two more quotes may belong to the content (`"""a"""""`).
                let end = close + 3;
                while (this.text[end] === quote && end - close < 5)
                    end++;
                return end;
            }
        }
        for (let i = at + 1; i < this.text.length; i++) {
            const ch = this.text[i];
            if (ch === '\n')
                return i;
            if (quote === '"' && ch === '\\') {
                i++;
                continue;
            }
            if (ch === quote)
                return i + 1;
        }
        return this.text.length;
    }
}
function isEscaped(text, at) {
    let backslashes = 0;
    for (let i = at - 1; i >= 0 && text[i] === '\\'; i--)
        backslashes++;
    return backslashes % 2 === 1;
}
/**
 * Replaces the string at `path` with `value`, keeping its quotes. Refuses (one line, file:line) when
 * the value is not a plain string we can locate, and checks the result: parsed, it must be the same
 * document as before but for that one value.
 */
function replaceTomlString(text, path, value, file, fallbackLine) {
    const label = `${path.length > 1 ? `[${path.slice(0, -1).join('.')}].` : ''}${path[path.length - 1]}`;
    const located = locateTomlString(text, path);
    if (!located)
        refuse(file, fallbackLine, `${label} was not found where tagship can rewrite it`, `write it as ${path[path.length - 1]} = "…" under [${path.slice(0, -1).join('.')}]`);
    if ('problem' in located)
        refuse(file, located.line, `${label} ${located.problem}`, `write it as ${path[path.length - 1]} = "…" on one line`);
    const { start, end } = located.span;
    const after = text.slice(0, start) + value + text.slice(end);
    checkSameDocument(text, after, path, value, file, located.span.line);
    return after;
}
function checkSameDocument(before, after, path, value, file, line) {
    const expected = (0,dist/* parse */.qg)(before);
    let node = expected;
    for (const part of path.slice(0, -1))
        node = node[part];
    node[path[path.length - 1]] = value;
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(after);
    }
    catch {
        parsed = undefined;
    }
    if (!(0,external_node_util_.isDeepStrictEqual)(JSON.parse(JSON.stringify(parsed ?? null)), JSON.parse(JSON.stringify(expected)))) {
        refuse(file, line, `rewriting ${path.join('.')} would change more than the version`);
    }
}

;// CONCATENATED MODULE: ./src/bump/edits/cargo.ts


/** `[package].version` or `[workspace.package].version` of a Cargo.toml (Cargo reads a BOM, so it is kept). */
function editCargoToml(text, reading, version) {
    const path = reading.source.endsWith('[workspace.package].version') ? ['workspace', 'package', 'version'] : ['package', 'version'];
    return withoutBom(text, (body) => replaceTomlString(body, path, version, reading.file, reading.line));
}

// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(99547);
;// CONCATENATED MODULE: ./src/bump/edits/json-string.ts



/**
 * Sets strings of a JSON file in place: one jsonc-parser parse (a lockfile can hold megabytes) locates
 * each value, then only those characters are replaced, so indentation, key order, comments and line
 * endings stay as written. A key given twice on the way is refused (JSON.parse, which npm uses, takes
 * the last; an editor could take either), and so is a value that is not a string.
 */
function replaceJsonStrings(text, changes, file) {
    if (!changes.length)
        return text;
    return withoutBom(text, (body) => {
        // Trailing commas as Bun writes them; any other syntax error stops the edit rather than guess.
        const errors = [];
        const root = (0,main.parseTree)(body, errors, { allowTrailingComma: true, disallowComments: false });
        if (!root || errors.length)
            refuse(file, errors[0] ? (0,reading/* lineAt */.m)(body, errors[0].offset) : undefined, 'the file is not valid JSON', 'fix the file');
        const edits = changes.map(({ path, value }) => {
            const node = nodeAt(root, path, body, file);
            if (!node)
                refuse(file, undefined, `"${path.join('.')}" was not found`, 'add it');
            if (node.type !== 'string')
                refuse(file, (0,reading/* lineAt */.m)(body, node.offset), `"${path.join('.')}" is not a string`, 'write the version as a string');
            return { offset: node.offset, length: node.length, content: JSON.stringify(value) };
        });
        return spliceAll(body, edits);
    });
}
/**
 * The edits applied in one pass. jsonc-parser's `applyEdits` rebuilds the whole text once per edit,
 * which took seconds for a workspace's 50 lockfile entries in a 6 MB package-lock.json.
 */
function spliceAll(text, edits) {
    const sorted = [...edits].sort((a, b) => a.offset - b.offset);
    const parts = [];
    let at = 0;
    for (const edit of sorted) {
        // Two changes of one value (a path listed twice) would overlap: the first wins, as they are equal.
        if (edit.offset < at)
            continue;
        parts.push(text.slice(at, edit.offset), edit.content);
        at = edit.offset + edit.length;
    }
    parts.push(text.slice(at));
    return parts.join('');
}
function replaceJsonString(text, path, value, file) {
    return replaceJsonStrings(text, [{ path, value }], file);
}
/** Each object's properties by key, built once per object (a lockfile's `packages` has thousands). */
const propertiesByKey = new WeakMap();
function propertiesOf(node, key) {
    let index = propertiesByKey.get(node);
    if (!index) {
        index = new Map();
        for (const property of node.children ?? []) {
            const name = String(property.children?.[0]?.value);
            const list = index.get(name);
            if (list)
                list.push(property);
            else
                index.set(name, [property]);
        }
        propertiesByKey.set(node, index);
    }
    return index.get(key) ?? [];
}
/** The value node at `path`, refusing a key on the way that the object gives twice. */
function nodeAt(root, path, body, file) {
    let node = root;
    for (const key of path) {
        const properties = node?.type === 'object' ? propertiesOf(node, key) : [];
        if (properties.length > 1)
            refuse(file, (0,reading/* lineAt */.m)(body, properties[1].offset), `"${key}" is given twice`, 'remove the duplicate key');
        node = properties[0]?.children?.[1];
    }
    return node;
}
/** The parsed value of a JSON text (BOM allowed), for deciding which strings to change. */
function jsonValue(text) {
    const body = text.replace(/^\uFEFF/, '');
    try {
        return JSON.parse(body);
    }
    catch {
        // Comments or trailing commas: let the tolerant reader below decide.
    }
    const root = (0,main.parseTree)(body);
    return root ? nodeValue(root) : undefined;
}
function nodeValue(node) {
    if (node.type === 'object') {
        const out = Object.create(null);
        for (const property of node.children ?? []) {
            const [key, value] = property.children ?? [];
            if (key && value)
                out[String(key.value)] = nodeValue(value);
        }
        return out;
    }
    if (node.type === 'array')
        return (node.children ?? []).map(nodeValue);
    return node.value;
}

;// CONCATENATED MODULE: ./src/bump/edits/npm-dependents.ts
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/**
 * A dependency on a bumped workspace package pinned to its previous version (`"1.2.3"`, `"=1.2.3"`,
 * `"^1.2.3"`, `"~1.2.3"`) follows it, keeping the operator, as lerna does: otherwise a lockstep
 * release would publish `cli@1.2.4` requiring `core@1.2.3` (`npm version --workspaces` leaves them,
 * npm/cli#3403, #7843). Other ranges and `workspace:` specs are the author's and stay as written.
 * `at` is where `manifest` sits in its file: `[]` in a package.json, `['packages', dir]` in a lockfile.
 */
function dependentChanges(manifest, at, bumped, version) {
    const changes = [];
    for (const field of DEPENDENCY_FIELDS) {
        const deps = manifest[field];
        if (!deps || typeof deps !== 'object')
            continue;
        for (const { name, previous } of bumped) {
            const spec = deps[name];
            if (typeof spec !== 'string')
                continue;
            const pinned = /^(=|\^|~)?v?(.*)$/.exec(spec.trim());
            if (pinned[2] === previous)
                changes.push({ path: [...at, field, name], value: `${pinned[1] ?? ''}${version}` });
        }
    }
    return changes;
}

;// CONCATENATED MODULE: ./src/bump/edits/package-json.ts


/**
 * A package.json of the project: its `"version"` when the guard reads it (`version` set), and its
 * dependencies pinned to a bumped sibling's previous version.
 */
function editPackageJson(text, file, version, pinned, pinnedVersion) {
    const changes = version === undefined ? [] : [{ path: ['version'], value: version }];
    const manifest = jsonValue(text);
    if (manifest && typeof manifest === 'object')
        changes.push(...dependentChanges(manifest, [], pinned, pinnedVersion));
    return replaceJsonStrings(text, changes, file);
}

;// CONCATENATED MODULE: ./src/bump/edits/package-lock.ts


/**
 * Where a lockfile keeps its workspace's own entries, by directory (`""` the root): package-lock.json
 * and npm-shrinkwrap.json under `packages` (v2/v3), with the root version repeated at the top; Bun's
 * text lockfile bun.lock under `workspaces`.
 */
const LOCKFILES = [
    { file: 'package-lock.json', entries: 'packages', topVersion: true },
    { file: 'npm-shrinkwrap.json', entries: 'packages', topVersion: true },
    { file: 'bun.lock', entries: 'workspaces', topVersion: false },
];
/**
 * The entries of an npm or Bun lockfile that repeat what a bump changed: the root `version` and the
 * root entry's when the root package was bumped, each bumped workspace member's entry (`packages
 * ["<dir>"].version`, bun.lock's `workspaces["<dir>"].version`), and the dependency maps of the
 * workspace's own entries that mirror a pinned sibling. Entries that are not there (lockfile v1 has no
 * `packages`) are left alone: the tool fills them on its next install.
 */
function editPackageLock(text, lockfile, bumped, workspaceDirs, pinned, version) {
    const lock = (jsonValue(text) ?? {});
    const found = lock[lockfile.entries];
    const entries = (found && typeof found === 'object' ? found : {});
    const changes = [];
    for (const { dir } of bumped) {
        if (dir === '.' && lockfile.topVersion && typeof lock.version === 'string')
            changes.push({ path: ['version'], value: version });
        const key = dir === '.' ? '' : dir;
        if (typeof entries[key]?.version === 'string')
            changes.push({ path: [lockfile.entries, key, 'version'], value: version });
    }
    for (const dir of workspaceDirs) {
        const key = dir === '.' ? '' : dir;
        const entry = entries[key];
        if (entry)
            changes.push(...dependentChanges(entry, [lockfile.entries, key], pinned, version));
    }
    return replaceJsonStrings(text, changes, lockfile.file);
}

;// CONCATENATED MODULE: ./src/bump/edits/npm.ts


const manifestOf = (dir) => (dir === '.' ? 'package.json' : `${dir}/package.json`);
const dirOf = (file) => (file === 'package.json' ? '.' : file.slice(0, -'/package.json'.length));
/**
 * The npm side of a bump: each package.json the guard reads gets `next` (`nextFor` gives the reading's
 * form), every manifest of the workspace follows a sibling it pins to the previous version, and
 * package-lock.json, npm-shrinkwrap.json and bun.lock repeat both.
 */
function planNpmEdits(texts, project, readings, nextFor, semverText) {
    if (!readings.length)
        return;
    const pinned = project.npm.flatMap((pkg) => {
        const reading = readings.find((r) => r.file === manifestOf(pkg.dir));
        return reading ? [{ name: pkg.name, previous: reading.value }] : [];
    });
    for (const reading of readings)
        texts.edit(reading.file, (text) => editPackageJson(text, reading.file, nextFor(reading), pinned, semverText));
    // Manifests whose version the guard does not read (a private workspace root or member) may still pin a sibling.
    for (const pkg of project.npm) {
        const file = manifestOf(pkg.dir);
        if (pinned.length && !readings.some((r) => r.file === file))
            texts.edit(file, (text) => editPackageJson(text, file, undefined, pinned, semverText));
    }
    const bumped = readings.map((r) => ({ dir: dirOf(r.file) }));
    for (const lockfile of LOCKFILES) {
        if (texts.exists(lockfile.file))
            texts.edit(lockfile.file, (text) => editPackageLock(text, lockfile, bumped, project.npm.map((pkg) => pkg.dir), pinned, semverText));
    }
}

;// CONCATENATED MODULE: ./src/bump/edits/planned-texts.ts




/**
 * The project's files a bump touches, read once each through the project-file rules (inside the
 * project, regular files, size-capped) and edited in memory, in order: several edits of one file
 * (pyproject's two tables, a lockfile's entries) build on each other.
 */
class PlannedTexts {
    root;
    texts = new Map();
    constructor(root) {
        this.root = root;
    }
    exists(file) {
        return (0,project_files/* projectEntryExists */.WF)(this.root, file);
    }
    get(file) {
        let entry = this.texts.get(file);
        if (!entry) {
            // A manifest or a JSON lockfile may be as large as npm reads; other sources the text cap.
            const large = (0,external_node_path_.basename)(file) === 'package.json' || file.endsWith('.json');
            const before = (0,project_files/* readProjectText */.BA)(this.root, file, large ? { maxBytes: package_json/* MAX_MANIFEST_BYTES */.ZJ } : {});
            entry = { before, after: before };
            this.texts.set(file, entry);
        }
        return entry;
    }
    edit(file, change) {
        const entry = this.get(file);
        entry.after = change(entry.after);
    }
    /** The files that changed, with the lines that did (1-based, in the text after). */
    changes() {
        return [...this.texts.entries()]
            .filter(([, { before, after }]) => before !== after)
            .map(([file, { before, after }]) => ({ file, before, after, lines: changedLines(before, after) }));
    }
}

;// CONCATENATED MODULE: ./src/bump/edits/pyproject.ts


/** PEP 621 `[project].version` or Poetry's `[tool.poetry].version`: the located value span only. */
function editPyproject(text, reading, version) {
    const path = reading.source.endsWith('[tool.poetry].version') ? ['tool', 'poetry', 'version'] : reading.source.endsWith('[project].version') ? ['project', 'version'] : undefined;
    if (!path)
        refuse(reading.file, reading.line, `${reading.source} is not a version tagship knows how to rewrite`, 'set the version in [project].version');
    return replaceTomlString(text, path, version, reading.file, reading.line);
}

;// CONCATENATED MODULE: ./src/bump/edits/python-module.ts

// The reader's pattern (src/version/sources/python-module.ts), with the string's parts captured.
const ASSIGNMENT = /^(__version__|VERSION|version)(\s*(?::\s*[A-Za-z_][\w.[\]]*\s*)?=\s*)(?:"([^"\\\n]*)"|'([^'\\\n]*)')/;
/**
 * `__version__ = "1.2.3"` (or the `VERSION`/`version` a config points at) on the line the guard read:
 * the string's content changes, its quotes and the rest of the line stay. A later assignment to the
 * same name would win when Python runs the module, so it is refused rather than left behind.
 */
function editPythonModule(text, reading, version) {
    const { file, line } = reading;
    if (!line)
        refuse(file, undefined, 'the version line was not found', 'write __version__ = "…"');
    return withoutBom(text, (body) => {
        const match = ASSIGNMENT.exec(lineText(body, line));
        if (!match)
            refuse(file, line, 'the version is not a plain string literal', 'write __version__ = "…"');
        const name = match[1];
        const lines = body.split(/\r?\n/);
        const assigns = new RegExp(`^\\s*${name}\\s*(?::[^=]*)?=[^=]|\\bimport\\b.*\\bas\\s+${name}\\b`);
        const again = lines.findIndex((other, i) => i >= line && assigns.test(other));
        if (again >= 0)
            refuse(file, again + 1, `${name} is assigned again`, `keep one ${name} = "…" line`);
        const start = lineStart(body, line) + match[1].length + match[2].length + 1;
        const old = match[3] ?? match[4];
        return body.slice(0, start) + version + body.slice(start + old.length);
    });
}

;// CONCATENATED MODULE: ./src/bump/edits/setup-cfg.ts

/**
 * `version = 1.2.3` under `[metadata]` of a setup.cfg: the value's characters only. A value continued
 * on the next line (configparser's multi-line values) or set twice is refused.
 */
function editSetupCfg(text, reading, version) {
    const { file } = reading;
    const old = reading.value ?? '';
    return withoutBom(text, (body) => {
        const lines = body.split('\n').map((l) => l.replace(/\r$/, ''));
        let section = '';
        const found = [];
        lines.forEach((raw, i) => {
            const header = /^\s*\[([^\]]*)\]/.exec(raw);
            if (header)
                section = header[1].trim();
            else if (section === 'metadata' && /^\s*version\s*=/.test(raw))
                found.push(i);
        });
        if (found.length !== 1) {
            refuse(file, found.length ? found[1] + 1 : reading.line, found.length ? '[metadata] version is set twice' : '[metadata] version was not found', 'keep one version = … line');
        }
        const index = found[0];
        const next = lines[index + 1];
        if (next !== undefined && /^[ \t]+\S/.test(next) && !/^\s*[#;]/.test(next))
            refuse(file, index + 2, 'the version continues on the next line', 'write version = … on one line');
        const raw = lines[index];
        const valueAt = raw.indexOf(old, raw.indexOf('=') + 1);
        if (!old || valueAt < 0)
            refuse(file, index + 1, 'the version is not written as read', 'write version = 1.2.3');
        const start = lineStart(body, index + 1) + valueAt;
        return body.slice(0, start) + version + body.slice(start + old.length);
    });
}

// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(73382);
;// CONCATENATED MODULE: ./src/bump/edits/cargo-dependents.ts




const isTable = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies'];
/** The dependency tables of a manifest, each with its path: `[dependencies]`, `[workspace.dependencies]`, `[target.'cfg(unix)'.dependencies]`. */
function dependencyTables(doc) {
    const tables = [];
    const collect = (at, owner) => {
        if (!isTable(owner))
            return;
        for (const name of DEPENDENCY_TABLES)
            if (isTable(owner[name]))
                tables.push({ path: [...at, name], deps: owner[name] });
    };
    collect([], doc);
    if (isTable(doc.workspace) && isTable(doc.workspace.dependencies))
        tables.push({ path: ['workspace', 'dependencies'], deps: doc.workspace.dependencies });
    if (isTable(doc.target))
        for (const [cfg, owner] of Object.entries(doc.target))
            collect(['target', cfg], owner);
    return tables;
}
/**
 * A path dependency on a bumped crate whose version requirement names the previous version
 * (`a = { path = "../a", version = "0.3.0" }`, also `^`, `=`, `~`) follows it, keeping the operator,
 * as cargo-release does: Cargo refuses a path dependency whose requirement its version does not meet
 * (`0.3.0` is `^0.3.0`, which 0.4.0 is not). Each change is made where the requirement is written
 * and checked by parsing: the manifest must differ in that requirement only, or it is left as it is.
 */
function editCargoDependents(text, bumped, version) {
    if (!bumped.length)
        return text;
    return withoutBom(text, (body) => {
        let current = body;
        const doc = (0,dist/* parse */.qg)((0,json/* stripBom */.F8)(current));
        for (const { path, deps } of dependencyTables(doc)) {
            for (const [key, spec] of Object.entries(deps)) {
                if (!isTable(spec) || typeof spec.path !== 'string' || typeof spec.version !== 'string')
                    continue;
                const crate = typeof spec.package === 'string' ? spec.package : key;
                const previous = bumped.find((b) => b.name === crate)?.previous;
                const requirement = /^\s*(=|\^|~)?\s*(.*?)\s*$/.exec(spec.version);
                if (previous === undefined || requirement[2] !== previous)
                    continue;
                current = replaceRequirement(current, [...path, key, 'version'], spec.version, `${requirement[1] ?? ''}${version}`) ?? current;
            }
        }
        return current;
    });
}
/** The one occurrence of `version = "<old>"` whose replacement changes exactly `path` in the parsed document, or undefined. */
function replaceRequirement(text, path, old, next) {
    const expected = (0,dist/* parse */.qg)(text);
    let node = expected;
    for (const part of path.slice(0, -1))
        node = node[part];
    node[path[path.length - 1]] = next;
    const wanted = JSON.parse(JSON.stringify(expected));
    const pattern = new RegExp(`(\\bversion\\s*=\\s*)(["'])${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g');
    for (const match of text.matchAll(pattern)) {
        const start = match.index + match[1].length + 1;
        const candidate = text.slice(0, start) + next + text.slice(start + old.length);
        try {
            if ((0,external_node_util_.isDeepStrictEqual)(JSON.parse(JSON.stringify((0,dist/* parse */.qg)(candidate))), wanted))
                return candidate;
        }
        catch {
            // Not this occurrence.
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/bump/edits/lock-entries.ts



/**
 * Sets `version = "…"` of the `[[package]]` entries `ours` picks in a lockfile Cargo or uv wrote
 * (Cargo.lock, uv.lock): those lines only. The result is checked to parse to the same document with
 * only those versions changed; anything else (a hand-formatted lock) is refused with `todo`.
 */
function editLockEntries(text, file, ours, version, todo) {
    const lines = text.split('\n');
    const blocks = [];
    let block;
    lines.forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (/^\s*\[\[\s*package\s*\]\]\s*$/.test(line))
            blocks.push((block = {}));
        else if (/^\s*\[/.test(line))
            block = undefined;
        else if (block) {
            const pair = /^\s*(name|version|source)\s*=\s*(.*?)\s*$/.exec(line);
            const string = pair ? /^"([^"\\]*)"$/.exec(pair[2])?.[1] : undefined;
            if (pair?.[1] === 'name' && string !== undefined)
                block.name = string;
            else if (pair?.[1] === 'version' && string !== undefined)
                block.versionLine = i;
            else if (pair?.[1] === 'source')
                block.source = pair[2];
        }
    });
    const changed = new Set();
    for (const entry of blocks) {
        if (!entry.name || entry.versionLine === undefined || !ours({ name: entry.name, ...(entry.source !== undefined ? { source: entry.source } : {}) }))
            continue;
        lines[entry.versionLine] = lines[entry.versionLine].replace(/"[^"]*"/, JSON.stringify(version));
        changed.add(blocks.indexOf(entry));
    }
    const after = lines.join('\n');
    if (after === text)
        return text;
    // The same entries, found by the TOML parser: their versions set, nothing else may differ.
    const expected = (0,dist/* parse */.qg)(text);
    (expected.package ?? []).forEach((pkg, i) => {
        if (changed.has(i))
            pkg.version = version;
    });
    if (!(0,external_node_util_.isDeepStrictEqual)(JSON.parse(JSON.stringify((0,dist/* parse */.qg)(after))), JSON.parse(JSON.stringify(expected)))) {
        refuse(file, undefined, 'its [[package]] entries are not in the form the lock tool writes', todo);
    }
    return after;
}
/** Cargo.lock: the bumped crates of this workspace (an entry with a `source` is a registry or git crate of the same name). */
function editCargoLock(text, file, crates, version) {
    return editLockEntries(text, file, (entry) => entry.source === undefined && crates.includes(entry.name), version, 'run cargo update --workspace after the bump');
}
/** PEP 503's normal form of a project name, as uv writes it in uv.lock. */
function normalizedProjectName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/**
 * uv.lock: the project itself, the entry whose source is the project directory (`{ editable = "." }` or
 * `{ virtual = "." }`; a workspace member's lock at the workspace root names the member's `dir` relative to it).
 */
function editUvLock(text, file, project, version, dir = '.') {
    const name = normalizedProjectName(project);
    const quoted = dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const own = new RegExp(`^\\{\\s*(?:editable|virtual)\\s*=\\s*"${quoted}"\\s*\\}$`);
    return editLockEntries(text, file, (entry) => normalizedProjectName(entry.name) === name && own.test(entry.source ?? ''), version, 'run uv lock after the bump');
}

;// CONCATENATED MODULE: ./src/bump/edits/toml-locks.ts






/** Cargo.lock entries of the crates a bumped Cargo.toml version moves, and the workspace's path dependencies on them. */
function planCargoEdits(texts, readings, version) {
    for (const reading of readings) {
        const workspace = cargoWorkspace(texts.root, reading, texts.get(reading.file).before);
        const bumped = workspace.crates.map((name) => ({ name, previous: reading.value }));
        for (const manifest of [reading.file, ...workspace.members])
            texts.edit(manifest, (text) => editCargoDependents(text, bumped, version));
        if (texts.exists('Cargo.lock'))
            texts.edit('Cargo.lock', (text) => editCargoLock(text, 'Cargo.lock', workspace.crates, version));
    }
}
/** uv.lock records the project's own [project].version (PEP 440 normal form); `uv sync --locked` fails when it differs. */
function planUvLockEdits(texts, projectName, version) {
    if (projectName && texts.exists('uv.lock'))
        texts.edit('uv.lock', (text) => editUvLock(text, 'uv.lock', projectName, version));
}
/**
 * The crates whose versions follow the bump, and the workspace's member manifests: the package of a
 * `[package].version`, or for `[workspace.package].version` every member that inherits it
 * (`version.workspace = true`).
 */
function cargoWorkspace(root, reading, text) {
    const doc = (0,dist/* parse */.qg)((0,json/* stripBom */.F8)(text));
    const members = cargoWorkspaceMembers(root, reading.file, text);
    const inWorkspace = reading.source.endsWith('[workspace.package].version');
    const crates = !inWorkspace && typeof doc.package?.name === 'string' ? [doc.package.name] : [];
    for (const manifest of inWorkspace ? members : []) {
        const member = (0,dist/* parse */.qg)((0,json/* stripBom */.F8)((0,project_files/* readProjectText */.BA)(root, manifest)));
        const inherits = member.package?.version?.workspace === true;
        if (inherits && typeof member.package?.name === 'string')
            crates.push(member.package.name);
    }
    return { crates, members };
}
/** The member manifests of the Cargo workspace `file` declares (none when it declares none), relative to `root`, itself left out. */
function cargoWorkspaceMembers(root, file, text) {
    const doc = (0,dist/* parse */.qg)((0,json/* stripBom */.F8)(text));
    const strings = (value) => (Array.isArray(value) ? value.filter((m) => typeof m === 'string') : []);
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    const patterns = (0,project_files/* checkGlobPatterns */.wO)(strings(doc.workspace?.members), `${file} [workspace].members`).map((p) => `${base}${p.replace(/\/+$/, '')}`);
    const dirs = patterns.length ? (0,tinyglobby_dist/* globSync */.AZ)(patterns, { ...(0,project_files/* containedGlobOptions */.c4)(root), onlyDirectories: true, ignore: strings(doc.workspace?.exclude).map((p) => `${base}${p}`) }) : [];
    // A member directory without a manifest is Cargo's concern, not a crate to follow.
    return [...new Set(dirs.map((d) => `${d.replace(/\/+$/, '')}/Cargo.toml`))].sort().filter((m) => m !== file && (0,project_files/* projectEntryExists */.WF)(root, m));
}

;// CONCATENATED MODULE: ./src/bump/edits/version-file.ts

/** A plain version file (`VERSION`, or one setup.cfg names with `file:`): its first non-empty line, surrounding spaces kept. */
function editVersionFile(text, reading, version) {
    const { file, line } = reading;
    if (!line || reading.value === undefined)
        refuse(file, line, 'the version line was not found', 'write the version on the first line');
    return withoutBom(text, (body) => {
        const current = lineText(body, line);
        const at = current.indexOf(reading.value);
        if (at < 0 || current.trim() !== reading.value)
            refuse(file, line, 'the version is not written as read', 'write the version alone on the first line');
        const start = lineStart(body, line) + at;
        return body.slice(0, start) + version + body.slice(start + reading.value.length);
    });
}

;// CONCATENATED MODULE: ./src/bump/edits.ts

















/** Which editor a reading needs, from the same file names and labels the readers use (src/version/sources/detect.ts). */
function kindOf(reading) {
    const name = (0,external_node_path_.basename)(reading.file);
    if (name === 'package.json')
        return 'package-json';
    if (name === 'pyproject.toml')
        return 'pyproject';
    if (name === 'Cargo.toml')
        return 'cargo';
    if (reading.source.endsWith('[metadata].version'))
        return 'setup-cfg';
    if (name.endsWith('.py'))
        return 'python-module';
    return 'version-file';
}
/** The version a reading must say after the bump: the tag's form in the reading's ecosystem, as the guard expects it. */
function expectedFor(reading, version) {
    const scheme = reading.ecosystem === 'generic' ? version.scheme : reading.ecosystem === 'python' ? 'pep440' : 'semver';
    return (scheme === 'semver' ? version.semver : version.pep440) ?? version.normalized;
}
/**
 * The file changes that make every version source the guard reads say `version`, planned in memory:
 * nothing is written. Each edit replaces only the version's characters, so formatting, comments,
 * quotes, a BOM and CRLF line endings stay. Lockfile entries of the bumped packages follow. A source
 * that cannot be rewritten safely stops the whole plan with one line naming file:line.
 */
function planBumpEdits(root, project, version) {
    const texts = new PlannedTexts(root);
    const semverText = version.semver ?? version.normalized;
    const dynamic = [];
    const stated = project.readings.filter((reading) => {
        if (reading.value !== undefined)
            return true;
        dynamic.push({ source: reading.source, how: `${reading.dynamic ?? 'the build backend'} derives the version; no edit needed` });
        return false;
    });
    if (project.python?.dynamic)
        dynamic.push({ source: 'pyproject.toml', how: dynamicHow(project.python.dynamic) });
    const ofKind = (kind) => stated.filter((reading) => kindOf(reading) === kind);
    planNpmEdits(texts, project, ofKind('package-json'), (reading) => expectedFor(reading, version), semverText);
    for (const reading of stated) {
        const kind = kindOf(reading);
        if (kind !== 'package-json')
            texts.edit(reading.file, (text) => editSource(kind, text, reading, expectedFor(reading, version)));
    }
    planCargoEdits(texts, ofKind('cargo'), semverText);
    const pep621 = ofKind('pyproject').find((r) => r.file === 'pyproject.toml' && r.source.endsWith('[project].version'));
    if (pep621)
        planUvLockEdits(texts, project.python?.name, expectedFor(pep621, version));
    verifyReadings(stated, version, texts);
    return { edits: texts.changes(), dynamic };
}
/** Tools that read the version from the git tag at build time; any other backend computes it (maturin from Cargo.toml). */
const FROM_THE_TAG = new Set(['setuptools_scm', 'hatch-vcs', 'pdm-backend scm', 'poetry-dynamic-versioning']);
function dynamicHow(dynamic) {
    return FROM_THE_TAG.has(dynamic) ? `${dynamic} derives the version from the tag; no edit needed` : `${dynamic} computes the version at build time; no edit needed`;
}
function editSource(kind, text, reading, next) {
    switch (kind) {
        case 'pyproject':
            return editPyproject(text, reading, next);
        case 'cargo':
            return editCargoToml(text, reading, next);
        case 'setup-cfg':
            return editSetupCfg(text, reading, next);
        case 'python-module':
            return editPythonModule(text, reading, next);
        case 'version-file':
            return editVersionFile(text, reading, next);
    }
}
/**
 * Reads every edited source back with the guard's own readers: each must now say the new version on
 * the same line. A mismatch is a source the editors misjudged, refused before anything is written.
 */
function verifyReadings(readings, version, texts) {
    for (const reading of readings) {
        const text = texts.get(reading.file).after;
        const again = readAgain(kindOf(reading), text, reading);
        const expected = expectedFor(reading, version);
        const scheme = reading.ecosystem === 'python' ? 'pep440' : reading.ecosystem === 'generic' ? version.scheme : 'semver';
        if (again?.value === undefined || again.line !== reading.line || !(0,version_scheme/* samePublishedVersion */.rT)(reading.ecosystem, scheme, again.value, expected)) {
            refuse(reading.file, reading.line, `after rewriting, ${reading.source} would not read as ${expected}`);
        }
    }
}
function readAgain(kind, text, reading) {
    const { file } = reading;
    switch (kind) {
        case 'package-json':
            return (0,package_json/* parsePackageJson */.wA)(text, file).reading;
        case 'pyproject':
            return (0,pyproject/* parsePyproject */.O)(text, file).readings.find((r) => r.source === reading.source);
        case 'cargo':
            return (0,cargo/* parseCargoToml */.k)(text, file);
        case 'setup-cfg':
            return (0,setup_cfg/* parseSetupCfg */.t)(text, file).reading;
        case 'python-module':
            // Read as the guard did: `__version__` only, unless the file was named explicitly (any name).
            return [(0,python_module/* parsePythonModule */.i)(text, file), (0,python_module/* parsePythonModule */.i)(text, file, { anyName: true })].find((r) => r?.line === reading.line);
        case 'version-file':
            return (0,version_file/* parseVersionFile */.S)(text, file, reading.ecosystem);
    }
}

;// CONCATENATED MODULE: ./src/bump/edits/ancestor-locks.ts










/**
 * A package of the `packages:` map that is a member of a workspace whose lockfile lies above it (an npm
 * workspace's package-lock.json at the repository root, a Cargo workspace's Cargo.lock, a uv
 * workspace's uv.lock): that lockfile's entries for the package follow the bump, or `npm ci`, `cargo
 * build --locked` and `uv sync --locked` fail on the release commit. `packagePath` is the package's
 * directory relative to `repository` (forward slashes); the lockfile looked at is the nearest one above
 * it, at most `repository` itself (none when the package has a lockfile of its own: its own workspace).
 * Every edit's `file` is relative to `repository`, and marked so.
 */
function planAncestorLockEdits(repository, packagePath, project, version, packageRoot) {
    if (packagePath === '.' || packagePath === '')
        return [];
    const texts = new PlannedTexts(repository);
    const own = new PlannedTexts(packageRoot);
    const semverText = version.semver ?? version.normalized;
    // Nearest first: `a/b` for `a/b/pkg`, then `a`, then the repository itself (`''`).
    const segments = packagePath.split('/');
    const ancestors = segments.slice(0, -1).map((_, i) => segments.slice(0, segments.length - 1 - i).join('/')).concat('');
    const under = (dir) => (dir ? `${dir}/` : '');
    const memberDir = (ancestor) => (ancestor ? packagePath.slice(ancestor.length + 1) : packagePath);
    const nearest = (files) => (files.some((f) => own.exists(f)) ? undefined : ancestors.find((a) => files.some((f) => texts.exists(`${under(a)}${f}`))));
    // npm and Bun: the member's entry, and the workspace's own entries (and manifests) pinned to it.
    const manifest = project.readings.find((r) => r.file === 'package.json' && r.value !== undefined);
    const npmPackage = project.npm.find((pkg) => pkg.dir === '.');
    const npmRoot = manifest && npmPackage ? nearest(LOCKFILES.map((l) => l.file)) : undefined;
    if (npmRoot !== undefined) {
        const pinned = [{ name: npmPackage.name, previous: manifest.value }];
        const dir = memberDir(npmRoot);
        for (const lockfile of LOCKFILES) {
            const file = `${under(npmRoot)}${lockfile.file}`;
            if (!texts.exists(file))
                continue;
            const members = workspaceMembers(texts.get(file).before, lockfile.entries).filter((m) => m !== dir);
            texts.edit(file, (text) => editPackageLock(text, lockfile, [{ dir }], members, pinned, semverText));
            // A sibling's manifest pinned to the old version follows too, or the lock no longer matches it.
            for (const member of members) {
                const sibling = `${under(npmRoot)}${member === '.' ? '' : `${member}/`}package.json`;
                if (texts.exists(sibling))
                    texts.edit(sibling, (text) => editPackageJson(text, sibling, undefined, pinned, semverText));
            }
        }
    }
    // Cargo: a member crate's `[[package]]` entry in the workspace's Cargo.lock.
    const crate = project.readings.find((r) => r.file === 'Cargo.toml' && r.source.endsWith('[package].version') && r.value !== undefined);
    const crateName = crate ? (0,dist/* parse */.qg)((0,json/* stripBom */.F8)(own.get('Cargo.toml').before)).package?.name : undefined;
    const cargoRoot = typeof crateName === 'string' ? nearest(['Cargo.lock']) : undefined;
    if (cargoRoot !== undefined) {
        const file = `${under(cargoRoot)}Cargo.lock`;
        texts.edit(file, (text) => editCargoLock(text, file, [crateName], semverText));
        // The workspace's manifests whose path dependency requires the old version follow, or Cargo refuses the workspace.
        const workspace = `${under(cargoRoot)}Cargo.toml`;
        const own = `${under(cargoRoot)}${memberDir(cargoRoot)}/Cargo.toml`;
        const bumped = [{ name: crateName, previous: crate.value }];
        if (texts.exists(workspace)) {
            for (const manifest of [workspace, ...cargoWorkspaceMembers(repository, workspace, texts.get(workspace).before)].filter((m) => m !== own)) {
                texts.edit(manifest, (text) => editCargoDependents(text, bumped, semverText));
            }
        }
    }
    // uv: the member's entry, whose source is its directory relative to the workspace root.
    const pep621 = project.readings.find((r) => r.file === 'pyproject.toml' && r.source.endsWith('[project].version') && r.value !== undefined);
    const uvRoot = pep621 && project.python?.name ? nearest(['uv.lock']) : undefined;
    if (uvRoot !== undefined) {
        const file = `${under(uvRoot)}uv.lock`;
        texts.edit(file, (text) => editUvLock(text, file, project.python.name, expectedFor(pep621, version), memberDir(uvRoot)));
    }
    return texts.changes().map((edit) => ({ ...edit, inRepository: true }));
}
/** The workspace's own entries of a JSON lockfile, by directory (`.` the root): not the installed packages under node_modules. */
function workspaceMembers(text, entries) {
    const lock = jsonValue(text);
    const found = lock?.[entries];
    if (!found || typeof found !== 'object')
        return [];
    return Object.keys(found)
        .filter((key) => !key.split('/').includes('node_modules'))
        .map((key) => (key === '' ? '.' : key));
}

;// CONCATENATED MODULE: ./src/bump/git.ts


function gitIn(cwd, env, author, pushTo) {
    // Who the commit is by, as config given on the command line (the child's env is an allow-list).
    const identity = author ? ['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`] : [];
    const run = (args, timeoutMs = 30_000) => (0,process.runProcess)('git', [...identity, ...args], { parentEnv: env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs });
    const ok = async (args, what) => {
        const result = await run(args);
        if (result.code !== 0)
            throw new errors/* UserError */.yo(`${what} failed: ${(0,process.tail)(result, 2) || `git exited with ${result.code}`}`);
        return result;
    };
    const lines = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);
    return {
        async topLevel() {
            const result = await run(['rev-parse', '--show-toplevel']);
            if (result.code !== 0)
                throw new errors/* UserError */.yo(`${cwd} is not in a git repository: tagship bump commits and tags, so it needs one (git init, or give --cwd).`);
            return result.stdout.trim();
        },
        async dirtyFiles() {
            const result = await ok(['status', '--porcelain=v1', '--untracked-files=no'], 'git status');
            return result.stdout.split('\n').filter((line) => line.length > 3).map((line) => line.slice(3));
        },
        async branch() {
            const result = await run(['symbolic-ref', '--quiet', '--short', 'HEAD']);
            return result.code === 0 ? result.stdout.trim() : undefined;
        },
        async tags() {
            return lines((await ok(['tag', '--list'], 'git tag --list')).stdout);
        },
        async tagsMergedIntoHead() {
            // No commit yet: nothing is merged.
            if ((await run(['rev-parse', '--verify', '--quiet', 'HEAD'])).code !== 0)
                return [];
            return lines((await ok(['tag', '--merged', 'HEAD'], 'git tag --merged HEAD')).stdout);
        },
        async remoteTags(warn) {
            if (!pushTo && (await run(['remote', 'get-url', 'origin'])).code !== 0)
                return [];
            const result = pushTo
                ? await (0,process.runProcess)('git', ['ls-remote', '--tags', '--refs', pushTo.url], { parentEnv: env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, secretEnv: pushTo.secretEnv, cwd, timeoutMs: 20_000 })
                : await run(['ls-remote', '--tags', '--refs', 'origin'], 20_000);
            if (result.code !== 0) {
                warn?.(`could not read the remote's tags (${(0,process.tail)(result, 1) || 'no answer'}); only this clone's tags were checked.`);
                return [];
            }
            return lines(result.stdout).flatMap((line) => line.split('\trefs/tags/')[1] ?? []);
        },
        async originWebUrl() {
            const result = await run(['remote', 'get-url', 'origin']);
            return result.code === 0 ? webUrl(result.stdout.trim()) : undefined;
        },
        async commit(files, message) {
            await ok(['add', '--', ...files], 'git add');
            await ok(['commit', '--quiet', '-m', message, '--', ...files], 'git commit');
            return (await ok(['rev-parse', 'HEAD'], 'git rev-parse HEAD')).stdout.trim();
        },
        async unstage(files) {
            await run(['reset', '--quiet', '--', ...files]);
        },
        async annotatedTag(tag, message) {
            await ok(['tag', '--annotate', '--message', message, '--', tag], `git tag ${tag}`);
        },
    };
}
/** `git@github.com:o/r.git`, `ssh://git@host/o/r`, `https://user:token@host/o/r.git` → `https://host/o/r`. */
function webUrl(remote) {
    const scp = /^[^@/\s]+@([^:/\s]+):([^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(remote);
    if (scp)
        return `https://${scp[1]}/${scp[2]}`;
    try {
        const url = new URL(remote);
        if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol))
            return undefined;
        const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '');
        if (!/^\/[^/]+\/[^/]+$/.test(path))
            return undefined;
        return `https://${url.hostname}${url.port && url.protocol.startsWith('http') ? `:${url.port}` : ''}${path}`;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/bump/history.ts


// Fields and records split by bytes git never writes in a message it stores (NUL would end it).
const FIELD = '\x1f';
const RECORD = '\x1e';
/**
 * The commits since `sinceTag` (all of them without one), oldest first, as the changelog renders
 * them: full messages, so `BREAKING CHANGE:` footers and squash bodies count. Merge commits are
 * listed too (parseCommit drops them); the commits they bring in are listed on their own.
 */
async function commitsSince(cwd, sinceTag, options) {
    const range = sinceTag ? [`refs/tags/${sinceTag}..HEAD`] : ['HEAD'];
    const args = ['log', '--reverse', `--format=%H${FIELD}%B${RECORD}`, ...range];
    // `--` then `.` scoped to the package: git takes a pathspec relative to cwd.
    if (options.path !== undefined)
        args.push('--', options.path || '.');
    const git = (argv) => (0,process.runProcess)('git', argv, { parentEnv: options.env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs: 60_000 });
    // A repository with no commit yet has no history: nothing to list.
    if (!sinceTag && (await git(['rev-parse', '--verify', '--quiet', 'HEAD'])).code !== 0)
        return [];
    // A user's log.showSignature would put gpg's report into the output.
    const result = await git(['-c', 'log.showSignature=false', ...args]);
    if (result.code !== 0)
        throw new errors/* UserError */.yo(`git log ${range.join(' ')} failed in ${cwd}: ${(0,process.tail)(result, 2)}`);
    const base = options.repositoryUrl?.replace(/\/+$/, '');
    return result.stdout
        .split(RECORD)
        .map((record) => record.replace(/^\r?\n/, ''))
        .filter((record) => record.includes(FIELD))
        .map((record) => {
        const at = record.indexOf(FIELD);
        const sha = record.slice(0, at);
        return { sha, message: record.slice(at + 1).replace(/\s+$/, ''), url: base ? `${base}/commit/${sha}` : '' };
    });
}

;// CONCATENATED MODULE: ./src/bump/run.ts



















const CHANGELOG = 'CHANGELOG.md';
/**
 * `tagship bump`: decides the next version, rewrites every version source the guard reads (and the
 * changelog), commits, tags and pushes. Every refusal comes before the first write, so a refused
 * bump changes nothing; a write that fails half-way puts the files back.
 */
async function runBump(options) {
    if (options.push && (!options.commit || !options.tag))
        throw new errors/* UsageError */.eb('--push pushes the release commit and its tag: it cannot go with --no-commit or --no-tag');
    let config = options.config ?? (0,load/* parseConfig */.o4)((0,load/* readConfigSource */.az)(options.cwd), {}, 'flag');
    let root = options.cwd;
    let packagePath;
    if (options.package !== undefined) {
        // One package of the repository: its directory, its effective config, its tag prefix, its history.
        const selected = (0,config_packages/* packageNamed */.Oc)(config, options.package);
        root = (0,project_files/* projectDirectory */.t6)((0,external_node_path_.resolve)(options.cwd, selected.path), `packages.${selected.name}.path`, options.cwd);
        config = selected.config;
        packagePath = selected.path;
    }
    // With the action's token, the remote asked about tags is the one pushed to, with that token.
    const pushTo = options.pushAuth ? await authenticatedRemote(options.pushAuth) : undefined;
    const git = gitIn(root, options.env, options.author, pushTo);
    const top = await git.topLevel();
    const prefix = config['tag-prefix'];
    // Refusals, cheapest first: nothing below writes until all have passed.
    const dirty = await git.dirtyFiles();
    if (dirty.length) {
        throw new errors/* UserError */.yo(`The working tree has uncommitted changes (${summarise(dirty)}): commit or stash them first, so the release commit holds only the bump.`);
    }
    const branch = options.push ? await git.branch() : undefined;
    if (options.push && !branch)
        throw new errors/* UserError */.yo('HEAD is detached: check out the branch the release commit should go to before bump --push.');
    const sources = config['version-sources'];
    const project = (0,detect/* detectProject */.p)(root, sources === 'auto' ? undefined : sources);
    const schemes = (0,guard/* projectSchemes */.sw)(project.readings, project.python !== undefined, config['version-scheme']);
    const scheme = schemes[0];
    const current = currentVersion(project, schemes, prefix);
    const localTags = await git.tags();
    const remoteTags = await git.remoteTags(options.warn);
    const merged = new Set(await git.tagsMergedIntoHead());
    const released = sortVersions(scheme, (0,version_released/* versionsFromTags */.x)([...merged], prefix));
    const highest = released.at(-1);
    const base = current ?? highest;
    const request = parseBumpRequest(options.request);
    let kind;
    let because;
    let entries;
    const sinceTag = highest === undefined ? undefined : `${prefix}${highest.text}`;
    const readEntries = async () => (entries ??= (await commitsSince(root, sinceTag, { path: '.', env: options.env, repositoryUrl: await repositoryUrlOf(git, options) }))
        .map(github_changelog/* parseCommit */.L5)
        .filter((e) => e !== undefined));
    let text;
    if ('exact' in request) {
        if (options.preid !== undefined)
            throw new errors/* UserError */.yo(`--preid goes with a bump kind, not an exact version: write the prerelease into the version (e.g. ${request.exact}-rc.0).`);
        text = checkExact(request.exact, schemes, prefix);
    }
    else {
        if (!base)
            throw new errors/* UserError */.yo('The project states no version and no release tag exists to count from: give the first version explicitly (e.g. tagship bump 0.1.0).');
        if (request.kind === 'auto') {
            const parsed = (0,version_scheme/* parseVersion */.ot)(scheme, base.text);
            const counted = await readEntries();
            // Nothing since the last release: `auto` has nothing to decide from, and a release would repeat the last one.
            if (!counted.length && sinceTag) {
                throw new errors/* UserError */.yo(`No commits${options.package ? ` touching ${options.package}'s path` : ''} since ${sinceTag}: nothing to release. Give a kind or a version (tagship bump patch) to release anyway.`);
            }
            const decision = decideAutoBump(counted, { major: parsed.ok ? parsed.version.major : 0, prerelease: parsed.ok && parsed.version.prerelease });
            because = decision.because;
            kind = options.preid === undefined ? decision.kind : parsed.ok && parsed.version.prerelease ? 'prerelease' : `pre${decision.kind}`;
        }
        else {
            kind = request.kind;
            if (options.preid !== undefined && !kind.startsWith('pre')) {
                throw new errors/* UserError */.yo(`--preid ${JSON.stringify(options.preid)} goes with premajor, preminor, prepatch, prerelease or auto, not ${kind}: run tagship bump pre${kind} --preid ${options.preid}.`);
            }
        }
        text = nextVersion(base.text, kind, { schemes, ...(options.preid !== undefined ? { preid: options.preid } : {}) });
    }
    const tag = `${prefix}${text}`;
    const version = (0,guard/* resolveVersion */.x)(text, tag, schemes);
    if (localTags.includes(tag) || remoteTags.includes(tag)) {
        throw new errors/* UserError */.yo(`Tag ${tag} already exists${localTags.includes(tag) ? '' : ' on the remote'}: that version is released. Bump to a higher one.`);
    }
    // The same version spelled otherwise (`v1.3.0rc0` and `v1.3.0-rc.0` in PEP 440) is released too.
    const sameVersion = sortVersions(scheme, (0,version_released/* versionsFromTags */.x)([...new Set([...localTags, ...remoteTags])], prefix)).find((known) => known.canonical === version.normalized);
    if (sameVersion) {
        throw new errors/* UserError */.yo(`Tag ${prefix}${sameVersion.text} already exists and is the same version as ${text}: that version is released. Bump to a higher one.`);
    }
    if (highest && (0,version_scheme/* compareVersions */.Zy)(scheme, version.normalized, highest.canonical) <= 0) {
        throw new errors/* UserError */.yo(`${text} is not higher than ${highest.text}, the highest release on this branch (${prefix}${highest.text}): give a higher version.`);
    }
    if (current && (0,version_scheme/* compareVersions */.Zy)(scheme, version.normalized, current.canonical) < 0) {
        throw new errors/* UserError */.yo(`${text} is lower than ${current.text}, the version the project states now: give a higher version.`);
    }
    // Everything planned in memory; nothing written yet.
    const planned = planBumpEdits(root, project, version);
    const edits = [...planned.edits];
    // A workspace member: the workspace's lockfile above it (at the repository root, typically) follows too.
    if (packagePath !== undefined)
        edits.push(...planAncestorLockEdits(options.cwd, packagePath, project, version, root));
    const baseOf = (edit) => (edit.inRepository ? options.cwd : root);
    let changelog;
    if ((0,project_files/* projectEntryExists */.WF)(root, CHANGELOG)) {
        const before = (0,project_files/* readProjectText */.BA)(root, CHANGELOG);
        const repositoryUrl = await repositoryUrlOf(git, options);
        const after = prependChangelog(before, {
            version: text,
            tag,
            date: options.now.toISOString().slice(0, 10),
            entries: await readEntries(),
            ...(repositoryUrl ? { repositoryUrl } : {}),
            ...(repositoryUrl && sinceTag ? { compareUrl: `${repositoryUrl}/compare/${sinceTag}...${tag}` } : {}),
        });
        if (after !== before) {
            edits.push({ file: CHANGELOG, before, after, lines: [] });
            changelog = CHANGELOG;
        }
    }
    const diff = edits.map((edit) => unifiedDiff(projectPath(top, baseOf(edit), edit.file), edit.before, edit.after)).join('');
    const result = {
        ...(current ?? highest ? { previous: (current ?? highest).text } : {}),
        version: text,
        tag,
        ...(options.package ? { package: options.package } : {}),
        edits,
        dynamic: planned.dynamic,
        ...(changelog ? { changelog } : {}),
        ...(because ? { because } : {}),
        tagged: false,
        pushed: false,
        diff,
    };
    if (options.dryRun)
        return result;
    writeAll(baseOf, edits);
    if (!options.commit)
        return result;
    // git runs in the project's directory: its paths are the project's own (`../package-lock.json` for a workspace lockfile above it).
    const files = edits.map((edit) => (edit.inRepository ? (0,external_node_path_.relative)(root, (0,external_node_path_.join)(options.cwd, edit.file)).split(external_node_path_.sep).join('/') : edit.file));
    if (files.length) {
        try {
            result.commit = await git.commit(files, releaseCommitMessage(tag));
        }
        catch (error) {
            restore(baseOf, edits);
            await git.unstage(files).catch(() => undefined);
            throw error;
        }
    }
    if (!options.tag)
        return result;
    await git.annotatedTag(tag, `${options.package ? `${options.package} ` : ''}${text}`);
    result.tagged = true;
    if (!options.push)
        return result;
    // Loaded only for a push: the CLI without --push never needs it.
    const { pushRelease } = await __webpack_require__.e(/* import() */ 219).then(__webpack_require__.bind(__webpack_require__, 36219));
    try {
        await pushRelease({ cwd: top, branch: branch, tag, env: options.env, ...(options.pushAuth ? { auth: options.pushAuth } : {}) });
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo) {
            throw new errors/* UserError */.yo(`Committed and tagged ${tag} here, but not pushed: ${error.message}`, error.location, { cause: error });
        }
        throw error;
    }
    result.pushed = true;
    return result;
}
async function authenticatedRemote(auth) {
    const { repositoryUrl, tokenConfig } = await __webpack_require__.e(/* import() */ 219).then(__webpack_require__.bind(__webpack_require__, 36219));
    return { url: repositoryUrl(auth), secretEnv: tokenConfig(auth) };
}
/** `chore(release): v1.2.3` (`core-v1.2.3` for a package): a conventional commit `auto` counts as no change. */
function releaseCommitMessage(tag) {
    return `chore(release): ${tag}`;
}
/**
 * The version the files state, after checking they agree. Two sources that disagree mean a file was
 * edited by hand since the last release: which one is right is for a person to say.
 */
function currentVersion(project, schemes, prefix) {
    const stated = project.readings.filter((r) => r.value !== undefined);
    const first = stated[0];
    if (!first)
        return undefined;
    let resolved;
    try {
        resolved = (0,guard/* resolveVersion */.x)(first.value, `${prefix}${first.value}`, schemes);
    }
    catch {
        throw new errors/* UserError */.yo(`${first.file}${first.line ? `:${first.line}` : ''}: the version ${JSON.stringify(first.value)} is not one tagship can bump (${schemes.join(' and ')}): fix it, or give the next version explicitly.`, { file: first.file, ...(first.line ? { line: first.line } : {}) });
    }
    const disagreeing = (0,guard/* checkSources */.BT)(resolved, stated).find((check) => !check.ok);
    if (disagreeing) {
        throw new errors/* UserError */.yo(`${disagreeing.file}${disagreeing.line ? `:${disagreeing.line}` : ''} says ${disagreeing.found} but ${first.file}${first.line ? `:${first.line}` : ''} says ${first.value}: the version sources disagree (edited by hand since the last release?). Make them agree and commit, then bump.`, { file: disagreeing.file, ...(disagreeing.line ? { line: disagreeing.line } : {}) });
    }
    return { text: first.value, canonical: resolved.normalized };
}
/** An exact version, read under every scheme the project uses, without the tag prefix if one was typed. */
function checkExact(text, schemes, prefix) {
    const bare = prefix && text.startsWith(prefix) && /^\d/.test(text.slice(prefix.length)) ? text.slice(prefix.length) : text;
    for (const scheme of schemes) {
        const parsed = (0,version_scheme/* parseVersion */.ot)(scheme, bare);
        if (!parsed.ok) {
            const why = schemes.length > 1 ? ' (this project has npm/Cargo and Python sources, so the version must read the same in both, e.g. 1.2.3-rc.1)' : '';
            throw new errors/* UserError */.yo(`${JSON.stringify(bare)} is ${parsed.reason}${why}.`);
        }
    }
    return bare;
}
function sortVersions(scheme, texts) {
    const parsed = texts.flatMap((text) => {
        const result = (0,version_scheme/* parseVersion */.ot)(scheme, text);
        return result.ok ? [{ text, canonical: result.version.canonical }] : [];
    });
    return parsed.sort((a, b) => (0,version_scheme/* compareVersions */.Zy)(scheme, a.canonical, b.canonical));
}
async function repositoryUrlOf(git, options) {
    if (options.pushAuth)
        return `${options.pushAuth.serverUrl.replace(/\/+$/, '')}/${options.pushAuth.repository}`;
    if (options.env.GITHUB_SERVER_URL && options.env.GITHUB_REPOSITORY)
        return `${options.env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${options.env.GITHUB_REPOSITORY}`;
    return git.originWebUrl();
}
/** A project file's path from the repository's top, as git names it. */
function projectPath(top, root, file) {
    const dir = (0,external_node_path_.relative)(top, root).split(external_node_path_.sep).join('/');
    return dir ? `${dir}/${file}` : file;
}
/** Writes every file, or none: a write that fails puts back the ones already written. */
function writeAll(baseOf, edits) {
    const written = [];
    try {
        for (const edit of edits) {
            // Changed since it was read (an editor saving, another process)? Then the plan is stale.
            if ((0,project_files/* readProjectText */.BA)(baseOf(edit), edit.file) !== edit.before)
                throw new errors/* UserError */.yo(`${edit.file} changed while the bump was being planned: run tagship bump again.`, { file: edit.file });
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(baseOf(edit), edit.file), edit.after);
            written.push(edit);
        }
    }
    catch (error) {
        restore(baseOf, written);
        throw error;
    }
}
function restore(baseOf, edits) {
    for (const edit of edits)
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(baseOf(edit), edit.file), edit.before);
}
function summarise(files) {
    return files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
}

;// CONCATENATED MODULE: ./src/bump/one-click.ts




/**
 * The bump half of a one-click release, in the action: checks the checkout can make a release commit
 * (the dispatched branch, with its history and tags), then `tagship bump <kind>` with the commit and
 * the annotated tag by github-actions[bot], pushed atomically with the job's token. Loaded only for
 * such a run (src/main.ts imports it on demand).
 */
async function runOneClick(options) {
    const { request, cwd, env, runner } = options;
    const repository = env.GITHUB_REPOSITORY;
    if (!options.githubToken) {
        throw new errors/* UserError */.yo("A one-click release pushes its commit and tag with github-token, which is empty: leave the input at its default (the job's GITHUB_TOKEN) or pass a token with contents: write.");
    }
    if (!repository)
        throw new errors/* UserError */.yo('A one-click release pushes to the run\'s repository, but GITHUB_REPOSITORY is not set: run it in a GitHub Actions workflow.');
    await checkCheckout(cwd, env, request.branch);
    const result = await runBump({
        cwd,
        request: request.bump,
        ...(request.preid ? { preid: request.preid } : {}),
        ...(options.packageName ? { package: options.packageName } : {}),
        dryRun: options.dryRun,
        commit: true,
        tag: true,
        push: true,
        env,
        now: options.now,
        config: options.config,
        pushAuth: { token: options.githubToken, serverUrl: env.GITHUB_SERVER_URL || 'https://github.com', repository },
        author: one_click/* ACTIONS_BOT */.a,
        warn: (line) => runner.warning(line),
    });
    const from = result.previous ? `${result.previous} → ` : '';
    const what = `${options.packageName ? `${options.packageName} ` : ''}${from}${result.version}${result.because ? ` (auto: ${result.because})` : ''}`;
    if (options.dryRun) {
        runner.info(`one-click release (dry run): would bump ${what}, commit, tag ${result.tag} and push to ${request.branch}; nothing changed.`);
        if (result.diff)
            runner.info(result.diff);
    }
    else {
        runner.info(`one-click release: bumped ${what}, committed ${result.commit?.slice(0, 12) ?? '(no file changes)'} and tagged ${result.tag} as ${one_click/* ACTIONS_BOT */.a.name}, pushed to ${request.branch}; releasing ${result.tag} in this run.`);
    }
    for (const dynamic of result.dynamic)
        runner.info(`${dynamic.source}: ${dynamic.how}`);
    return result;
}
/**
 * The bump needs the whole history (the highest release and, for `auto`, the commits since it) and the
 * dispatched branch checked out: actions/checkout's default `fetch-depth: 1` has neither tags nor history.
 */
async function checkCheckout(cwd, env, branch) {
    const git = (args) => (0,process.runProcess)('git', args, { parentEnv: env, tool: 'git', set: { GIT_TERMINAL_PROMPT: '0' }, cwd, timeoutMs: 20_000 });
    const shallow = await git(['rev-parse', '--is-shallow-repository']);
    if (shallow.code !== 0)
        throw new errors/* UserError */.yo(`${cwd} is not a git checkout: a one-click release needs actions/checkout (with fetch-depth: 0) before tagship.`);
    if (shallow.stdout.trim() === 'true') {
        throw new errors/* UserError */.yo('The checkout is shallow (actions/checkout fetches one commit by default): a one-click release needs the tags and history, so give actions/checkout `fetch-depth: 0`.');
    }
    const head = await git(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    const current = head.code === 0 ? head.stdout.trim() : undefined;
    if (current !== branch) {
        throw new errors/* UserError */.yo(`The workflow was dispatched on ${branch}, but the checkout is ${current ? `on ${current}` : 'a detached HEAD'}: check out the dispatched branch (actions/checkout with ref: \${{ github.ref_name }}) so the release commit goes where it was asked for.`);
    }
}


/***/ }),

/***/ 53981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ parseCommit),
/* harmony export */   lC: () => (/* binding */ isConventionalHistory),
/* harmony export */   nY: () => (/* binding */ renderConventionalChangelog)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65566);

// `type(scope)!: subject` — https://www.conventionalcommits.org/en/v1.0.0/
const CONVENTIONAL = /^([a-zA-Z]+)(?:\(([^()\r\n]{1,60})\))?(!)?: +(\S.*)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: /m;
const MERGE_SUBJECT = /^Merge (pull request #\d+ from|branch |remote-tracking branch )/;
const TRAILING_PR = /\s*\(#(\d+)\)\s*$/;
/** Sections in the order they appear; types not listed go to "Other changes". */
const SECTIONS = [
    { title: 'Features', types: ['feat', 'feature'] },
    { title: 'Bug fixes', types: ['fix', 'bugfix'] },
    { title: 'Performance', types: ['perf'] },
    { title: 'Reverts', types: ['revert'] },
    { title: 'Documentation', types: ['docs'] },
    { title: 'Refactoring', types: ['refactor'] },
    { title: 'Build and CI', types: ['build', 'ci'] },
    { title: 'Tests', types: ['test', 'tests'] },
    { title: 'Chores', types: ['chore', 'style'] },
];
function parseCommit(commit) {
    const [firstLine = ''] = commit.message.split(/\r?\n/, 1);
    if (MERGE_SUBJECT.test(firstLine))
        return undefined;
    const pr = TRAILING_PR.exec(firstLine);
    const subject = pr ? firstLine.slice(0, pr.index) : firstLine;
    const match = CONVENTIONAL.exec(subject.trim());
    const conventional = match
        ? {
            type: match[1].toLowerCase(),
            ...(match[2] ? { scope: match[2].trim() } : {}),
            breaking: match[3] === '!' || BREAKING_FOOTER.test(commit.message),
            subject: match[4].trim(),
        }
        : undefined;
    return { commit, subject: subject.trim(), ...(conventional ? { conventional } : {}), ...(pr ? { pullRequest: Number(pr[1]) } : {}) };
}
/**
 * Whether a history follows conventional commits well enough to group it: at least half of its
 * commits (merge commits aside). Otherwise GitHub's generated notes, built from pull requests, say more.
 */
function isConventionalHistory(entries) {
    if (!entries.length)
        return false;
    return entries.filter((e) => e.conventional).length * 2 >= entries.length;
}
/** The changelog grouped by type, newest first within a group. Every commit text is escaped. */
function renderConventionalChangelog(entries, links) {
    const groups = new Map();
    const add = (title, line) => groups.set(title, [...(groups.get(title) ?? []), line]);
    for (const entry of [...entries].reverse()) {
        const line = renderEntry(entry, links);
        if (entry.conventional?.breaking)
            add('⚠ Breaking changes', line);
        const section = SECTIONS.find((s) => entry.conventional && s.types.includes(entry.conventional.type));
        add(section?.title ?? 'Other changes', line);
    }
    const order = ['⚠ Breaking changes', ...SECTIONS.map((s) => s.title), 'Other changes'];
    return order
        .filter((title) => groups.has(title))
        .map((title) => [`### ${title}`, '', ...groups.get(title)].join('\n'))
        .join('\n\n');
}
function renderEntry(entry, links) {
    const c = entry.conventional;
    const scope = c?.scope ? `**${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(c.scope, 60)}:** ` : '';
    const text = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(c ? c.subject : entry.subject);
    const sha = /^[0-9a-f]{7,64}$/i.test(entry.commit.sha) ? entry.commit.sha.slice(0, 7) : 'commit';
    const parts = [`- ${scope}${text} ([${sha}](${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(entry.commit.url)}))`];
    // Without the repository's address (a clone with no GitHub remote) the number stays plain text, not a dead link.
    if (entry.pullRequest)
        parts.push(links.repositoryUrl ? `([#${entry.pullRequest}](${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .safeUrl */ .Pl)(`${links.repositoryUrl}/pull/${entry.pullRequest}`)}))` : `(#${entry.pullRequest})`);
    return parts.join(' ');
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
