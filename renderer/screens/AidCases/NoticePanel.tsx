import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import { asLanguage } from '../../../shared/i18n/languages';
import { asApiError, call } from '../../api/client';
import { blobUrl, saveDownload } from '../../api/files';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { localToday, useFormatDate } from '../../hooks/useFormatDate';
import { useFormatYuan } from './useFormatYuan';

type NoticeList = CallOutput<'aid:notice'>;

const PDF = 'application/pdf';

/** What the last export did: a file saved, or a PDF opened to print, and the characters no font could draw. */
type Exported = { fileName: string | null; missing: string[] };

/**
 * The public notice (公示) of a day: the cases on notice with names masked, programme and amount granted;
 * printed to post it, or saved as a PDF or a spreadsheet in the language on screen (each an audited export).
 * `casesChanged` counts the steps taken on the screen: each one reads the list afresh, since a notice
 * posted, an objection or a payment changes which cases it shows.
 */
export function NoticePanel({ casesChanged }: { casesChanged: number }) {
  const { t, i18n } = useT();
  const formatDate = useFormatDate();
  const formatYuan = useFormatYuan();
  const [typedDay, setTypedDay] = useState(localToday);
  const [day, setDay] = useState(localToday);
  const [list, setList] = useState<NoticeList | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const [dayIssue, setDayIssue] = useState<FieldIssue | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('aid:notice', { on: day }));
      setErrorCode(null);
      setDayIssue(undefined);
    } catch (error) {
      const refusal = asApiError(error);
      const issue = refusal.issues.find((candidate) => candidate.path === 'on');
      setDayIssue(issue);
      setErrorCode(issue ? null : refusal.code);
    }
  }, [day]);

  useEffect(() => {
    void load();
  }, [load, casesChanged]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    setExported(null);
    // The same day again reads the list afresh: a case may have gone on notice meanwhile.
    if (typedDay === day) void load();
    else setDay(typedDay);
  };

  const run = async (what: 'print' | 'pdf' | 'xlsx') => {
    setBusy(true);
    setErrorCode(null);
    setExported(null);
    const language = asLanguage(i18n.language);
    try {
      if (what === 'xlsx') {
        const sheet = await call('aid:noticeXlsx', { on: day, language });
        saveDownload(sheet);
        setExported({ fileName: sheet.fileName, missing: [] });
        return;
      }
      const pdf = await call('aid:noticePdf', { on: day, language });
      const file = { ...pdf, mediaType: PDF };
      // Printing opens the PDF in a tab whose viewer prints it; a blocked tab saves it instead.
      if (what === 'print' && window.open(blobUrl(file), '_blank')) setExported({ fileName: null, missing: pdf.missing });
      else {
        saveDownload(file);
        setExported({ fileName: pdf.fileName, missing: pdf.missing });
      }
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  const entries = list?.entries ?? [];
  return (
    <section className="panel panel--wide" aria-labelledby="aid-notice-title" data-testid="aid-public-notice">
      <h2 id="aid-notice-title">{t('aidDesk:publicNotice.title')}</h2>
      <p className="lead">{t('aidDesk:publicNotice.intro')}</p>
      <form className="filters form-grid" onSubmit={show} noValidate>
        <Field id="aid-notice-on" label={t('aidDesk:publicNotice.on')} issue={dayIssue}>
          <input id="aid-notice-on" type="date" value={typedDay} onChange={(e) => setTypedDay(e.target.value)} />
        </Field>
        <div className="filters__actions">
          <button type="submit">{t('aidDesk:publicNotice.show')}</button>
        </div>
      </form>
      <ErrorBanner code={errorCode} />
      {list && entries.length === 0 ? <p className="empty">{t('aidDesk:publicNotice.empty')}</p> : null}
      {entries.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" data-testid="aid-notice-entries">
            <caption>{t('aidDesk:publicNotice.caption', { date: formatDate(list?.on ?? day) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aidDesk:publicNotice.name')}</th>
                <th scope="col">{t('aidDesk:publicNotice.programme')}</th>
                <th scope="col">{t('aidDesk:publicNotice.amount')}</th>
                <th scope="col">{t('aidDesk:publicNotice.period')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.caseId} data-testid="aid-notice-entry">
                  <td data-testid="aid-notice-name">{entry.maskedName}</td>
                  <td>{t(`aid:programme.${entry.programme}`)}</td>
                  <td>{formatYuan(entry.amountGrantedFen)}</td>
                  <td>{t('aidDesk:case.noticePeriod', { from: formatDate(entry.noticeFrom), to: formatDate(entry.noticeTo) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list ? (
        <div className="actions">
          <button type="button" onClick={() => void run('print')} disabled={busy}>
            {t('aidDesk:publicNotice.print')}
          </button>
          <button type="button" onClick={() => void run('pdf')} disabled={busy}>
            {t('aidDesk:publicNotice.pdf')}
          </button>
          <button type="button" onClick={() => void run('xlsx')} disabled={busy}>
            {t('aidDesk:publicNotice.xlsx')}
          </button>
        </div>
      ) : null}
      {exported ? (
        <div role="status" data-testid="aid-notice-exported">
          {exported.fileName ? <p className="success">{t('aidDesk:publicNotice.saved', { fileName: exported.fileName })}</p> : null}
          {exported.missing.length > 0 ? <p className="error-banner">{t('aidDesk:publicNotice.missing', { characters: exported.missing.join(' ') })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
