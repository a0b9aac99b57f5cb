/**
 * Image names as users write them in `docker.images`, checked against the reference grammar of the
 * OCI distribution spec (what `docker push` accepts) and written out in full: `acme/app` is
 * `docker.io/acme/app`, `app` is `docker.io/library/app`.
 */

/** A path component: lower-case letters and digits, joined by `.`, `_`, `__` or runs of `-`. */
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** A registry host, optionally with a port. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-f:]+\](?::[0-9]+)?$/;

/** Why `name` is not an image name (the rule it breaks), or undefined when it is one. */
export function imageNameProblem(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (!lower.trim()) return 'an image name cannot be empty';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(lower)) return 'an image name has no scheme: drop the "http://" or "https://" prefix';
  if (lower.includes('@')) return 'a digest does not belong in the image name: tagship pushes the image and picks its digest';
  if (/\s/.test(lower)) return 'an image name cannot contain spaces';
  const parts = lower.split('/');
  if (parts.some((part) => part === '')) return 'an image name cannot have empty path components ("//", or a leading or trailing "/")';
  const [first, ...rest] = parts;
  const host = rest.length && isHost(first!) ? first! : undefined;
  const path = host ? rest : parts;
  const tagged = path.find((part) => part.includes(':'));
  if (tagged) return `a tag does not belong in the image name (":${tagged.split(':')[1]}"): list tags in docker.tags`;
  if (host && !HOST.test(host)) return `registry host ${JSON.stringify(host)} is not a host name (letters, digits, "-", ".", optional ":port")`;
  const bad = path.find((part) => !COMPONENT.test(part));
  if (bad) return `path component ${JSON.stringify(bad)} must be lower-case letters and digits, separated by ".", "_", "__" or "-" (not at either end)`;
  if (lower.length > 255) return 'an image name is at most 255 characters';
  return undefined;
}

/** `docker.io/acme/app` for `acme/app` or `Acme/App`; assumes `imageNameProblem(name)` is undefined. */
export function canonicalImageName(name: string): string {
  const lower = name.toLowerCase();
  const parts = lower.split('/');
  if (parts.length > 1 && isHost(parts[0]!)) {
    const host = parts[0] === 'index.docker.io' || parts[0] === 'registry-1.docker.io' ? 'docker.io' : parts[0]!;
    return host === 'docker.io' && parts.length === 2 ? `docker.io/library/${parts[1]}` : [host, ...parts.slice(1)].join('/');
  }
  return parts.length === 1 ? `docker.io/library/${lower}` : `docker.io/${lower}`;
}

/** The registry host of a canonical name. */
export function registryHost(canonical: string): string {
  return canonical.split('/')[0]!;
}

/** Docker's rule: the first component names a registry when it has a `.` or a `:`, or is `localhost`. */
function isHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}
