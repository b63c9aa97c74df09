import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { ScreenTarget } from '../../navigation';
import { DueList } from './DueList';
import { FamilyList } from './FamilyList';
import { FamilyPage } from './FamilyPage';
import { OpenFamilyForm } from './OpenFamilyForm';
import { YearlyInvitations } from './YearlyInvitations';
import type { Family, FamilyDone } from './types';
import '../../components/records.css';
import './family-care.css';

/** What the screen shows: the due list and the families, one family's page, or the form opening a family. */
type View =
  | { kind: 'overview' }
  | { kind: 'finding'; registrationId: string }
  | { kind: 'opening'; registrationId: string }
  | { kind: 'family'; familyId: string; done: FamilyDone | null; followUpId: string | null };

function firstView(target: ScreenTarget): View {
  if (target.familyId) return { kind: 'family', familyId: target.familyId, done: null, followUpId: null };
  if (target.registrationId) return { kind: 'finding', registrationId: target.registrationId };
  return { kind: 'overview' };
}

/**
 * Donor-family care (人道关怀) for staff: what is due this week, the families cared for, the yearly round of
 * remembrance invitations, and a family's page. Opened from a realised registration on the records screen,
 * it shows that donation's family, or the form that opens it.
 */
export function FamilyCareScreen({ target }: { target: ScreenTarget }) {
  const { t } = useT();
  const [view, setView] = useState<View>(() => firstView(target));
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  // From the records screen: the family of the registration if there is one, else the form to open it.
  const registrationToFind = view.kind === 'finding' ? view.registrationId : null;
  useEffect(() => {
    if (registrationToFind === null) return;
    call('family:fromRegistration', { registrationId: registrationToFind })
      .then(({ familyId }) =>
        setView(familyId === null ? { kind: 'opening', registrationId: registrationToFind } : { kind: 'family', familyId, done: null, followUpId: null }),
      )
      .catch((error: unknown) => {
        setErrorCode(asApiError(error).code);
        setView({ kind: 'overview' });
      });
  }, [registrationToFind]);

  const openFamily = useCallback((familyId: string) => {
    setErrorCode(null);
    setView({ kind: 'family', familyId, done: null, followUpId: null });
  }, []);
  const logContact = useCallback((familyId: string, followUpId: string) => {
    setErrorCode(null);
    setView({ kind: 'family', familyId, done: null, followUpId });
  }, []);
  const onOpened = useCallback((family: Family) => setView({ kind: 'family', familyId: family.id, done: 'opened', followUpId: null }), []);
  const toOverview = useCallback(() => setView({ kind: 'overview' }), []);

  return (
    <>
      <section className="panel panel--wide" aria-labelledby="family-care-title">
        <h1 id="family-care-title">{t('familyDesk:title')}</h1>
        <p className="lead">{t('familyDesk:intro')}</p>
        <ErrorBanner code={errorCode} />
        {view.kind === 'finding' ? <p className="loading">{t('loading')}</p> : null}
        {view.kind === 'opening' ? <OpenFamilyForm registrationId={view.registrationId} onDone={onOpened} onCancel={toOverview} /> : null}
        {view.kind === 'family' ? (
          <div className="actions">
            <button type="button" onClick={toOverview}>
              {t('familyDesk:page.back')}
            </button>
          </div>
        ) : null}
      </section>
      {view.kind === 'family' ? (
        <FamilyPage key={`${view.familyId}-${view.followUpId ?? ''}`} familyId={view.familyId} initialDone={view.done} initialFollowUp={view.followUpId} onClose={toOverview} />
      ) : null}
      {view.kind === 'overview' ? (
        <>
          <DueList onOpenFamily={openFamily} onLogContact={logContact} />
          <FamilyList onOpenFamily={openFamily} />
          <YearlyInvitations />
        </>
      ) : null}
    </>
  );
}
