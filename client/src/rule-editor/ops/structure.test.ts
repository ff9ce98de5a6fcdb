import { describe, expect, it } from 'vitest';
import type { RuleNode } from '@cairn/schema';
import { addNode } from './add-node';
import { addPropertyFilter } from './add-property-filter';
import { moveBy, moveNode } from './move-node';
import { removeNode } from './remove-node';
import { setGroupMode } from './set-group-mode';
import { counterIds, doc, shape, trait } from './test-helpers';

const group = (id: string, children: RuleNode[], kind: 'all' | 'any' = 'all'): RuleNode => ({
  id,
  kind,
  children,
});

const event = (id: string): RuleNode => ({
  id,
  kind: 'event',
  event: 'Order Completed',
  measure: { type: 'count', window: { type: 'ever' }, compare: { op: 'gte', value: 1 } },
});

const sample = () =>
  doc(group('root', [trait('a'), group('g', [trait('b'), trait('c')], 'any'), trait('d')]));

describe('addNode', () => {
  it('inserts at the end or at an index, and leaves other branches as they were', () => {
    const before = sample();
    const after = addNode(before, 'g', trait('x'));
    expect(shape(after.root)).toBe('root(a g(b c x) d)');
    expect(shape(addNode(before, 'root', trait('x'), 0).root)).toBe('root(x a g(b c) d)');
    const children = (after.root as unknown as { children: RuleNode[] }).children;
    const original = (before.root as unknown as { children: RuleNode[] }).children;
    expect(children[0]).toBe(original[0]);
    expect(shape(before.root)).toBe('root(a g(b c) d)');
  });

  it('refuses a target that is not a group', () => {
    const before = sample();
    expect(addNode(before, 'a', trait('x'))).toBe(before);
    expect(addNode(before, 'nope', trait('x'))).toBe(before);
  });
});

describe('removeNode', () => {
  it('removes a row or a whole group', () => {
    expect(shape(removeNode(sample(), 'b').root)).toBe('root(a g(c) d)');
    expect(shape(removeNode(sample(), 'g').root)).toBe('root(a d)');
  });

  it('removes a not left empty, and empties the root instead of removing it', () => {
    const negated = doc(group('root', [{ id: 'n', kind: 'not', child: trait('a') }, trait('b')]));
    expect(shape(removeNode(negated, 'a').root)).toBe('root(b)');
    expect(removeNode(sample(), 'root').root).toEqual({ kind: 'all', id: 'root', children: [] });
  });
});

describe('moveNode and moveBy', () => {
  it('moves into another group, and up and down among siblings', () => {
    expect(shape(moveNode(sample(), 'a', 'g', 1).root)).toBe('root(g(b a c) d)');
    expect(shape(moveNode(sample(), 'c', 'root', 0).root)).toBe('root(c a g(b) d)');
    expect(shape(moveBy(sample(), 'a', 1).root)).toBe('root(g(b c) a d)');
    expect(shape(moveBy(sample(), 'd', -1).root)).toBe('root(a d g(b c))');
    expect(shape(moveBy(sample(), 'c', -1).root)).toBe('root(a g(c b) d)');
  });

  it('stays put at the ends, into its own subtree, and across an event filter', () => {
    const before = sample();
    expect(moveBy(before, 'a', -1)).toBe(before);
    expect(moveBy(before, 'd', 1)).toBe(before);
    expect(moveNode(before, 'g', 'g', 0)).toBe(before);
    const withFilter = addPropertyFilter(
      doc(group('root', [event('e'), trait('a')])),
      'e',
      { id: 'p', kind: 'property', path: 'amount', type: 'number', op: 'gt', value: 10 },
      'w',
    );
    expect(moveNode(withFilter, 'a', 'w', 0)).toBe(withFilter);
    expect(moveNode(withFilter, 'p', 'root', 0)).toBe(withFilter);
  });
});

describe('setGroupMode', () => {
  it('switches all and any, wraps none in a not, and unwraps it again', () => {
    const ids = counterIds();
    const anyRoot = setGroupMode(sample(), 'root', 'any', ids);
    expect(anyRoot.root.kind).toBe('any');
    expect(shape(anyRoot.root)).toBe('root(a g(b c) d)');

    const none = setGroupMode(sample(), 'g', 'none', ids);
    const wrapped = (none.root as unknown as { children: RuleNode[] }).children[1]!;
    expect(wrapped).toMatchObject({ kind: 'not', id: 't1', child: { kind: 'any', id: 'g' } });

    const back = setGroupMode(none, 't1', 'all', ids);
    expect((back.root as unknown as { children: RuleNode[] }).children[1]).toMatchObject({
      kind: 'all',
      id: 'g',
    });
    expect(shape(back.root)).toBe('root(a g(b c) d)');
  });
});

describe('addPropertyFilter', () => {
  it('creates the where group on the first filter and appends to it after', () => {
    const filter = (id: string): RuleNode =>
      ({ id, kind: 'property', path: 'amount', type: 'number', op: 'gt', value: 10 }) as never;
    const once = addPropertyFilter(doc(group('root', [event('e')])), 'e', filter('p1'), 'w');
    expect(shape(once.root)).toBe('root(e(w(p1)))');
    const twice = addPropertyFilter(once, 'e', filter('p2'), 'unused');
    expect(shape(twice.root)).toBe('root(e(w(p1 p2)))');
    expect(shape(removeNode(twice, 'w').root)).toBe('root(e)');
  });
});
