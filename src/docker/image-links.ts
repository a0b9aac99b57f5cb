import type { OutcomeLink } from '../execute/types.js';
import { parseImageName } from '../oci/names.js';

/** Where a person sees the published tags: Docker Hub's tag page, the GitHub package page; none elsewhere. */
export function imageLink(repository: string, githubRepository?: string): OutcomeLink | undefined {
  const { host, path } = parseImageName(repository);
  if (host === 'registry-1.docker.io') {
    const url = path.startsWith('library/') ? `https://hub.docker.com/_/${path.slice('library/'.length)}/tags` : `https://hub.docker.com/r/${path}/tags`;
    return { label: repository, url };
  }
  if (host === 'ghcr.io') {
    const [owner, ...name] = path.split('/');
    const linked = githubRepository && githubRepository.split('/')[0]?.toLowerCase() === owner ? githubRepository : undefined;
    const packageName = encodeURIComponent(name.join('/'));
    // The package page hangs off the repository it is linked to; without one the ref alone is shown.
    return linked ? { label: repository, url: `https://github.com/${linked}/pkgs/container/${packageName}` } : undefined;
  }
  return undefined;
}
