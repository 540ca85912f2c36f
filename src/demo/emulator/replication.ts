/** Eventual consistency: newly created objects stay invisible to other requests for a while. */
import type { GraphContext } from './graph-http';
import type { Runtime } from './runtime';

/** Puts a just-created object (by object id) under the current replication delay, if any. */
export function holdNewObject(rt: Runtime, objectId: string): void {
  const delay = rt.faults.replicationDelay;
  if (!delay || ((delay.requests ?? 0) <= 0 && (delay.ms ?? 0) <= 0)) return;
  rt.state.holds.set(objectId, {
    remainingRequests: delay.requests ?? 0,
    visibleAt: rt.now() + (delay.ms ?? 0),
  });
}

/**
 * Whether this request can see the object. A refused request consumes one of the hold's `requests`
 * (once per request, however often it looks the object up) and is logged as a replication fault.
 */
export function isVisible(g: GraphContext, objectId: string): boolean {
  const hold = g.rt.state.holds.get(objectId);
  if (!hold) return true;
  if (hold.remainingRequests <= 0 && g.rt.now() >= hold.visibleAt) {
    g.rt.state.holds.delete(objectId);
    return true;
  }
  if (!g.req.countedHolds.has(hold)) {
    g.req.countedHolds.add(hold);
    if (hold.remainingRequests > 0) hold.remainingRequests--;
  }
  g.req.fault = 'replication';
  return false;
}

/** Whether the object is still held, without counting a reference (for test queries). */
export function isHeld(rt: Runtime, objectId: string): boolean {
  const hold = rt.state.holds.get(objectId);
  return !!hold && (hold.remainingRequests > 0 || rt.now() < hold.visibleAt);
}
