// Writes to one resource, one at a time: the queue PUT, PATCH and DELETE wait in, per service and resource.

/** Per service, the tail of each resource's queue of writes, by `Type/id`. */
const writeQueues = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs `work` (a PUT, PATCH or DELETE, its If-Match check included) once every earlier write of the
 * same resource has settled. Two read-apply-update PATCHes at once would both apply to the same read,
 * and the second update would undo the first (Okta sends membership PATCHes of one group
 * concurrently); an If-Match checked while another write is under way could pass on a version about
 * to go. Both dialects share the queue, as they share the service. Another process is not held
 * back: a service that versions its resources can refuse a stale write itself.
 */
export function oneAtATime<T>(service: object, key: string, work: () => Promise<T>): Promise<T> {
  let queues = writeQueues.get(service);
  if (queues === undefined) writeQueues.set(service, (queues = new Map<string, Promise<unknown>>()));
  const run = (queues.get(key) ?? Promise.resolve()).then(work);
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
