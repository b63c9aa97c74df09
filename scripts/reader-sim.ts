import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DEFAULT_ID_CARD_SIMULATOR_ADDRESS } from '../shared/domain/id-card';
import { ReaderSimulator, writeSampleCards } from '../electron/idcard/reader-simulator';

/**
 * `npm run reader:sim`: an ID-card reader without hardware, next to a station whose reader is set to
 * "simulated". It writes the sample cards (fictional people, valid numbers) into a folder, listens on the
 * loopback (or a Unix socket) and offers a menu on the terminal to place, lift and break cards. The same
 * commands work over the socket (`nc 127.0.0.1 47321`, then `place resident`).
 *
 *   npm run reader:sim -- [--address 127.0.0.1:47321 | /run/user/1000/reader.sock] [--cards <folder>] [--no-menu]
 */

const { values } = parseArgs({
  options: {
    address: { type: 'string', default: DEFAULT_ID_CARD_SIMULATOR_ADDRESS },
    cards: { type: 'string', default: join(tmpdir(), 'relay-station-id-cards') },
    'no-menu': { type: 'boolean', default: false },
  },
});

const cardFolder = values.cards;
writeSampleCards(cardFolder);
const simulator = new ReaderSimulator(cardFolder);
const listening = await simulator.listen(values.address);

console.log(`Simulated ID-card reader listening on ${listening.address}`);
console.log(`Cards (.bin, 256-byte text blocks) in ${cardFolder}`);
console.log(`Point the station at it: npm run cli -- id-card-reader --kind simulated --simulator ${listening.address}`);

const cards = simulator.cardNames();
function menu(): void {
  console.log('');
  cards.forEach((name, index) => console.log(`  ${index + 1}. place ${name}`));
  console.log('  l. lift the card    f. card fails to read    u. unplug / p. plug in    q. quit');
  console.log(`  (or type a protocol command: place <name or /path/card.bin>, fail <code>, status)   [${simulator.status()}]`);
}

async function stop(): Promise<void> {
  await listening.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

if (!values['no-menu']) {
  const terminal = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  menu();
  terminal.prompt();
  terminal.on('line', (line) => {
    const input = line.trim();
    const chosen = /^\d+$/.test(input) ? cards[Number(input) - 1] : undefined;
    const shortcuts: Record<string, string> = { l: 'lift', f: 'fail', u: 'unplug', p: 'plug' };
    if (input === 'q') {
      void stop();
      return;
    }
    if (input !== '') {
      const command = chosen !== undefined ? `place ${chosen}` : (shortcuts[input] ?? input);
      console.log(simulator.answer(command));
    }
    menu();
    terminal.prompt();
  });
  terminal.on('close', () => void stop());
}
