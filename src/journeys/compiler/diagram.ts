// A Mermaid state diagram of a compiled journey, generated from the machine itself (not from
// the YAML), so what authors see is what the station runs. Eventless steps (scene, set, if …)
// are flattened into the arrows between the steps a visitor actually sees and hears.

import type { CompiledJourney } from '../compiled.ts';

interface StateConfig {
  meta?: { kind?: string; line?: string; options?: { key: string }[] };
  entry?: { type: string; params?: Record<string, unknown> }[];
  on?: Record<string, unknown>;
  after?: Record<string, unknown>;
  always?: unknown;
}

interface Edge {
  to: string;
  label: string;
}

const targetOf = (t: unknown): string | undefined => {
  const target = (t as { target?: string })?.target;
  return target?.replace(/^#/, '');
};

const describeGuard = (guard: unknown): string => {
  const g = guard as { type?: string; params?: { condition?: unknown } } | undefined;
  if (!g?.type) return '';
  return g.type === 'check' ? JSON.stringify(g.params?.condition).replaceAll('"', '') : g.type;
};

function edgesOf(state: StateConfig): Edge[] {
  const edges: Edge[] = [];
  for (const [event, value] of Object.entries(state.on ?? {})) {
    if (event === 'REPLAY') continue;
    for (const t of Array.isArray(value) ? value : [value]) {
      const to = targetOf(t);
      if (!to) continue;
      const key = (t as { guard?: { params?: { key?: string } } }).guard?.params?.key;
      const label =
        event === 'CHOOSE' ? `choose ${key}` : event === 'NARRATION_END' ? '' : event.toLowerCase();
      edges.push({ to, label });
    }
  }
  for (const t of Object.values(state.after ?? {})) {
    const to = targetOf(t);
    if (to && !edges.some((e) => e.to === to && e.label === ''))
      edges.push({ to, label: state.meta?.kind === 'choose' ? 'timeout' : '' });
  }
  const always = state.always;
  for (const t of Array.isArray(always) ? always : always ? [always] : []) {
    const to = targetOf(t);
    if (to) edges.push({ to, label: describeGuard((t as { guard?: unknown }).guard) });
  }
  return edges;
}

const mermaidId = (key: string) => key.replace(/[^A-Za-z0-9_]/g, '_');
const quote = (text: string) => text.replace(/"/g, "'").replace(/[:;]/g, ',');

export function journeyDiagram(journey: CompiledJourney): string {
  const running = journey.machine.states.running as { initial: string; states: Record<string, StateConfig> };
  const states = running.states;
  const visible = (key: string) => key === 'completed' || key === 'left' || Boolean(states[key]?.meta);
  const shown = new Set<string>();
  const lines: string[] = ['stateDiagram-v2', `  direction TB`];

  /** Follows eventless states from `key`, collecting their conditions, to the visible states. */
  const resolve = (key: string, label: string, seen = new Set<string>()): Edge[] => {
    if (visible(key) || seen.has(key)) return [{ to: key, label }];
    seen.add(key);
    const state = states[key];
    if (!state) return [{ to: key, label }];
    return edgesOf(state).flatMap((e) => resolve(e.to, [label, e.label].filter(Boolean).join(' · '), seen));
  };

  const name = (key: string) => {
    if (key === 'completed' || key === 'left') return key;
    const meta = states[key]?.meta;
    const line = meta?.line ? (journey.lines[meta.line]?.it ?? '') : '';
    const text = line.length > 48 ? `${line.slice(0, 45)}…` : line;
    return `${meta?.kind ?? key}${text ? ` · ${text}` : ''}`;
  };

  const start = resolve(running.initial, '');
  for (const edge of start)
    lines.push(`  [*] --> ${mermaidId(edge.to)}${edge.label ? ` : ${quote(edge.label)}` : ''}`);
  const queue = start.map((e) => e.to);
  while (queue.length > 0) {
    const key = queue.shift() as string;
    if (shown.has(key)) continue;
    shown.add(key);
    lines.push(`  ${mermaidId(key)} : ${quote(name(key))}`);
    if (key === 'completed' || key === 'left') {
      lines.push(`  ${mermaidId(key)} --> [*]`);
      continue;
    }
    for (const edge of edgesOf(states[key] ?? {}).flatMap((e) => resolve(e.to, e.label))) {
      lines.push(
        `  ${mermaidId(key)} --> ${mermaidId(edge.to)}${edge.label ? ` : ${quote(edge.label)}` : ''}`,
      );
      queue.push(edge.to);
    }
  }
  return `${lines.join('\n')}\n`;
}
