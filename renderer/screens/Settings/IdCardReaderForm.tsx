import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/index';
import type { CallInput, CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode, FieldIssue } from '../../../shared/contract/errors';
import {
  DEFAULT_ID_CARD_SIMULATOR_ADDRESS,
  ID_CARD_SERIAL_PORTS,
  ID_CARD_USB_PORTS,
  idCardReaderKinds,
  type IdCardReaderKind,
} from '../../../shared/domain/id-card';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FactsSection, type Fact } from '../../components/FactsSection';
import { SaveFooter } from '../../components/SaveFooter';
import { useSubmit } from '../../hooks/useSubmit';
import { mayCall } from '../../session';

type ReaderSettings = CallOutput<'idCard:settings'>;
type TestResult = CallOutput<'idCard:test'>;
type ReaderField = 'kind' | 'libraryPath' | 'port' | 'simulatorAddress';

/** The form's text: the port as the chosen option's value, '' for "search automatically". */
interface ReaderText {
  kind: IdCardReaderKind;
  libraryPath: string;
  port: string;
  simulatorAddress: string;
}

const TITLE_ID = 'settings-idCardReader-title';

/** The kinds driven through a vendor library, which need its path and may name a port. */
function usesVendorLibrary(kind: IdCardReaderKind): boolean {
  return kind === 'sdtapi' || kind === 'termb';
}

function portRange(range: { min: number; max: number }): number[] {
  return Array.from({ length: range.max - range.min + 1 }, (_, index) => range.min + index);
}

function toText(settings: ReaderSettings): ReaderText {
  return {
    kind: settings.kind,
    libraryPath: settings.libraryPath ?? '',
    port: settings.port === null ? '' : String(settings.port),
    simulatorAddress: settings.simulatorAddress ?? '',
  };
}

/** What is saved: the fields the chosen kind does not use go as none, so a hidden leftover never refuses the save. */
function toInput(text: ReaderText): CallInput<'idCard:configure'> {
  const vendor = usesVendorLibrary(text.kind);
  return {
    kind: text.kind,
    libraryPath: vendor ? text.libraryPath : null,
    port: vendor && text.port !== '' ? Number(text.port) : null,
    simulatorAddress: text.kind === 'simulated' ? text.simulatorAddress : null,
  };
}

/**
 * The ID-card reader section of the settings: the administrator chooses the reader, its vendor library and
 * port or the simulator's address, saves them (the station audits the change) and tries the saved reader;
 * a supervisor reads them as they stand.
 */
export function IdCardReaderForm({ role }: { role: Role }) {
  const [settings, setSettings] = useState<ReaderSettings | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  useEffect(() => {
    call('idCard:settings', undefined)
      .then(setSettings)
      .catch((error: unknown) => setErrorCode(asApiError(error).code));
  }, []);

  if (settings === null) return <ErrorBanner code={errorCode} />;
  return mayCall(role, 'idCard:configure') ? <ReaderSettingsForm settings={settings} onSaved={setSettings} /> : <ReaderSettingsFacts settings={settings} />;
}

/** The reader settings for a supervisor, who may read but not change them. */
function ReaderSettingsFacts({ settings }: { settings: ReaderSettings }) {
  const { t } = useT();
  const facts: Fact[] = [{ label: t('idCard:settings.kind'), value: t(`idCard:readerKind.${settings.kind}`), testId: 'fact-idCardReaderKind' }];
  if (usesVendorLibrary(settings.kind)) {
    facts.push(
      { label: t('idCard:settings.libraryPath'), value: settings.libraryPath ?? t('idCard:settings.notSet'), testId: 'fact-idCardLibraryPath', mono: true },
      { label: t('idCard:settings.port'), value: portLabel(settings.port, t), testId: 'fact-idCardPort' },
    );
  }
  if (settings.kind === 'simulated') {
    facts.push({
      label: t('idCard:settings.simulatorAddress'),
      value: settings.simulatorAddress ?? t('idCard:settings.defaultAddress', { address: DEFAULT_ID_CARD_SIMULATOR_ADDRESS }),
      testId: 'fact-idCardSimulatorAddress',
      mono: true,
    });
  }
  return <FactsSection id={TITLE_ID} title={t('idCard:settings.title')} className="settings-card" testId="settings-idCardReader" facts={facts} />;
}

