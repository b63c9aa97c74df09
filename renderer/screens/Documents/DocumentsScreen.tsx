import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index';
import { contract, type CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DocumentCard } from './DocumentCard';
import { DocumentFilterBar } from './DocumentFilterBar';
import type { DocumentAction, DocumentDone, DocumentFilters } from './types';
import { VerifyPanel } from './VerifyPanel';
import '../../components/records.css';
import './documents.css';

type DocumentList = CallOutput<'documents:list'>;

/** The one form open on the list; opening another closes it. */
type OpenForm = { documentId: string; action: DocumentAction } | null;

/** Staff desk for documents with serial numbers: hand over, void and re-issue, and verify a scanned code. */
export function DocumentsScreen({ role }: { role: Role }) {
  const { t } = useT();
  const [filters, setFilters] = useState<DocumentFilters>({ state: '', kind: '' });
  const [list, setList] = useState<DocumentList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [done, setDone] = useState<DocumentDone | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const mayVoid = (contract['documents:void'].roles as readonly Role[]).includes(role);

  const load = useCallback(async () => {
    try {
      setList(await call('documents:list', { state: filters.state || undefined, kind: filters.kind || undefined }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [filters]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (done) statusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [done]);

  const onDone = useCallback(
    (what: DocumentDone) => {
      setOpenForm(null);
      setDone(what);
      void load();
    },
    [load],
  );

  const openAction = (documentId: string, action: DocumentAction | null) => {
    setDone(null);
    setOpenForm(action === null ? null : { documentId, action });
  };

  return (
    <>
      <section className="panel panel--wide" aria-labelledby="documents-title">
        <h1 id="documents-title">{t('documentDesk:title')}</h1>
        <p className="lead">{t('documentDesk:intro')}</p>
        <DocumentFilterBar value={filters} onChange={setFilters} />
        <ErrorBanner code={errorCode} />
        {done ? (
          <p role="status" className="success" ref={statusRef} data-testid="documents-done">
            {t(`documentDesk:done.${done.action}`, { serial: done.serial, previous: done.previous ?? '' })}
            {done.note ? ` ${done.note}` : null}
          </p>
        ) : null}
        {list ? (
          <div className="toolbar">
            <p data-testid="documents-total">{t('documentDesk:list.total', { count: list.total })}</p>
            <button type="button" onClick={() => void load()}>
              {t('documentDesk:list.reload')}
            </button>
          </div>
        ) : null}
        {list?.documents.length === 0 ? <p className="empty">{t('documentDesk:list.empty')}</p> : null}
        {list?.documents.map((document) => (
          <DocumentCard
            key={document.id}
            document={document}
            mayVoid={mayVoid}
            openAction={openForm?.documentId === document.id ? openForm.action : null}
            onOpenAction={(action) => openAction(document.id, action)}
            onDone={onDone}
          />
        ))}
      </section>
      <VerifyPanel />
    </>
  );
}
