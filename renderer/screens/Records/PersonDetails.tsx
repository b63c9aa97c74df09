import { useT } from '../../i18n/index';
import { useEthnicGroupName } from '../../hooks/useEthnicGroupName';
import { useFormatDate } from '../../hooks/useFormatDate';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { RevealValue } from '../../components/RevealValue';
import { SignatureView } from './SignatureView';
import type { PersonRecord } from './types';

/** Who the person is (masked, each value revealable on request) and how they signed. */
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

      <SignatureView record={record} />
    </>
  );
}
