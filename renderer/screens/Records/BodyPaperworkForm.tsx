import { useCallback, useState } from 'react';
import { useT } from '../../i18n/index';
import type { FieldIssue } from '../../../shared/contract/errors';
import { closeRelations, type CloseRelation } from '../../../shared/domain/eligibility';
import { executorKinds, executorNeedsDocument, type ExecutorKind } from '../../../shared/domain/registration';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { IssueMessage } from '../../components/IssueMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { ActionForm } from '../../components/ActionForm';
import { DocumentFields, type DocumentDraft } from '../../components/DocumentFields';
import { answerValue, type Answer } from './formValues';
import type { OnUpdated, PersonRecord, Registration } from './types';

type Relation = CloseRelation;

interface RelativeDraft {
  relation: Relation | '';
  name: string;
  agrees: Answer;
}

const emptyRelative: RelativeDraft = { relation: '', name: '', agrees: '' };

/** The most relatives the form offers rows for (the schema's own limit). */
const MAX_RELATIVES = 10;

interface BodyPaperworkFormProps {
  registration: Registration;
  onUpdated: OnUpdated;
  onCancel: () => void;
}

/**
 * A body donation's paperwork: the executor (执行人) and each close relative's written opinion. The
 * form records what the relatives said; a disagreement is refused by the rules, not hidden by the form.
 */
export function BodyPaperworkForm({ registration, onUpdated, onCancel }: BodyPaperworkFormProps) {
  const { t } = useT();
  const [kind, setKind] = useState<ExecutorKind | ''>('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [document, setDocument] = useState<DocumentDraft>({ kind: 'resident_id', number: '' });
  const [relatives, setRelatives] = useState<RelativeDraft[]>([emptyRelative]);
  const [noCloseRelatives, setNoCloseRelatives] = useState(false);

  const personExecutor = kind !== '' && executorNeedsDocument(kind);
  const record = useCallback(
    () =>
      call('registration:bodyPaperwork', {
        registrationId: registration.id,
        expectedVersion: registration.version,
        paperwork: {
          executor: { kind: kind as ExecutorKind, name, phone, document: personExecutor ? document : null },
          relatives: noCloseRelatives
            ? []
            : relatives.map((relative) => ({ relation: relative.relation as Relation, name: relative.name, agrees: answerValue(relative.agrees) })),
          noCloseRelatives,
        },
      }),
    [registration, kind, name, phone, document, personExecutor, relatives, noCloseRelatives],
  );
  const onDone = useCallback(
    (updated: PersonRecord) => onUpdated(updated, { action: 'bodyPaperwork', number: registration.number }),
    [onUpdated, registration.number],
  );
  const form = useSubmit(record, onDone);

  const setRelative = (index: number, relative: RelativeDraft) => setRelatives((current) => current.map((row, i) => (i === index ? relative : row)));

  return (
    <ActionForm
      id="paperwork"
      title={t('records:paperwork.title')}
      intro={t('records:paperwork.intro')}
      onSubmit={form.onSubmit}
      busy={form.busy}
      errorCode={form.errorCode}
      submitLabel={t('records:paperwork.submit')}
      onCancel={onCancel}
    >
      <fieldset className="form-section form-grid form-grid__full">
        <legend>{t('records:paperwork.executor')}</legend>
        <Field id="executor-kind" label={t('records:paperwork.executorKind')} issue={form.issueFor('paperwork.executor.kind')}>
          <select id="executor-kind" value={kind} onChange={(e) => setKind(e.target.value as ExecutorKind)}>
            <option value="">{t('common:choose')}</option>
            {executorKinds.map((option) => (
              <option key={option} value={option}>
                {t(`registration:executorKind.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="executor-name"
          label={t(kind === 'unit' || kind === 'community' ? 'records:paperwork.executorOrganisation' : 'records:paperwork.executorName')}
          issue={form.issueFor('paperwork.executor.name')}
        >
          <input id="executor-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </Field>
        <Field id="executor-phone" label={t('records:paperwork.executorPhone')} issue={form.issueFor('paperwork.executor.phone')}>
          <input id="executor-phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
        </Field>
        {personExecutor ? (
          <DocumentFields idPrefix="executor-document" pathPrefix="paperwork.executor.document." value={document} onChange={setDocument} issueFor={form.issueFor} />
        ) : null}
      </fieldset>

      <fieldset className="form-section form-grid__full" aria-describedby="relatives-error">
        <legend>{t('records:paperwork.relatives')}</legend>
        <p className="lead">{t('records:paperwork.relativesIntro')}</p>
        <label className="choice">
          <input type="checkbox" checked={noCloseRelatives} onChange={(e) => setNoCloseRelatives(e.target.checked)} />
          {t('records:paperwork.noCloseRelatives')}
        </label>
        {noCloseRelatives
          ? null
          : relatives.map((relative, index) => (
              <RelativeRow
                key={index}
                index={index}
                relative={relative}
                onChange={(changed) => setRelative(index, changed)}
                onRemove={relatives.length > 1 ? () => setRelatives((current) => current.filter((_, i) => i !== index)) : undefined}
                issueFor={form.issueFor}
              />
            ))}
        {!noCloseRelatives && relatives.length < MAX_RELATIVES ? (
          <div>
            <button type="button" onClick={() => setRelatives((current) => [...current, emptyRelative])}>
              {t('records:paperwork.addRelative')}
            </button>
          </div>
        ) : null}
        <IssueMessage as="p" className="group-issue" id="relatives-error" issue={form.issueFor('paperwork.relatives')} />
      </fieldset>
    </ActionForm>
  );
}

interface RelativeRowProps {
  index: number;
  relative: RelativeDraft;
  onChange: (relative: RelativeDraft) => void;
  onRemove: (() => void) | undefined;
  issueFor: (path: string) => FieldIssue | undefined;
}

function RelativeRow({ index, relative, onChange, onRemove, issueFor }: RelativeRowProps) {
  const { t } = useT();
  const id = (field: string) => `relative-${index}-${field}`;
  const path = (field: string) => `paperwork.relatives.${index}.${field}`;
  return (
    <div className="relative-row" role="group" aria-label={t('records:paperwork.relative', { n: index + 1 })}>
      <Field id={id('relation')} label={t('records:paperwork.relation')} issue={issueFor(path('relation'))}>
        <select id={id('relation')} value={relative.relation} onChange={(e) => onChange({ ...relative, relation: e.target.value as Relation })}>
          <option value="">{t('common:choose')}</option>
          {closeRelations.map((relation) => (
            <option key={relation} value={relation}>
              {t(`registration:relation.${relation}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('name')} label={t('records:paperwork.relativeName')} issue={issueFor(path('name'))}>
        <input id={id('name')} value={relative.name} onChange={(e) => onChange({ ...relative, name: e.target.value })} autoComplete="off" />
      </Field>
      <Field id={id('agrees')} label={t('records:paperwork.opinion')} issue={issueFor(path('agrees'))}>
        <select id={id('agrees')} value={relative.agrees} onChange={(e) => onChange({ ...relative, agrees: e.target.value as Answer })}>
          <option value="">{t('common:choose')}</option>
          <option value="yes">{t('records:paperwork.agrees')}</option>
          <option value="no">{t('records:paperwork.disagrees')}</option>
        </select>
      </Field>
      {onRemove ? (
        <button type="button" className="small" onClick={onRemove}>
          {t('records:paperwork.removeRelative')}
        </button>
      ) : null}
    </div>
  );
}
