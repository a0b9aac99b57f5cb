/**
 * A model of the GitHub (and PyPI) rules that actionlint cannot see: which token permissions each kind of
 * step needs and what a job (and the workflow that calls it) actually grants, secrets across
 * organizations, PyPI trusted publishing from a reusable workflow, jobs skipped behind skipped jobs, runner
 * labels only public repositories get, the buildx driver and QEMU a Docker build needs, and how tagship's
 * own action is referenced from its reusable workflows.
 *
 * Pure functions over workflows parsed with the `yaml` package. Each check quotes the documented rule it
 * encodes (page and sentence), so a reader can tell a GitHub rule from a tagship convention.
 */

export type RuleId =
  | 'step-permissions'
  | 'caller-permissions'
  | 'secrets-inherit'
  | 'pypi-reusable'
  | 'skipped-needs'
  | 'runner-visibility'
  | 'buildx-setup'
  | 'qemu-setup'
  | 'action-pin'
  | 'one-click';

export const RULES: readonly RuleId[] = [
  'step-permissions',
  'caller-permissions',
  'secrets-inherit',
  'pypi-reusable',
  'skipped-needs',
  'runner-visibility',
  'buildx-setup',
  'qemu-setup',
  'action-pin',
  'one-click',
];

export interface Finding {
  rule: RuleId;
  /** `file` › job (› step). */
  where: string;
  message: string;
}

export type Access = 'none' | 'read' | 'write';
export type Permissions = Record<string, Access>;

export interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: unknown;
}

export interface Job {
  name?: string;
  needs?: string | string[];
  if?: unknown;
  'runs-on'?: unknown;
  permissions?: unknown;
  strategy?: { matrix?: unknown };
  steps?: Step[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: unknown;
}

export interface Workflow {
  on?: unknown;
  permissions?: unknown;
  jobs?: Record<string, Job>;
}

/** What the checked project publishes, from its tagship config; `UNKNOWN_PROJECT` when none is shown. */
export interface ProjectFacts {
  python: boolean;
  npm: boolean;
  dockerImages: boolean;
  ghcrImages: boolean;
  /** `github-release.docker-workflow` is set: the release stage dispatches the Docker workflow. */
  dispatchesDockerWorkflow: boolean;
  dockerMode: 'distributed' | 'single';
  dockerBackend: 'buildx' | 'buildah';
  platformCount: number;
  /** The release stage attests its assets (attestations on, the release attaches files): the github-attest step. */
  attestsAssets: boolean;
}

/**
 * A workflow users copy must work for every feature the docs offer, so when no config is shown the model
 * assumes the project uses them (Python and npm packages, images on GHCR, the default Docker settings).
 * The opt-in dispatch of a separate Docker workflow is not assumed.
 */
export const UNKNOWN_PROJECT: ProjectFacts = {
  python: true,
  npm: true,
  dockerImages: true,
  ghcrImages: true,
  dispatchesDockerWorkflow: false,
  dockerMode: 'distributed',
  dockerBackend: 'buildx',
  platformCount: 2,
  attestsAssets: true,
};

export interface CheckContext {
  /** Shown in findings. */
  file: string;
  /** Owner of the repository the workflow lives in: `tagship` for the shipped ones, a user's for examples and snippets. */
  repositoryOwner: string;
  project: ProjectFacts;
  /**
   * The called workflow for a job's `uses:` (`./.github/workflows/x.yml`, `tagship/tagship/.github/workflows/x.yml@ref`),
   * when the model can read it; undefined for workflows it does not know.
   */
  resolveWorkflow?: (uses: string) => Workflow | undefined;
  /** The workflow's text, for comments that document a restriction (public repositories only). */
  text?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Permissions
// ---------------------------------------------------------------------------------------------------------

const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;

const RANK: Record<Access, number> = { none: 0, read: 1, write: 2 };

/**
 * The token a job gets when neither it nor its workflow sets `permissions`: the repository's "Workflow
 * permissions" setting (Settings › Actions › General), either "Read and write permissions" or "Read
 * repository contents and packages permissions" (docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository,
 * "Setting the permissions of the GITHUB_TOKEN for your repository"). A copied workflow cannot know which,
 * and one that relies on the permissive setting breaks where the restricted one is chosen, so the model
 * assumes the restricted one.
 */
export const DEFAULT_TOKEN: Permissions = { contents: 'read', packages: 'read' };

/**
 * Rule (workflow syntax, `permissions`): "If you specify the access for any of these permissions, all of
 * those that are not specified are set to none." `read-all` / `write-all` give every scope that access;
 * `{}` gives none.
 */
export function parsePermissions(value: unknown): Permissions | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'read-all' || value === 'write-all') {
    const access: Access = value === 'read-all' ? 'read' : 'write';
    // id-token has no read level: "read-all" leaves it at none.
    return Object.fromEntries(SCOPES.map((s) => [s, s === 'id-token' && access === 'read' ? 'none' : access]));
  }
  if (typeof value !== 'object') return undefined;
  const granted: Permissions = {};
  for (const [scope, access] of Object.entries(value as Record<string, unknown>)) {
    if (access === 'read' || access === 'write' || access === 'none') granted[scope] = access;
  }
  return granted;
}

