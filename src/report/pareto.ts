// The Pareto frontier of points where lower is better on both coordinates: a point is on it when
// no other point is at least as good on both and strictly better on one. O(n²), for a few dozen
// policies. Points with a non-finite coordinate are never on it.

export interface XY {
  readonly x: number;
  readonly y: number;
}

export function paretoFrontier(points: readonly XY[]): boolean[] {
  const ok = (p: XY) => Number.isFinite(p.x) && Number.isFinite(p.y);
  return points.map(
    (p) => ok(p) && !points.some((q) => ok(q) && q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y)),
  );
}
