export const id = 77;
export const ids = [77];
export const modules = {

/***/ 8077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createWorkflowDispatchExecutor: () => (/* binding */ createWorkflowDispatchExecutor),
/* harmony export */   executeWorkflowDispatch: () => (/* binding */ executeWorkflowDispatch)
/* harmony export */ });
/* harmony import */ var _connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7441);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);


/**
 * Starts the Docker workflow with `workflow_dispatch`. Unlike a release or tag made with
 * `GITHUB_TOKEN`, a dispatch does start a workflow run, so the images are built without a personal
 * token (docs/docker-chain.md). Needs `actions: write`.
 */
function createWorkflowDispatchExecutor(tuning = {}) {
    return async (step, ctx) => {
        const github = (0,_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .connectGithub */ .S)(ctx, `Starting ${step.workflow}`, tuning);
        try {
            await github.client.rest.actions.createWorkflowDispatch({
                owner: github.owner,
                repo: github.repo,
                workflow_id: step.workflow,
                ref: step.ref,
                inputs: step.inputs,
            });
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .translateApiError */ .PY)(error, `starting workflow ${step.workflow} on ${step.ref} (it must exist on that ref and declare on: workflow_dispatch with inputs version and stages)`, 'actions: write');
        }
        const runs = `${github.serverUrl}/${github.owner}/${github.repo}/actions/workflows/${encodeURIComponent(step.workflow)}`;
        return {
            id: step.id,
            status: 'done',
            detail: `started ${step.workflow} on ${step.ref} (version ${step.inputs.version ?? ''}, stages ${step.inputs.stages ?? ''})`,
            links: [{ label: step.workflow, url: runs }],
        };
    };
}
const executeWorkflowDispatch = createWorkflowDispatchExecutor();


/***/ })

};
