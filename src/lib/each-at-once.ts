/**
 * Runs `task` on every item, at most `width` at a time: enough to keep the
 * file system or zlib's worker threads busy while Node waits, few enough to
 * keep memory flat.
 */
export async function eachAtOnce<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, worker));
}
