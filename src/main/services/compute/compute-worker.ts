/** Runs compute tasks (compute-tasks.ts) in a pool worker, off main's event loop. */
import { serveTasks } from '../../workers/serve-tasks'
import { describeComputeTask, runComputeTask, type ComputeTask } from './compute-tasks'

serveTasks((task: ComputeTask) => runComputeTask(task), describeComputeTask)
