// `npm run register:admin -- --username anna`: creates a staff account for the register's
// dashboard (the first one on a new register, or another later). Asks for the password twice
// without echoing it; with the password piped in (`echo … | npm run register:admin -- …`) it
// reads the first line. Uses DATABASE_URL or DATA_DIR like the register.

import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openRegisterFromEnv } from '../src/register/open.ts';
import { countStaff, createStaff, credentialProblem, MIN_PASSWORD_CHARS } from '../src/register/staff.ts';

const { values } = parseArgs({ options: { username: { type: 'string' } } });
const username = values.username?.trim().toLowerCase();
if (!username) {
  console.error('Usage: npm run register:admin -- --username NAME   (then type the password twice)');
  process.exit(2);
}

/** Reads one line from a terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    output._writeToOutput = (text: string) => {
      if (text.startsWith(question)) process.stdout.write(question);
    };
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden(`Password for "${username}" (at least ${MIN_PASSWORD_CHARS} characters): `);
    const again = await askHidden('The same password again: ');
    if (first !== again)
      throw new Error('The two passwords differ: nothing was created. Run the command again.');
    return first;
  }
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  return input.split(/\r?\n/, 1)[0] ?? '';
}

try {
  const password = await readPassword();
  const problem = credentialProblem(username, password);
  if (problem) throw new Error(`Not created: ${problem}.`);
  const { db, where } = await openRegisterFromEnv();
  try {
    const before = await countStaff(db);
    await createStaff(db, username, password);
    console.log(
      `Staff account "${username}" created in ${where}${before === 0 ? ' (the first one)' : ''}. Sign in at /register/.`,
    );
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
