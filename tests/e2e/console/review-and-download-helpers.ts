import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { ingestBatchFile } from '../../../hub/ingest/ingest-batch';
import { ProtocolStation, registrationPayload } from '../../hub/support/protocol-stations';
import { CONSOLE_PROVINCE, consolePeople, type ConsoleHub } from '../console-fixtures';

/** The other name a second station sends with the first person's document. */
export const OTHER_NAME = '张小明';

/**
 * A second station (DLM01) registers the first person's document under another name: the hub holds it for
 * review. Returns the review entry's id.
 */
export async function documentSeenWithAnotherName(consoleHub: ConsoleHub): Promise<number> {
  const dali = new ProtocolStation('DLM01');
  await dali.registerAt(consoleHub.hub.db);
  const person = consolePeople[0];
  const registrationId = randomUUID();
  const line = {
    kind: 'registration' as const,
    entityId: registrationId,
    version: 1,
    changedAt: new Date().toISOString(),
    payload: registrationPayload(registrationId, randomUUID(), { name: OTHER_NAME, documentKind: 'resident_id', documentNumber: person.number, birthDate: '1990-03-07', phone: person.phone }),
  };
  const result = await ingestBatchFile(dali.batchFile(dali.queue(line)), { hub: consoleHub.hub, provinceCode: CONSOLE_PROVINCE, keys: consoleHub.keys });
  if (result.outcome !== 'applied') throw new Error(`the second station's batch was ${result.outcome}`);
  const entry = await consoleHub.hub.db.selectFrom('person_review').select('id').where('station_code', '=', 'DLM01').executeTakeFirstOrThrow();
  return Number(entry.id);
}

/** Clicks `button` and returns the file the browser downloaded: its suggested name and bytes. */
export async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}
