// `npm run register:device -- --name "Workers 1"`: enrols a kiosk in the events register and
// prints its token once (the register keeps only a hash).
// `-- --revoke <id>` revokes one. Uses DATABASE_URL or DATA_DIR like the register.

import { parseArgs } from 'node:util';
import { enrolKiosk, revokeKiosk } from '../src/register/kiosks.ts';
import { openRegisterFromEnv } from '../src/register/open.ts';

const { values } = parseArgs({ options: { name: { type: 'string' }, revoke: { type: 'string' } } });
if (!values.name && !values.revoke) {
  console.error('Usage: npm run register:device -- --name "Workers 1"   (or -- --revoke <kiosk id>)');
  process.exit(2);
}
try {
  const { db, where } = await openRegisterFromEnv();
  try {
    if (values.revoke) {
      const done = await revokeKiosk(db, values.revoke);
      console.log(done ? `Kiosk ${values.revoke} revoked.` : `No active kiosk with id ${values.revoke}.`);
      process.exitCode = done ? 0 : 1;
    } else {
      const kiosk = await enrolKiosk(db, values.name as string);
      console.log(`Kiosk "${kiosk.name}" enrolled in ${where}`);
      console.log(`  id:    ${kiosk.id}`);
      console.log(`  token: ${kiosk.token}`);
      console.log('The token is shown only now and the register keeps only its hash: copy it for the kiosk.');
    }
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
