import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import { foldFullwidthAscii } from '../../../shared/validation/fullwidth';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useSubmit } from '../../hooks/useSubmit';
import type { FigureTargetSettings } from './types';

/**
 * A number typed into a field, full-width digits (`４５`, from a Chinese input method) and a decimal comma
 * read as such: empty is "not given" (null), anything unreadable is sent as such for the station to refuse.
 */
function typedNumber(text: string): number | null {
  const folded = foldFullwidthAscii(text).trim();
  return folded === '' ? null : Number(folded.replace(',', '.'));
}

/** The local population (empty clears it) and the yearly reach target, for a supervisor or an administrator. */
export function TargetSettingsForm({ current, onSaved, onCancel }: { current: FigureTargetSettings; onSaved: () => void; onCancel: () => void }) {
  const { t } = useT();
  const [population, setPopulation] = useState(current.localPopulation === null ? '' : String(current.localPopulation));
  const [reachTarget, setReachTarget] = useState(String(current.reachTargetPercent));
  const save = useCallback(
    () => call('figures:setTargets', { localPopulation: typedNumber(population), reachTargetPercent: typedNumber(reachTarget) ?? Number.NaN }),
    [population, reachTarget],
  );
  const form = useSubmit(save, onSaved);
  return (
    <form className="form-section target-settings" onSubmit={form.onSubmit} noValidate aria-labelledby="target-settings-title">
      <h3 id="target-settings-title">{t('figures:settings.title')}</h3>
      <Field id="target-population" label={t('figures:settings.population')} hint={t('figures:settings.populationHint')} issue={form.issueFor('localPopulation')}>
        <input id="target-population" inputMode="numeric" value={population} onChange={(event) => setPopulation(event.target.value)} autoComplete="off" />
      </Field>
      <Field id="target-reach" label={t('figures:settings.reachTarget')} hint={t('figures:settings.reachTargetHint')} issue={form.issueFor('reachTargetPercent')}>
        <input id="target-reach" inputMode="decimal" value={reachTarget} onChange={(event) => setReachTarget(event.target.value)} autoComplete="off" />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('figures:settings.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('figures:settings.cancel')}
        </button>
      </div>
      <ErrorBanner code={form.errorCode} />
    </form>
  );
}
