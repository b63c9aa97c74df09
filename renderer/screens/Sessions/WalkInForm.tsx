import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import type { SessionDetail } from './types';

/** Adds walk-ins to a session as a count; a negative count corrects an earlier entry. */
export function WalkInForm({ sessionId, onDone }: { sessionId: string; onDone: (detail: SessionDetail) => void }) {
  const { t } = useT();
  const [count, setCount] = useState('');
  const add = useCallback(() => call('education:addWalkIns', { sessionId, count: count.trim() === '' ? Number.NaN : Number(count) }), [sessionId, count]);
  const done = useCallback(
    (detail: SessionDetail) => {
      setCount('');
      onDone(detail);
    },
    [onDone],
  );
  const form = useSubmit(add, done);
  return (
    <form onSubmit={form.onSubmit} noValidate className="walk-in-form" data-testid="walk-in-form">
      <Field id="walk-in-count" label={t('sessions:walkIns.count')} hint={t('sessions:walkIns.hint')} issue={form.issueFor('count')}>
        <input id="walk-in-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} autoComplete="off" />
      </Field>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          {t('sessions:walkIns.add')}
        </button>
      </div>
      <ErrorBanner code={form.errorCode} />
    </form>
  );
}