function accessOf(p: Permissions, scope: string): Access {
  return p[scope] ?? 'none';
}

/** What a job declares: its own `permissions`, else its workflow's, else the default token. */
export function declaredPermissions(workflow: Workflow, job: Job): Permissions {
  return parsePermissions(job.permissions) ?? parsePermissions(workflow.permissions) ?? DEFAULT_TOKEN;
}

export interface Need {
  scope: string;
  access: Access;
  why: string;
}

const literal = (value: unknown): string | undefined => (typeof value === 'string' && !value.includes('${{') ? value : undefined);
const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * tagship's action: `tagship/tagship@…` from users; `./` inside this repository; and a local checkout of
 * tagship whose path names it (`./.tagship`), which is how a reusable workflow runs the action at its own
 * commit.
 */
export function isTagshipAction(uses: string | undefined): boolean {
  return !!uses && (/^tagship\/tagship@/.test(uses) || uses === './' || uses === '.' || /^\.\/(.*\/)?[^/]*tagship[^/]*\/?$/i.test(uses));
}

export interface TagshipStepPlan {
  dryRun: boolean;
  /** Stages this step may run; `all` when the trigger decides (no literal `stages` input). */
  stages: Set<string> | 'all';
  dockerJob: 'plan' | 'build' | 'merge' | 'all';
  platform?: string;
  /**
   * A `version` input: the version an earlier job released (docs/handoffs.md). src/trigger.ts then resolves
   * every stage whatever the event (a push to main), so the workflow's `on:` does not narrow the stages.
   */
  handoff: boolean;
  /** A literal `verify-of` input: the one publishing stage a verify job checks. */
  verifyOf?: string;
}

export function tagshipStepPlan(step: Step): TagshipStepPlan {
  const w = step.with ?? {};
  const stagesText = literal(w.stages);
  const dockerJob = (literal(w['docker-job']) ?? 'all') as TagshipStepPlan['dockerJob'];
  return {
    dryRun: isTrue(w['dry-run']),
    stages: stagesText === undefined ? 'all' : new Set(stagesText.split(/[\s,]+/).filter(Boolean)),
    dockerJob,
    platform: typeof w['docker-platform'] === 'string' ? w['docker-platform'] : undefined,
    handoff: typeof w.version === 'string' && w.version.trim() !== '',
    ...(literal(w['verify-of']) ? { verifyOf: literal(w['verify-of'])! } : {}),
  };
}

/**
 * The stages a workflow's triggers can ask tagship for (src/trigger.ts): a release tag push all of them, a
 * `docker-rebuild-…` tag or a `release` event the Docker stage and after, a dispatch the stages its
 * `stages` input defaults to, a `workflow_call` whatever the caller's trigger asks.
 */
export function triggeredStages(workflow: Workflow): Set<string> | 'all' {
  const on = workflow.on;
  const events: Record<string, unknown> =
    typeof on === 'string' ? { [on]: null } : Array.isArray(on) ? Object.fromEntries(on.map((e) => [e, null])) : ((on ?? {}) as Record<string, unknown>);
  const stages = new Set<string>();
  const afterDocker = ['docker', 'verify', 'deploy'];
  for (const [event, spec] of Object.entries(events)) {
    if (event === 'workflow_call') return 'all';
    if (event === 'push') {
      const tags = (spec as { tags?: string[] } | null)?.tags ?? [];
      for (const pattern of tags) {
        if (/^docker-rebuild-/.test(pattern)) afterDocker.forEach((s) => stages.add(s));
        else if (!pattern.startsWith('!')) return 'all';
      }
    } else if (event === 'release') afterDocker.forEach((s) => stages.add(s));
    else if (event === 'workflow_dispatch') {
      const input = (spec as { inputs?: { stages?: { default?: unknown } } } | null)?.inputs?.stages;
      const text = typeof input?.default === 'string' ? input.default : undefined;
      if (text === undefined) return 'all';
      text.split(/[\s,]+/).filter(Boolean).forEach((s) => stages.add(s));
    }
  }
  return stages;
}

