/**
 * Runs tasks that share one resource (a git repository, a releases folder)
 * one after the other, in the order they were asked for, whether earlier
 * ones succeeded or failed: two approvals never interleave their git steps,
 * two builds never share a cache at once.
 */
const queues = new Map<string, Promise<unknown>>();

export function serialised<T>(resource: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(resource) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(
    resource,
    next.catch(() => undefined),
  );
  return next;
}
