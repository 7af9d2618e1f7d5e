// `npm run pin [-- 1234]`: prints the PBKDF2 hash of a staff PIN for a kiosk config's staff.pinHash.
import { createInterface } from 'node:readline/promises';
import { hashPin, PIN_PATTERN } from '../src/contracts/pin.ts';

async function readPin(): Promise<string> {
  const fromArgs = process.argv[2];
  if (fromArgs) return fromArgs;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Staff PIN (4–6 digits): ');
  rl.close();
  return answer.trim();
}

const pin = await readPin();
if (!PIN_PATTERN.test(pin)) {
  console.error('A staff PIN is 4 to 6 digits, e.g. npm run pin -- 482913');
  process.exit(1);
}
process.stderr.write('Hashing (PBKDF2-SHA256, 600,000 iterations)… ');
const hash = await hashPin(pin);
process.stderr.write('done.\nPut this in your kiosk config as "staff": { "pinHash": "…" }:\n');
console.log(hash);
