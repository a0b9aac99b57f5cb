export const id = 645;
export const ids = [645];
export const modules = {

/***/ 17645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration),
/* harmony export */   buildNotice: () => (/* binding */ buildNotice)
/* harmony export */ });
/* harmony import */ var _npm_links_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27452);
/* harmony import */ var _verify_digests_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50508);


/** The notice for a finished run, or undefined when there is nothing to tell (an ignored trigger, no plan). */
function buildNotice(record, finishedAt, env = {}) {
    const { plan, report } = record;
    if (!plan?.version || plan.trigger.kind === 'ignored' || !plan.trigger.tag)
        return undefined;
    const serverUrl = env.serverUrl ?? 'https://github.com';
    const runUrl = plan.repository && env.runId ? `${serverUrl}/${plan.repository}/actions/runs/${env.runId}` : undefined;
    const failed = record.error !== undefined || report?.failed !== undefined;
    const notice = {
        outcome: failed ? 'failure' : 'success',
        ...(plan.repository ? { repository: plan.repository } : {}),
        tag: plan.trigger.tag,
        version: plan.version.normalized,
        rehearsal: plan.rehearsal,
        dryRun: plan.dryRun,
        startedAt: record.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: Math.max(0, finishedAt.getTime() - record.startedAt.getTime()),
        ...(runUrl ? { runUrl } : {}),
        links: report ? linksOf(plan, report, serverUrl) : [],
        images: report ? (0,_verify_digests_js__WEBPACK_IMPORTED_MODULE_0__/* .publishedImages */ .H)(report.outcomes).map((image) => ({ ...image, reference: `${image.repository}@${image.digest}` })) : [],
    };
    if (failed)
        notice.failure = describeFailedStage(plan, report, record.error);
    return notice;
}
/** Links from the steps' outcomes; the well-known pages for finished steps that gave none. */
function linksOf(plan, report, serverUrl) {
    const steps = new Map(plan.stages.flatMap((stage) => stage.steps).map((step) => [step.id, step]));
    const links = [];
    for (const outcome of report.outcomes) {
        if (outcome.status === 'planned' || outcome.status === 'skipped')
            continue;
        const step = steps.get(outcome.id);
        const found = outcome.links?.length ? outcome.links : step ? defaultLinks(step, plan, serverUrl) : [];
        for (const link of found)
            if (!links.some((l) => l.url === link.url))
                links.push(link);
    }
    return links;
}
function defaultLinks(step, plan, serverUrl) {
    switch (step.kind) {
        case 'pypi-upload': {
            if (!step.project)
                return [];
            const host = step.repositoryUrl.includes('test.pypi.org') ? 'https://test.pypi.org' : 'https://pypi.org';
            return [{ label: `PyPI ${step.project} ${step.version}`, url: `${host}/project/${step.project}/${step.version}/` }];
        }
        case 'npm-publish':
            return [(0,_npm_links_js__WEBPACK_IMPORTED_MODULE_1__/* .versionLink */ .PK)(step.registry, step.package, step.version)];
        case 'github-release':
            return plan.repository ? [{ label: `Release ${step.tag}`, url: `${serverUrl}/${plan.repository}/releases/tag/${encodeURIComponent(step.tag)}` }] : [];
        default:
            return [];
    }
}
function describeFailedStage(plan, report, error) {
    const version = plan.version.normalized;
    const failedStep = report?.failed?.step;
    if (!failedStep) {
        const message = error instanceof Error ? error.message : String(error ?? 'unknown error');
        return { stage: 'guard', message: firstSentence(message), rerun: `Fix the version sources so they say ${version}, then push the tag again (delete and re-create it).` };
    }
    const index = plan.stages.findIndex((stage) => stage.steps.some((step) => step.id === failedStep.id));
    const stage = plan.stages[index].name;
    const rest = plan.stages.slice(index).filter((s) => s.steps.length).map((s) => s.name);
    const reason = report.failed.error instanceof Error ? report.failed.error.message : String(report.failed.error);
    return {
        stage,
        step: failedStep.id,
        message: firstSentence(reason),
        rerun: `Re-run the failed job (finished steps are skipped), or run the workflow with version ${version} and stages ${rest.join(',')}.`,
    };
}
/** Long tool output stays in the job log; the notification carries the first line. */
function firstSentence(text) {
    const line = text.split('\n')[0].trim();
    return line.length > 500 ? `${line.slice(0, 497)}…` : line;
}
/** "2 min 13 s" */
function formatDuration(ms) {
    const total = Math.round(ms / 1000);
    const minutes = Math.floor(total / 60);
    return minutes ? `${minutes} min ${total % 60} s` : `${total} s`;
}


/***/ })

};
