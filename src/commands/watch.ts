// `acta watch`: builds, serves the HTML on 127.0.0.1, rebuilds on every save until interrupted.

import type { Outcome } from '../errors.js';
import { prepareRenderEnv } from '../pipeline.js';
import { watchMeeting, type Watching } from '../watch/watch-meeting.js';
import { refusedOutput, type Terminal } from './terminal.js';

export interface WatchCommandOptions {
  readonly port: number;
  readonly out: string;
  readonly public: boolean;
  readonly templates?: string;
}

export async function watchCommand(dir: string, options: WatchCommandOptions, terminal: Terminal): Promise<Outcome> {
  if (await refusedOutput(options.out, [dir], terminal)) return 'usage';
  const prepared = await prepareRenderEnv(options.templates);
  terminal.problems(prepared.diagnostics);
  if (!prepared.env) return 'input';
  let watching: Watching;
  try {
    watching = await watchMeeting({
      dir,
      out: options.out,
      port: options.port,
      public: options.public,
      env: prepared.env,
      onBuilt: ({ diagnostics, failure, ok, ms }) => {
        terminal.problems(diagnostics);
        if (failure) terminal.complain(`${failure}\n`);
        terminal.print(ok ? `built in ${Math.round(ms)} ms\n` : 'not built: see the problems above\n');
      },
      onBug: (e) => terminal.bug(e),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      terminal.complain(`acta: port ${options.port} is in use; choose another with --port\n`);
      return 'usage';
    }
    throw e;
  }
  terminal.print(`Serving ${watching.url} (Ctrl-C to stop)\n`);
  // Stop cleanly on Ctrl-C or a termination request: watcher and server closed, exit 0.
  await terminal.interrupted();
  await watching.close();
  terminal.print('Stopped.\n');
  return 'ok';
}
