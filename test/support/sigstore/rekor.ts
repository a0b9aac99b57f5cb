/**
 * Rekor's v1 API (POST /api/v1/log/entries, GET /api/v1/log/entries/<uuid>): entries canonicalized as Rekor
 * does, one entry per body (a duplicate is a 409 naming it), logged by @sigstore/mock's transparency log.
 */
import { createHash, verify as cryptoVerify, X509Certificate, type KeyObject } from 'node:crypto';
import { initializeTLog, rekorHandler } from '@sigstore/mock';
import { json, listen, readBody, send, withFaults, type Fault } from './http.js';

export async function startRekor(keyPair: { publicKey: KeyObject; privateKey: KeyObject }, faults: Fault[], counts: { entries: number }) {
  const entries = new Map<string, string>();
  const entryByBody = new Map<string, string>();
  // The base URL is known only once the server listens; the log embeds it in entries.
  let rekorFn: ((body: string) => ReturnType<ReturnType<typeof rekorHandler>['fn']>) | undefined;
  const server = await listen(
    withFaults(faults, async (req, res) => {
      const stored = req.method === 'GET' && req.url?.startsWith('/api/v1/log/entries/') ? entries.get(req.url.slice('/api/v1/log/entries/'.length)) : undefined;
      if (stored) return send(res, 200, stored);
      if (req.method !== 'POST' || req.url !== '/api/v1/log/entries') return json(res, 404, { code: 404, message: 'Not Found' });
      const canonical = canonicalDsseEntry(await readBody(req));
      if ('error' in canonical) return json(res, 400, { code: 400, message: canonical.error });
      // Rekor keeps one entry per canonical body: the same one again is a 409 naming the entry.
      const existing = entryByBody.get(canonical.body);
      if (existing) {
        res.setHeader('location', `/api/v1/log/entries/${existing}`);
        return json(res, 409, { code: 409, message: `An equivalent entry already exists in the transparency log with UUID ${existing}` });
      }
      const answer = await rekorFn!(canonical.body);
      if (answer.statusCode === 201) {
        counts.entries++;
        const uuid = Object.keys(JSON.parse(String(answer.response)) as object)[0]!;
        entryByBody.set(canonical.body, uuid);
        entries.set(uuid, String(answer.response));
      }
      send(res, answer.statusCode, answer.response, answer.contentType);
    }),
  );
  const tlog = await initializeTLog(server.url, keyPair);
  rekorFn = rekorHandler(tlog).fn;
  return { ...server, tlog };
}

/**
 * What Rekor stores for a proposed `dsse` 0.0.1 entry (rekor pkg/types/dsse/v0.0.1 Canonicalize): the
 * envelope is checked against the verifier (its DSSE signature over PAE(payloadType, payload)) and
 * replaced by its hashes and signatures. The mock log stores what it is given, so this runs first.
 */
function canonicalDsseEntry(text: string): { body: string } | { error: string } {
  let proposed: { apiVersion?: string; kind?: string; spec?: { proposedContent?: { envelope?: string; verifiers?: string[] } } };
  try {
    proposed = JSON.parse(text) as typeof proposed;
  } catch {
    return { error: 'invalid JSON' };
  }
  if (proposed.kind !== 'dsse' || proposed.apiVersion !== '0.0.1') return { body: text };
  const content = proposed.spec?.proposedContent;
  if (!content?.envelope || !content.verifiers?.length) return { error: 'missing envelope or verifiers' };
  const envelope = JSON.parse(content.envelope) as { payloadType: string; payload: string; signatures: Array<{ sig: string; keyid?: string }> };
  const payload = Buffer.from(envelope.payload, 'base64');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(envelope.payloadType)} ${envelope.payloadType} ${payload.length} `), payload]);
  const signatures = [];
  for (const signature of envelope.signatures) {
    const verifier = content.verifiers.find((pem) => {
      const key = new X509Certificate(Buffer.from(pem, 'base64')).publicKey;
      return cryptoVerify('sha256', pae, key, Buffer.from(signature.sig, 'base64'));
    });
    if (!verifier) return { error: 'could not verify envelope signature' };
    signatures.push({ signature: signature.sig, verifier });
  }
  const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
  return {
    body: JSON.stringify({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
        payloadHash: { algorithm: 'sha256', value: sha256(payload) },
        signatures,
      },
    }),
  };
}
