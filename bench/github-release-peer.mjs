// The peer for bench/github-release.bench.mjs: the smallest client that makes the same release by
// hand with Node's fetch (list, create a draft, upload each file, publish), without retries, rate
// limits, a changelog or a second look. What a release costs at the least.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const api = process.env.GITHUB_API_URL;
const repo = process.env.GITHUB_REPOSITORY;
const tag = process.env.GITHUB_REF.replace('refs/tags/', '');
const headers = { authorization: `token ${process.env.TOKEN}`, accept: 'application/vnd.github+json' };
const json = async (response) => {
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
};
const existing = (await json(await fetch(`${api}/repos/${repo}/releases?per_page=100`, { headers }))).find((r) => r.tag_name === tag);
if (existing) process.exit(0);
const release = await json(
  await fetch(`${api}/repos/${repo}/releases`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ tag_name: tag, name: tag, body: `Release ${tag}`, draft: true }),
  }),
);
const dist = join(process.env.GITHUB_WORKSPACE, 'dist');
for (const name of readdirSync(dist)) {
  const data = readFileSync(join(dist, name));
  const url = release.upload_url.replace('{?name,label}', `?name=${encodeURIComponent(name)}`);
  await json(await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: data }));
}
await json(
  await fetch(`${api}/repos/${repo}/releases/${release.id}`, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ draft: false, make_latest: 'true' }),
  }),
);
