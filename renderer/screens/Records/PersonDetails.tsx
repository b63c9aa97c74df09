import { useT } from '../../i18n/index';
import { useEthnicGroupName } from '../../hooks/useEthnicGroupName';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { RevealValue } from './RevealValue';
import { SignatureView } from './SignatureView';
import type { PersonRecord } from './types';

/** Who the person is (masked, each value revealable on request), the consents they gave and how they signed. */
export function PersonDetails({ record }: { record: PersonRecord }) {
  const { t } = useT();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const ethnicGroupName = useEthnicGroupName();
  return (
    <>
      <dl className="facts">
        <dt>{t('records:person.name')}</dt>
        <dd>
          <RevealValue key={record.name} personId={record.id} field="name" masked={record.name} />
        </dd>
        <dt>{t('records:document.kind')}</dt>
        <dd>{t(`registration:documentKind.${record.documentKind}`)}</dd>
        <dt>{t('records:document.number')}</dt>
        <dd>
          <RevealValue key={record.document} personId={record.id} field="document" masked={record.document} />
        </dd>
        <dt>{t('records:person.phone')}</dt>
        <dd>
          <RevealValue key={record.phone} personId={record.id} field="phone" masked={record.phone} />
        </dd>
        <dt>{t('records:person.birthDate')}</dt>
        <dd>{formatDate(record.birthDate)}</dd>
        <dt>{t('records:person.sex')}</dt>
        <dd>{t(`registration:sex.${record.sex}`)}</dd>
        <dt>{t('records:person.ethnicGroup')}</dt>
        <dd>{record.ethnicGroup === null ? t('records:person.none') : ethnicGroupName(record.ethnicGroup)}</dd>
        <dt>{t('records:person.createdAt')}</dt>
        <dd>{formatDateTime(record.createdAt)}</dd>
      </dl>

      {record.consents.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="consents">
            <caption>{t('records:consents.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('records:consents.purpose')}</th>
                <th scope="col">{t('records:consents.answer')}</th>
                <th scope="col">{t('records:consents.textVersion')}</th>
                <th scope="col">{t('records:consents.at')}</th>
              </tr>
            </thead>
            <tbody>
              {record.consents.map((consent) => (
                <tr key={`${consent.purpose}-${consent.at}`}>
                  <td>{t(`registration:consent.${consent.purpose}.title`)}</td>
                  <td>{t(consent.granted ? 'records:consents.granted' : 'records:consents.declined')}</td>
                  <td className="mono">{consent.textVersion}</td>
                  <td className="time">{formatDateTime(consent.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <SignatureView record={record} />
    </>
  );
}
