// The renders of one format run a few at a time (PDF: three) and their files are emitted in the order
// given, whatever order they finish in; a failing render fails the build with its own error.

import { describe, expect, it } from 'vitest';
import { emitInOrder } from '../../src/pipeline.js';
import type { OutputFile } from '../../src/write/write-outputs.js';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('emitInOrder', () => {
  it('keeps at most `limit` renders under way and emits in the order given, not the order of finishing', async () => {
    let running = 0;
    let most = 0;
    const delays = [40, 5, 30, 1, 20, 2];
    const renders = delays.map((ms, i) => async (): Promise<OutputFile> => {
      running++;
      most = Math.max(most, running);
      await later(ms);
      running--;
      return { path: `f${i}`, content: '' };
    });
    const emitted: string[] = [];
    await emitInOrder(renders, 3, async (file) => void emitted.push(file.path));
    expect(emitted).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5']);
    expect(most).toBe(3);
  });

  it('fails with the failing render\'s error, after the renders under way have settled', async () => {
    const settled: string[] = [];
    const renders = [0, 1, 2].map((i) => async (): Promise<OutputFile> => {
      await later(i === 1 ? 1 : 20);
      settled.push(`f${i}`);
      if (i === 1) throw new Error('render 1 failed');
      return { path: `f${i}`, content: '' };
    });
    const emitted: string[] = [];
    await expect(emitInOrder(renders, 3, async (file) => void emitted.push(file.path))).rejects.toThrow('render 1 failed');
    expect(emitted).toEqual(['f0']);
    expect(settled.sort()).toEqual(['f0', 'f1', 'f2']);
  });
});
