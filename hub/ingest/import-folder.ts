import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordIngestEvent } from '../ingest-log/record-event';
import { ingestBatchFile, type IngestContext, type IngestResult } from './ingest-batch';

/** One file of a folder import: its path, what the hub made of it, and where its acknowledgement was written. */
export interface ImportedFile {
  file: string;
  result: IngestResult;
  /** The `.rsa` written, or null when no signed answer could be made (a file nothing could be read of). */
  ackFile: string | null;
}

const BATCH_FILE = /\.rs[be]$/;

/**
 * Removable media (docs/sync-protocol.md §10.1): takes every batch file in `dir` (`.rse`, `.rsb`) in the order of
 * their names, which is batch order for each station, and writes each acknowledgement as `<batchId>.rsa` into
 * `outDir` (the same folder by default).
 */
export async function importBatchFolder(dir: string, context: IngestContext, outDir: string = dir): Promise<ImportedFile[]> {
  const names = readdirSync(dir)
    .filter((name) => BATCH_FILE.test(name))
    .sort();
  mkdirSync(outDir, { recursive: true });
  const imported: ImportedFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const bytes = readFileSync(file);
    const receivedAt = (context.now ?? (() => new Date()))().toISOString();
    const result = await ingestBatchFile(bytes, context, name);
    await recordIngestEvent(context.hub, { provinceCode: context.provinceCode, via: 'import', result, bytes: bytes.length, receivedAt });
    let ackFile: string | null = null;
    if (result.ack && result.batchId) {
      ackFile = join(outDir, `${result.batchId}.rsa`);
      // Written aside and renamed, so a stick pulled out mid-write never holds half an acknowledgement.
      writeFileSync(`${ackFile}.partial`, result.ack);
      renameSync(`${ackFile}.partial`, ackFile);
    }
    imported.push({ file, result, ackFile });
  }
  return imported;
}
