import { join } from 'node:path';
import { checkDigest, pairs, readText, type BuildBackend, type BuildSpec } from './backend.js';

/**
 * `docker buildx build`, pushing by digest only: the tags are written later, by the merge, in an
 * order that never leaves an alias ahead of its version.
 */
export const buildx: BuildBackend = {
  commands(spec: BuildSpec) {
    const metadataFile = join(spec.workDir, `${spec.name}.metadata.json`);
    const argv = ['docker', 'buildx', 'build', '--platform', spec.platforms.join(','), '--file', spec.file];
    if (spec.pull) argv.push('--pull');
    if (spec.cacheScope) {
      // One scope per image and platform: matrix jobs sharing the default scope overwrite each other's cache.
      argv.push('--cache-from', `type=gha,scope=${spec.cacheScope}`, '--cache-to', `type=gha,scope=${spec.cacheScope},mode=max,ignore-error=true`);
    }
    argv.push('--provenance', spec.provenance ? `mode=${spec.provenance}` : 'false', '--sbom', String(spec.sbom));
    argv.push(...pairs('--label', spec.labels));
    argv.push(...pairs('--annotation', spec.annotations, 'manifest:'));
    if (spec.indexAnnotations) argv.push(...pairs('--annotation', spec.annotations, 'index:'));
    // BuildKit takes SOURCE_DATE_EPOCH as a build arg for the config's and history's `created`; given
    // here rather than through the environment so the plan shows it. docker.build-args may override it.
    const epoch: Record<string, string> = spec.sourceDateEpoch !== undefined ? { SOURCE_DATE_EPOCH: String(spec.sourceDateEpoch) } : {};
    argv.push(...pairs('--build-arg', { ...epoch, ...spec.buildArgs }));
    for (const secret of spec.secrets) argv.push('--secret', `id=${secret.id},env=${secret.env}`);
    argv.push('--metadata-file', metadataFile);
    // CSV: the names are quoted because several repositories are joined by commas.
    // rewrite-timestamp clamps the files' times in new layers to SOURCE_DATE_EPOCH (BuildKit 0.13+): a
    // checkout's files carry the checkout's time, which would otherwise make every rebuild's layers new.
    const rewrite = spec.sourceDateEpoch !== undefined ? ',rewrite-timestamp=true' : '';
    argv.push('--output', `type=image,"name=${spec.repositories.join(',')}",push-by-digest=true,name-canonical=true,push=true${rewrite}`);
    argv.push(spec.context);
    return { commands: [argv], digestFile: metadataFile, metadataFile };
  },

  login(host, username) {
    // Docker Hub's login is the CLI's default server; naming `docker.io` would store it under another key.
    return ['docker', 'login', ...(host === 'docker.io' ? [] : [host]), '--username', username, '--password-stdin'];
  },

  logout(host) {
    return ['docker', 'logout', ...(host === 'docker.io' ? [] : [host])];
  },

  readDigest(files) {
    const text = readText(files.digestFile);
    let digest: unknown;
    try {
      digest = (JSON.parse(text) as Record<string, unknown>)['containerimage.digest'];
    } catch {
      digest = undefined;
    }
    return checkDigest(typeof digest === 'string' ? digest : '', `${files.digestFile} (containerimage.digest)`);
  },
};
