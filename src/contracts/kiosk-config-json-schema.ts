// JSON Schema for editors, derived from the zod schema (input side: defaults are optional).
import * as z from 'zod/mini';
import { kioskConfigSchema } from './kiosk-config.ts';

export function kioskConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(kioskConfigSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Percorso kiosk config',
    description: 'One file per station: kiosk-config/<name>.json, selected with ?kiosk=<name>.',
  };
}
