import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/execute/run.js';
import { createPypiUploadExecutor } from '../../src/python/publish.js';
import { context, fastHttp, pythonPlan, pythonSteps, release, useIndexAndBuiltProject } from './support/harness.js';
import { buildProject, copyProject } from './support/project.js';
import { startPypiIndex, type PypiIndex } from './support/pypi-server.js';

const SDIST = 'tagship-fixture-1.2.3.tar.gz';
const WHEEL = 'tagship_fixture-1.2.3-py3-none-any.whl';
const TOKEN = 'pypi-AgEIcHlwaS5vcmcfixture';

const fixture = useIndexAndBuiltProject();
let index: PypiIndex;
let built: string;
beforeEach(() => {
  ({ index, built } = fixture);
  index.tokens.clear();
  index.tokens.add(TOKEN);
});

const plan = () => pythonPlan('tagship-fixture', '1.2.3', index.uploadUrl);
const bytesOf = (dir: string, name: string) => readFileSync(join(dir, 'dist', name));

/** The upload step alone, reading the files the build left in dist/. */
async function upload(dir: string, options: { token?: string; env?: NodeJS.ProcessEnv; retries?: number } = {}) {
  const p = plan();
  const http = fastHttp(options.retries ?? 5);
  const harness = context(p, dir, { token: 'token' in options ? options.token : TOKEN, env: options.env });
  const run = createPypiUploadExecutor({ http })(pythonSteps(p).upload, harness.ctx);
  return { run, http, ...harness };
}

