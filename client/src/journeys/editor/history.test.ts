import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, push, redo, startHistory, undo } from './history';

describe('history', () => {
  it('undoes and redoes recorded changes in order', () => {
    let h = startHistory('a');
    h = push(h, 'b', 'record');
    h = push(h, 'c', 'record');
    expect(undo(h).present).toBe('b');
    expect(undo(undo(h)).present).toBe('a');
    expect(undo(undo(undo(h))).present).toBe('a');
    expect(redo(undo(undo(h))).present).toBe('b');
    expect(redo(redo(undo(undo(h)))).present).toBe('c');
  });

  it('records a drag (many transient moves) as one step from where it started', () => {
    let h = startHistory('start');
    for (const at of ['m1', 'm2', 'm3']) h = push(h, at, 'transient');
    h = push(h, 'end', 'commit');
    expect(h.past).toEqual(['start']);
    expect(undo(h).present).toBe('start');
    expect(h.anchor).toBeUndefined();
  });

  it('keeps selection-only changes out of the undo stack', () => {
    const h = push(push(startHistory('a'), 'b', 'record'), 'b-selected', 'skip');
    expect(h.present).toBe('b-selected');
    expect(undo(h).present).toBe('a');
  });

  it('drops the redo branch on a new change and caps the stack', () => {
    let h = undo(push(startHistory(0), 1, 'record'));
    h = push(h, 2, 'record');
    expect(h.future).toEqual([]);
    for (let i = 3; i < HISTORY_LIMIT + 10; i++) h = push(h, i, 'record');
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
