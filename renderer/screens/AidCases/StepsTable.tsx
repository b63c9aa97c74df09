import { useT } from '../../i18n/index';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import type { AidCase } from './types';
import { useFormatYuan } from './useFormatYuan';

/** A case's steps in the order they were taken: what, with which outcome, when, by whom, the amount and the note. */
export function StepsTable({ aidCase }: { aidCase: AidCase }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const formatYuan = useFormatYuan();
  // Oldest first, whatever order the station sends them in: the table reads as the case's story.
  const steps = [...aidCase.steps].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="aid-steps">
        <caption>{t('aidDesk:steps.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('aidDesk:steps.step')}</th>
            <th scope="col">{t('aidDesk:steps.outcome')}</th>
            <th scope="col">{t('aidDesk:steps.at')}</th>
            <th scope="col">{t('aidDesk:steps.by')}</th>
            <th scope="col">{t('aidDesk:steps.amount')}</th>
            <th scope="col">{t('aidDesk:steps.note')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => (
            <tr key={`${step.step}-${step.at}-${index}`} data-step={step.step}>
              <th scope="row">{t(`aid:step.${step.step}`)}</th>
              <td>{t(`aid:outcome.${step.outcome}`)}</td>
              <td className="time">{formatDateTime(step.at)}</td>
              <td>{step.byName ?? t('aidDesk:steps.nobody')}</td>
              <td>{step.amountFen === null ? t('aidDesk:steps.nobody') : formatYuan(step.amountFen)}</td>
              <td>{step.note ?? t('aidDesk:steps.nobody')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