describe('pypi-upload against a local index speaking the legacy upload API', () => {
  it('builds, then uploads the sdist and the wheel with their metadata, and links them in the summary', async () => {
    const dir = copyProject(built);
    const { report } = await release(plan(), dir, { token: TOKEN, http: fastHttp() });
    expect(report.failed).toBeUndefined();
    const outcome = report.outcomes.find((o) => o.id === 'pypi-upload')!;
    const host = new URL(index.url).host;
    expect(outcome.status).toBe('done');
    expect(outcome.detail).toBe(`tagship-fixture 1.2.3 on ${host} (token): uploaded ${WHEEL}, ${SDIST}`);
    expect(outcome.links).toEqual([
      { label: WHEEL, url: `${index.url}/project/tagship-fixture/1.2.3/#files` },
      { label: SDIST, url: `${index.url}/project/tagship-fixture/1.2.3/#files` },
    ]);
    expect([...index.files.keys()]).toEqual([WHEEL, SDIST]);
    expect(index.files.get(SDIST)!.bytes.equals(bytesOf(dir, SDIST))).toBe(true);
    const wheel = index.files.get(WHEEL)!.form;
    expect(wheel).toMatchObject({
      name: ['tagship-fixture'],
      version: ['1.2.3'],
      filetype: ['bdist_wheel'],
      pyversion: ['py3'],
      summary: ['A tiny package tagship uploads in its tests'],
      requires_python: ['>=3.8'],
      classifiers: ['Programming Language :: Python :: 3', 'License :: OSI Approved :: MIT License'],
      description_content_type: ['text/markdown'],
      project_urls: ['Homepage, https://example.org/tagship'],
    });
    expect(wheel.description![0]).toContain('A fixture for tagship');
    expect(index.files.get(SDIST)!.form.pyversion).toEqual(['source']);
  }, 60_000);

  it('a re-run finds both files on the index and uploads nothing (no credentials needed)', async () => {
    const dir = copyProject(built);
    await (await upload(dir)).run;
    const uploads = index.counts.uploads;
    const again = await upload(dir, { token: undefined });
    await expect(again.run).resolves.toMatchObject({ status: 'unchanged', detail: `tagship-fixture 1.2.3 is already on ${new URL(index.url).host}: ${WHEEL}, ${SDIST}` });
    expect(index.counts.uploads).toBe(uploads);
  });

  it('refuses before uploading anything when the index has a file of that name with other bytes', async () => {
    const dir = copyProject(built);
    await (await upload(dir)).run;
    index.files.delete(WHEEL);
    const sdist = index.files.get(SDIST)!;
    index.files.set(SDIST, { ...sdist, sha256: '0'.repeat(64) });
    const before = index.counts.uploads;
    await expect((await upload(dir)).run).rejects.toThrow(
      `${SDIST} is already on ${new URL(index.url).host} with different contents; PyPI never accepts changed files under an existing name: release a new version`,
    );
    expect(index.counts.uploads).toBe(before);
    expect(index.files.has(WHEEL)).toBe(false);
  });

  it('a re-run that rebuilds: the sdist differs only in timestamps, so the published one is kept and nothing is uploaded', async () => {
    const dir = copyProject(built);
    const first = await release(plan(), dir, { token: TOKEN, http: fastHttp() });
    expect(first.report.failed).toBeUndefined();
    const published = index.files.get(SDIST)!.bytes;
    // Another second on the clock: the rebuilt sdist's member timestamps change (the wheel's come from SOURCE_DATE_EPOCH).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const uploads = index.counts.uploads;
    const again = await release(plan(), dir, { token: TOKEN, http: fastHttp() });
    expect(again.report.failed).toBeUndefined();
    const host = new URL(index.url).host;
    expect(again.lines.join('\n')).toContain(`= ${SDIST}: rebuilt with new timestamps, same files as on ${host}; kept the published one in dist/`);
    expect(again.report.outcomes.find((o) => o.id === 'pypi-upload')).toMatchObject({ status: 'unchanged', detail: `tagship-fixture 1.2.3 is already on ${host}: ${WHEEL}, ${SDIST}` });
    expect(bytesOf(dir, SDIST).equals(published)).toBe(true);
    expect(index.counts.uploads).toBe(uploads);
  }, 60_000);

  it('a rebuilt sdist with other files under the published name is refused, and left as built', async () => {
    const dir = copyProject(built);
    await (await upload(dir)).run;
    index.files.delete(WHEEL);
    writeFileSync(join(dir, 'tagship_fixture', 'extra.py'), 'X = 1\n');
    buildProject(dir);
    const rebuilt = bytesOf(dir, SDIST);
    await expect((await upload(dir)).run).rejects.toThrow(`${SDIST} is already on ${new URL(index.url).host} with different contents`);
    expect(bytesOf(dir, SDIST).equals(rebuilt)).toBe(true);
    expect(index.files.has(WHEEL)).toBe(false);
  }, 60_000);

  it('treats the upload answer "File already exists" as the same check when the JSON API lags behind', async () => {
    const dir = copyProject(built);
    await (await upload(dir)).run;
    // Rebuilt with other bytes (a later build of the same version), while the JSON API shows nothing yet.
    writeFileSync(join(dir, 'tagship_fixture', 'extra.py'), 'X = 1\n');
    buildProject(dir);
    index.staleJsonAnswers = 1;
    const error = await (await upload(dir)).run.catch((e: Error) => e);
    expect(String(error)).toMatch(`Uploading ${WHEEL} failed: ${WHEEL} is already on ${new URL(index.url).host} with different contents; PyPI never accepts changed files`);
    expect(String(error)).toMatch(`not uploaded: ${WHEEL}, ${SDIST}. Re-running resumes`);
    expect(index.counts.stored).toBe(2);
  }, 60_000);

  it('gets through 500, 503, 429 (honouring Retry-After) and connection resets, storing each file once', async () => {
    const dir = copyProject(built);
    index.faults = [500, 'reset', 429, 503, 'reset'];
    const { run, http } = await upload(dir);
    await expect(run).resolves.toMatchObject({ status: 'done' });
    expect(index.counts).toMatchObject({ stored: 2, uploads: 7 });
    expect(http.sleeps).toContain(1000);
    expect([...index.files.keys()]).toEqual([WHEEL, SDIST]);
  });

  it('a connection cut after the index stored the file: the retry is taken as the same file, stored once', async () => {
    const dir = copyProject(built);
    index.faults = ['reset-after-store'];
    await expect((await upload(dir)).run).resolves.toMatchObject({ detail: expect.stringContaining(`uploaded ${WHEEL}, ${SDIST}`) });
    expect(index.counts).toMatchObject({ stored: 2, uploads: 3 });
  });

  it('a run cut off half-way says what is up and what is not; running again completes without duplicates', async () => {
    const dir = copyProject(built);
    index.onStored = () => (index.down = true);
    const first = await release(plan(), dir, { token: TOKEN, http: fastHttp(2) });
    index.onStored = undefined;
    const message = describeFailure(first.report);
    expect(message).toMatch(`pypi-upload failed: Uploading ${SDIST} failed: POST ${index.uploadUrl} failed after 3 attempts:`);
    expect(message).toMatch(`On ${new URL(index.url).host} now: ${WHEEL}; not uploaded: ${SDIST}. Re-running resumes`);
    expect(message).toMatch('Done before it: python-build.');
    expect([...index.files.keys()]).toEqual([WHEEL]);

    index.down = false;
    const second = await release(plan(), dir, { token: TOKEN, http: fastHttp(2) });
    expect(second.report.failed).toBeUndefined();
    expect(second.report.outcomes.find((o) => o.id === 'pypi-upload')!.detail).toMatch(`uploaded ${SDIST}; already there: ${WHEEL}`);
    expect(index.counts.stored).toBe(2);
  }, 60_000);

  it('an upload whose answer is lost after the index stored it: the failure line reads the index again and names the file as on it', async () => {
    const dir = copyProject(built);
    index.faults = ['reset-after-store'];
    index.onStored = () => (index.down = true);
    const error = await (await upload(dir, { retries: 2 })).run.catch((e: Error) => e);
    index.onStored = undefined;
    expect(String(error)).toMatch(`Uploading ${WHEEL} failed: POST ${index.uploadUrl} failed after 3 attempts:`);
    expect(String(error)).toMatch(`On ${new URL(index.url).host} now: ${WHEEL}; not uploaded: ${SDIST}. Re-running resumes`);
    expect([...index.files.keys()]).toEqual([WHEEL]);
  });

  it('when the index cannot be asked after the failure either, the failed file is named as unknown, not as absent', async () => {
    const dir = copyProject(built);
    index.faults = ['reset-after-store'];
    index.onStored = () => ((index.down = true), (index.jsonDown = true));
    const error = await (await upload(dir, { retries: 2 })).run.catch((e: Error) => e);
    index.onStored = undefined;
    expect(String(error)).toMatch(
      `On ${new URL(index.url).host} now: none of this release’s files; unknown (the index could not be asked after the failure): ${WHEEL}; not uploaded: ${SDIST}. Re-running resumes`,
    );
  });

  it('a stalled upload fails after the idle timeout with how far it got, and the retry goes through', async () => {
    const dir = copyProject(built);
    index.faults = ['stall'];
    const p = plan();
    const http = fastHttp();
    http.retry = { ...http.retry, idleTimeoutMs: 200 };
    const { ctx, lines } = context(p, dir, { token: TOKEN });
    await expect(createPypiUploadExecutor({ http })(pythonSteps(p).upload, ctx)).resolves.toMatchObject({ status: 'done' });
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${index.uploadUrl}: (upload stalled: no progress|the whole body \\(.*\\) was sent, then no answer) .*0\\.2 s.*; retrying in`)));
    expect(index.counts.stored).toBe(2);
  });

  it('a wrong token fails at the first file, says which credentials were used, and publishes nothing', async () => {
    const dir = copyProject(built);
    const error = await (await upload(dir, { token: 'pypi-wrong' })).run.catch((e: Error) => e);
    expect(String(error)).toMatch(
      `Uploading ${WHEEL} failed: ${new URL(index.url).host} refused the upload of ${WHEEL} (HTTP 403: Invalid or non-existent authentication information. See http://localhost/help/#invalid-auth for more information.). It was made with the API token from the 'pypi-token' input (check it is a current token scoped to this project on this index).`,
    );
    expect(index.counts).toMatchObject({ uploads: 1, stored: 0 });
  });

  it('without trusted publishing or a token: one error naming both ways', async () => {
    const dir = copyProject(built);
    await expect((await upload(dir, { token: undefined })).run).rejects.toThrow(
      `No credentials for ${index.url}: give the job \`permissions: id-token: write\` and configure this repository as a trusted publisher of the project on the index, or pass an API token in the 'pypi-token' input.`,
    );
    expect(index.counts.uploads).toBe(0);
  });

  it('an index that does not answer: a clear error before anything is uploaded', async () => {
    const closed = await startPypiIndex();
    await closed.close();
    const p = pythonPlan('tagship-fixture', '1.2.3', closed.uploadUrl);
    const error = await createPypiUploadExecutor({ http: fastHttp(1) })(pythonSteps(p).upload, context(p, copyProject(built), { token: TOKEN }).ctx).catch((e: Error) => e);
    expect(String(error)).toMatch(new RegExp(`^UserError: Cannot reach ${closed.url} \\(GET ${closed.url}/pypi/tagship-fixture/1\\.2\\.3/json failed after 2 attempts: ECONNREFUSED\\); nothing was uploaded\\. Re-run when the index answers\\.$`));
  });
});
