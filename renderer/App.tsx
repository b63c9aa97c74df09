import { useCallback, useEffect, useState } from 'react';
import { useT } from './i18n/index';
import type { CallOutput } from '../shared/contract/calls';
import type { ErrorCode } from '../shared/contract/errors';
import { asApiError, call, onRefusal } from './api/client';
import { ErrorBanner } from './components/ErrorBanner';
import { ElderModeToggle } from './components/ElderModeToggle';
import { LanguageSwitch } from './components/LanguageSwitch';
import { StaffBar } from './components/StaffBar';
import { ElderModeContext, useElderModeRoot } from './hooks/useElderMode';
import { useIdleLock } from './hooks/useIdleLock';
import { leaveUnlessGuarded } from './hooks/useLeaveGuard';
import type { ScreenName, Session } from './session';
import { OpenScreenContext, type ScreenTarget } from './navigation';
import { AudienceContext } from './audience';
import { AuditScreen } from './screens/Audit/AuditScreen';
import { BackupScreen } from './screens/Backup/BackupScreen';
import { DocumentsScreen } from './screens/Documents/DocumentsScreen';
import { FamilyCareScreen } from './screens/FamilyCare/FamilyCareScreen';
import { FiguresScreen } from './screens/Figures/FiguresScreen';
import { DashboardScreen } from './screens/Dashboard/DashboardScreen';
import { HomeScreen } from './screens/Home/HomeScreen';
import { LockScreen } from './screens/Lock/LockScreen';
import { LoginScreen } from './screens/Login/LoginScreen';
import { MessageModerationScreen } from './screens/MessageModeration/MessageModerationScreen';
import { MessageWallScreen } from './screens/MessageWall/MessageWallScreen';
import { MyAccountScreen } from './screens/MyAccount/MyAccountScreen';
import { NameListScreen } from './screens/NameList/NameListScreen';
import { NameListDeskScreen } from './screens/NameListDesk/NameListDeskScreen';
import { AidCasesScreen } from './screens/AidCases/AidCasesScreen';
import { RecordsScreen } from './screens/Records/RecordsScreen';
import { RegistrationScreen } from './screens/Registration/RegistrationScreen';
import { SessionKioskScreen } from './screens/SessionKiosk/SessionKioskScreen';
import { SessionsScreen } from './screens/Sessions/SessionsScreen';
import { SettingsScreen } from './screens/Settings/SettingsScreen';
import { SetupScreen } from './screens/Setup/SetupScreen';
import { StaffAccountsScreen } from './screens/StaffAccounts/StaffAccountsScreen';
import { SyncScreen } from './screens/Sync/SyncScreen';
import { VisitorLogScreen } from './screens/VisitorLog/VisitorLogScreen';
import { VisitorSignInScreen } from './screens/VisitorSignIn/VisitorSignInScreen';

export type { ScreenName } from './session';
type Station = NonNullable<CallOutput<'station:get'>>;

type Loaded = { state: 'loading' } | { state: 'failed'; code: ErrorCode } | { state: 'ready'; station: Station | null };

