import { createRequire } from 'node:module';
import type { TrustedPublisher } from './pypi-server.js';

/**
 * The PEP 740 side of the local index: what PyPI does with an upload's `attestations` field, and the
 * provenance object its Integrity API serves. Taken from the sources, read for this (2026-12):
 *
 * - pypi/warehouse `warehouse/forklift/legacy.py` (file_upload): a file already there with the same
 *   digest answers `200 OK` before attestations are looked at (nothing is stored for it); otherwise,
 *   when the form has `attestations`, `IIntegrityService.parse_attestations(request,
 *   Distribution(name=filename, digest=sha256))` runs before the file is stored, and any
 *   `AttestationUploadError` answers `400 Invalid attestations supplied during upload: <reason>` (in
 *   the status line, `_exc_with_message`). The provenance is stored with the file.
 * - warehouse `warehouse/attestations/services.py` (`_extract_attestations_from_request`,
 *   `IntegrityService.parse_attestations`, `build_provenance`): only with a token minted by trusted
 *   publishing ("Attestations are only supported when using Trusted Publishing"); the field is a JSON
 *   list of `Attestation` ("Malformed attestations: …"); not empty ("Malformed attestations: an empty
 *   attestation set is not permitted"); at most 2 ("A maximum of 2 attestations per file are
 *   supported"); each verified against the publisher's `attestation_identity` and the file ("Could not
 *   verify the uploaded artifact using the included attestation: Verification failed: …", any other
 *   error "Unknown error while trying to verify included attestations: …"); predicate type publish/v1
 *   or SLSA provenance/v1 ("Attestation with unsupported predicate type: …"); one per predicate type
 *   ("Multiple attestations for the same file with the same predicate type (…) are not supported").
 *   Provenance = `{version: 1, attestation_bundles: [{publisher, attestations}]}`.
 * - warehouse `warehouse/oidc/models/github.py` `attestation_identity`: `GitHubIdentity(repository,
 *   workflow=workflow_filename, environment)`; serialised `{kind: "GitHub", repository, workflow,
 *   environment, claims: null}` (docs/user/api/integrity.md's example).
 * - pypi/pypi-attestations `_impl.py`: `Attestation` = `{version: 1, verification_material:
 *   {certificate: base64(DER), transparency_entries: [≥1 Rekor TransparencyLogEntry JSON]}, envelope:
 *   {statement: base64, signature: base64}}`; `to_bundle` = a bundle with that certificate, the first
 *   tlog entry and a DSSE envelope of payload type `application/vnd.in-toto+json` (a certificate or
 *   entry that does not parse is a ConversionError: "invalid X.509 certificate", "invalid transparency
 *   log entry"); `verify` = Sigstore `verify_dsse` with the `_GitHubTrustedPublisherPolicy` (issuer
 *   `https://token.actions.githubusercontent.com`, Source Repository URI `https://github.com/<repo>`, and
 *   Build Config URI = `https://github.com/<repo>/.github/workflows/<workflow>@<ref or sha>` from the
 *   certificate's own Source Repository Ref / Digest), then exactly one subject, whose name parses as a
 *   distribution file name equal to the file's, whose sha256 is the file's, and a known predicate type.
 * - warehouse `warehouse/api/integrity.py` + `routes.py`: `GET /integrity/<project>/<version>/<filename>/provenance`
 *   → 200 provenance JSON, 404 `{"message": "No provenance available for <filename>"}`, 406 for an
 *   `Accept` that is neither `application/vnd.pypi.integrity.v1+json` nor `application/json`.
 *   `packaging/utils.py` + `templates/api/simple/detail.html`: the simple page's link has
 *   `data-provenance="<that URL>"` when the file has provenance.
 *
 * The Sigstore verification itself is @sigstore/verify against the trusted root the test sets (the
 * local Fulcio/Rekor), as sigstore-python's verifier does against the public-good root.
 */

export const PUBLISH_V1 = 'https://docs.pypi.org/attestations/publish/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const SUPPORTED = [PUBLISH_V1, SLSA_PROVENANCE_V1];
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const OID = {
  issuerV2: '1.3.6.1.4.1.57264.1.8',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
};

export interface PepAttestation {
  version: 1;
  verification_material: { certificate: string; transparency_entries: Array<Record<string, unknown>> };
  envelope: { statement: string; signature: string };
}

export interface Provenance {
  version: 1;
  attestation_bundles: Array<{ publisher: { kind: 'GitHub'; repository: string; workflow: string; environment: string | null; claims: null }; attestations: PepAttestation[] }>;
}

/** An upload refusal: the reason after "Invalid attestations supplied during upload: ". */
export class AttestationUploadError extends Error {}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * pydantic's `TypeAdapter(list[Attestation]).validate_json`: the shape, strictly (extra keys are ignored, as pydantic does).
 * pydantic's report spans lines; a status line cannot, so here it is one line.
 */
