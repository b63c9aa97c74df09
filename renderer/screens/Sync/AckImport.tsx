import { useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { useLatestResult } from '../../hooks/useLatestResult';
import { useSyncText } from './useSyncText';

type Imported = CallOutput<'sync:importAck'>;

/** One picked file and what became of it. */
type FileOutcome = { fileName: string } & ({ result: 'imported'; imported: Imported } | { result: 'failed'; code: ErrorCode });

/** A file's bytes as base64, in slices: one spread of a large file's bytes would overflow the call stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** Applies acknowledgement files brought back from the province, one after the other, and says per file what happened. */
export function AckImport({ onImported }: { onImported: () => void }) {
  const { t } = useT();
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const result = useLatestResult();

  const importFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    result.begin();
    setBusy(true);
    setOutcomes([]);
    const results: FileOutcome[] = [];
    for (const file of files) {
      try {
        const imported = await call('sync:importAck', { fileName: file.name, content: await base64Of(file) });
        results.push({ fileName: file.name, result: 'imported', imported });
      } catch (error) {
        results.push({ fileName: file.name, result: 'failed', code: asApiError(error).code });
      }
      setOutcomes([...results]);
    }
    // The same file may be picked again (e.g. after importing the province's keys).
    input.value = '';
    setBusy(false);
    onImported();
  };

  return (
    <section className="form-section sync-panel" aria-labelledby="sync-ack-title">
      <h2 id="sync-ack-title">{t('sync:ack.title')}</h2>
      <p className="lead">{t('sync:ack.intro')}</p>
      <div className="field">
        <label htmlFor="sync-ack-files">{t('sync:ack.choose')}</label>
        <input id="sync-ack-files" type="file" multiple accept=".rsa" disabled={busy} onChange={(event) => void importFiles(event)} />
      </div>
      {busy ? <p className="loading">{t('sync:ack.reading')}</p> : null}
      {result.shown && outcomes.length > 0 ? (
        <ul className="sync-ack-outcomes" data-testid="ack-outcomes" aria-live="polite">
          {outcomes.map((outcome, index) => (
            <AckOutcome key={`${outcome.fileName}-${index}`} outcome={outcome} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function AckOutcome({ outcome }: { outcome: FileOutcome }) {
  const { t } = useT();
  const text = useSyncText();
  let message: string;
  let tone: 'success' | 'field__error' | 'empty';
  if (outcome.result === 'failed') {
    message = t('sync:ack.failed', { error: t(`errors:${outcome.code}`) });
    tone = 'field__error';
  } else {
    const { imported } = outcome;
    if (imported.alreadyApplied) {
      message = t('sync:ack.alreadyApplied', { batchId: imported.batchId });
      tone = 'empty';
    } else if (imported.outcome === 'refused') {
      message = t('sync:ack.refused', { batchId: imported.batchId, error: text.problem(imported.error ?? 'internal_error') });
      tone = 'field__error';
    } else {
      message = t('sync:ack.processed', { batchId: imported.batchId, accepted: imported.accepted, duplicate: imported.duplicate, rejected: imported.rejected });
      tone = 'success';
    }
  }
  return (
    <li data-file={outcome.fileName} data-result={outcome.result === 'failed' ? outcome.code : outcome.imported.alreadyApplied ? 'already_applied' : outcome.imported.outcome}>
      <span className="mono">{outcome.fileName}</span> <span className={tone}>{message}</span>
    </li>
  );
}
