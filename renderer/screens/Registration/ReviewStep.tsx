import { useT } from '../../i18n/index';
import { consentPurposes } from '../../../shared/domain/consents';
import { maskDocumentNumber, maskPhone } from '../../../shared/domain/masking';
import { checkDocument } from '../../../shared/validation/identity-document';
import { useEthnicGroupName } from '../../hooks/useEthnicGroupName';
import { useFormatDate } from '../../hooks/useFormatDate';
import { derivedDetails, orderedPrograms, type Draft, type RegistrationOptions } from './draft';

/**
 * Everything once more before it is sent. The document number and phones are shown masked, as every
 * kiosk screen shows them: the person typed them a moment ago and the steps have checked them.
 */
export function ReviewStep({ draft, options }: { draft: Draft; options: RegistrationOptions }) {
  const { t } = useT();
  return (
    <div className="registration__review">
      <section>
        <h2>{t('kiosk:review.programs')}</h2>
        <ul>
          {orderedPrograms(draft.programs).map((program) => (
            <li key={program}>{t(`registration:program.${program}`)}</li>
          ))}
        </ul>
      </section>
      <PersonReview draft={draft} />
      <ChoicesReview draft={draft} />
      <section>
        <h2>{t('kiosk:review.consents')}</h2>
        <dl>
          {consentPurposes.map((purpose) => {
            const granted = purpose === 'donation_intent' ? draft.donationIntent : draft.optionalConsents[purpose] === 'yes';
            return (
              <div key={purpose} className="registration__pair">
                <dt>{t(`registration:consent.${purpose}.title`)}</dt>
                <dd data-testid={`review-consent-${purpose}`}>{granted ? t('kiosk:consents.agree') : t('kiosk:consents.decline')}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section>
        <h2>{t('kiosk:review.signature')}</h2>
        {draft.signature ? <img className="registration__signature" src={draft.signature} alt={t('kiosk:signaturePad.drawn')} /> : null}
      </section>
      <HeardFromReview draft={draft} options={options} />
    </div>
  );
}

function HeardFromReview({ draft, options }: { draft: Draft; options: RegistrationOptions }) {
  const { t } = useT();
  const formatDate = useFormatDate('long');
  const session = draft.heardFrom === 'session' ? options.recentSessions.find((each) => each.id === draft.heardFromSessionId) : undefined;
  const answer =
    draft.heardFrom === ''
      ? t('kiosk:review.heardFromNone')
      : session
        ? `${t('registration:heardFrom.session')} · ${t('registration:heardFromSession', { title: session.title, date: formatDate(session.date) })}`
        : t(`registration:heardFrom.${draft.heardFrom}`);
  return (
    <section>
      <h2>{t('kiosk:review.heardFrom')}</h2>
      <p data-testid="review-heard-from">{answer}</p>
    </section>
  );
}

function PersonReview({ draft }: { draft: Draft }) {
  const { t } = useT();
  const formatDate = useFormatDate('long');
  const ethnicGroupName = useEthnicGroupName();
  const document = checkDocument(draft.documentKind, draft.documentNumber);
  const derived = derivedDetails(draft);
  const birthDate = derived?.birthDate ?? draft.birthDate;
  const sex = derived?.sex ?? (draft.sex === '' ? null : draft.sex);
  // Only a resident ID asks for it (and only then is it sent); a blank one was never chosen.
  const ethnicGroup = draft.documentKind === 'resident_id' && draft.ethnicGroup !== '' ? ethnicGroupName(draft.ethnicGroup) : null;
  const rows: Array<[string, string]> = [
    [t('kiosk:review.name'), draft.name.trim()],
    [
      t('kiosk:review.document'),
      `${t(`registration:documentKind.${draft.documentKind}`)} ${maskDocumentNumber(document.ok ? document.normalized : draft.documentNumber)}`,
    ],
    [t('kiosk:review.birthDate'), birthDate ? formatDate(birthDate) : ''],
    [t('kiosk:review.sex'), sex ? t(`registration:sex.${sex}`) : ''],
    ...(ethnicGroup ? [[t('kiosk:review.ethnicGroup'), ethnicGroup] as [string, string]] : []),
    [t('kiosk:review.phone'), maskPhone(draft.phone.trim())],
  ];
  return (
    <section>
      <h2>{t('kiosk:review.person')}</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="registration__pair">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ChoicesReview({ draft }: { draft: Draft }) {
  const { t } = useT();
  const organ = draft.programs.includes('organ');
  const stemCell = draft.programs.includes('stem_cell');
  if (!organ && !stemCell) return null;
  const organs =
    draft.organScope === 'selected'
      ? draft.organs.map((each) => t(`registration:organ.${each}`)).join(t('kiosk:review.listSeparator'))
      : t('registration:organScope.all');
  return (
    <section>
      <h2>{t('kiosk:steps.choices')}</h2>
      <dl>
        {organ ? (
          <div className="registration__pair">
            <dt>{t('kiosk:review.organs')}</dt>
            <dd data-testid="review-organs">{organs}</dd>
          </div>
        ) : null}
        {stemCell ? (
          <>
            <div className="registration__pair">
              <dt>{t('kiosk:review.healthScreen')}</dt>
              <dd>{t('kiosk:choices.healthYes')}</dd>
            </div>
            <div className="registration__pair">
              <dt>{t('kiosk:review.bloodType')}</dt>
              <dd>{draft.bloodType ? t(`registration:bloodType.${draft.bloodType}`) : ''}</dd>
            </div>
            <div className="registration__pair">
              <dt>{t('kiosk:review.contacts')}</dt>
              {draft.contacts.map((contact, index) => (
                <dd key={index}>
                  {t('kiosk:review.contactLine', {
                    name: contact.name.trim(),
                    relation: contact.relation ? t(`registration:contactRelation.${contact.relation}`) : '',
                    phone: maskPhone(contact.phone.trim()),
                  })}
                </dd>
              ))}
            </div>
          </>
        ) : null}
      </dl>
    </section>
  );
}
