// The layer rules in biome.json are part of the architecture: this test proves they fire.
// Each probe is written for a moment to the folder it pretends to live in, linted, and removed
// (Biome prints no diagnostics for stdin input).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function lint(path: string, source: string): string {
  const file = join(root, path.replace('probe.ts', `layer-probe-${process.pid}.ts`));
  const dir = dirname(file);
  const createdDir = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, source);
  try {
    const result = spawnSync('npx', ['biome', 'lint', file], { cwd: root, encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`;
  } finally {
    rmSync(file);
    if (createdDir) rmSync(dir, { recursive: true });
  }
}

describe('layer rules', () => {
  it.each([
    ['src/journeys/probe.ts', "import { html } from 'lit';\nexport const x = html``;\n"],
    ['src/journeys/probe.ts', "import * as THREE from 'three';\nexport const x = THREE;\n"],
    ['src/journeys/probe.ts', "import { openDB } from 'idb';\nexport const x = openDB;\n"],
    ['src/contracts/probe.ts', "import { Howl } from 'howler';\nexport const x = Howl;\n"],
    ['src/ui/probe.ts', "import { ROLES } from '../stations/registry.ts';\nexport const x = ROLES;\n"],
    ['src/ui/probe.ts', "import { createActor } from 'xstate';\nexport const x = createActor;\n"],
    ['src/server/probe.ts', "import { LitElement } from 'lit';\nexport const x = LitElement;\n"],
    ['src/supervisor/probe.ts', "import * as THREE from 'three';\nexport const x = THREE;\n"],
    [
      'src/supervisor/probe.ts',
      "import { startHeartbeat } from '../kiosk/heartbeat.ts';\nexport const x = startHeartbeat;\n",
    ],
    [
      'src/dashboard/probe.ts',
      "import { listEvents } from '../register/events.ts';\nexport const x = listEvents;\n",
    ],
    ['src/dashboard/probe.ts', "import { uuid7 } from '../records/uuid.ts';\nexport const x = uuid7;\n"],
  ])('forbids what %s may not import (%#)', (path, source) => {
    expect(lint(path, source)).toContain('noRestrictedImports');
  });

  it('allows what a layer may import', () => {
    expect(
      lint('src/journeys/probe.ts', "import { setup } from 'xstate';\nexport const x = setup;\n"),
    ).not.toContain('noRestrictedImports');
    expect(
      lint('src/ui/probe.ts', "import { LitElement } from 'lit';\nexport const x = LitElement;\n"),
    ).not.toContain('noRestrictedImports');
    expect(
      lint(
        'src/dashboard/probe.ts',
        "import { EVENT_TYPES } from '../contracts/register.ts';\nexport const x = EVENT_TYPES;\n",
      ),
    ).not.toContain('noRestrictedImports');
  });
});
