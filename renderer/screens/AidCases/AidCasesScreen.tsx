import { useRef, useState, useEffect } from 'react';
import { useT } from '../../i18n/index';
import type { Role } from '../../../shared/domain/roles';
import { mayCall } from '../../session';
import { ApplyForm } from './ApplyForm';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import { NoticePanel } from './NoticePanel';
import type { AidCase, AidView } from './types';
import '../../components/records.css';
import './aid-cases.css';

interface AidCasesScreenProps {
  role: Role;
  /** Opened from a family's page: that family's cases, and a new application starts with it. */
  familyId: string | null;
}

/**
 * The aid desk (人道救助): the cases by state (or of one family), a new application, one case with its
 * steps and the next step the role at the screen may take, and the public notice of a day.
 */
export function AidCasesScreen({ role, familyId: openedForFamily }: AidCasesScreenProps) {
  const { t } = useT();
  const [familyId, setFamilyId] = useState<string | null>(openedForFamily);
  const [view, setView] = useState<AidView>({ kind: 'list' });
  const [applied, setApplied] = useState<AidCase | null>(null);
  /** Steps taken on this screen, counted so the public notice below reads its list afresh after each. */
  const [casesChanged, setCasesChanged] = useState(0);
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (applied) statusRef.current?.focus();
  }, [applied]);

  const onApplied = (created: AidCase) => {
    setApplied(created);
    setView({ kind: 'case', caseId: created.id });
  };

  return (
    <>
      <section className="panel panel--wide" aria-labelledby="aid-title">
        <h1 id="aid-title">{t('aidDesk:title')}</h1>
        <p className="lead">{t('aidDesk:intro')}</p>
        {applied ? (
          <p role="status" className="success" tabIndex={-1} ref={statusRef} data-testid="aid-applied">
            {t('aidDesk:apply.done', { id: applied.id })}
          </p>
        ) : null}
        {view.kind === 'list' && mayCall(role, 'aid:apply') ? (
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setApplied(null);
                setView({ kind: 'apply' });
              }}
            >
              {t('aidDesk:apply.open')}
            </button>
          </div>
        ) : null}
      </section>
      {view.kind === 'apply' ? (
        <ApplyForm familyId={familyId} onDone={onApplied} onCancel={() => setView({ kind: 'list' })} onOpenCase={(caseId) => setView({ kind: 'case', caseId })} />
      ) : null}
      {view.kind === 'case' ? (
        <CasePage
          key={view.caseId}
          caseId={view.caseId}
          role={role}
          onCaseChanged={() => setCasesChanged((count) => count + 1)}
          onBack={() => {
            setApplied(null);
            setView({ kind: 'list' });
          }}
        />
      ) : null}
      {view.kind === 'list' ? (
        <CaseList
          familyId={familyId}
          onShowAllFamilies={() => setFamilyId(null)}
          onOpen={(caseId) => {
            setApplied(null);
            setView({ kind: 'case', caseId });
          }}
        />
      ) : null}
      <NoticePanel casesChanged={casesChanged} />
    </>
  );
}
