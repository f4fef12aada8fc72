/** The parse thread (see parse-pool.ts): runs each task it is sent and posts the reply back. */
import { parentPort } from 'node:worker_threads';
import { runTask, type ParseTask } from './parse-task.ts';

parentPort!.on('message', (msg: { id: number; task: ParseTask }) => {
  parentPort!.postMessage({ id: msg.id, reply: runTask(msg.task) });
});
parentPort!.postMessage('ready');