function parseAttestations(text: string): PepAttestation[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AttestationUploadError(`Malformed attestations: 1 validation error for list[Attestation] Invalid JSON: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const base64 = (where: string, v: unknown) => {
    if (typeof v !== 'string') problems.push(`${where} Input should be a valid bytes`);
    else if (v.replace(/\s/g, '').length % 4 !== 0 || !BASE64.test(v.replace(/\s/g, ''))) problems.push(`${where} Base64 decoding error`);
  };
  if (!Array.isArray(value)) throw new AttestationUploadError('Malformed attestations: 1 validation error for list[Attestation] Input should be a valid list');
  value.forEach((item, i) => {
    const a = item as Partial<PepAttestation> | null;
    if (typeof a !== 'object' || a === null) return void problems.push(`${i} Input should be a valid dictionary or instance of Attestation`);
    if (a.version !== 1) problems.push(`${i}.version Input should be 1`);
    const material = a.verification_material;
    if (typeof material !== 'object' || material === null) problems.push(`${i}.verification_material Field required`);
    else {
      base64(`${i}.verification_material.certificate`, material.certificate);
      const entries = material.transparency_entries;
      if (!Array.isArray(entries)) problems.push(`${i}.verification_material.transparency_entries Field required`);
      else if (entries.length < 1) problems.push(`${i}.verification_material.transparency_entries List should have at least 1 item after validation, not 0`);
      else entries.forEach((e, j) => typeof e === 'object' && e !== null && !Array.isArray(e) ? undefined : problems.push(`${i}.verification_material.transparency_entries.${j} Input should be a valid dictionary`));
    }
    const envelope = a.envelope;
    if (typeof envelope !== 'object' || envelope === null) problems.push(`${i}.envelope Field required`);
    else {
      base64(`${i}.envelope.statement`, envelope.statement);
      base64(`${i}.envelope.signature`, envelope.signature);
    }
  });
  if (problems.length) {
    throw new AttestationUploadError(`Malformed attestations: ${problems.length} validation error${problems.length === 1 ? '' : 's'} for list[Attestation] ${problems.join(' ')}`);
  }
  return value as PepAttestation[];
}

/** packaging's `parse_sdist_filename` / `parse_wheel_filename`, reduced to what `!=` compares: normalised name, version, the rest. */
function parseDistFilename(name: string): string {
  const normalize = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');
  if (name.endsWith('.whl')) {
    const parts = name.slice(0, -4).split('-');
    if (parts.length !== 5 && parts.length !== 6) throw new Error(`Invalid wheel filename (wrong number of parts): '${name}'`);
    return [normalize(parts[0]!), parts[1], ...parts.slice(2)].join(' ');
  }
  const sdist = name.match(/^(.+)-([^-]+)\.(tar\.gz|zip)$/);
  if (sdist) return [normalize(sdist[1]!), sdist[2]].join(' ');
  throw new Error(`unknown distribution format: ${name}`);
}

/** A DER UTF8String extension value of the certificate (Fulcio writes the v2 claims that way: tag 0x0c, length, bytes). */
function extensionText(cert: { extension(oid: string): { value: Buffer } | undefined }, oid: string): string | undefined {
  const der = cert.extension(oid)?.value;
  if (!der || der[0] !== 0x0c) return undefined;
  let length = der[1]!;
  let offset = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = der.subarray(2, 2 + bytes).reduce((n, byte) => n * 256 + byte, 0);
    offset = 2 + bytes;
  }
  return der.subarray(offset, offset + length).toString('utf8');
}

interface SigstoreLibs {
  bundle: typeof import('@sigstore/bundle');
  verify: typeof import('@sigstore/verify');
  core: typeof import('@sigstore/core');
  specs: typeof import('@sigstore/protobuf-specs');
}
const require = createRequire(import.meta.url);
const libs = (): SigstoreLibs => ({ bundle: require('@sigstore/bundle'), verify: require('@sigstore/verify'), core: require('@sigstore/core'), specs: require('@sigstore/protobuf-specs') });

/** pypi-attestations `Attestation.verify(identity, Distribution(filename, sha256))`: the predicate type, or a VerificationError-like throw. */
function verifyOne(attestation: PepAttestation, publisher: TrustedPublisher, filename: string, sha256: string, trustedRoot: unknown): string {
  const { bundle: b, verify: v, core, specs } = libs();
  let cert: InstanceType<typeof core.X509Certificate>;
  try {
    cert = core.X509Certificate.parse(Buffer.from(attestation.verification_material.certificate, 'base64'));
  } catch {
    throw new AttestationUploadError('Unknown error while trying to verify included attestations: invalid X.509 certificate');
  }
  const entry = attestation.verification_material.transparency_entries[0]!;
  let bundle;
  try {
    bundle = b.bundleFromJSON({
      mediaType: b.BUNDLE_V03_MEDIA_TYPE,
      verificationMaterial: { certificate: { rawBytes: attestation.verification_material.certificate }, tlogEntries: [entry], timestampVerificationData: { rfc3161Timestamps: [] } },
      dsseEnvelope: { payload: attestation.envelope.statement, payloadType: 'application/vnd.in-toto+json', signatures: [{ sig: attestation.envelope.signature, keyid: '' }] },
    });
  } catch {
    throw new AttestationUploadError('Unknown error while trying to verify included attestations: invalid transparency log entry');
  }
  if (!trustedRoot) throw new Error('the test index has no trusted root to verify attestations with (set index.attestations.trustedRoot)');
  const failed = (message: string) => new AttestationUploadError(`Could not verify the uploaded artifact using the included attestation: Verification failed: ${message}`);
  try {
    const material = v.toTrustMaterial(specs.TrustedRoot.fromJSON(trustedRoot));
    new v.Verifier(material, { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }).verify(v.toSignedEntity(bundle), { extensions: { issuer: GITHUB_ISSUER } });
  } catch (error) {
    throw failed((error as Error).message);
  }
  // _GitHubTrustedPublisherPolicy: the repository, then the workflow file through the Build Config URI.
  const repositoryUri = `https://github.com/${publisher.repository}`;
  if (extensionText(cert, OID.issuerV2) !== GITHUB_ISSUER) throw failed(`Certificate's OIDC issuer does not match (got '${extensionText(cert, OID.issuerV2)}', expected '${GITHUB_ISSUER}')`);
  if (extensionText(cert, OID.sourceRepositoryUri) !== repositoryUri) {
    throw failed(`Certificate's source repository URI does not match (got '${extensionText(cert, OID.sourceRepositoryUri)}', expected '${repositoryUri}')`);
  }
  const buildConfig = extensionText(cert, OID.buildConfigUri);
  const suffixes = [extensionText(cert, OID.sourceRepositoryDigest), extensionText(cert, OID.sourceRepositoryRef)].filter((s): s is string => s !== undefined);
  if (!suffixes.length) throw failed('Certificate must contain either Source Repository Digest or Source Repository Ref');
  if (!suffixes.some((s) => buildConfig === `${repositoryUri}/.github/workflows/${publisher.workflow}@${s}`)) {
    throw failed(`Certificate's Build Config URI (${buildConfig}) does not match expected Trusted Publisher (${publisher.workflow} @ ${publisher.repository})`);
  }
  let statement: { _type?: string; subject?: Array<{ name?: string; digest?: Record<string, string> }>; predicateType?: string };
  try {
    statement = JSON.parse(Buffer.from(attestation.envelope.statement, 'base64').toString('utf8'));
    if (statement._type !== 'https://in-toto.io/Statement/v1' || !Array.isArray(statement.subject) || typeof statement.predicateType !== 'string') throw new Error('not an in-toto v1 statement');
  } catch (error) {
    throw failed(`invalid statement: ${(error as Error).message}`);
  }
  if (statement.subject.length !== 1) throw failed('too many subjects in statement (must be exactly one)');
  const subject = statement.subject[0]!;
  if (!subject.name) throw failed('invalid subject: missing name');
  let parsedSubject: string;
  try {
    parsedSubject = parseDistFilename(subject.name);
  } catch (error) {
    throw failed(`invalid subject: ${(error as Error).message}`);
  }
  if (parsedSubject !== parseDistFilename(filename)) throw failed(`subject does not match distribution name: ${subject.name} != ${filename}`);
  if (subject.digest?.sha256 !== sha256) throw failed('subject does not match distribution digest');
  if (!SUPPORTED.includes(statement.predicateType)) throw failed(`unknown attestation type: ${statement.predicateType}`);
  return statement.predicateType;
}

/**
 * `IntegrityService.parse_attestations` + `build_provenance`: the provenance to store with the file, or
 * an AttestationUploadError. `publisher` is the trusted publisher that minted the upload token
 * (undefined: an API token).
 */
export function provenanceOfUpload(field: string, publisher: TrustedPublisher | undefined, filename: string, sha256: string, trustedRoot: unknown): Provenance {
  if (!publisher) throw new AttestationUploadError('Attestations are only supported when using Trusted Publishing');
  const attestations = parseAttestations(field);
  if (!attestations.length) throw new AttestationUploadError('Malformed attestations: an empty attestation set is not permitted');
  if (attestations.length > SUPPORTED.length) throw new AttestationUploadError(`A maximum of ${SUPPORTED.length} attestations per file are supported`);
  const seen = new Set<string>();
  for (const attestation of attestations) {
    const predicateType = verifyOne(attestation, publisher, filename, sha256, trustedRoot);
    if (seen.has(predicateType)) throw new AttestationUploadError(`Multiple attestations for the same file with the same predicate type (${predicateType}) are not supported`);
    seen.add(predicateType);
  }
  return {
    version: 1,
    attestation_bundles: [
      { publisher: { kind: 'GitHub', repository: publisher.repository, workflow: publisher.workflow, environment: publisher.environment ?? null, claims: null }, attestations },
    ],
  };
}
