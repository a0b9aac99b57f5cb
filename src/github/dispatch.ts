import type { StepExecutor } from '../execute/types.js';
import { connectGithub, type ClientTuning } from './connect.js';
import { translateApiError } from './errors.js';

/**
 * Starts the Docker workflow with `workflow_dispatch`. Unlike a release or tag made with
 * `GITHUB_TOKEN`, a dispatch does start a workflow run, so the images are built without a personal
 * token (docs/docker-chain.md). Needs `actions: write`.
 */
export function createWorkflowDispatchExecutor(tuning: ClientTuning = {}): StepExecutor<'workflow-dispatch'> {
  return async (step, ctx) => {
    const github = connectGithub(ctx, `Starting ${step.workflow}`, tuning);
    try {
      await github.client.rest.actions.createWorkflowDispatch({
        owner: github.owner,
        repo: github.repo,
        workflow_id: step.workflow,
        ref: step.ref,
        inputs: step.inputs,
      });
    } catch (error) {
      throw translateApiError(error, `starting workflow ${step.workflow} on ${step.ref} (it must exist on that ref and declare on: workflow_dispatch with inputs version and stages)`, 'actions: write');
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

export const executeWorkflowDispatch = createWorkflowDispatchExecutor();
