// Heap measurements over CDP for the soak suite: the live size of a heap snapshot (after a full
// collection; V8's compiled code and system bookkeeping left out, as they settle on their own),
// and a leak finder in the manner of memlab: objects created between a first and a second
// snapshot that are still alive in a third, many cycles later, grouped by constructor.
import type { CDPSession } from '@playwright/test';

export interface Snapshot {
  /** Live bytes (self sizes) of what the page holds. */
  live: number;
  /** Object id → [constructor or node name, self size]. */
  objects: Map<number, [string, number]>;
}

/**
 * What the measuring itself makes the page hold: DevTools' network buffer (Playwright keeps the
 * Network domain on, so every request's data is kept for the inspector, up to its cap) and
 * Chromium's performance timeline (long frames, paints, layout shifts: buffers it caps itself).
 */
const INSTRUMENTATION =
  /^blink::(NetworkResourcesData|HeapHashTableBacking<blink::HashTable<blink::String, blink::KeyValuePair<blink::String, cppgc::internal::BasicMember<blink::NetworkResourcesData)|^Performance(LongAnimationFrame|Script)Timing$|^blink::ScriptTimingInfo$|^(LargestContentfulPaint|InteractionContentfulPaint|LayoutShift|LayoutShiftAttribution|TaskAttributionTiming|PerformanceLongTaskTiming)$/;

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

export async function takeSnapshot(cdp: CDPSession): Promise<Snapshot> {
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const raw = JSON.parse(chunks.join('')) as RawSnapshot;
  const { node_fields: fields, node_types: types } = raw.snapshot.meta;
  const [type, name, id, size] = ['type', 'name', 'id', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
    number,
  ];
  const objects = new Map<number, [string, number]>();
  let live = 0;
  for (let i = 0; i < raw.nodes.length; i += fields.length) {
    const kind = types[0][raw.nodes[i + type] ?? 0];
    const label = raw.strings[raw.nodes[i + name] ?? 0] ?? '';
    if (kind === 'code' || label.startsWith('system /') || INSTRUMENTATION.test(label)) continue;
    const bytes = raw.nodes[i + size] ?? 0;
    live += bytes;
    // Strings and numbers are named by their content: group them by kind instead.
    const group = kind === 'object' || kind === 'closure' || kind === 'native' ? label : `(${kind})`;
    objects.set(raw.nodes[i + id] ?? 0, [group, bytes]);
  }
  return { live, objects };
}

export interface Retainer {
  name: string;
  count: number;
  bytes: number;
}

/**
 * Objects born between `first` and `second` and still alive at `third`, by name, largest first:
 * what the cycles in between kept. Empty when nothing of the sort survives.
 */
export function leakCandidates(first: Snapshot, second: Snapshot, third: Snapshot, top = 8): Retainer[] {
  const groups = new Map<string, Retainer>();
  for (const [id, [name, bytes]] of second.objects) {
    if (first.objects.has(id) || !third.objects.has(id)) continue;
    const group = groups.get(name) ?? { name, count: 0, bytes: 0 };
    group.count++;
    group.bytes += bytes;
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top);
}

/** Least-squares slope of `y` over `x`. */
export function slope(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
