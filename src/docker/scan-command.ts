import type { RegistryCredentials } from '../oci/credentials.js';

/**
 * The exact command lines of the two scanners tagship knows, and how each is given a registry login.
 * Both read the image straight from the registry by digest (no daemon, no pull into the runner's
 * store) and write SARIF to a file; neither is asked to fail on findings (both exit 0 by default):
 * tagship counts the findings itself, so the threshold, the summary and the error line are the same
 * whichever scanner ran.
 */

export type ScannerName = 'trivy' | 'grype';

export interface ScanTarget {
  /** `registry/namespace/name`. */
  repository: string;
  digest: string;
  /** Set when the digest is an index holding several platforms (single mode): which one to scan. */
  platform?: string;
  sarifFile: string;
}

/**
 * Trivy (docs/guide/references/configuration/cli/trivy_image.md): `--image-src remote` reads the
 * registry only (its default tries the Docker daemon, containerd and podman first), `--scanners vuln`
 * leaves out the secret scan, which is about source trees; `--exit-code 0` is its default, said
 * out loud. Grype (cmd/grype/cli/commands/root.go): the `registry:` scheme reads the registry without
 * a container runtime; `-o sarif=FILE` writes the report to FILE; without `--fail-on` it exits 0.
 */
export function scanArgv(scanner: ScannerName, target: ScanTarget): string[] {
  const ref = `${target.repository}@${target.digest}`;
  const platform = target.platform ? ['--platform', target.platform] : [];
  if (scanner === 'trivy') {
    return ['trivy', 'image', '--format', 'sarif', '--output', target.sarifFile, '--image-src', 'remote', '--scanners', 'vuln', '--exit-code', '0', '--quiet', ...platform, ref];
  }
  return ['grype', `registry:${ref}`, '-o', `sarif=${target.sarifFile}`, '--quiet', ...platform];
}

/**
 * The login as the variables each scanner documents: Trivy's `TRIVY_USERNAME` / `TRIVY_PASSWORD`
 * (docs/guide/advanced/private-registries), Grype's `GRYPE_REGISTRY_AUTH_*` (cmd/grype/cli/options/
 * registry.go), whose authority is the registry as go-containerregistry names it: Docker Hub is
 * `index.docker.io`. No login: neither is set, and the scanner falls back to the Docker config.
 */
export function scannerLoginEnv(scanner: ScannerName, host: string, login: RegistryCredentials | undefined): Record<string, string> {
  if (!login) return {};
  if (scanner === 'trivy') return { TRIVY_USERNAME: login.username, TRIVY_PASSWORD: login.password };
  return {
    GRYPE_REGISTRY_AUTH_AUTHORITY: host === 'docker.io' ? 'index.docker.io' : host,
    GRYPE_REGISTRY_AUTH_USERNAME: login.username,
    GRYPE_REGISTRY_AUTH_PASSWORD: login.password,
  };
}