function runsStage(plan: TagshipStepPlan, stage: string, triggered: Set<string> | 'all' = 'all'): boolean {
  if (plan.dryRun) return false;
  if (triggered !== 'all' && !plan.handoff && !triggered.has(stage)) return false;
  // `docker-job: build` runs that platform's build only, never the other stages (docs/docker.md).
  if (plan.dockerJob === 'build') return stage === 'docker';
  if (plan.dockerJob === 'plan') return false;
  return plan.stages === 'all' || plan.stages.has(stage);
}

/** True when this tagship step builds images (so it needs a builder), as opposed to merging or planning. */
function buildsImages(plan: TagshipStepPlan, project: ProjectFacts, triggered: Set<string> | 'all'): boolean {
  return project.dockerImages && runsStage(plan, 'docker', triggered) && plan.dockerJob !== 'merge';
}

/** The permissions one step needs from GITHUB_TOKEN. */
export function stepNeeds(step: Step, project: ProjectFacts, triggered: Set<string> | 'all' = 'all'): Need[] {
  const needs: Need[] = [];
  const uses = step.uses ?? '';
  if (isTagshipAction(uses)) {
    const plan = tagshipStepPlan(step);
    if (runsStage(plan, 'release', triggered)) {
      // REST "Create a release" (docs.github.com/en/rest/releases/releases#create-a-release): the token must
      // have "Contents" repository permissions (write).
      needs.push({ scope: 'contents', access: 'write', why: 'the release stage writes the GitHub release' });
      // PyPI (docs.pypi.org/trusted-publishers/using-a-publisher/): "permissions: id-token: write # IMPORTANT:
      // this permission is mandatory for trusted publishing"; npm (docs.npmjs.com/trusted-publishers): the
      // publishing job needs "id-token: write" for OIDC, as does `--provenance`.
      if (project.python || project.npm) needs.push({ scope: 'id-token', access: 'write', why: 'trusted publishing (PyPI/npm OIDC) in the release stage' });
      if (project.attestsAssets) {
        // REST "Create an attestation" (docs.github.com/en/rest/repos/attestations#create-an-attestation): "if using
        // a fine-grained access token the `attestations:write` permission is required"; actions/attest-build-provenance
        // README: "permissions: id-token: write, attestations: write" (the ID token is what Fulcio certifies).
        if (!needs.some((n) => n.scope === 'id-token')) needs.push({ scope: 'id-token', access: 'write', why: 'signing the release assets\' build provenance (Sigstore OIDC)' });
        needs.push({ scope: 'attestations', access: 'write', why: 'github-attest stores the release assets\' build provenance' });
      }
      // REST "Create a workflow dispatch event" (docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event):
      // "The fine-grained token must have the following permission set: "Actions" repository permissions (write)".
      if (project.dispatchesDockerWorkflow) needs.push({ scope: 'actions', access: 'write', why: 'github-release.docker-workflow dispatches the Docker workflow' });
    }
    // verify-assets checks the release's assets: planned when the trigger releases (not for a rebuild of
    // images), and not in a verify job that follows the Docker stage (`verify-of: docker`).
    const releases = triggered === 'all' || triggered.has('release') || plan.handoff;
    if (runsStage(plan, 'verify', triggered) && releases && plan.verifyOf !== 'docker' && project.attestsAssets) {
      // REST "List attestations" (docs.github.com/en/rest/repos/attestations#list-attestations): "when using a
      // fine-grained access token the `attestations:read` permission is required" (GITHUB_TOKEN is one).
      needs.push({ scope: 'attestations', access: 'read', why: 'verify-assets reads the release assets\' attestations' });
    }
    if (runsStage(plan, 'docker', triggered) && project.ghcrImages) {
      // Workflow syntax, `permissions`: "packages … For example, packages: write permits an action to upload and
      // publish packages on GitHub Packages" (ghcr.io is the Container registry of GitHub Packages).
      needs.push({ scope: 'packages', access: 'write', why: 'the docker stage pushes to ghcr.io' });
    }
    return needs;
  }
  // The tools tagship runs after (docs/handoffs.md). googleapis/release-please-action README: "permissions:
  // contents: write, pull-requests: write"; changesets/action README, Requirements: "contents: write: to
  // commit version changes", "pull-requests: write: to create pull request".
  if (/^(googleapis|google-github-actions)\/release-please-action@|^changesets\/action@/.test(uses)) {
    needs.push({ scope: 'contents', access: 'write', why: 'tags, releases and the release PR branch' });
    needs.push({ scope: 'pull-requests', access: 'write', why: 'opens the release PR' });
  }
  if (/^softprops\/action-gh-release@/.test(uses)) needs.push({ scope: 'contents', access: 'write', why: 'creates a GitHub release' });
  if (/^pypa\/gh-action-pypi-publish@/.test(uses) && !step.with?.password) needs.push({ scope: 'id-token', access: 'write', why: 'PyPI trusted publishing' });
  if (/^actions\/attest(-build-provenance|-sbom)?@/.test(uses)) {
    // actions/attest-build-provenance README: "permissions: id-token: write, attestations: write".
    needs.push({ scope: 'id-token', access: 'write', why: 'attestation signing (Sigstore OIDC)' });
    needs.push({ scope: 'attestations', access: 'write', why: 'stores the attestation' });
  }
  if (/^docker\/build-push-action@/.test(uses) && isTrue(step.with?.push) && /ghcr\.io/.test(String(step.with?.tags ?? ''))) {
    needs.push({ scope: 'packages', access: 'write', why: 'pushes to ghcr.io' });
  }
  const run = step.run ?? '';
  if (/\bgh workflow run\b|\/dispatches\b/.test(run)) needs.push({ scope: 'actions', access: 'write', why: 'dispatches a workflow' });
  if (/\bgit push\b/.test(run)) needs.push({ scope: 'contents', access: 'write', why: 'git push with the job token' });
  if (/\bnpm publish\b[^\n]*--provenance/.test(run)) needs.push({ scope: 'id-token', access: 'write', why: 'npm provenance' });
  return needs;
}

