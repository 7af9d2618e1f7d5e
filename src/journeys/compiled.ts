// What the journey compiler emits and the browser ships: plain JSON, no YAML, no zod.
// A compiled journey is an XState machine config plus the facts the station, the tools and the
// tests need about it (lines with their source hashes, where each step came from).

/** A condition as data (docs/journeys/FORMAT.md); evaluated by conditions.ts. */
export type Condition =
  | {
      var: string;
      eq?: number | boolean;
      ne?: number | boolean;
      lt?: number;
      lte?: number;
      gt?: number;
      gte?: number;
    }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] }
  | { guard: string };

export interface CompiledLine {
  /** Italian source text. */
  it: string;
  speaker: string;
  /** First 12 hex digits of SHA-256 of the Italian text: a changed source flags its translations. */
  hash: string;
  journey: string;
  file: string;
  line: number;
}

export interface ChoiceOptionMeta {
  key: string;
  icon: string;
  label: string;
}

/** What a stable state shows; read by the station from the snapshot's meta. */
export type StepMeta =
  | { kind: 'narrate'; line: string; step: string }
  | { kind: 'pause'; step: string }
  | {
      kind: 'choose';
      line: string;
      options: ChoiceOptionMeta[];
      timeoutMs?: number;
      default?: string;
      step: string;
    }
  | { kind: 'note'; line: string; step: string }
  | { kind: 'reflect'; line: string; mode: 'handoff' | 'inline'; step: string };

/** Where a step came from, for error messages, diagrams and analytics. */
export interface StepOrigin {
  file: string;
  line: number;
  column: number;
}

/** A JSON-serialisable XState machine config (see machine.ts for the names it may use). */
export interface MachineConfigJson {
  id: string;
  initial: string;
  context: JourneyContext;
  states: Record<string, unknown>;
}

export interface JourneyContext {
  vars: Record<string, number | boolean>;
  /** Whether the last choice was taken by its timeout. */
  timedOut: boolean;
  /** Milliseconds for the current state's named delay (failsafe, pause, choice timeout). */
  waitMs: number;
  helpline: boolean;
}

export interface CompiledJourney {
  id: string;
  installation: string;
  file: string;
  order: number;
  title: string;
  minutes: number;
  /** Picture on a menu (info point topics). */
  icon?: string;
  machine: MachineConfigJson;
  /** Every line the journey speaks, by id. */
  lines: Record<string, CompiledLine>;
  /** Step state key → where it was written. */
  origins: Record<string, StepOrigin>;
  /** Scene ids the journey uses. */
  scenes: string[];
}

export interface CompiledInstallation {
  installation: string;
  journeys: CompiledJourney[];
  /** Scene id → the ambience bed played under it (scenes.yaml `ambience`). */
  ambience: Record<string, string>;
}
