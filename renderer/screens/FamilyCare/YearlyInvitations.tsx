import { useCallback, useMemo, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { Ceremony } from '../../../shared/domain/family';
import { call, checkInput } from '../../api/client';
import { ConfirmedActionForm } from '../../components/ConfirmedActionForm';
import { localToday } from '../../hooks/useFormatDate';
import { typedWholeNumber } from '../../hooks/useFormText';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { CeremonyYearFields } from './CeremonyYearFields';

type InviteYearlyResult = CallOutput<'family:inviteYearly'>;

/** What the last round of invitations did, with the ceremony and year it was for. */
interface Round {
  ceremony: Ceremony;
  year: string;
  result: InviteYearlyResult;
}

/**
 * The yearly round of remembrance invitations: every family is invited to a ceremony of a year, except
 * those that declined that ceremony, those not to be contacted and those already invited (the station
 * decides; a second round invites no one twice). Asks once more, then says what it did in counts.
 */
export function YearlyInvitations() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [ceremony, setCeremony] = useState<Ceremony>('qingming');
  const [year, setYear] = useState(localToday().slice(0, 4));
  const [round, setRound] = useState<Round | null>(null);

  const input = useMemo(() => ({ ceremony, year: typedWholeNumber(year) }), [ceremony, year]);
  const invite = useCallback(() => call('family:inviteYearly', input), [input]);
  const onDone = useCallback(
    (result: InviteYearlyResult) => {
      setRound({ ceremony, year, result });
      setOpen(false);
    },
    [ceremony, year],
  );
  const action = useConfirmedAction(invite, onDone, () => checkInput('family:inviteYearly', input));
  const ceremonyName = t(`family:ceremony.${ceremony}`);

  return (
    <section className="panel panel--wide" aria-labelledby="family-yearly-title" data-testid="family-yearly">
      <h2 id="family-yearly-title">{t('familyDesk:yearly.heading')}</h2>
      <p className="lead">{t('familyDesk:yearly.lead')}</p>
      {round ? (
        <p className="notice" role="status" data-testid="family-yearly-done">
          {t('familyDesk:yearly.done', {
            ceremony: t(`family:ceremony.${round.ceremony}`),
            year: round.year,
            invited: String(round.result.invited),
            alreadyInvited: String(round.result.alreadyInvited),
            declined: String(round.result.declined),
            notToBeContacted: String(round.result.notToBeContacted),
          })}
        </p>
      ) : null}
      {open ? (
        <ConfirmedActionForm id="family-yearly" texts="familyDesk:yearly" textValues={{ ceremony: ceremonyName, year }} action={action} onCancel={() => setOpen(false)}>
          <CeremonyYearFields id="family-yearly" ceremony={ceremony} onCeremonyChange={setCeremony} year={year} onYearChange={setYear} issueFor={action.issueFor} />
        </ConfirmedActionForm>
      ) : (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setRound(null);
              setOpen(true);
            }}
          >
            {t('familyDesk:yearly.open')}
          </button>
        </div>
      )}
    </section>
  );
}
