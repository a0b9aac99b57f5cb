/** Where an image lives: the registry's API host and the repository path inside it. */
export interface ImageName {
  /** Host (and port) of the registry's API: `registry-1.docker.io`, `ghcr.io`, `127.0.0.1:5000`. */
  host: string;
  /** The path inside the registry, `library/` added for Docker Hub's official images. */
  path: string;
}

/** `docker.io/acme/app` → registry-1.docker.io + acme/app; `ghcr.io/acme/app`; `127.0.0.1:5000/app`. */
export function parseImageName(repository: string): ImageName {
  const [first, ...rest] = repository.split('/');
  const hasHost = rest.length > 0 && (first!.includes('.') || first!.includes(':') || first === 'localhost');
  const host = hasHost ? first!.toLowerCase() : 'docker.io';
  let path = hasHost ? rest.join('/') : repository;
  if (host === 'docker.io' || host === 'index.docker.io' || host === 'registry-1.docker.io') {
    if (!path.includes('/')) path = `library/${path}`;
    return { host: 'registry-1.docker.io', path };
  }
  return { host, path };
}

/** Loopback registries (a local `registry:2`, tests) speak plain HTTP; everything else HTTPS. */
export function registryBase(host: string): string {
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return name === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '[::1]';
}

/** `repo:tag` or `repo@sha256:…`, as a user would write it. */
export function describeReference(repository: string, reference: string): string {
  return reference.includes(':') ? `${repository}@${reference}` : `${repository}:${reference}`;
}
