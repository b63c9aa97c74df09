import { useT } from '../../i18n/index';
import type { Created } from './draft';
import { ReceiptPrint } from './ReceiptPrint';

/**
 * The confirmation: the name as the station masked it and the registration numbers, never the full
 * name or document number, and the receipt of each registration to print. Body donation still needs the executor and the relatives' agreement.
 */
export function DoneStep({ created, silentReceipts }: { created: Created; silentReceipts: boolean }) {
  const { t } = useT();
  const body = created.registrations.some((registration) => registration.program === 'body');
  return (
    <div className="registration__done">
      <p className="registration__thanks" role="status">
        {t('kiosk:done.thanks', { name: created.name })}
      </p>
      <section>
        <h2>{t('kiosk:done.numbers')}</h2>
        <ul className="registration__numbers" data-testid="registration-numbers">
          {created.registrations.map((registration) => (
            <li key={registration.id}>
              <span>{t(`registration:program.${registration.program}`)}</span>
              <strong className="mono" data-testid="registration-number">
                {registration.number}
              </strong>
            </li>
          ))}
        </ul>
        <p className="field__hint">{t('kiosk:done.numbersHint')}</p>
      </section>
      <section>
        <h2>{t('kiosk:done.receipts')}</h2>
        <ul className="registration__receipts" data-testid="receipts">
          {created.receipts.map((receipt) => (
            <ReceiptPrint key={receipt.documentId} receipt={receipt} silent={silentReceipts} />
          ))}
        </ul>
      </section>
      {body ? (
        <p className="registration__notice" data-testid="body-notice">
          {t('kiosk:done.bodyNotice')}
        </p>
      ) : null}
      <p className="registration__fine-print">{t('registration:statement')}</p>
      <p className="lead">{t('kiosk:done.autoReturn')}</p>
    </div>
  );
}
