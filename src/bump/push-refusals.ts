/**
 * What a refused `git push --atomic --porcelain` of a release commit and its tag means, as one line.
 * Pure: reads git's output only.
 *
 * The wording matched is GitHub's own, as its users see it in workflow logs:
 *   remote: error: GH006: Protected branch update failed for refs/heads/main.
 *   remote: - Changes must be made through a pull request.        (older: `remote: error: Changes must …`)
 *    ! [remote rejected] main -> main (protected branch hook declined)
 *   remote: error: GH013: Repository rule violations found for refs/heads/main.
 *   remote: Review all repository rules at https://github.com/o/r/rules?ref=refs%2Fheads%2Fmain
 *    ! [remote rejected] HEAD -> main (push declined due to repository rule violations)
 *   remote: Permission to o/r.git denied to github-actions[bot].
 *   fatal: unable to access 'https://github.com/o/r/': The requested URL returned error: 403
 * and git's own for a ref it refuses before sending anything: `[rejected] (fetch first)` /
 * `(non-fast-forward)` for a branch that moved, `(already exists)` for a tag.
 */
export interface PushOutput {
  branch: string;
  tag: string;
  /** How to name the remote in the message (`owner/name`, or `origin`). */
  remote: string;
  stdout: string;
  stderr: string;
}

const NOTHING_PUSHED = 'nothing was pushed (the push is atomic)';

export function describePushRefusal(output: PushOutput): string {
  const { branch, tag, remote } = output;
  const remoteLines = output.stderr.split(/\r?\n/).filter((line) => line.startsWith('remote:'));
  const refs = porcelainRefs(output.stdout);

  const protectedBranch = githubRefusal(remoteLines, 'GH006');
  if (protectedBranch) {
    return (
      `GitHub refused the push to ${describeRef(protectedBranch.ref ?? `refs/heads/${branch}`)}: it is a protected branch (GH006${rulesText(protectedBranch.rules)}); ${NOTHING_PUSHED}. ` +
      `Let the release push there (allow github-actions[bot] in the branch protection, or drop "Require a pull request" for it), or run the one-click release with a token that may bypass the protection (docs/one-click.md).`
    );
  }
  const rulesets = githubRefusal(remoteLines, 'GH013');
  if (rulesets) {
    return (
      `GitHub's repository rules refused the push to ${describeRef(rulesets.ref ?? `refs/heads/${branch}`)} (GH013${rulesText(rulesets.rules)}); ${NOTHING_PUSHED}. ` +
      `Add the pusher (the GitHub Actions app, or the app whose token the release uses) to the ruleset's bypass list, or release from a branch the rules allow (docs/one-click.md).`
    );
  }
  const tagRef = refs.get(`refs/tags/${tag}`);
  if (tagRef?.reason === 'already exists') {
    return `Tag ${tag} already exists on ${remote} (another run or a person made it); ${NOTHING_PUSHED}. Bump to a higher version, or delete that tag on ${remote} if it was made by mistake.`;
  }
  const branchRef = refs.get(`refs/heads/${branch}`);
  if (branchRef && /fetch first|non-fast-forward|stale info/.test(branchRef.reason)) {
    return `Branch ${branch} on ${remote} has commits this run does not have (someone pushed while the release was made); ${NOTHING_PUSHED}. Run the release again: it bumps from the new tip.`;
  }
  const text = output.stderr;
  if (/returned error: 403|Permission to \S+ denied/i.test(text)) {
    const who = /Permission to \S+ denied to (\S+?)\.?\s*$/m.exec(text)?.[1];
    return (
      `The token may not push to ${remote} (HTTP 403${who ? `, denied to ${who}` : ''}); ${NOTHING_PUSHED}. ` +
      `Give the job \`permissions: contents: write\` (and, where the organisation limits workflow tokens to read, allow "Read and write permissions" in its Actions settings).`
    );
  }
  if (/returned error: 401|Authentication failed|could not read Username|Invalid username or (password|token)/i.test(text)) {
    return remote === 'origin'
      ? `origin asked for credentials git does not have; ${NOTHING_PUSHED}. Configure a credential helper or an SSH remote that may push, then run again with --push.`
      : `${remote} refused the token (HTTP 401); ${NOTHING_PUSHED}. Pass the job's token (github-token: \${{ secrets.GITHUB_TOKEN }}) or a valid one with contents: write.`;
  }
  const refused = [...refs.values()].filter((ref) => ref.reason && ref.reason !== 'atomic push failed' && ref.reason !== 'atomic transaction failed');
  const why = [
    ...refused.map((ref) => `${describeRef(ref.to)}: ${ref.summary}${ref.reason ? ` (${ref.reason})` : ''}`),
    ...remoteLines.map((line) => line.replace(/^remote:\s*/, '').trim()).filter(Boolean),
    ...output.stderr.split(/\r?\n/).filter((line) => /^(fatal|error):/.test(line) && !/failed to push some refs/.test(line)),
  ];
  return `git push of ${branch} and tag ${tag} to ${remote} failed${why.length ? `: ${oneLine(why.slice(0, 6).join(' | '))}` : ''}; ${NOTHING_PUSHED}. Fix what it names and run the release again.`;
}

interface RefStatus {
  to: string;
  summary: string;
  reason: string;
}

/** `--porcelain` lines: `<flag>\t<from>:<to>\t<summary> (<reason>)`. */
function porcelainRefs(stdout: string): Map<string, RefStatus> {
  const refs = new Map<string, RefStatus>();
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^(.)\t([^\t]*):([^\t]+)\t(.*)$/.exec(line);
    if (!match) continue;
    const status = match[4]!;
    const reason = /\(([^)]*)\)\s*$/.exec(status)?.[1] ?? '';
    refs.set(match[3]!, { to: match[3]!, summary: status.replace(/\s*\([^)]*\)\s*$/, ''), reason: match[1] === '!' ? reason : '' });
  }
  return refs;
}

/** The `remote: error: GHnnn: … for refs/…` block: the ref and the rules listed under it. */
function githubRefusal(lines: readonly string[], code: string): { ref?: string; rules: string[] } | undefined {
  const start = lines.findIndex((line) => line.includes(`${code}:`));
  if (start < 0) return undefined;
  const ref = /for (refs\/\S+?)\.?\s*$/.exec(lines[start]!)?.[1];
  const rules: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const text = line.replace(/^remote:\s*/, '').replace(/^error:\s*/, '').trim();
    if (/^GH\d{3}:/.test(text)) break;
    if (!text || /^Review all repository rules at/i.test(text) || /^Resolving deltas/.test(text)) continue;
    rules.push(text.replace(/^-\s*/, '').replace(/\s*Visit https?:\S+ for more information\.?$/, ''));
  }
  return { ...(ref ? { ref } : {}), rules };
}

function rulesText(rules: readonly string[]): string {
  return rules.length ? `: ${oneLine(rules.slice(0, 3).join(' '))}` : '';
}

function describeRef(ref: string): string {
  if (ref.startsWith('refs/heads/')) return `branch ${ref.slice('refs/heads/'.length)}`;
  if (ref.startsWith('refs/tags/')) return `tag ${ref.slice('refs/tags/'.length)}`;
  return ref;
}

/** Remote text is the server's: one line, bounded. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}