function missing(needs: Need[], granted: Permissions): Need[] {
  return needs.filter((n) => RANK[accessOf(granted, n.scope)] < RANK[n.access]);
}

function isReusable(workflow: Workflow): boolean {
  const on = workflow.on;
  if (typeof on === 'string') return on === 'workflow_call';
  if (Array.isArray(on)) return on.includes('workflow_call');
  return !!on && typeof on === 'object' && 'workflow_call' in on;
}

// ---------------------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------------------

/** Every finding for one workflow. */
export function checkWorkflow(workflow: Workflow, ctx: CheckContext): Finding[] {
  return [
    ...checkStepPermissions(workflow, ctx),
    ...checkCalledWorkflows(workflow, ctx),
    ...checkSkippedNeeds(workflow, ctx),
    ...checkRunnerVisibility(workflow, ctx),
    ...checkBuilderSetup(workflow, ctx),
    ...checkActionPin(workflow, ctx),
    ...checkOneClick(workflow, ctx),
  ];
}

/** Each step's needs against what its job declares (or, with no `permissions` anywhere, the default token). */
export function checkStepPermissions(workflow: Workflow, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const triggered = triggeredStages(workflow);
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    if (job.uses) continue; // checked against the called workflow
    const granted = declaredPermissions(workflow, job);
    for (const step of job.steps ?? []) {
      for (const need of missing(stepNeeds(step, ctx.project, triggered), granted)) {
        findings.push({
          rule: 'step-permissions',
          where: `${ctx.file} › ${jobId} › ${step.name ?? step.uses ?? 'run'}`,
          message: `needs ${need.scope}: ${need.access} (${need.why}); the job gets ${need.scope}: ${accessOf(granted, need.scope)}${job.permissions === undefined && workflow.permissions === undefined ? ' (the default token)' : ''}`,
        });
      }
    }
  }
  return findings;
}

/**
 * A called workflow's jobs against the calling job's grant. A called job that declares permissions must
 * not ask for more than the grant; one that declares none gets the grant as it is, and its steps must
 * make do with it. The caller's triggers decide which stages run.
 */
