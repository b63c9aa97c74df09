import { Fragment, useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CancelSessionForm } from './CancelSessionForm';
import { GroupContact } from './GroupContact';
import { IssueCertificateForm } from './IssueCertificateForm';
import { SessionStateBadge } from './SessionStateBadge';
import { SurveyComments } from './SurveyComments';
import { SurveyFigures } from './SurveyFigures';
import type { SessionDetail, SessionView } from './types';
import { useSessionFormat } from '../../hooks/useSessionFormat';
import { WalkInForm } from './WalkInForm';

interface SessionDetailPanelProps {
  sessionId: string;
  /** Something changed that the list shows (counts, state): reload it. */
  onChanged: () => void;
  onEdit: (session: SessionView) => void;
  onClose: () => void;
}

/** One session in full: its details, the groups that checked in, walk-ins, the survey and the certificates. */
export function SessionDetailPanel({ sessionId, onChanged, onEdit, onClose }: SessionDetailPanelProps) {
  const { t } = useT();
  const format = useSessionFormat();
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [certifying, setCertifying] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await call('education:get', { sessionId }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, [sessionId]);

  useEffect(() => {
    void load();
  }, [load]);

  const onWalkIns = useCallback(
    (next: SessionDetail) => {
      setDetail(next);
      onChanged();
    },
    [onChanged],
  );
  const onCancelled = useCallback(() => {
    setCancelling(false);
    void load();
    onChanged();
  }, [load, onChanged]);
  const onCertificateIssued = useCallback(() => void load(), [load]);

  if (detail === null) {
    return (
      <section className="panel panel--wide" aria-label={t('sessions:detail.loading')}>
        <ErrorBanner code={errorCode} />
        {errorCode === null ? <p className="loading">{t('loading')}</p> : null}
      </section>
    );
  }
  const { session } = detail;
  return (
    <section className="panel panel--wide session-detail" aria-labelledby="session-detail-title" data-testid="session-detail">
      <header className="session-detail__header">
        <h2 id="session-detail-title">{session.title}</h2>
        <SessionStateBadge state={session.state} />
        <button type="button" className="small" onClick={onClose}>
          {t('sessions:detail.close')}
        </button>
      </header>
      <ErrorBanner code={errorCode} />
      <dl className="facts facts--inline">
        <dt>{t('sessions:detail.when')}</dt>
        <dd>
          {format.day(session.startsAt)} {format.timeRange(session.startsAt, session.endsAt)}
        </dd>
        <dt>{t('sessions:detail.venue')}</dt>
        <dd>{session.venue}</dd>
        <dt>{t('sessions:detail.host')}</dt>
        <dd>{session.host}</dd>
        <dt>{t('sessions:detail.audience')}</dt>
        <dd>{t(`sessions:audience.${session.audienceKind}`)}</dd>
        <dt>{t('sessions:detail.expected')}</dt>
        <dd>{session.expectedHeadCount}</dd>
        <dt>{t('sessions:detail.actual')}</dt>
        <dd data-testid="session-actual">
          {t('sessions:detail.actualValue', { total: session.actualHeadCount, groups: session.groupHeadCount, walkIns: session.walkInCount })}
        </dd>
        {detail.cancelReason !== null ? (
          <>
            <dt>{t('sessions:detail.cancelReason')}</dt>
            <dd>{detail.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      {detail.canChange && !cancelling ? (
        <div className="actions">
          <button type="button" onClick={() => onEdit(session)}>
            {t('sessions:detail.edit')}
          </button>
          <button type="button" className="danger-outline" onClick={() => setCancelling(true)}>
            {t('sessions:detail.cancel')}
          </button>
        </div>
      ) : null}
      {cancelling ? <CancelSessionForm session={session} onDone={onCancelled} onCancel={() => setCancelling(false)} /> : null}

      <h3>{t('sessions:groups.title', { count: session.groupCount })}</h3>
      {detail.groups.length === 0 ? (
        <p className="empty">{t('sessions:groups.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="session-groups">
            <thead>
              <tr>
                <th scope="col">{t('sessions:groups.organisation')}</th>
                <th scope="col">{t('sessions:groups.contact')}</th>
                <th scope="col">{t('sessions:groups.headCount')}</th>
                <th scope="col">{t('sessions:groups.ageBand')}</th>
                <th scope="col">{t('sessions:groups.checkedInAt')}</th>
                <th scope="col">{t('sessions:groups.certificate')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.groups.map((group) => (
                <Fragment key={group.id}>
                  <tr data-group={group.organisation}>
                    <td>{group.organisation}</td>
                    <td>
                      <GroupContact group={group} />
                    </td>
                    <td>{group.headCount}</td>
                    <td>{t(`sessions:ageBand.${group.ageBand}`)}</td>
                    <td className="time">{format.moment(group.checkedInAt)}</td>
                    <td>
                      <span className="name-cell">
                        {group.certificates.length > 0 ? <span className="mono" data-testid="group-certificates">{group.certificates.join(' ')}</span> : null}
                        {session.state === 'scheduled' ? (
                          <button type="button" className="small" onClick={() => setCertifying(group.id)} disabled={certifying === group.id}>
                            {t('sessions:groups.issueCertificate')}
                          </button>
                        ) : null}
                      </span>
                    </td>
                  </tr>
                  {certifying === group.id ? (
                    <tr>
                      <td colSpan={6}>
                        <IssueCertificateForm group={group} onIssued={onCertificateIssued} onClose={() => setCertifying(null)} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('sessions:walkIns.title')}</h3>
      <p data-testid="walk-in-total">{t('sessions:walkIns.total', { count: session.walkInCount })}</p>
      {detail.walkIns.length > 0 ? (
        <ul className="walk-in-entries">
          {detail.walkIns.map((entry) => (
            <li key={entry.id}>
              {t('sessions:walkIns.entry', { count: entry.count, at: format.moment(entry.recordedAt), by: entry.recordedBy ?? t('sessions:none') })}
            </li>
          ))}
        </ul>
      ) : null}
      {detail.canCountWalkIns ? <WalkInForm sessionId={session.id} onDone={onWalkIns} /> : null}
      {!detail.canCountWalkIns && session.state === 'scheduled' ? <p className="lead">{t('sessions:walkIns.notYet')}</p> : null}

      <h3>{t('sessions:survey.title')}</h3>
      <SurveyFigures survey={session.survey} />
      {session.survey.count > 0 ? <SurveyComments sessionId={session.id} /> : null}
    </section>
  );
}
