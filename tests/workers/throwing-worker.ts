// A worker thread that throws the error it is asked for and sends back what acta's build worker
// would: the classified failure, as plain data.

import { parentPort } from 'node:worker_threads';
import { CommanderError } from 'commander';
import { classifyError } from '../../src/errors.js';
import { TemplateFailed } from '../../src/render/html/template-failed.js';
import { UnsafeOutputPath, WriteFailed } from '../../src/write/write-outputs.js';

const throwers: Record<string, () => never> = {
  template: () => {
    throw new TemplateFailed({ file: 'report.hbs', line: 1, column: 1, severity: 'error', ruleId: 'template', message: 'Unexpected template failure: Missing helper: "shout"' });
  },
  write: () => {
    throw new WriteFailed('cannot write out/PC1.html: EISDIR');
  },
  unsafe: () => {
    throw new UnsafeOutputPath('refusing to write outside out: ../x.html');
  },
  usage: () => {
    throw new CommanderError(1, 'commander.unknownOption', "error: unknown option '--ot'");
  },
  bug: () => {
    throw new TypeError('something acta did wrong in a worker');
  },
};

parentPort!.on('message', (kind: string) => {
  try {
    throwers[kind]!();
  } catch (e) {
    parentPort!.postMessage({ failure: classifyError(e) });
  }
});