function checkCalledJobs(caller: Workflow, callerJobId: string, granted: Permissions, called: Workflow, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const uses = caller.jobs![callerJobId]!.uses!;
  const triggered = triggeredStages(caller);
  for (const [calledId, calledJob] of Object.entries(called.jobs ?? {})) {
    const where = `${ctx.file} › ${callerJobId} → ${calledId}`;
    const declared = parsePermissions(calledJob.permissions) ?? parsePermissions(called.permissions);
    if (declared) {
      for (const [scope, access] of Object.entries(declared)) {
        if (RANK[access] > RANK[accessOf(granted, scope)]) {
          findings.push({
            rule: 'caller-permissions',
            where,
            message: `${uses} job ${calledId} asks for ${scope}: ${access}; the calling job grants ${scope}: ${accessOf(granted, scope)} (a called workflow can only downgrade)`,
          });
        }
      }
      continue; // its steps against what it declares: the called file's own check
    }
    for (const step of calledJob.steps ?? []) {
      for (const need of missing(stepNeeds(step, ctx.project, triggered), granted)) {
        findings.push({
          rule: 'caller-permissions',
          where: `${where} › ${step.name ?? step.uses ?? 'run'}`,
          message: `needs ${need.scope}: ${need.access} (${need.why}); ${calledId} sets no permissions and the calling job grants ${need.scope}: ${accessOf(granted, need.scope)}`,
        });
      }
    }
  }
  return findings;
}

const ownerOf = (uses: string) => (uses.startsWith('./') ? undefined : uses.split('/')[0]);

/**
 * Jobs that call a reusable workflow.
 *
 * - Permissions. Rule (docs.github.com/en/actions/reference/workflows-and-actions/reusable-workflows,
 *   "Limitations"): "If jobs.<job_id>.permissions is not specified in the calling job, the called workflow
 *   will have the default permissions for the GITHUB_TOKEN" and "The GITHUB_TOKEN permissions passed from
 *   the caller workflow can be only downgraded (not elevated) by the called workflow."
 * - Secrets. Rule (same page, "Passing inputs and secrets to a reusable workflow"): "Workflows that call
 *   reusable workflows in the same organization or enterprise can use the inherit keyword to implicitly
 *   pass the secrets." A call to another owner's workflow must map its secrets explicitly.
 * - PyPI. Rule (docs.pypi.org/trusted-publishers/troubleshooting/): "Reusable workflows cannot currently be
 *   used as the workflow in a Trusted Publisher." (pypi/warehouse#11096): the OIDC token's
 *   `job_workflow_ref` names the called file in the other repository, which the user cannot register. A
 *   Python project calling another repository's workflow must pass a PyPI token, or upload in its own job.
 */
export function checkCalledWorkflows(workflow: Workflow, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    if (!job.uses) continue;
    const where = `${ctx.file} › ${jobId}`;
    const owner = ownerOf(job.uses);
    const crossOwner = owner !== undefined && owner.toLowerCase() !== ctx.repositoryOwner.toLowerCase();
    if (crossOwner && job.secrets === 'inherit') {
      findings.push({
        rule: 'secrets-inherit',
        where,
        message: `calls ${job.uses} (owner ${owner}) with \`secrets: inherit\`, which only passes secrets within one organization or enterprise: map each secret explicitly`,
      });
    }
    const called = ctx.resolveWorkflow?.(job.uses);
    if (!called) continue;
    findings.push(...checkCalledJobs(workflow, jobId, declaredPermissions(workflow, job), called, ctx));
    if (crossOwner && ctx.project.python && publishesToPypiByOidc(called)) {
      const secrets = job.secrets;
      const passesToken = typeof secrets === 'object' && secrets !== null && Object.keys(secrets).some((k) => /pypi/i.test(k));
      if (!passesToken) {
        findings.push({
          rule: 'pypi-reusable',
          where,
          message: `uploads to PyPI inside ${job.uses}, another repository's reusable workflow: PyPI trusted publishing refuses reusable workflows (job_workflow_ref); upload from a job of this workflow, or pass a PyPI token`,
        });
      }
    }
  }
  return findings;
}

function publishesToPypiByOidc(workflow: Workflow): boolean {
  return Object.values(workflow.jobs ?? {}).some(
    (job) =>
      accessOf(parsePermissions(job.permissions) ?? parsePermissions(workflow.permissions) ?? DEFAULT_TOKEN, 'id-token') === 'write' &&
      (job.steps ?? []).some((s) => (isTagshipAction(s.uses) && runsStage(tagshipStepPlan(s), 'release')) || /^pypa\/gh-action-pypi-publish@/.test(s.uses ?? '')),
  );
}

const STATUS_FUNCTION = /\b(always|cancelled|failure)\s*\(\s*\)/;

