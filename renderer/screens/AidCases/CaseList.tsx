import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { aidCaseStates, type AidCaseState } from '../../../shared/domain/aid';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useFormatYuan } from './useFormatYuan';

type CaseList = CallOutput<'aid:list'>;

interface CaseListProps {
  /** Only this family's cases, when the screen was opened from a family's page. */
  familyId: string | null;
  onShowAllFamilies: () => void;
  onOpen: (caseId: string) => void;
}

/** The cases, newest first, by state and (when given) one family: whose, what, how much, and what comes next. */
export function CaseList({ familyId, onShowAllFamilies, onOpen }: CaseListProps) {
  const { t } = useT();
  const formatYuan = useFormatYuan();
  const [state, setState] = useState<AidCaseState | ''>('');
  const [list, setList] = useState<CaseList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('aid:list', { state: state || undefined, familyId: familyId ?? undefined }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [state, familyId]);

  useEffect(() => {
    void load();
  }, [load]);

  const familyLabel = (aidCase: { donorName: string; registrationNumber: string }) =>
    t('aidDesk:family.donor', { name: aidCase.donorName, number: aidCase.registrationNumber });
  // The family the list is narrowed to, named by any of its cases (the donor's name masked).
  const filteredFamily = familyId === null ? undefined : list?.cases.find((aidCase) => aidCase.familyId === familyId);

  return (
    <section className="panel panel--wide" aria-labelledby="aid-list-title">
      <h2 id="aid-list-title">{t('aidDesk:list.title')}</h2>
      {familyId !== null ? (
        <p className="toolbar" data-testid="aid-family-filter">
          <span>{filteredFamily ? t('aidDesk:list.familyOnly', { family: familyLabel(filteredFamily) }) : t('aidDesk:list.familyOnlyUnnamed')}</span>
          <button type="button" onClick={onShowAllFamilies}>
            {t('aidDesk:list.allFamilies')}
          </button>
        </p>
      ) : null}
      <div className="filters form-grid">
        <Field id="aid-list-state" label={t('aidDesk:list.state')}>
          <select id="aid-list-state" value={state} onChange={(e) => setState(e.target.value as AidCaseState | '')}>
            <option value="">{t('aidDesk:list.allStates')}</option>
            {aidCaseStates.map((option) => (
              <option key={option} value={option}>
                {t(`aid:state.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="filters__actions">
          <button type="button" onClick={() => void load()}>
            {t('aidDesk:list.reload')}
          </button>
        </div>
      </div>
      <ErrorBanner code={errorCode} />
      {list ? <p data-testid="aid-total">{t('aidDesk:list.total', { count: list.total })}</p> : null}
      {list?.cases.length === 0 ? <p className="empty">{t('aidDesk:list.empty')}</p> : null}
      {list && list.cases.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="aid-cases">
            <caption>{t('aidDesk:list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aidDesk:list.family')}</th>
                <th scope="col">{t('aidDesk:list.programme')}</th>
                <th scope="col">{t('aidDesk:list.asked')}</th>
                <th scope="col">{t('aidDesk:list.granted')}</th>
                <th scope="col">{t('aidDesk:list.stateColumn')}</th>
                <th scope="col">{t('aidDesk:list.nextStep')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('aidDesk:list.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.cases.map((aidCase) => {
                const family = familyLabel(aidCase);
                const programme = t(`aid:programme.${aidCase.programme}`);
                return (
                  <tr key={aidCase.id} data-case-id={aidCase.id} data-testid="aid-case-row">
                    <td data-testid="aid-case-family">{family}</td>
                    <td>{programme}</td>
                    <td>{formatYuan(aidCase.amountAskedFen)}</td>
                    <td>{aidCase.amountGrantedFen === null ? t('aidDesk:case.none') : formatYuan(aidCase.amountGrantedFen)}</td>
                    <td data-testid="aid-case-state">{t(`aid:state.${aidCase.state}`)}</td>
                    <td>{aidCase.nextStep === null ? t('aidDesk:list.noNextStep') : t(`aid:step.${aidCase.nextStep}`)}</td>
                    <td>
                      <button type="button" className="small" onClick={() => onOpen(aidCase.id)} aria-label={t('aidDesk:list.openCase', { family, programme })}>
                        {t('aidDesk:list.open')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
