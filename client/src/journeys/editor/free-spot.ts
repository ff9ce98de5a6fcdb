import type { EditorDoc } from './flow.types';

interface Point {
  readonly x: number;
  readonly y: number;
}
interface Size {
  readonly width: number;
  readonly height: number;
}

/** Space kept around a new step, so it does not touch its neighbours. */
const GAP = 24;
/** Rings of candidate places searched around the wanted spot before giving up. */
const MAX_RINGS = 40;

/**
 * Where a step added without a drop point (a palette item chosen by keyboard) goes: `wanted`
 * (its top-left corner) when nothing overlaps there, otherwise the nearest free place on rings of
 * candidates around it, nearest first and, at the same distance, below before beside. Node sizes
 * are React Flow's measurements, or `size` before a node is measured.
 *
 * @example
 * freeSpot(doc, { x: 0, y: 0 }, STEP_SIZE) // { x: 0, y: 108 } when a step sits at the origin
 */
export function freeSpot(doc: EditorDoc, wanted: Point, size: Size): Point {
  const boxes = doc.nodes.map((n) => ({
    x: n.position.x,
    y: n.position.y,
    width: n.measured?.width ?? size.width,
    height: n.measured?.height ?? size.height,
  }));
  const free = (p: Point) =>
    boxes.every(
      (b) =>
        p.x + size.width + GAP <= b.x ||
        b.x + b.width + GAP <= p.x ||
        p.y + size.height + GAP <= b.y ||
        b.y + b.height + GAP <= p.y,
    );
  if (free(wanted)) return wanted;
  const stepX = size.width + GAP;
  const stepY = size.height + GAP;
  for (let ring = 1; ring <= MAX_RINGS; ring++) {
    const candidates: Point[] = [];
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === ring)
          candidates.push({ x: wanted.x + i * stepX, y: wanted.y + j * stepY });
    const distance = (p: Point) => Math.hypot(p.x - wanted.x, p.y - wanted.y);
    candidates.sort((a, b) => distance(a) - distance(b) || b.y - a.y);
    const found = candidates.find(free);
    if (found) return found;
  }
  return wanted;
}