function needsOf(job: Job): string[] {
  return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

const conditionText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * Rule (workflow syntax, `jobs.<job_id>.needs`): "If a job fails or is skipped, all jobs that need it are
 * skipped unless the jobs use a conditional expression that causes the job to continue." And
 * (docs.github.com/en/actions/reference/workflows-and-actions/expressions#status-check-functions): "A default
 * status check of success() is applied unless you include one of these functions." 
 *
 * A job can be skipped when it has an `if:`, or when it needs a skippable job without a status function.
 * The model flags a dependent that cannot mean to be skipped with it: one with no `if:` of its own, one
 * whose `if:` reads `needs.<x>.result` (only ever `success` there), and one that joins several skippable
 * jobs (alternatives such as a distributed and a single-job build). A dependent with its own narrowing
 * `if:` behind one skippable job is taken as chained on purpose.
 */
export function checkSkippedNeeds(workflow: Workflow, ctx: CheckContext): Finding[] {
  const jobs = workflow.jobs ?? {};
  const skippable = new Map<string, boolean>();
  const canBeSkipped = (id: string, seen = new Set<string>()): boolean => {
    if (skippable.has(id)) return skippable.get(id)!;
    const job = jobs[id];
    if (!job || seen.has(id)) return false;
    seen.add(id);
    const own = conditionText(job.if);
    const result = own !== '' || (!STATUS_FUNCTION.test(own) && needsOf(job).some((n) => canBeSkipped(n, seen)));
    skippable.set(id, result);
    return result;
  };
  const findings: Finding[] = [];
  for (const [jobId, job] of Object.entries(jobs)) {
    const condition = conditionText(job.if);
    if (STATUS_FUNCTION.test(condition)) continue;
    const skippableNeeds = needsOf(job).filter((n) => canBeSkipped(n));
    if (skippableNeeds.length === 0) continue;
    const readsResult = skippableNeeds.some((n) => new RegExp(`needs\\.${n}\\.result`).test(condition));
    if (condition === '' || readsResult || skippableNeeds.length > 1) {
      findings.push({
        rule: 'skipped-needs',
        where: `${ctx.file} › ${jobId}`,
        message: `needs ${skippableNeeds.join(', ')}, which can be skipped; without always(), !cancelled() or failure() in its if:, ${jobId} is skipped with ${skippableNeeds.length > 1 ? 'any of them' : 'it'}${readsResult ? ' (so its needs.*.result test never sees a skip)' : ''}`,
      });
    }
  }
  return findings;
}

/**
 * Rule (docs.github.com/en/actions/reference/runners/github-hosted-runners, "Standard GitHub-hosted runners
 * for public repositories"): the arm64 labels `ubuntu-24.04-arm`, `ubuntu-22.04-arm` and `windows-11-arm`
 * are listed for public repositories only, not in the table for private and internal ones. Maintainers
 * report the same: "ubuntu-24.04-arm runners are not available for private repositories" (containerd/containerd#12419),
 * and a private caller's run fails with "ubuntu-22.04-arm, ubuntu-24.04-arm and windows-11-arm are not
 * supported yet for private repositories" (swiftlang/github-workflows#209). A workflow that hard-codes them must say it is for public repositories,
 * or take the runner from an input or the plan.
 */
export const PUBLIC_ONLY_LABELS = ['ubuntu-24.04-arm', 'ubuntu-22.04-arm', 'windows-11-arm'];

export function checkRunnerVisibility(workflow: Workflow, ctx: CheckContext): Finding[] {
  if (/public repositor(y|ies) only|only (in|for) public repositories/i.test(ctx.text ?? '')) return [];
  const findings: Finding[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const literals = JSON.stringify([job['runs-on'] ?? null, job.strategy?.matrix ?? null]);
    for (const label of PUBLIC_ONLY_LABELS) {
      if (literals.includes(`"${label}"`)) {
        findings.push({
          rule: 'runner-visibility',
          where: `${ctx.file} › ${jobId}`,
          message: `hard-codes ${label}, a runner GitHub offers to public repositories only: say so in the workflow, or make the runner configurable`,
        });
      }
    }
  }
  return findings;
}

/**
 * A Docker build needs a builder set up before it runs.
 *
 * - buildx driver. Rule (docs.docker.com/build/builders/drivers/): the default `docker` driver's row in the
 *   driver table says "Cache export: Inline only"; buildx refuses the rest with "Cache export feature is
 *   currently not supported for docker driver. Please switch to a different driver". tagship's buildx command
 *   always passes `--cache-to type=gha` (docs/docker.md). `docker/setup-buildx-action` (README): "By default,
 *   the docker-container driver will be used to be able to build multi-platform images and export cache".
 * - QEMU. Rule (docs.docker.com/build/building/multi-platform/): "When BuildKit needs to run a binary for a
 *   different architecture, it automatically loads it through a binary registered in the binfmt_misc
 *   handler" — which `docker/setup-qemu-action` registers; a hosted runner has none. One job building
 *   several platforms (`docker.mode: single`, or `docker-job: all` with more than one platform, which builds
 *   them one after the other in the same job) runs the foreign ones under QEMU.
 */
export function checkBuilderSetup(workflow: Workflow, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const triggered = triggeredStages(workflow);
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const steps = job.steps ?? [];
    steps.forEach((step, index) => {
      const before = steps.slice(0, index).map((s) => s.uses ?? '');
      const hasBuildx = before.some((u) => /^docker\/setup-buildx-action@/.test(u));
      const hasQemu = before.some((u) => /^docker\/setup-qemu-action@/.test(u));
      const where = `${ctx.file} › ${jobId} › ${step.name ?? step.uses ?? 'run'}`;
      let buildx = false;
      let qemu = false;
      if (isTagshipAction(step.uses)) {
        const plan = tagshipStepPlan(step);
        if (!buildsImages(plan, ctx.project, triggered)) return;
        buildx = ctx.project.dockerBackend === 'buildx';
        qemu = plan.dockerJob === 'all' && !plan.platform && ctx.project.platformCount > 1;
      } else if (/^docker\/build-push-action@/.test(step.uses ?? '')) {
        buildx = true;
        qemu = String(step.with?.platforms ?? '').split(',').filter(Boolean).length > 1;
      } else return;
      if (buildx && !hasBuildx) {
        findings.push({ rule: 'buildx-setup', where, message: 'builds images with buildx but no docker/setup-buildx-action runs before it (the default docker driver refuses the gha cache, attestations and multi-platform builds)' });
      }
      if (qemu && !hasQemu) {
        findings.push({ rule: 'qemu-setup', where, message: 'builds several platforms in one job but no docker/setup-qemu-action runs before it (foreign platforms need QEMU)' });
      }
    });
  }
  return findings;
}

/**
 * tagship convention (issue 12, "the code that runs is the code that was chosen"): a reusable workflow
 * runs tagship's action at the ref its caller pinned, so it must not name a moving tag. Rule behind it
 * (docs.github.com/en/actions/reference/security/secure-use, "Using third-party actions"): "Pinning an action
 * to a full length commit SHA is currently the only way to use an action as an immutable release."
 */
export function checkActionPin(workflow: Workflow, ctx: CheckContext): Finding[] {
  if (!isReusable(workflow)) return [];
  const findings: Finding[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      const uses = step.uses ?? '';
      if (/^tagship\/tagship@/.test(uses) && !/@[0-9a-f]{40}$/.test(uses)) {
        findings.push({
          rule: 'action-pin',
          where: `${ctx.file} › ${jobId} › ${step.name ?? uses}`,
          message: `runs ${uses} in a reusable workflow: use a checkout of tagship at the called workflow's own commit (\`./…\`) or a full commit SHA`,
        });
      }
    }
  }
  return findings;
}

