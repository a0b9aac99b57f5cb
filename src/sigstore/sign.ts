import { UserError } from '../errors.js';
import type { SigstoreInstance } from './instance.js';
import { IN_TOTO_PAYLOAD_TYPE, type InTotoStatement } from './statement.js';

/**
 * Keyless signing of an in-toto statement, the way sigstore-js's `attest()` and `@actions/attest` do
 * it: an ephemeral key, a Fulcio certificate for the job's OIDC identity, a DSSE envelope, and the
 * signature witnessed by the instance's transparency log and/or timestamp authority, packed as a
 * Sigstore bundle (v0.3). The Sigstore libraries load here, on first use, never at planning.
 */

/** A Sigstore bundle as JSON (`application/vnd.dev.sigstore.bundle.v0.3+json`). */
export type SerializedBundle = Record<string, unknown> & { mediaType: string };

export interface SignedStatement {
  /** Sigstore bundle v0.3 JSON: the DSSE envelope of the statement, its certificate and witnesses. */
  bundle: SerializedBundle;
  /** Rekor log index, when the instance has a log. */
  logIndex?: string;
  /** The certificate's SAN: the workflow that signed (`https://github.com/o/r/.github/workflows/x.yml@ref`). */
  certificateIdentity: string;
}

export interface SignOptions {
  instance: SigstoreInstance;
  /** An ID token with audience `sigstore` (see `sigstoreIdToken`). */
  idToken: string;
  signal?: AbortSignal;
  /** Per request to Fulcio, Rekor or the TSA (default 30 s). */
  timeoutMs?: number;
  /** Retries of a failed request, 5xx or connection error (default 3). */
  retries?: number;
  /** First wait between retries, doubling after each (default 1 s). */
  retryDelayMs?: number;
}

const SERVICE_BY_CODE: Record<string, 'Fulcio' | 'Rekor' | 'the timestamp authority'> = {
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: 'Fulcio',
  TLOG_CREATE_ENTRY_ERROR: 'Rekor',
  TLOG_FETCH_ENTRY_ERROR: 'Rekor',
  TSA_CREATE_TIMESTAMP_ERROR: 'the timestamp authority',
};

export async function signStatement(statement: InTotoStatement, options: SignOptions): Promise<SignedStatement> {
  const [{ DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness }, { bundleToJSON }, { X509Certificate }] = await Promise.all([
    import('@sigstore/sign'),
    import('@sigstore/bundle'),
    import('@sigstore/core'),
  ]);
  const { instance } = options;
  const timeout = options.timeoutMs ?? 30_000;
  const retry = { retries: options.retries ?? 3, factor: 2, minTimeout: options.retryDelayMs ?? 1000, maxTimeout: 30_000, randomize: true };
  const signer = new FulcioSigner({
    fulcioBaseURL: instance.fulcioUrl,
    identityProvider: { getToken: () => Promise.resolve(options.idToken) },
    timeout,
    retry,
  });
  const witnesses = [
    // fetchOnConflict: when a retried upload finds its first attempt logged after all (409), read that entry.
    ...(instance.rekorUrl ? [new RekorWitness({ rekorBaseURL: instance.rekorUrl, entryType: 'dsse', fetchOnConflict: true, timeout, retry })] : []),
    ...(instance.tsaUrl ? [new TSAWitness({ tsaBaseURL: instance.tsaUrl, timeout, retry })] : []),
  ];
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  const signing = builder.create({ data: Buffer.from(JSON.stringify(statement)), type: IN_TOTO_PAYLOAD_TYPE });
  const bundle = await abortable(signing, options.signal).catch((error: unknown) => {
    throw signingError(error, instance);
  });
  const json = bundleToJSON(bundle) as unknown as SerializedBundle;
  const material = bundle.verificationMaterial;
  const certificate = material.content.$case === 'certificate' ? material.content.certificate.rawBytes : material.content.$case === 'x509CertificateChain' ? material.content.x509CertificateChain.certificates[0]?.rawBytes : undefined;
  const certificateIdentity = certificate ? (X509Certificate.parse(Buffer.from(certificate)).subjectAltName ?? '') : '';
  const logIndex = material.tlogEntries[0]?.logIndex;
  return { bundle: json, ...(logIndex !== undefined ? { logIndex: String(logIndex) } : {}), certificateIdentity };
}

/** The library does not take a signal: stop waiting for it (its own timeouts end the requests). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/**
 * One line naming the service and what to do. A refusal (4xx) is the request's fault (the token, the
 * key): re-running does not help, so it says what was refused. An outage (5xx, reset, timeout) after
 * the retries says to re-run: nothing was signed, so nothing is half-done.
 */
function signingError(error: unknown, instance: SigstoreInstance): unknown {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return error;
  // The library's message for this one quotes the whole token: say it without.
  if (error.code === 'IDENTITY_TOKEN_PARSE_ERROR') return new UserError('The OIDC ID token for signing is not a JWT naming a subject: nothing was signed.');
  const service = SERVICE_BY_CODE[error.code];
  if (!service) return error;
  const url = service === 'Fulcio' ? instance.fulcioUrl : service === 'Rekor' ? instance.rekorUrl : instance.tsaUrl;
  const cause = (error as { cause?: unknown }).cause;
  const status = cause && typeof cause === 'object' && 'statusCode' in cause ? Number(cause.statusCode) : undefined;
  // HTTPError reads `(503) Service Unavailable`; a connection error `request to … failed, reason: …`.
  const reason = (cause instanceof Error ? cause.message : error.message).replace(/^\(\d+\)\s*/, '').replace(/\s+/g, ' ').slice(0, 200);
  const detail = status !== undefined ? `HTTP ${status}: ${reason}` : reason;
  const where = `${service} (${url})`;
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    const what =
      service === 'Fulcio'
        ? 'refused a signing certificate for this job’s OIDC token'
        : service === 'Rekor'
          ? 'refused to record the signature'
          : 'refused to timestamp the signature';
    const fix =
      service === 'Fulcio'
        ? 'the token must be this job’s own, for audience `sigstore` and unexpired, from an issuer the instance trusts (check attestations.sigstore)'
        : 'check attestations.sigstore names this instance’s services';
    return new UserError(`${where} ${what} (${detail}); nothing was signed: ${fix}.`, undefined, { cause: error });
  }
  return new UserError(`${where} did not answer (${detail}), also after retrying; nothing was signed: re-run the job once it is reachable.`, undefined, { cause: error });
}
