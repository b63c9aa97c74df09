import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallInput } from '../../../shared/contract/calls';
import { nextStemCellStatuses } from '../../../shared/domain/lifecycle';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import type { OnUpdated, PersonRecord, Registration } from './types';

type ForwardStatus = CallInput<'registration:stemCellStatus'>['status'];

/** The forward step a volunteer can take next; withdrawal goes through the withdrawal form, with its identity check. */
export function nextForwardStatus(registration: Registration): ForwardStatus | null {
  if (registration.state !== 'active' || registration.stemCell === null) return null;
  const next = nextStemCellStatuses(registration.stemCell.status).find((status) => status !== 'withdrawn');
  return next === undefined || next === 'signed_up' ? null : next;
}

interface StemCellStatusFormProps {
  registration: Registration;
  next: ForwardStatus;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/** Moves a stem-cell volunteer one step on: the sample's barcode when it is taken, then typing, then the registry. */
export function StemCellStatusForm({ registration, next, onUpdated, onCancel }: StemCellStatusFormProps) {
  const { t } = useT();
  const [sampleBarcode, setSampleBarcode] = useState('');

  const move = useCallback(
    () =>
      call('registration:stemCellStatus', {
        registrationId: registration.id,
        expectedVersion: registration.version,
        status: next,
        sampleBarcode: next === 'sample_taken' ? sampleBarcode : undefined,
      }),
    [registration, next, sampleBarcode],
  );
  const onDone = useCallback(
    (record: PersonRecord) => onUpdated(record, { action: 'stemCellStatus', number: registration.number }),
    [onUpdated, registration.number],
  );
  const form = useSubmit(move, onDone);

  return (
    <ActionForm
      id="stem-cell-status"
      title={t('records:stemCellStatus.title', { status: t(`registration:stemCellStatus.${next}`) })}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('records:stemCellStatus.submit', { status: t(`registration:stemCellStatus.${next}`) })}
      onCancel={onCancel}
    >
      {next === 'sample_taken' ? (
        <Field
          id="sample-barcode"
          label={t('records:stemCellStatus.barcode')}
          hint={t('records:stemCellStatus.barcodeHint')}
          issue={form.issueFor('sampleBarcode')}
        >
          <input id="sample-barcode" value={sampleBarcode} onChange={(e) => setSampleBarcode(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
      ) : (
        <p className="form-grid__full">{t('records:stemCellStatus.confirm', { status: t(`registration:stemCellStatus.${next}`) })}</p>
      )}
    </ActionForm>
  );
}
