import { UserError } from '../errors.js';
import type { Facts } from '../plan/facts.js';

/** Where one platform of a distributed build runs, and why there. */
export interface RunnerChoice {
  runner: string;
  /** The runner's CPU is not the platform's: the build job sets up QEMU (binfmt) before building. */
  qemu: boolean;
  /** One line for the plan: `linux/arm64 → ubuntu-24.04 under QEMU: …`. */
  why: string;
}

/**
 * GitHub-hosted standard runner labels and the platforms their CPU runs natively. GitHub's arm64
 * runners (Cobalt 100, Neoverse N2) have no 32-bit Arm mode, so linux/arm/v7 is emulated there too.
 * A label not listed here (self-hosted, a larger runner) is taken to be native for its platform.
 */
const HOSTED_NATIVE: Readonly<Record<string, readonly string[]>> = {
  'ubuntu-latest': ['linux/amd64', 'linux/386'],
  'ubuntu-24.04': ['linux/amd64', 'linux/386'],
  'ubuntu-22.04': ['linux/amd64', 'linux/386'],
  'ubuntu-24.04-arm': ['linux/arm64', 'linux/arm64/v8'],
  'ubuntu-22.04-arm': ['linux/arm64', 'linux/arm64/v8'],
};
const X64 = 'ubuntu-24.04';
const ARM64 = 'ubuntu-24.04-arm';

/**
 * The runner for one platform of a distributed build. A runner in `docker.runners` wins. Otherwise
 * amd64 builds on `ubuntu-24.04`; arm64 on `ubuntu-24.04-arm` when the repository is public, since
 * GitHub offers its arm64 runners to public repositories only (a private repository's job asking for
 * one is never picked up), and else on `ubuntu-24.04` under QEMU. An event without a repository
 * (a CLI plan) is taken as public.
 */
export function runnerFor(runners: Readonly<Record<string, string>>, platform: string, visibility: Facts['visibility']): RunnerChoice {
  const configured = runners[platform];
  if (configured) {
    const qemu = !(HOSTED_NATIVE[configured] ?? [platform]).includes(platform);
    return { runner: configured, qemu, why: `${platform} → ${configured}${qemu ? ' under QEMU' : ''}: docker.runners` };
  }
  if (platform === 'linux/amd64') return { runner: X64, qemu: false, why: `${platform} → ${X64}: native` };
  if (platform === 'linux/arm64') {
    if (visibility === 'public' || visibility === undefined) {
      const whose = visibility ? 'the repository is public' : 'the event does not say the repository is private';
      return { runner: ARM64, qemu: false, why: `${platform} → ${ARM64}: native; GitHub offers it to public repositories and ${whose}` };
    }
    return {
      runner: X64,
      qemu: true,
      why: `${platform} → ${X64} under QEMU: GitHub offers ${ARM64} to public repositories only and this one is ${visibility} (set docker.runners."${platform}" to an arm64 runner of yours)`,
    };
  }
  throw new UserError(`docker.platforms lists ${platform}, which has no native runner: add it to docker.runners (e.g. "${platform}": ubuntu-24.04 with QEMU), or use docker.mode: single.`);
}