export function App() {
  const { t } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [session, setSession] = useState<Session | null>(null);
  const [screen, setScreen] = useState<ScreenName>('home');
  /** What the open screen was asked to show first, when another screen opened it (see renderer/navigation.ts). */
  const [target, setTarget] = useState<ScreenTarget>({});
  /** A refusal that concerns the whole app rather than one screen (e.g. an account locked meanwhile). */
  const [notice, setNotice] = useState<ErrorCode | null>(null);

  const load = useCallback(async () => {
    setLoaded({ state: 'loading' });
    try {
      const current = await call('session:get', undefined);
      setSession(current);
      // A locked screen shows nothing of the station until the PIN is given; it loads after the unlock.
      if (current.locked) return;
      setLoaded({ state: 'ready', station: await call('station:get', undefined) });
    } catch (error) {
      setLoaded({ state: 'failed', code: asApiError(error).code });
    }
  }, []);

  const refreshSession = useCallback(async () => {
    try {
      setSession(await call('session:get', undefined));
    } catch {
      // The screen that made the call already shows why it failed.
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title = t('appName');
  }, [t]);

  // Whichever screen hears that the session is locked (or over), the whole app follows.
  useEffect(
    () =>
      onRefusal((code) => {
        if (code === 'session_locked' || code === 'not_signed_in' || code === 'secret_change_required') void refreshSession();
      }),
    [refreshSession],
  );

  const locked = session !== null && session.staff !== null && session.locked;
  /** Signed in with a password or PIN an administrator reset: nothing else until the person chose their own. */
  const forcedChange = session !== null && session.staff !== null && !locked && session.mustChange.length > 0;
  const station = loaded.state === 'ready' ? loaded.station : null;

  const open = useCallback((next: ScreenName, nextTarget: ScreenTarget = {}) => {
    setNotice(null);
    setTarget(nextTarget);
    setScreen(next);
  }, []);

  const toKiosk = useCallback((kiosk: Session, reason: ErrorCode | null = null) => {
    setSession(kiosk);
    setScreen('home');
    setNotice(reason);
  }, []);

  const onSignedIn = useCallback(
    (signedIn: Session) => {
      setSession(signedIn);
      open('home');
    },
    [open],
  );

  const lockNow = useCallback(async () => {
    try {
      setSession(await call('session:lock', undefined));
    } catch {
      // Hide the screen anyway: the station locks the session itself once it hears nothing more.
      setSession((current) => (current?.staff ? { ...current, locked: true } : current));
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      toKiosk(await call('session:logout', undefined));
    } catch (error) {
      setNotice(asApiError(error).code);
    }
  }, [toKiosk]);

  const onUnlocked = useCallback(
    (unlocked: Session) => {
      setSession(unlocked);
      if (loaded.state !== 'ready') void load();
    },
    [loaded.state, load],
  );

  const onAccountLocked = useCallback(async () => {
    try {
      toKiosk(await call('session:logout', undefined), 'account_locked');
    } catch {
      await refreshSession();
      setScreen('home');
      setNotice('account_locked');
    }
  }, [toKiosk, refreshSession]);

  const onSetUp = useCallback(
    async (created: Station) => {
      // Setup signs its administrator in; show the home screen as that administrator straight away.
      await refreshSession();
      setScreen('home');
      setLoaded({ state: 'ready', station: created });
    },
    [refreshSession],
  );

  // The public screens' elder-friendly mode: the visitor's tap in the header, or the station's default.
  const publicAudience = station !== null && session !== null && session.staff === null;
  const elderMode = useElderModeRoot(publicAudience);

  useIdleLock(
    session?.staff != null && !session.locked,
    session?.idleLockMinutes ?? 0,
    () => void lockNow(),
    () => void refreshSession(),
  );

  return (
    <ElderModeContext value={elderMode}>
      <div className="app">
        <header className="app-header">
          <button type="button" className="brand" onClick={() => leaveUnlessGuarded(() => open('home'))} disabled={!station || locked}>
            {t('appName')}
          </button>
          {station && !locked ? <span className="station-name" title={station.name}>{station.name}</span> : null}
          <nav aria-label={t('nav.label')}>
            {station && !locked && screen !== 'home' ? (
              <button type="button" onClick={() => leaveUnlessGuarded(() => open('home'))}>
                {t('nav.home')}
              </button>
            ) : null}
          </nav>
          {station && session && !locked && !(screen === 'login' && session.staff === null) ? (
            <StaffBar
              session={session}
              onSignIn={() => open('login')}
              onLock={() => void lockNow()}
              onSignOut={() => void signOut()}
            />
          ) : null}
          {publicAudience ? <ElderModeToggle /> : null}
          <LanguageSwitch />
        </header>
        <main>
          {locked && session?.staff ? (
            <LockScreen
              staff={session.staff}
              onUnlocked={onUnlocked}
              onSignedOut={(kiosk) => toKiosk(kiosk)}
              onAccountLocked={() => void onAccountLocked()}
            />
          ) : null}
          {/* Locking hides the work instead of closing it: a half-filled form is still there after the PIN. */}
          <div className="work" hidden={locked} inert={locked}>
            {loaded.state === 'loading' ? <p className="loading">{t('loading')}</p> : null}
            {loaded.state === 'failed' ? (
              <section className="panel">
                <ErrorBanner code={loaded.code} />
                <button type="button" onClick={() => void load()}>
                  {t('retry')}
                </button>
              </section>
            ) : null}
            {loaded.state === 'ready' && loaded.station === null ? (
              <SetupScreen onDone={(created) => void onSetUp(created)} />
            ) : null}
            {station && session && forcedChange ? (
              <div className="screen">
                <MyAccountScreen session={session} onChanged={setSession} onAccountLocked={() => void onAccountLocked()} />
              </div>
            ) : null}
            {station && session && !forcedChange ? (
              <OpenScreenContext value={open}>
                {/* Signed-in staff read staff wordings of refusals (see renderer/audience.ts). */}
                <AudienceContext value={session.staff ? 'staff' : 'public'}>
                  <div className="screen">
                    {notice ? <ErrorBanner code={notice} /> : null}
                    {screen === 'home' ? <HomeScreen station={station} role={session.role} onOpen={open} /> : null}
                    {screen === 'login' ? <LoginScreen onSignedIn={onSignedIn} onCancel={() => open('home')} /> : null}
                    {screen === 'register' ? <RegistrationScreen /> : null}
                    {screen === 'records' ? <RecordsScreen role={session.role} /> : null}
                    {screen === 'visitorSignIn' ? <VisitorSignInScreen /> : null}
                    {screen === 'visitorLog' ? <VisitorLogScreen role={session.role} /> : null}
                    {screen === 'audit' ? <AuditScreen /> : null}
                    {screen === 'staffAccounts' ? <StaffAccountsScreen /> : null}
                    {screen === 'myAccount' ? (
                      <MyAccountScreen session={session} onChanged={setSession} onAccountLocked={() => void onAccountLocked()} />
                    ) : null}
                    {screen === 'documents' ? <DocumentsScreen role={session.role} /> : null}
                    {screen === 'messageWall' ? <MessageWallScreen /> : null}
                    {screen === 'messageModeration' ? <MessageModerationScreen /> : null}
                    {screen === 'nameList' ? <NameListScreen /> : null}
                    {screen === 'nameListDesk' ? <NameListDeskScreen target={target} /> : null}
                    {screen === 'familyCare' ? <FamilyCareScreen key={`${target.familyId ?? ''}-${target.registrationId ?? ''}`} target={target} /> : null}
                    {screen === 'aidCases' ? <AidCasesScreen key={target.familyId ?? ''} role={session.role} familyId={target.familyId ?? null} /> : null}
                    {screen === 'sessionKiosk' ? <SessionKioskScreen /> : null}
                    {screen === 'sessions' ? <SessionsScreen /> : null}
                    {screen === 'figures' ? <FiguresScreen role={session.role} /> : null}
                    {screen === 'dashboard' ? <DashboardScreen /> : null}
                    {screen === 'sync' ? <SyncScreen role={session.role} /> : null}
                    {screen === 'backup' ? <BackupScreen role={session.role} /> : null}
                    {screen === 'settings' ? <SettingsScreen role={session.role} onStaffSettingsSaved={() => void refreshSession()} onStationRenamed={(station) => setLoaded({ state: 'ready', station })} /> : null}
                  </div>
                </AudienceContext>
              </OpenScreenContext>
            ) : null}
          </div>
        </main>
      </div>
    </ElderModeContext>
  );
}
