// Conditional PutObject as S3 has it (If-None-Match: * and If-Match: "etag"), which the emulator does not check by
// itself: the service takes locks and writes bookkeeping with them. The condition is checked inside the store's own
// putObject, in the same synchronous step that writes, so two racing writes on one key cannot both pass.
import { AsyncLocalStorage } from "node:async_hooks";



export function addConditionalWrites(app, store, S3Error) {
  const conditions = new AsyncLocalStorage();
  app.addHook("preHandler", (request, _reply, done) => {
    const ifMatch = request.headers["if-match"];
    const ifNoneMatch = request.headers["if-none-match"];
    const query = request.query ?? {};
    const isPlainPut = request.method === "PUT" && !request.headers["x-amz-copy-source"] && !("renameObject" in query) && !query.uploadId;
    conditions.enterWith(isPlainPut && (ifMatch || ifNoneMatch) ? { ifMatch, ifNoneMatch } : undefined);
    done();
  });

  const put = store.putObject.bind(store);
  const unquote = (etag) => etag?.replace(/^"|"$/g, "");
  store.putObject = (bucket, key, ...rest) => {
    const condition = conditions.getStore();
    if (condition) {
      const existing = store.buckets.get(bucket)?.get(key);
      if (condition.ifNoneMatch === "*" && existing) {
        throw new S3Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412);
      }
      if (condition.ifMatch) {
        if (!existing) {
          throw new S3Error("NoSuchKey", "The specified key does not exist.", 404, `/${bucket}/${key}`);
        }
        if (unquote(condition.ifMatch) !== unquote(existing.etag)) {
          throw new S3Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412);
        }
      }
    }
    return put(bucket, key, ...rest);
  };
}
