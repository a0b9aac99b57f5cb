/**
 * GitHub's refusals as workflow logs show them (remote lines verbatim, including the padding GitHub
 * leaves after each one), with the ref lines as `--porcelain` prints them.
 */
import { describe, expect, test } from 'vitest';
import { describePushRefusal } from '../../src/bump/push-refusals.js';

const pad = '        ';
function output(stderr: string[], porcelain: string[]) {
  return { branch: 'main', tag: 'v0.80.0', remote: 'code-pushup/cli', stderr: stderr.join('\n') + '\n', stdout: ['To https://github.com/code-pushup/cli', ...porcelain, 'Done'].join('\n') + '\n' };
}

describe("GitHub's wording", () => {
  test('GH006 with an atomic tag (the tag line says "atomic transaction failed")', () => {
    const line = describePushRefusal(
      output(
        [`remote: error: GH006: Protected branch update failed for refs/heads/main.${pad}`, 'remote: ', `remote: - Changes must be made through a pull request.${pad}`, "error: failed to push some refs to 'https://github.com/code-pushup/cli'"],
        ['!\tHEAD:refs/heads/main\t[remote rejected] (protected branch hook declined)', '!\trefs/tags/v0.80.0:refs/tags/v0.80.0\t[remote rejected] (atomic transaction failed)'],
      ),
    );
    expect(line).toMatch(/^GitHub refused the push to branch main: it is a protected branch \(GH006: Changes must be made through a pull request\.\); nothing was pushed \(the push is atomic\)\./);
  });

  test("GH006 in the older form (rules as `error:` lines) and with the docs link GitHub appends", () => {
    const line = describePushRefusal(
      output(
        [
          'remote: error: GH006: Protected branch update failed for refs/heads/master.',
          'remote: error: Changes must be made through a pull request. Required status check "Build" is expected.',
          "remote: - You're not authorized to push to this branch. Visit https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/about-protected-branches for more information.",
        ],
        ['!\tHEAD:refs/heads/master\t[remote rejected] (protected branch hook declined)'],
      ),
    );
    expect(line).toContain('branch master: it is a protected branch (GH006: Changes must be made through a pull request. Required status check "Build" is expected. You\'re not authorized to push to this branch.)');
  });

  test('GH013 with the review link', () => {
    const line = describePushRefusal(
      output(
        [
          `remote: error: GH013: Repository rule violations found for refs/heads/main.${pad}`,
          `remote: Review all repository rules at https://github.com/code-pushup/cli/rules?ref=refs%2Fheads%2Fmain${pad}`,
          'remote: ',
          `remote: - Changes must be made through a pull request.${pad}`,
          'remote: ',
        ],
        ['!\tHEAD:refs/heads/main\t[remote rejected] (push declined due to repository rule violations)'],
      ),
    );
    expect(line).toMatch(/^GitHub's repository rules refused the push to branch main \(GH013: Changes must be made through a pull request\.\); nothing was pushed/);
  });

  test("403 for a read-only GITHUB_TOKEN", () => {
    const line = describePushRefusal(
      output(['remote: Permission to code-pushup/cli.git denied to github-actions[bot].', "fatal: unable to access 'https://github.com/code-pushup/cli/': The requested URL returned error: 403"], []),
    );
    expect(line).toMatch(/^The token may not push to code-pushup\/cli \(HTTP 403, denied to github-actions\[bot\]\)/);
  });

  test('anything else names git\'s own reasons, bounded to one line', () => {
    const line = describePushRefusal(output(['remote: error: refusing to allow a GitHub App to create or update workflow `.github/workflows/x.yml` without `workflows` permission'], ['!\tHEAD:refs/heads/main\t[remote rejected] (refusing to allow a GitHub App to create or update workflow `.github/workflows/x.yml` without `workflows` permission)']));
    expect(line).toMatch(/^git push of main and tag v0\.80\.0 to code-pushup\/cli failed: branch main: \[remote rejected\] \(refusing to allow a GitHub App/);
    expect(line).not.toContain('\n');
  });
});
