import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { Ceremony } from '../../../shared/domain/family';
import { call } from '../../api/client';
import { ActionForm } from '../../components/ActionForm';
import { localToday } from '../../hooks/useFormatDate';
import { typedWholeNumber } from '../../hooks/useFormText';
import { useSubmit } from '../../hooks/useSubmit';
import { CeremonyYearFields } from './CeremonyYearFields';
import type { Invitation } from './types';

interface InviteFormProps {
  familyId: string;
  onDone: (invitation: Invitation) => void;
  onCancel: () => void;
}

/** Invites the family to a ceremony of a year; the station gives the code to print on the letter. */
export function InviteForm({ familyId, onDone, onCancel }: InviteFormProps) {
  const { t } = useT();
  const [ceremony, setCeremony] = useState<Ceremony>('qingming');
  const [year, setYear] = useState(localToday().slice(0, 4));
  const invite = useCallback(() => call('family:invite', { familyId, ceremony, year: typedWholeNumber(year) }), [familyId, ceremony, year]);
  const form = useSubmit(invite, onDone);
  return (
    <ActionForm
      id="family-invite"
      title={t('familyDesk:remembrance.invite.title')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('familyDesk:remembrance.invite.submit')}
      onCancel={onCancel}
    >
      <CeremonyYearFields id="family-invite" ceremony={ceremony} onCeremonyChange={setCeremony} year={year} onYearChange={setYear} issueFor={form.issueFor} />
    </ActionForm>
  );
}
