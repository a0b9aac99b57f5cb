import { UserError } from '../errors.js';
import type { ExecutionContext, StepOutcome } from '../execute/types.js';
import { OciClient, type Descriptor } from '../oci/client.js';
import { registryLogins } from '../oci/credentials.js';
import { attachArtifact } from '../oci/referrers.js';
import type { DockerAttestStep } from '../plan/steps/docker.js';
import { decodeClaims } from '../runtime/oidc-claims.js';
import { canMintIdToken, idTokenFor } from '../sigstore/id-token.js';
import type { SigstoreInstance } from '../sigstore/instance.js';
import { rekorEntryUrl, type AttestationRecord } from '../sigstore/record.js';
import { signStatement } from '../sigstore/sign.js';
import { runIdentity, type RunClaims } from '../sigstore/statement.js';
import { expectedSigner, loadTrustedRoot, verifyBundle } from '../sigstore/verify.js';
import { attachedBundles, bundleArtifact, describePredicate, digestMap, IMAGE_PREDICATE_TYPES, imageStatement } from './image-signatures.js';

/** One repository's index and what it got: attached now, or found in place from an earlier run. */
interface RepositoryAttestations {
  repository: string;
  digest: string;
  attached: AttestationRecord[];
  found: AttestationRecord[];
  via: 'api' | 'tag';
}

/** `attestations.enabled: auto` and the runner gave no token: nothing more is signed (preflight warned). */
class NoToken extends Error {}

/** Signs once per step run: the ID token and the run identity it certifies, minted on first need. */
class Signer {
  private token?: Promise<string | undefined>;
  constructor(
    private readonly step: DockerAttestStep,
    private readonly ctx: ExecutionContext,
  ) {}

  private get instance(): SigstoreInstance {
    return this.step.attestation.instance;
  }

  async sign(repository: string, digest: string, predicateType: string) {
    // Minted only when something is missing: a re-run that finds everything attached needs no token.
    this.token ??= idTokenFor(this.step.attestation, this.ctx.env, this.ctx.signal);
    const idToken = await this.token;
    if (!idToken) throw new NoToken();
    // The token's claims win over the environment: they are what Fulcio certifies (a called workflow's builder).
    const run = runIdentity(this.ctx.env, (decodeClaims(idToken) ?? {}) as RunClaims);
    return signStatement(imageStatement(repository, digest, predicateType, run), { instance: this.instance, idToken, signal: this.ctx.signal });
  }
}

/**
 * What is already attached and still good: a bundle of the same predicate type over the same digest,
 * that verifies as signed by this repository and ref. Anything else (another repository's signature,
 * a tampered bundle) does not count, and a fresh one is attached next to it.
 */
