// A terminal for commands run in-process: what they print and complain, in order.

import type { Terminal } from '../../src/commands/terminal.js';

export function recordingTerminal(): { readonly terminal: Terminal; readonly said: string[] } {
  const said: string[] = [];
  const terminal: Terminal = { problems: () => {}, print: (t) => said.push(t), complain: (t) => said.push(t), bug: () => {}, status: () => {}, interrupted: () => new Promise(() => {}) };
  return { terminal, said };
}
