import { join } from 'node:path';
import { checkDigest, DIGEST_PLACEHOLDER, pairs, readText, type BuildBackend, type BuildSpec } from './backend.js';

/**
 * `buildah build` into a local manifest list, written out as an OCI layout (which gives its digest),
 * then copied to each repository by that digest with skopeo. buildah cannot push a list without a
 * tag (it would write `latest`), and skopeo can push to `repo@digest`. No daemon, no gha cache, no
 * attestations (buildah has no provenance or SBOM flags of that kind).
 */
export const buildah: BuildBackend = {
  commands(spec: BuildSpec) {
    const list = `localhost/tagship-${spec.name}`;
    const layout = join(spec.workDir, `${spec.name}.oci`);
    const digestFile = join(spec.workDir, `${spec.name}.digest`);
    const build = ['buildah', 'build', '--platform', spec.platforms.join(','), '--manifest', list, '--file', spec.file];
    // The layer cache ignores the platform in buildah 1.28 (Debian 12): a multi-platform build with
    // --layers reuses the first platform's image for the others, and the list ends up with one entry.
    if (spec.platforms.length === 1) build.push('--layers');
    build.push(spec.pull ? '--pull=true' : '--pull=false');
    // buildah 1.28's SOURCE_DATE_EPOCH: the image's `created`, its history and the new layers' file times.
    if (spec.sourceDateEpoch !== undefined) build.push('--timestamp', String(spec.sourceDateEpoch));
    build.push(...pairs('--build-arg', spec.buildArgs));
    for (const secret of spec.secrets) build.push('--secret', `id=${secret.id},env=${secret.env}`);
    build.push(...pairs('--label', spec.labels));
    build.push(...pairs('--annotation', spec.annotations));
    build.push(spec.context);
    const save = ['buildah', 'manifest', 'push', '--all', '--digestfile', digestFile, list, `oci:${layout}`];
    const copies = spec.repositories.map((repository) => ['skopeo', 'copy', '--all', '--preserve-digests', `oci:${layout}`, `docker://${repository}@${DIGEST_PLACEHOLDER}`]);
    return { commands: [build, save, ...copies], digestFile };
  },

  login(host, username) {
    return ['buildah', 'login', '--username', username, '--password-stdin', host];
  },

  logout(host) {
    return ['buildah', 'logout', host];
  },

  readDigest(files) {
    return checkDigest(readText(files.digestFile), files.digestFile);
  },
};
