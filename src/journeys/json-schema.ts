// JSON Schemas for editors, derived from the zod schemas (npm run schema writes them).
import { z } from 'zod';
import { journeyFileSchema, scenesFileSchema } from './schema.ts';

export function journeyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(journeyFileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Percorso journey',
    description:
      'A scripted station: scenes/<installation>/NN-<id>.journey.yaml. See docs/journeys/FORMAT.md.',
  };
}

export function scenesJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenesFileSchema, { io: 'input' }),
    title: 'Percorso scene list',
    description: 'scenes/<installation>/scenes.yaml: scene id → title, states and cameras.',
  };
}
