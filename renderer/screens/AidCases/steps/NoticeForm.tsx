import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/index';
import { addCalendarDays } from '../../../../shared/domain/age';
import { DEFAULT_MIN_NOTICE_DAYS } from '../../../../shared/domain/aid';
import { call, checkInput } from '../../../api/client';
import { ConfirmedActionForm } from '../../../components/ConfirmedActionForm';
import { Field } from '../../../components/Field';
import { localToday, useFormatDate } from '../../../hooks/useFormatDate';
import { useConfirmedAction } from '../../../hooks/useConfirmedAction';
import type { StepFormProps } from './step-form';

/**
 * The public notice (公示): its first and last day, from today for the station's minimum number of days (a
 * setting, read with the settings, which the staff who post notices may read; the usual minimum until it
 * comes, and a last day already typed is kept). The station refuses a shorter notice with the reason.
 */
export function NoticeForm({ aidCase, onDone, onCancel }: StepFormProps) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const [from, setFrom] = useState(localToday);
  const [to, setTo] = useState(() => addCalendarDays(localToday(), DEFAULT_MIN_NOTICE_DAYS - 1));
  const toTyped = useRef(false);
  useEffect(() => {
    let shown = true;
    call('settings:get', undefined)
      .then((settings) => {
        if (shown && !toTyped.current) setTo(addCalendarDays(localToday(), settings.aid.values.minNoticeDays - 1));
      })
      // Without the setting the usual minimum stays; the station still refuses a shorter notice.
      .catch(() => undefined);
    return () => {
      shown = false;
    };
  }, []);
  const input = { caseId: aidCase.id, from, to };
  const postNotice = useCallback(() => call('aid:postNotice', { caseId: aidCase.id, from, to }), [aidCase.id, from, to]);
  const action = useConfirmedAction(postNotice, (updated) => onDone(updated, 'notice'), () => checkInput('aid:postNotice', input));
  return (
    <ConfirmedActionForm
      id="aid-notice"
      texts="aidDesk:notice"
      textValues={{ from: from === '' ? '' : formatDate(from), to: to === '' ? '' : formatDate(to) }}
      action={action}
      onCancel={onCancel}
    >
      <Field id="aid-notice-from" label={t('aidDesk:notice.from')} issue={action.issueFor('from')}>
        <input id="aid-notice-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      <Field id="aid-notice-to" label={t('aidDesk:notice.to')} issue={action.issueFor('to')}>
        <input
          id="aid-notice-to"
          type="date"
          value={to}
          onChange={(e) => {
            toTyped.current = true;
            setTo(e.target.value);
          }}
        />
      </Field>
    </ConfirmedActionForm>
  );
}
