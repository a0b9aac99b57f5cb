import { z } from 'zod/mini';
import { described } from '../describe.js';

const url = () => z.string().check(z.url());
const toggle = (what: string) => described(z._default(z.boolean(), true), what);

export const attestationsSection = described(
  z.strictObject({
    enabled: described(
      z._default(z.union([z.boolean(), z.literal('auto')]), 'auto'),
      '`auto`: sign when the job can get an OIDC token (`permissions: id-token: write`), otherwise say once which attestations are not made and why. `true`: required (the run stops before publishing without it). `false`: never sign.',
    ),
    pypi: toggle('PEP 740 publish attestations on PyPI uploads (needs trusted publishing).'),
    assets: toggle('Build provenance for release assets and SHA256SUMS, stored through GitHub’s attestations API (what `gh attestation verify` reads).'),
    images: toggle('A keyless signature and SLSA provenance on each pushed image index, as OCI referrers (what `cosign verify` reads).'),
    sigstore: described(
      z.optional(
        z
          .strictObject({
            'fulcio-url': described(url(), 'Certificate authority that turns the job’s OIDC token into a signing certificate.'),
            'rekor-url': described(z.optional(url()), 'Transparency log to record every signature in.'),
            'tsa-url': described(z.optional(url()), 'RFC 3161 timestamp authority (instead of, or besides, the transparency log).'),
            'trusted-root': described(
              z.string().check(z.minLength(1)),
              'Path, inside the project, of the instance’s `trusted_root.json` (its CA, log and timestamp keys), used to verify what was signed.',
            ),
          })
          .check(
            z.refine((instance) => Boolean(instance['rekor-url'] || instance['tsa-url']), {
              message: 'give rekor-url or tsa-url (or both): a signature needs a transparency-log entry or a timestamp',
            }),
          ),
      ),
      'A private Sigstore instance for every attestation. Default: the public-good instance (sigstore.dev) for public repositories and PyPI, GitHub’s instance for release assets and images of private and internal repositories.',
    ),
  }),
  'Signed provenance for what tagship publishes: PEP 740 attestations on PyPI, build provenance for release assets, signatures and provenance on images; all keyless through Sigstore with the workflow’s identity, and checked by the verify stage.',
);
