import { createHash, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { canonicalize } from '@tufjs/canonical-json';
import { json, listen, send } from './http.js';

export interface TufRepository {
  /** The repository's base URL (the TUF mirror). */
  url: string;
  /** Its root.json, the one a client pins. */
  root: unknown;
  /** Target files served, by name; change one after start to serve content the metadata does not sign. */
  targets: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A TUF repository over HTTP, as Sigstore and GitHub publish their trusted roots (tuf-repo-cdn.sigstore.dev,
 * tuf-repo.github.com): root, timestamp, snapshot and targets metadata signed with one ed25519 key
 * (TUF spec 1.0, no consistent snapshots), and the target files under /targets/.
 */
export async function startTufRepository(targets: Record<string, string>): Promise<TufRepository> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('hex');
  const key = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: raw } };
  const keyid = createHash('sha256').update(canonicalize(key)).digest('hex');
  const expires = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const common = { spec_version: '1.0.31', version: 1, expires };
  const signed = (body: object) => ({ signed: body, signatures: [{ keyid, sig: cryptoSign(null, Buffer.from(canonicalize(body)), privateKey).toString('hex') }] });
  const role = { keyids: [keyid], threshold: 1 };
  const root = signed({ _type: 'root', ...common, keys: { [keyid]: key }, roles: { root: role, timestamp: role, snapshot: role, targets: role }, consistent_snapshot: false });
  const served = { ...targets };
  const targetsMeta = signed({
    _type: 'targets',
    ...common,
    targets: Object.fromEntries(
      Object.entries(targets).map(([name, content]) => [name, { length: Buffer.byteLength(content), hashes: { sha256: createHash('sha256').update(content).digest('hex') } }]),
    ),
  });
  const snapshot = signed({ _type: 'snapshot', ...common, meta: { 'targets.json': { version: 1 } } });
  const timestamp = signed({ _type: 'timestamp', ...common, meta: { 'snapshot.json': { version: 1 } } });
  const metadata: Record<string, unknown> = { '1.root.json': root, 'root.json': root, 'timestamp.json': timestamp, 'snapshot.json': snapshot, 'targets.json': targetsMeta };
  const server = await listen((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname.slice(1));
    if (path.startsWith('targets/') && served[path.slice('targets/'.length)] !== undefined) return send(res, 200, served[path.slice('targets/'.length)]!);
    if (metadata[path] !== undefined) return json(res, 200, metadata[path]);
    json(res, 404, { message: 'not found' });
  });
  return { url: server.url, root, targets: served, close: server.close };
}
