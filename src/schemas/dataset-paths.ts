/**
 * Dataset paths of the task lists (`tasks/<list id>`): how a policy's
 * attachment, the downloads and the data dictionary name a task list. Apart
 * from the registry (datasets.ts) so that routes and browser code can use it
 * without loading the schemas.
 */
const TASK_LISTS = 'tasks/';

/** The dataset path of a task list: `tasks/<list id>`. */
export function taskListDataset(list: string): string {
  return `${TASK_LISTS}${list}`;
}

/** The list id a dataset path names, or undefined when it is not a task list (`tables/targets`). */
export function taskListOfDataset(path: string): string | undefined {
  return path.startsWith(TASK_LISTS) ? path.slice(TASK_LISTS.length) : undefined;
}
