// Uploads one file to CloudPocket's tus endpoint with tus-js-client, as a browser or a Node program would.
// Usage: node upload.mjs '{"endpoints":["http://127.0.0.1:5180/tus/"],"file":"/tmp/f.bin","chunkSize":8388608,
//                          "abortAt":0.5,"uploadUrl":null,"apiKey":null}'
// endpoints: more than one sends each request to the next one in turn (the upload's URL is rewritten to its origin).
// abortAt: abort once that fraction is sent, print {"aborted":url,"sent":bytes} and exit; without it the upload runs
// (from uploadUrl, if given) to its end and prints {"url":..., "s3Key":...}.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { Upload, DefaultHttpStack } from "tus-js-client";

const options = JSON.parse(process.argv[2]);
const origins = options.endpoints.map((e) => new URL(e).origin);
const inner = new DefaultHttpStack({});
let turn = 0;
const requests = [];
const httpStack = {
  getName: () => "replica-rotating",
  createRequest(method, url) {
    const target = new URL(url);
    const origin = origins[turn++ % origins.length];
    requests.push(`${method} ${origin}`);
    return inner.createRequest(method, origin + target.pathname + target.search);
  },
};

const bytes = readFileSync(options.file);
const print = (result) => process.stdout.write(JSON.stringify({ ...result, requests }) + "\n");

await new Promise((resolve, reject) => {
  const upload = new Upload(bytes, {
    endpoint: options.endpoints[0],
    uploadUrl: options.uploadUrl ?? null,
    chunkSize: options.chunkSize ?? Infinity,
    // A resume right after an abort may find the aborted PATCH still saving what it received: the server answers 423
    // until it is done, and tus-js-client retries that (as it does 409) after these delays.
    retryDelays: [250, 1000, 2000, 4000],
    headers: options.apiKey ? { "X-Api-Key": options.apiKey } : {},
    metadata: { filename: basename(options.file), filetype: "application/octet-stream" },
    httpStack,
    onProgress(sent, total) {
      if (options.abortAt && sent >= total * options.abortAt) {
        options.abortAt = null;
        upload.abort().then(() => {
          print({ aborted: upload.url, sent });
          resolve();
        }, reject);
      }
    },
    onSuccess({ lastResponse }) {
      print({ url: upload.url, s3Key: lastResponse.getHeader("CloudPocket-S3-Key") ?? null });
      resolve();
    },
    onError: reject,
  });
  upload.start();
});
