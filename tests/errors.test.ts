// Every kind of error gets its exit status, in this thread or after crossing a worker thread.

import { MessageChannel, Worker } from 'node:worker_threads';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { classifyError, exitCodeOf, ThreadFailure, type Failure } from '../src/errors.js';
import { TemplateFailed } from '../src/render/html/template-failed.js';
import { UnsafeOutputPath, WriteFailed } from '../src/write/write-outputs.js';

const diagnostic = { file: 'report.hbs', line: 1, column: 1, severity: 'error' as const, ruleId: 'template', message: 'Unexpected template failure: Missing helper: "shout"' };

describe('classifyError', () => {
  it.each([
    ['a template failing while laying out', new TemplateFailed(diagnostic), { kind: 'input', diagnostic }, 1],
    ['a write the system refused', new WriteFailed('cannot write out/PC1.html: EISDIR'), { kind: 'refused-write', message: 'cannot write out/PC1.html: EISDIR' }, 1],
    ['a path outside the output folder', new UnsafeOutputPath('refusing to write outside out: ../x.html'), { kind: 'refused-write', message: 'refusing to write outside out: ../x.html' }, 1],
    ['wrong usage', new CommanderError(1, 'commander.unknownOption', "error: unknown option '--ot'"), { kind: 'usage', message: "error: unknown option '--ot'" }, 2],
  ] as const)('%s', (_, error, failure, code) => {
    expect(classifyError(error)).toEqual(failure);
    expect(exitCodeOf(classifyError(error).kind)).toBe(code);
  });

  it('takes anything else for a bug, with its stack', () => {
    const failure = classifyError(new TypeError('something acta did wrong'));
    expect(failure.kind).toBe('bug');
    expect(failure.kind === 'bug' && failure.stack).toMatch(/^TypeError: something acta did wrong\n\s+at /);
    expect(exitCodeOf('bug')).toBe(70);
    expect(classifyError('a thrown string')).toEqual({ kind: 'bug', stack: 'a thrown string' });
  });

  it('exits 0 for a command that went well', () => {
    expect(exitCodeOf('ok')).toBe(0);
  });
});

describe('an error thrown in a worker thread', () => {
  /** Each kind thrown in tests/workers/throwing-worker.ts, a real thread (through tsx), and thrown again here as buildInThreads does. */
  const crossAll = async (kinds: readonly string[]): Promise<Failure[]> => {
    const boot = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(new URL('./workers/throwing-worker.ts', import.meta.url).href)});`;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
    try {
      const failures: Failure[] = [];
      for (const kind of kinds) {
        const reply = await new Promise<{ failure: Failure }>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage(kind);
        });
        failures.push(classifyError(new ThreadFailure(reply.failure)));
      }
      return failures;
    } finally {
      await worker.terminate();
    }
  };

  it('keeps its kind and exit status, though its class stays behind', async () => {
    const [template, write, unsafe, usage, bug] = await crossAll(['template', 'write', 'unsafe', 'usage', 'bug']);
    expect(template).toEqual({ kind: 'input', diagnostic });
    expect(write).toEqual({ kind: 'refused-write', message: 'cannot write out/PC1.html: EISDIR' });
    expect(unsafe).toEqual({ kind: 'refused-write', message: 'refusing to write outside out: ../x.html' });
    expect(usage).toEqual({ kind: 'usage', message: "error: unknown option '--ot'" });
    expect(bug!.kind).toBe('bug');
    expect(bug!.kind === 'bug' && bug!.stack).toMatch(/^TypeError: something acta did wrong in a worker\n\s+at .*throwing-worker\.ts/);
    expect([template, write, unsafe, usage, bug].map((f) => exitCodeOf(f!.kind))).toEqual([1, 1, 1, 2, 70]);
  }, 60_000);

  it('would lose its class if the error itself crossed: why the kind travels as data', async () => {
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => port2.once('message', resolve));
    port1.postMessage(new WriteFailed('cannot write out/PC1.html: EISDIR'));
    const error = await received;
    port1.close();
    expect(error).not.toBeInstanceOf(WriteFailed);
    expect(classifyError(error).kind).toBe('bug');
  });
});