async function alreadyAttested(client: OciClient, repository: string, digest: string, step: DockerAttestStep, ctx: ExecutionContext) {
  const { via, bundles } = await attachedBundles(client, repository, digest, 'push');
  const found = new Map<string, AttestationRecord>();
  const candidates = bundles.filter((b) => b.predicateType && IMAGE_PREDICATE_TYPES.includes(b.predicateType as never) && b.subjectDigests.includes(digest));
  if (!candidates.length) return { via, found };
  const { instance } = step.attestation;
  const trustedRoot = await loadTrustedRoot(instance, ctx.cwd, ctx.env);
  const signer = expectedSigner(ctx.env);
  for (const candidate of candidates) {
    const predicateType = candidate.predicateType!;
    if (found.has(predicateType)) continue;
    // Any failure (another signer, a tampered or malformed bundle) means "not attested yet", said once.
    const verified = await verifyBundle(candidate.bundle, { signer, predicateType, subjects: [{ digest: digestMap(digest) }], instance: instance.name }, trustedRoot).catch((error: unknown) => {
      ctx.runner.info(`  · ${repository}@${candidate.referrer} (${describePredicate(predicateType)}) does not count: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    if (verified) found.set(predicateType, record(repository, digest, predicateType, instance, verified.logIndex));
  }
  return { via, found };
}

function record(repository: string, digest: string, predicateType: string, instance: SigstoreInstance, logIndex: string | undefined): AttestationRecord {
  const url = rekorEntryUrl(instance, logIndex);
  return { subject: `${repository}@${digest}`, digest, predicateType, store: 'registry', ...(logIndex ? { logIndex } : {}), ...(url ? { url } : {}) };
}

/** A repository whose attestations stopped part-way: what is attached and what is not. */
class RepositoryAttestFailure extends Error {
  constructor(
    readonly done: AttestationRecord[],
    readonly missing: string[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

async function attestRepository(client: OciClient, signer: Signer, repository: string, digest: string, step: DockerAttestStep, ctx: ExecutionContext): Promise<RepositoryAttestations> {
  const stored = await client.getManifest(repository, digest, 'push');
  if (!stored) throw new UserError(`${repository}@${digest} is not in the registry: the docker-merge step must push it first. Re-run the docker stage.`);
  const subject: Descriptor = { mediaType: stored.mediaType, digest, size: stored.bytes.length };
  const { via, found } = await alreadyAttested(client, repository, digest, step, ctx);
  const attached: AttestationRecord[] = [];
  for (const predicateType of IMAGE_PREDICATE_TYPES) {
    const existing = found.get(predicateType);
    if (existing) {
      ctx.runner.info(`  = ${repository}@${digest}: ${describePredicate(predicateType)} already attached`);
      continue;
    }
    try {
      // Signed first, pushed after: a signing failure leaves nothing in the registry.
      const signed = await signer.sign(repository, digest, predicateType);
      await attachArtifact(client, repository, subject, bundleArtifact(signed.bundle, predicateType, new Date()));
      attached.push(record(repository, digest, predicateType, step.attestation.instance, signed.logIndex));
      ctx.runner.info(`  ✓ ${repository}@${digest}: ${describePredicate(predicateType)} attached${signed.logIndex ? ` (Rekor log index ${signed.logIndex})` : ''}`);
    } catch (error) {
      if (error instanceof NoToken) throw error;
      const missing = IMAGE_PREDICATE_TYPES.filter((type) => type !== predicateType && !found.has(type) && !attached.some((r) => r.predicateType === type));
      throw new RepositoryAttestFailure([...found.values(), ...attached], [predicateType, ...missing].map(describePredicate), error);
    }
  }
  return { repository, digest, attached, found: [...found.values()], via };
}

/** The merged index digest of each repository, from this run's docker-merge outcome. */
function mergedDigests(step: DockerAttestStep, ctx: ExecutionContext): Map<string, string> {
  const produced = ctx.outcomes.get('docker-merge')?.produced as { digests?: Record<string, string> } | undefined;
  const digests = new Map<string, string>();
  for (const repository of step.repositories) {
    const digest = produced?.digests?.[repository];
    if (!digest) throw new UserError(`docker-attest needs the index docker-merge pushed to ${repository}, and docker-merge did not run in this job: run the attestations in the job that merges (docker-job: merge or all).`);
    digests.set(repository, digest);
  }
  return digests;
}

/**
 * The `docker-attest` step: for each repository's merged index, a keyless signature and SLSA
 * provenance, attached as referrers. A re-run finds them (verified as this repository's) and attaches
 * nothing twice; a failure says what is attached and what is not, and claims nothing unsigned.
 */
const notSigned = (step: DockerAttestStep, attested: AttestationRecord[] = []): StepOutcome => ({
  id: step.id,
  status: 'skipped',
  detail: `images not signed, this job cannot get an OIDC token (attestations.enabled: auto). Give the job \`permissions: id-token: write\` to sign them.`,
  produced: { attestations: attested },
});

export async function executeDockerAttest(step: DockerAttestStep, ctx: ExecutionContext): Promise<StepOutcome> {
  if (!step.attestation.required && !canMintIdToken(ctx.env)) return notSigned(step);
  const digests = mergedDigests(step, ctx);
  const client = new OciClient({
    credentials: registryLogins(ctx.secrets, ctx.env),
    signal: ctx.signal,
    onRetry: (notice) => ctx.runner.info(`  retrying ${notice.url} in ${notice.delayMs} ms (${notice.reason}, attempt ${notice.attempt})`),
  });
  const signer = new Signer(step, ctx);
  const results: RepositoryAttestations[] = [];
  // One repository at a time: each keeps its own referrers tag, and a failure stops before the next.
  for (const [repository, digest] of digests) {
    try {
      results.push(await attestRepository(client, signer, repository, digest, step, ctx));
    } catch (error) {
      // auto, and the runner refused a token: what earlier runs attached stays listed, nothing is claimed.
      if (error instanceof NoToken) return notSigned(step, results.flatMap((r) => [...r.found, ...r.attached]));
      const done = [...results.flatMap((r) => [...r.found, ...r.attached]), ...(error instanceof RepositoryAttestFailure ? error.done : [])];
      const missing = error instanceof RepositoryAttestFailure ? error.missing.join(' and ') : 'signature and SLSA provenance';
      const rest = [...digests.keys()].slice(results.length + 1);
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*$/, '');
      throw new UserError(
        `${reason}${/[.!]$/.test(reason) ? '' : '.'} Not attached to ${repository}@${digest}: ${missing}${rest.length ? `; not started: ${rest.join(', ')}` : ''}. Attached: ${done.length ? done.map((r) => `${describePredicate(r.predicateType)} on ${r.subject}`).join(', ') : 'nothing'}. Re-run: what is attached is found and kept.`,
        undefined,
        { cause: error instanceof RepositoryAttestFailure ? error.cause : error },
      );
    }
  }
  const changed = results.some((r) => r.attached.length);
  return {
    id: step.id,
    status: changed ? 'done' : 'unchanged',
    detail: results
      .map((r) => {
        const parts = [
          r.attached.length ? `attached ${r.attached.map((a) => describePredicate(a.predicateType)).join(' and ')}` : '',
          r.found.length ? `already attached ${r.found.map((a) => describePredicate(a.predicateType)).join(' and ')}` : '',
        ];
        return `${r.repository}@${r.digest}: ${parts.filter(Boolean).join('; ')} (${r.via === 'api' ? 'referrers API' : 'referrers tag'})`;
      })
      .join('; '),
    produced: { attestations: results.flatMap((r) => [...r.found, ...r.attached]) },
  };
}
