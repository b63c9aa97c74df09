import { useT } from '../../i18n/index';
import { heardFromKinds, type HeardFromKind } from '../../../shared/domain/registration';
import { Field } from '../../components/Field';
import { useFormatDate } from '../../hooks/useFormatDate';
import { ChoiceGroup, invalidProps } from './ChoiceGroup';
import type { RegistrationOptions, StepProps } from './draft';

interface HeardFromStepProps extends StepProps {
  options: RegistrationOptions;
}

/**
 * The optional question of how the person heard of donation. Nothing is chosen in advance and "Next"
 * with nothing chosen skips it; a radio button cannot be unticked, so a choice can be taken back.
 * A session is offered only when the station held one lately, and is then picked from that list.
 */
export function HeardFromStep({ draft, update, issueFor, options }: HeardFromStepProps) {
  const { t } = useT();
  const formatDate = useFormatDate('long');
  const sessions = options.recentSessions;
  const kinds = heardFromKinds.filter((kind) => kind !== 'session' || sessions.length > 0 || draft.heardFrom === 'session');
  const sessionIssue = issueFor('heardFrom.sessionId');
  return (
    <>
      <ChoiceGroup<HeardFromKind>
        name="heard-from"
        type="radio"
        className="form-section"
        legend={t('kiosk:heardFrom.legend')}
        issue={issueFor('heardFrom')}
        options={kinds.map((kind) => ({ value: kind, label: t(`registration:heardFrom.${kind}`) }))}
        isChecked={(kind) => draft.heardFrom === kind}
        onToggle={(kind) => update({ heardFrom: kind, heardFromSessionId: kind === 'session' ? draft.heardFromSessionId : '' })}
      >
        {draft.heardFrom === 'session' ? (
          <Field id="heard-from-session" label={t('kiosk:heardFrom.session')} issue={sessionIssue}>
            <select
              id="heard-from-session"
              value={draft.heardFromSessionId}
              onChange={(event) => update({ heardFromSessionId: event.target.value })}
              {...invalidProps('heard-from-session-error', sessionIssue)}
            >
              <option value="">{t('kiosk:heardFrom.chooseSession')}</option>
              {sessions.map((session) => (
                <option key={session.id} value={session.id}>
                  {t('registration:heardFromSession', { title: session.title, date: formatDate(session.date) })}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </ChoiceGroup>
      {draft.heardFrom !== '' ? (
        <div>
          <button type="button" onClick={() => update({ heardFrom: '', heardFromSessionId: '' })}>
            {t('kiosk:heardFrom.clear')}
          </button>
        </div>
      ) : null}
    </>
  );
}