type Translate = ReturnType<typeof useT>['t'];

function portLabel(port: number | null, t: Translate): string {
  if (port === null) return t('idCard:settings.portAuto');
  return port >= ID_CARD_USB_PORTS.min ? t('idCard:settings.portUsb', { port }) : t('idCard:settings.portSerial', { port });
}

/** The administrator's form: save, then try the saved reader. */
function ReaderSettingsForm({ settings, onSaved }: { settings: ReaderSettings; onSaved: (next: ReaderSettings) => void }) {
  const { t } = useT();
  const [text, setText] = useState(() => toText(settings));
  const [saved, setSaved] = useState(false);
  // Counts the saves: a test run before the last save no longer describes the saved reader, so it is cleared.
  const [saves, setSaves] = useState(0);
  const change = (field: keyof ReaderText, value: string) => setText((current) => ({ ...current, [field]: value }));

  const save = useCallback(() => {
    setSaved(false);
    return call('idCard:configure', toInput(text));
  }, [text]);
  const done = useCallback(
    (next: ReaderSettings) => {
      setText(toText(next));
      setSaved(true);
      setSaves((count) => count + 1);
      onSaved(next);
    },
    [onSaved],
  );
  const form = useSubmit(save, done);
  const vendor = usesVendorLibrary(text.kind);

  return (
    <form className="form-section settings-card" onSubmit={form.onSubmit} noValidate aria-labelledby={TITLE_ID} data-testid="settings-idCardReader">
      <h2 id={TITLE_ID}>{t('idCard:settings.title')}</h2>
      <ReaderFieldRow field="kind" label={t('idCard:settings.kind')} issue={form.issueFor('kind')}>
        {(described) => (
          <select id="setting-idCardKind" value={text.kind} onChange={(event) => change('kind', event.target.value)} {...described}>
            {idCardReaderKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`idCard:readerKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </ReaderFieldRow>
      {vendor ? (
        <>
          <ReaderFieldRow field="libraryPath" label={t('idCard:settings.libraryPath')} hint={t('idCard:settings.libraryPathHint')} issue={form.issueFor('libraryPath')}>
            {(described) => (
              <input
                id="setting-idCardLibraryPath"
                value={text.libraryPath}
                onChange={(event) => change('libraryPath', event.target.value)}
                autoComplete="off"
                spellCheck={false}
                {...described}
              />
            )}
          </ReaderFieldRow>
          <ReaderFieldRow field="port" label={t('idCard:settings.port')} issue={form.issueFor('port')}>
            {(described) => (
              <select id="setting-idCardPort" value={text.port} onChange={(event) => change('port', event.target.value)} {...described}>
                <option value="">{t('idCard:settings.portAuto')}</option>
                <optgroup label={t('idCard:settings.portUsbGroup')}>
                  {portRange(ID_CARD_USB_PORTS).map((port) => (
                    <option key={port} value={String(port)}>
                      {t('idCard:settings.portUsb', { port })}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('idCard:settings.portSerialGroup')}>
                  {portRange(ID_CARD_SERIAL_PORTS).map((port) => (
                    <option key={port} value={String(port)}>
                      {t('idCard:settings.portSerial', { port })}
                    </option>
                  ))}
                </optgroup>
              </select>
            )}
          </ReaderFieldRow>
        </>
      ) : null}
      {text.kind === 'simulated' ? (
        <ReaderFieldRow
          field="simulatorAddress"
          label={t('idCard:settings.simulatorAddress')}
          hint={t('idCard:settings.simulatorAddressHint')}
          issue={form.issueFor('simulatorAddress')}
        >
          {(described) => (
            <input
              id="setting-idCardSimulatorAddress"
              value={text.simulatorAddress}
              onChange={(event) => change('simulatorAddress', event.target.value)}
              autoComplete="off"
              spellCheck={false}
              {...described}
            />
          )}
        </ReaderFieldRow>
      ) : null}
      <SaveFooter
        label={t('idCard:settings.save')}
        busy={form.busy}
        errorCode={form.errorCode}
        savedText={saved ? t('idCard:settings.saved') : null}
        savedTestId="settings-idCardReader-saved"
      />
      <ReaderTest key={saves} />
    </form>
  );
}

/** The attributes that tie a control to its hint or its refusal. */
interface Described {
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface ReaderFieldRowProps {
  field: ReaderField;
  label: string;
  hint?: string;
  issue: FieldIssue | undefined;
  children: (described: Described) => ReactNode;
}

const controlIds: Record<ReaderField, string> = {
  kind: 'setting-idCardKind',
  libraryPath: 'setting-idCardLibraryPath',
  port: 'setting-idCardPort',
  simulatorAddress: 'setting-idCardSimulatorAddress',
};

/** A labelled reader setting with its hint or, when refused, what is wrong with it in words about that setting. */
function ReaderFieldRow({ field, label, hint, issue, children }: ReaderFieldRowProps) {
  const { t } = useT();
  const id = controlIds[field];
  const noteId = issue ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={issue ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ 'aria-describedby': noteId, ...(issue ? { 'aria-invalid': true } : {}) })}
      {hint && !issue ? (
        <small className="field__hint" id={noteId}>
          {hint}
        </small>
      ) : null}
      {issue ? (
        <small className="field__error" id={noteId} data-reason={issue.reason}>
          {issueText(field, issue, t)}
        </small>
      ) : null}
    </div>
  );
}

/** The refusal of a reader setting: said of that setting where the station has words for it, else the general reason. */
function issueText(field: ReaderField, issue: FieldIssue, t: Translate): string {
  if (field === 'libraryPath' && issue.reason === 'required') return t('idCard:settings.issue.libraryPathRequired');
  if (field === 'libraryPath' && issue.reason === 'invalid') return t('idCard:settings.issue.libraryPathInvalid');
  if (field === 'port' && issue.reason === 'invalid') return t('idCard:settings.issue.portInvalid');
  if (field === 'simulatorAddress' && issue.reason === 'invalid') return t('idCard:settings.issue.simulatorAddressInvalid');
  // The reason comes from the station at run time; the validation namespace translates every one.
  return t(`validation:${issue.reason}` as 'validation:invalid', issue.params);
}

/** "Test the reader": tries the saved reader once and says what it found, in plain words and without card data. */
function ReaderTest() {
  const { t } = useT();
  const [result, setResult] = useState<TestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  const run = async () => {
    setBusy(true);
    setResult(null);
    setErrorCode(null);
    try {
      setResult(await call('idCard:test', undefined));
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="id-card-test">
      <div className="actions">
        <button type="button" onClick={() => void run()} disabled={busy} aria-describedby="id-card-test-hint">
          {t('idCard:settings.test')}
        </button>
      </div>
      <small className="field__hint" id="id-card-test-hint">
        {t('idCard:settings.testHint')}
      </small>
      <div role="status" aria-label={t('idCard:settings.testResult')} data-testid="id-card-test-result">
        {busy ? <p>{t('idCard:settings.testing')}</p> : null}
        {result === null ? null : <TestFindings result={result} />}
      </div>
      <ErrorBanner code={errorCode} />
    </div>
  );
}

/** What the test found, then (when something is wrong) why and what to do about it. */
function TestFindings({ result }: { result: TestResult }) {
  const { t } = useT();
  const found = findingText(result, t);
  const next = result.state === 'unconfigured' ? t('idCard:test.unconfiguredHint') : result.reason ? t(`idCard:reason.${result.reason}`) : null;
  const good = result.state === 'waiting' || result.state === 'read';
  return (
    <>
      <p className={good ? 'success' : 'error-banner'} data-state={result.state}>
        {found}
      </p>
      {next === null ? null : <p data-testid="id-card-test-next">{next}</p>}
    </>
  );
}

function findingText(result: TestResult, t: Translate): string {
  const kind = result.documentKind ? t(`registration:documentKind.${result.documentKind}`) : '';
  switch (result.state) {
    case 'waiting':
      return result.port === null ? t('idCard:test.waitingNoPort') : t('idCard:test.waiting', { port: result.port });
    case 'read':
      return t('idCard:test.read', { kind });
    case 'expired':
      return t('idCard:test.expired', { kind });
    case 'unconfigured':
    case 'no_reader':
    case 'failed':
    case 'unsupported':
      return t(`idCard:test.${result.state}`);
    default:
      // A test answers none of the identity step's other states; should one come, the step's own words serve.
      return t(`idCard:state.${result.state}`);
  }
}
