// The bench's tagship side: the docker-merge of src/docker/merge.ts as one process, bundled by
// bench/fanout.bench.mjs. argv[2] is the merge request as JSON.
import { mergeImages, type MergeRequest } from '../src/docker/merge.js';
import { OciClient } from '../src/oci/client.js';

const request = JSON.parse(process.argv[2]!) as MergeRequest;
// FANOUT_TRACE=1 prints each request's start and duration (stderr), to see where the time goes.
const t0 = performance.now();
const trace = process.env.FANOUT_TRACE
  ? {
      deps: {
        ...(await import('../src/net/http.js')).defaultDeps,
        fetch: async (url: string | URL | Request, init?: RequestInit) => {
          const start = performance.now();
          const response = await fetch(url, init);
          process.stderr.write(`${(start - t0).toFixed(0)}ms +${(performance.now() - start).toFixed(0)}ms ${init?.method ?? 'GET'} ${String(url)}\n`);
          return response;
        },
      },
    }
  : {};
const results = await mergeImages(new OciClient(trace), request);
console.log(JSON.stringify(results));
