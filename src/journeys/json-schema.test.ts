import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { journeyJsonSchema, scenesJsonSchema } from './json-schema.ts';

const committed = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../scenes/${path}`, import.meta.url), 'utf8'));

describe('JSON Schemas for authors', () => {
  it('keeps scenes/journey.schema.json and scenes/scenes.schema.json in step (run npm run schema)', () => {
    expect(committed('journey.schema.json')).toEqual(journeyJsonSchema());
    expect(committed('scenes.schema.json')).toEqual(scenesJsonSchema());
  });

  it('lists every step kind for editor completion', () => {
    const text = JSON.stringify(journeyJsonSchema());
    for (const kind of ['narrate', 'choose', 'note', 'reflect', 'goto', 'end', 'scene', 'pause']) {
      expect(text).toContain(`"${kind}"`);
    }
  });
});
