// Starts fauxqs' S3 emulator on a loopback address with file persistence.
// startFauxqs() always binds 0.0.0.0, so this wires the same stores itself and listens where told.
// Usage: node fauxqs-s3.mjs --port 4566 [--host 127.0.0.1] [--data ./data] [--bucket name]
// --bucket is created at every start, so the bucket exists whenever the emulator answers.
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4566" },
    host: { type: "string", default: "127.0.0.1" },
    data: { type: "string" },
    bucket: { type: "string" },
  },
});

const dist = new URL("../node_modules/fauxqs/dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { buildApp } = await load("app.js");
const { S3Store } = await load("s3/s3Store.js");
const { SqsStore } = await load("sqs/sqsStore.js");
const { SnsStore } = await load("sns/snsStore.js");
const { FileS3Persistence } = await load("s3/fileS3Persistence.js");
const { S3Error } = await load("common/errors.js");
const { addConditionalWrites } = await import("./conditional-writes.mjs");

const s3Store = new S3Store();
let persistence;
if (values.data) {
  persistence = new FileS3Persistence(values.data);
  persistence.loadS3(s3Store);
  s3Store.persistence = persistence;
}

if (values.bucket) s3Store.createBucket(values.bucket);

const app = buildApp({ logger: false, stores: { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store } });
addConditionalWrites(app, s3Store, S3Error);
if (persistence) app.addHook("preClose", () => persistence.close());

const address = await app.listen({ port: Number(values.port), host: values.host });
console.log(`fauxqs S3 listening on ${address}${values.data ? `, data in ${values.data}` : ", in memory"}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await app.close();
    process.exit(0);
  });
}
