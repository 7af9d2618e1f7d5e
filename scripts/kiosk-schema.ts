// `npm run schema`: writes kiosk-config/schema.json from the zod schema, so editors complete
// and check kiosk configs. A unit test fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { kioskConfigJsonSchema } from '../src/contracts/kiosk-config-json-schema.ts';

const target = new URL('../kiosk-config/schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(kioskConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
