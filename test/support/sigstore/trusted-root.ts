import { createHash } from 'node:crypto';
import { HashAlgorithm, PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';

/** A TrustedRoot (sigstore protobuf-specs) naming the local services, as sigstore-js's mock-server assembles it. */
export function trustedRootJson(material: {
  caRoot: ArrayBufferView;
  ctlogKey: Buffer;
  tlogKey: Buffer;
  tsaChain: ArrayBufferView[];
  urls: { fulcio: string; rekor: string; tsa: string };
}): unknown {
  const start = new Date(Date.now() - 60_000);
  const bytes = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  const authority = (certificates: ArrayBufferView[], uri: string, commonName: string) => ({
    subject: { commonName, organization: 'sigstore.mock' },
    uri,
    certChain: { certificates: certificates.map((certificate) => ({ rawBytes: bytes(certificate) })) },
    validFor: { start },
    operator: 'tagship tests',
  });
  const log = (key: Buffer, baseUrl: string) => ({
    baseUrl,
    logId: { keyId: createHash('sha256').update(key).digest() },
    hashAlgorithm: HashAlgorithm.SHA2_256,
    publicKey: { rawBytes: key, keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256, validFor: { start } },
    checkpointKeyId: undefined,
    operator: 'tagship tests',
  });
  return TrustedRoot.toJSON({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [authority([material.caRoot], material.urls.fulcio, 'sigstore')],
    ctlogs: [log(material.ctlogKey, material.urls.fulcio)],
    tlogs: [log(material.tlogKey, material.urls.rekor)],
    timestampAuthorities: [authority(material.tsaChain, material.urls.tsa, 'tsa')],
  });
}
