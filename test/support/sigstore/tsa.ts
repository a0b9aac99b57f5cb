/** An RFC 3161 timestamp authority (POST /api/v1/timestamp), @sigstore/mock's TSA behind real HTTP. */
import type { KeyObject } from 'node:crypto';
import { initializeTSA, tsaHandler } from '@sigstore/mock';
import { json, listen, readBody, send, withFaults, type Fault } from './http.js';

export async function startTsa(keyPair: { publicKey: KeyObject; privateKey: KeyObject }, faults: Fault[], counts: { timestamps: number }) {
  const tsa = await initializeTSA(keyPair, wholeSecondClock());
  const timestamp = tsaHandler(tsa).fn;
  const server = await listen(
    withFaults(faults, async (req, res) => {
      if (req.method !== 'POST' || req.url !== '/api/v1/timestamp') return json(res, 404, { message: 'Not Found' });
      const answer = await timestamp(await readBody(req));
      if (answer.statusCode === 201) counts.timestamps++;
      send(res, answer.statusCode, answer.response, answer.contentType);
    }),
  );
  return { ...server, tsa };
}

/**
 * A clock for the mock TSA that reads the time now, to the whole second. asn1js writes a GeneralizedTime's
 * milliseconds without trailing zeros (`.12Z`), which @sigstore/core's parser (three digits or none)
 * rejects: with whole seconds the timestamp has no fraction. The mock reads the clock through the Date
 * methods, so this Date answers them with the current time.
 */
function wholeSecondClock(): Date {
  const now = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  return new Proxy(new Date(), {
    get(_target, property) {
      const current = now();
      const value = Reflect.get(current, property, current) as unknown;
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
