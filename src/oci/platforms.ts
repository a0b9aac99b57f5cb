/** The platform fields of an index entry or an image config. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** `linux/arm64/v8` is how registries often spell plain `linux/arm64`; attestations are `unknown/unknown` (none). */
export function platformName(platform: Platform | undefined): string | undefined {
  if (!platform || platform.os === 'unknown' || !platform.os || !platform.architecture) return undefined;
  const variant = platform.architecture === 'arm64' && platform.variant === 'v8' ? undefined : platform.variant;
  return `${platform.os}/${platform.architecture}${variant ? `/${variant}` : ''}`;
}

export function normalizePlatform(platform: string): string {
  return platform.replace(/^linux\/arm64\/v8$/, 'linux/arm64');
}