/**
 * tagship's one-click release (docs/one-click.md): a `workflow_dispatch` with the input `bump` makes the
 * tagship step commit, tag and `git push` with the job's token, then release. The rules behind it:
 * - Workflow syntax, `permissions` (docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions):
 *   "contents: Work with the contents of the repository. For example, contents: read permits an action to
 *   list the commits, and contents: write allows the action to create a release." A push with GITHUB_TOKEN
 *   is refused (HTTP 403, "Permission to … denied to github-actions[bot]") without `contents: write`.
 * - actions/checkout README: "fetch-depth: Number of commits to fetch. 0 indicates all history for all
 *   branches and tags. Default: 1": with the default there are no release tags and no history to bump from.
 * - The release commit goes on the dispatched branch: the checkout must be that branch (its default for the
 *   dispatch, `ref: ${{ github.ref }}` or `${{ github.ref_name }}`), not a commit or a tag (a detached HEAD).
 */
export function checkOneClick(workflow: Workflow, ctx: CheckContext): Finding[] {
  const on = workflow.on;
  const dispatch = on && typeof on === 'object' && !Array.isArray(on) ? (on as Record<string, unknown>).workflow_dispatch : undefined;
  const inputs = (dispatch as { inputs?: Record<string, unknown> } | null | undefined)?.inputs ?? {};
  if (!('bump' in inputs)) return [];
  const findings: Finding[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    const steps = job.steps ?? [];
    const index = steps.findIndex((step) => isTagshipAction(step.uses) && !tagshipStepPlan(step).dryRun);
    if (index < 0) continue;
    const where = `${ctx.file} › ${jobId}`;
    const granted = declaredPermissions(workflow, job);
    if (accessOf(granted, 'contents') !== 'write') {
      findings.push({ rule: 'one-click', where, message: `pushes the release commit and tag with the job's token, which needs contents: write; the job gets contents: ${accessOf(granted, 'contents')}` });
    }
    const checkout = steps.slice(0, index).find((step) => /^actions\/checkout@/.test(step.uses ?? ''));
    if (!checkout) {
      findings.push({ rule: 'one-click', where, message: 'bumps the version without a checkout before it: add actions/checkout with fetch-depth: 0' });
      continue;
    }
    const depth = checkout.with?.['fetch-depth'];
    if (!(depth === 0 || depth === '0')) {
      findings.push({ rule: 'one-click', where, message: `checks out with fetch-depth ${depth ?? '1 (the default)'}: the bump needs the release tags and the history (fetch-depth: 0)` });
    }
    const ref = checkout.with?.ref;
    if (ref !== undefined && !/^\$\{\{\s*github\.(ref|ref_name)\s*\}\}$/.test(String(ref))) {
      findings.push({ rule: 'one-click', where, message: `checks out ${String(ref)}: the release commit goes on the dispatched branch, so check out \${{ github.ref }} (or leave ref unset)` });
    }
  }
  return findings;
}

