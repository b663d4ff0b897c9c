/**
 * The indexing worker (bundled as dist/indexWorker.js): decodes, parses and recognizes files off the extension
 * host's main thread. Messages (see src/node/workerParser.ts): `recognizer` sets the entities to recognize; `parse`
 * answers with one `parsed` message holding each file's entry or problem, in order.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseOptions } from '../core/article/article';
import { Entity, Recognizer } from '../core/entities/recognizer';
import { parseFile } from '../core/corpus/entryParser';
import { toSend, ToWorker, FromWorker } from '../node/workerParser';

const port = parentPort;
if (!port) throw new Error('indexWorker.js runs in a worker thread');

let recognizer: Recognizer | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'recognizer') {
    recognizer = message.entities ? new Recognizer(message.entities as Entity[]) : undefined;
    return;
  }
  const options: ParseOptions = message.options;
  let reply: FromWorker;
  try {
    reply = { type: 'parsed', id: message.id, results: message.jobs.map((j) => toSend(parseFile(j.file, j.bytes, recognizer, options))) };
  } catch (e) {
    reply = { type: 'failed', id: message.id, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
