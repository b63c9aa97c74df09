import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/domain/roles';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { mayCall } from '../../session';
import { ProvinceKeys } from '../../components/settings/ProvinceKeys';
import { SyncSettingsForm, SyncSettingsView } from '../../components/settings/SyncSettingsForm';
import { MemorialSettingsPanel } from '../../components/settings/MemorialSettingsPanel';
import { AidSettingsFacts, AidSettingsForm } from './AidSettingsForm';
import { FamilyCareSettingsFacts, FamilyCareSettingsForm } from './FamilyCareSettingsForm';
import { IdCardReaderForm } from './IdCardReaderForm';
import { KioskSettingsForm } from './KioskSettingsForm';
import { PrintingSettingsForm } from './PrintingSettingsForm';
import { RegistrationSettingsForm } from './RegistrationSettingsForm';
import { SettingsFacts } from './SettingsFacts';
import { StaffSettingsForm } from './StaffSettingsForm';
import { StationNameForm } from './StationNameForm';
import type { SettingsView } from './types';
import '../../components/records.css';
import '../../components/sync.css';
import './settings.css';

interface SettingsScreenProps {
  role: Role;
  /** The staff idle lock changed: the app reads its session again, so its own lock timer follows. */
  onStaffSettingsSaved: () => void;
  /** The administrator renamed the station: the header shows the new name. */
  onStationRenamed: (station: CallOutput<'station:rename'>) => void;
}

/**
 * The station's configurable items in one place: registration, staff screens, printing, public screens,
 * the donor families' care plan and aid (changed by an administrator, read by a supervisor), the memorial
 * retention, and the provincial reporting and keys as the sync screen shows them.
 */
export function SettingsScreen({ role, onStaffSettingsSaved, onStationRenamed }: SettingsScreenProps) {
  const { t } = useT();
  const [view, setView] = useState<SettingsView | null>(null);
  const [sync, setSync] = useState<CallOutput<'sync:status'> | null>(null);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);
  const mayChange = mayCall(role, 'settings:change');

  const loadSync = useCallback(async () => {
    try {
      setSync(await call('sync:status', undefined));
    } catch (error) {
      setErrorCode(asApiError(error).code);
    }
  }, []);

  useEffect(() => {
    call('settings:get', undefined)
      .then(setView)
      .catch((error: unknown) => setErrorCode(asApiError(error).code));
    void loadSync();
  }, [loadSync]);

  const onStaffSaved = useCallback(
    (next: SettingsView) => {
      setView(next);
      onStaffSettingsSaved();
    },
    [onStaffSettingsSaved],
  );
  const onSyncChanged = useCallback(() => void loadSync(), [loadSync]);

  return (
    <section className="panel panel--wide settings-screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings:title')}</h1>
      <p className="lead">{t('settings:intro')}</p>
      <ErrorBanner code={errorCode} />
      {view === null ? (
        errorCode ? null : <p className="loading">{t('loading')}</p>
      ) : (
        <>
          {mayChange ? null : (
            <p className="lead" data-testid="settings-read-only">
              {t('settings:readOnly')}
            </p>
          )}
          <div className="settings-cards">
            {mayChange ? (
              <>
                <RegistrationSettingsForm view={view} onSaved={setView} />
                <StaffSettingsForm view={view} onSaved={onStaffSaved} />
                <PrintingSettingsForm view={view} onSaved={setView} />
                <KioskSettingsForm view={view} onSaved={setView} />
                <FamilyCareSettingsForm view={view} onSaved={setView} />
                <AidSettingsForm view={view} onSaved={setView} />
              </>
            ) : (
              <>
                <SettingsFacts view={view} />
                <FamilyCareSettingsFacts view={view} />
                <AidSettingsFacts view={view} />
              </>
            )}
          </div>
        </>
      )}
      {mayCall(role, 'idCard:settings') ? (
        <div className="settings-cards">
          <IdCardReaderForm role={role} />
        </div>
      ) : null}
      {mayCall(role, 'station:rename') ? (
        <div className="settings-cards">
          <StationNameForm onRenamed={onStationRenamed} />
        </div>
      ) : null}
      <MemorialSettingsPanel role={role} />
      {sync === null ? null : (
        <div className="sync-panels">
          {mayCall(role, 'sync:settings') ? <SyncSettingsForm current={sync.settings} onSaved={onSyncChanged} role={role} /> : <SyncSettingsView current={sync.settings} />}
          <ProvinceKeys keys={sync.provinceKeys} stationKeyId={sync.stationKeyId} mayImport={mayCall(role, 'sync:importProvinceKey')} onImported={onSyncChanged} />
        </div>
      )}
    </section>
  );
}