/** The facts the model needs from a (validated) tagship config. */
export function projectFromConfig(
  config: {
    docker: { images: string[]; mode: string; backend: string; platforms: string[] };
    'github-release': { enabled: boolean; 'docker-workflow'?: string; assets: 'auto' | string[] };
    attestations: { enabled: boolean | 'auto'; assets: boolean };
  },
  packages: { python: boolean; npm: boolean },
): ProjectFacts {
  const release = config['github-release'];
  // `assets: auto` attaches the Python dist files (src/plan/steps/github-release.ts).
  const hasAssets = release.enabled && (release.assets === 'auto' ? packages.python : release.assets.length > 0);
  return {
    attestsAssets: hasAssets && config.attestations.enabled !== false && config.attestations.assets,
    python: packages.python,
    npm: packages.npm,
    dockerImages: config.docker.images.length > 0,
    ghcrImages: config.docker.images.some((image) => image.toLowerCase().startsWith('ghcr.io/')),
    dispatchesDockerWorkflow: !!config['github-release']['docker-workflow'],
    dockerMode: config.docker.mode === 'single' ? 'single' : 'distributed',
    dockerBackend: config.docker.backend === 'buildah' ? 'buildah' : 'buildx',
    platformCount: config.docker.platforms.length,
  };
}

/**
 * The facts a config block shown in the docs states. A docs block is an excerpt (`github-release:
 * docker-workflow: …` alone says nothing about images), so what it does not state stays as in `base`.
 */
export function projectFromConfigExcerpt(raw: unknown, base: ProjectFacts): ProjectFacts {
  const facts = { ...base };
  if (!raw || typeof raw !== 'object') return facts;
  const docker = (raw as { docker?: Record<string, unknown> }).docker;
  if (docker && Array.isArray(docker.images)) {
    const images = docker.images.map(String);
    facts.dockerImages = images.length > 0;
    facts.ghcrImages = images.some((image) => image.toLowerCase().startsWith('ghcr.io/'));
  }
  if (docker?.mode === 'single' || docker?.mode === 'distributed') facts.dockerMode = docker.mode;
  if (docker?.backend === 'buildx' || docker?.backend === 'buildah') facts.dockerBackend = docker.backend;
  if (docker && Array.isArray(docker.platforms)) facts.platformCount = docker.platforms.length;
  // A config that switches a package ecosystem off says the project publishes no such package.
  const python = (raw as { python?: Record<string, unknown> }).python;
  if (python && python.enabled === false) facts.python = false;
  const npm = (raw as { npm?: Record<string, unknown> }).npm;
  if (npm && npm.enabled === false) facts.npm = false;
  const release = (raw as { 'github-release'?: Record<string, unknown> })['github-release'];
  // `assets: auto` attaches the Python dist files: without Python and without a list, nothing is attested.
  if (!facts.python && !(Array.isArray(release?.assets) && release.assets.length)) facts.attestsAssets = false;
  if (release && typeof release['docker-workflow'] === 'string') facts.dispatchesDockerWorkflow = true;
  if (release && (release.enabled === false || (Array.isArray(release.assets) && !release.assets.length))) facts.attestsAssets = false;
  const attestations = (raw as { attestations?: Record<string, unknown> }).attestations;
  if (attestations && (attestations.enabled === false || attestations.assets === false)) facts.attestsAssets = false;
  return facts;
}
