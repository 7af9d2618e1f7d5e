// `npm run schema`: writes the JSON Schemas editors use, from the zod schemas:
// kiosk-config/schema.json, scenes/journey.schema.json and scenes/scenes.schema.json.
// Unit tests fail when a committed file is out of date.
import { writeFileSync } from 'node:fs';
import { kioskConfigJsonSchema } from '../src/contracts/kiosk-config-json-schema.ts';
import { journeyJsonSchema, scenesJsonSchema } from '../src/journeys/json-schema.ts';

const outputs: [string, Record<string, unknown>][] = [
  ['../kiosk-config/schema.json', kioskConfigJsonSchema()],
  ['../scenes/journey.schema.json', journeyJsonSchema()],
  ['../scenes/scenes.schema.json', scenesJsonSchema()],
];
for (const [path, schema] of outputs) {
  const target = new URL(path, import.meta.url);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target.pathname}`);
}
