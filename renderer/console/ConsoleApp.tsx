/*
 * The provincial console's shell: signed out it shows the sign-in, with a password an administrator set it
 * shows the change form, signed in the bar (province, account, language, sign-out), the navigation and the
 * screen the address's hash names (`#/stations`).
 *
 * Adding a screen:
 * 1. its calls in `shared/console/<area>-calls.ts` with handlers in `hub/console/handlers/<area>-handlers.ts`;
 * 2. its texts in `resources/locales/{zh-CN,en}/console<Screen>.json`, registered in `shared/i18n/resources.ts`
 *    (the typed keys), in the namespace list of `renderer/console/texts/namespaces.ts` and in both
 *    `renderer/console/texts/<language>.ts` (the console loads one language at a time);
 * 3. its component in `renderer/console/screens/<screen>/`, calling the hub through `consoleCall`
 *    (`renderer/console/api/client.ts`) and showing failures with `ConsoleErrorBanner`;
 * 4. one entry in `consoleScreens` below: its route, its title, and the call whose roles decide who sees it.
 * A Playwright spec in `tests/e2e/console/` drives it in both languages with `tests/e2e/console-fixtures.ts`.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { consoleContract, type ConsoleCallName } from '../../shared/console/contract';
import type { ConsoleRole } from '../../shared/console/roles';
import type { ConsoleSessionView } from '../../shared/console/values';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useRegionName } from '../hooks/useRegionName';
import { consoleCall, failureOf, whenSessionEnds, type ConsoleFailure } from './api/client';
import { useConsoleT } from './i18n';
import { ChangePasswordForm } from './parts/ChangePasswordForm';
import { ConsoleErrorBanner } from './parts/ConsoleErrorBanner';
import { IdleGuard } from './parts/IdleGuard';
import { SignInForm, type SignInNotice } from './parts/SignInForm';
import { AccountsScreen } from './screens/accounts/AccountsScreen';
import { AuditScreen } from './screens/audit/AuditScreen';
import { IngestLogScreen } from './screens/ingest/IngestLogScreen';
import { StationsScreen } from './screens/stations/StationsScreen';
import { ReviewScreen } from './screens/review/ReviewScreen';
import { FiguresScreen } from './screens/figures/FiguresScreen';
import { ExportsScreen } from './screens/exports/ExportsScreen';

type ConsoleT = ReturnType<typeof useConsoleT>['t'];

/** One screen of the console. */
interface ConsoleScreen {
  /** Its route: `#/<route>`. */
  route: string;
  title: (t: ConsoleT) => string;
  /** The call the screen cannot work without: the roles that may make it see the screen. */
  mainCall: ConsoleCallName;
  render: (session: ConsoleSessionView) => ReactNode;
}

/** Every screen, in the navigation's order. */
const consoleScreens: readonly ConsoleScreen[] = [
  { route: 'stations', title: (t) => t('consoleStations:title'), mainCall: 'stations:overview', render: () => <StationsScreen /> },
  { route: 'ingest', title: (t) => t('consoleIngest:title'), mainCall: 'ingest:log', render: () => <IngestLogScreen /> },
  { route: 'review', title: (t) => t('consoleReview:title'), mainCall: 'review:list', render: (session) => <ReviewScreen session={session} /> },
  { route: 'figures', title: (t) => t('consoleFigures:title'), mainCall: 'figures:get', render: () => <FiguresScreen /> },
  { route: 'exports', title: (t) => t('consoleExports:title'), mainCall: 'exports:runs', render: (session) => <ExportsScreen session={session} /> },
  { route: 'accounts', title: (t) => t('consoleAccounts:title'), mainCall: 'accounts:list', render: (session) => <AccountsScreen session={session} /> },
  { route: 'audit', title: (t) => t('consoleAudit:title'), mainCall: 'audit:verify', render: () => <AuditScreen /> },
];

function mayOpen(screen: ConsoleScreen, role: ConsoleRole): boolean {
  return (consoleContract[screen.mainCall].roles as readonly ConsoleRole[]).includes(role);
}

/** The route the address's hash names (`#/stations` → `stations`), empty for the welcome page. */
function currentRoute(): string {
  return window.location.hash.replace(/^#\/?/, '');
}

function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const follow = () => setRoute(currentRoute());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

type ShellState = { kind: 'loading' } | { kind: 'unreachable'; error: ConsoleFailure } | { kind: 'signedOut'; notice: SignInNotice } | { kind: 'signedIn'; session: ConsoleSessionView };

/** The console app: who is signed in decides what shows; the route survives a session's end and a new sign-in. */
export function ConsoleApp() {
  const { t } = useConsoleT();
  const [state, setState] = useState<ShellState>({ kind: 'loading' });

  const ask = useCallback(() => {
    consoleCall('session:current').then(
      (session) => setState({ kind: 'signedIn', session }),
      (failure: unknown) => {
        const code = failureOf(failure);
        if (code === 'network' || code === 'internal') setState({ kind: 'unreachable', error: code });
        else setState({ kind: 'signedOut', notice: code === 'session_expired' ? 'ended' : null });
      },
    );
  }, []);

  useEffect(() => {
    ask();
    whenSessionEnds(() => setState({ kind: 'signedOut', notice: 'ended' }));
    return () => whenSessionEnds(null);
  }, [ask]);

  const endIdle = useCallback(() => {
    void consoleCall('session:signOut').catch(() => undefined);
    setState({ kind: 'signedOut', notice: 'idle' });
  }, []);

  async function signOut() {
    await consoleCall('session:signOut').catch(() => undefined);
    window.location.hash = '';
    setState({ kind: 'signedOut', notice: null });
  }

  if (state.kind === 'loading') return <p className="console-loading">{t('console:loading')}</p>;
  if (state.kind === 'unreachable') {
    return (
      <main>
        <section className="panel panel--narrow">
          <ConsoleErrorBanner code={state.error} />
          <button type="button" onClick={ask}>
            {t('console:retry')}
          </button>
        </section>
      </main>
    );
  }
  if (state.kind === 'signedOut') return <SignInForm notice={state.notice} onSignedIn={(session) => setState({ kind: 'signedIn', session })} />;

  const { session } = state;
  return (
    <div className="app console-app">
      <ConsoleBar session={session} onSignOut={() => void signOut()} />
      {session.mustChangePassword ? (
        <main>
          <ChangePasswordForm onChanged={(changed) => setState({ kind: 'signedIn', session: changed })} />
        </main>
      ) : (
        <ConsoleScreens session={session} />
      )}
      <IdleGuard key={session.accountId} idleMinutes={session.idleMinutes} onIdleEnd={endIdle} />
    </div>
  );
}

/** The bar: the console's name, the province, who is signed in with their role, the language and sign-out. */
function ConsoleBar({ session, onSignOut }: { session: ConsoleSessionView; onSignOut: () => void }) {
  const { t } = useConsoleT();
  const regionName = useRegionName();
  return (
    <header className="app-header console-bar">
      <span className="brand">{t('console:appName')}</span>
      <span className="console-bar__province" data-testid="console-province">
        {t('console:bar.province', { province: regionName(session.provinceCode), code: session.provinceCode })}
      </span>
      <span className="console-bar__who" role="group" aria-label={t('console:bar.label')} data-testid="console-account">
        <strong>{session.displayName}</strong> <span>{session.username}</span> <span>{t(`console:role.${session.role}`)}</span>
      </span>
      <LanguageSwitch />
      <button type="button" onClick={onSignOut}>
        {t('console:bar.signOut')}
      </button>
    </header>
  );
}

/** The navigation of the screens the role may open, and the screen the route names. */
function ConsoleScreens({ session }: { session: ConsoleSessionView }) {
  const { t } = useConsoleT();
  const route = useRoute();
  const open = consoleScreens.filter((screen) => mayOpen(screen, session.role));
  const screen = consoleScreens.find((candidate) => candidate.route === route);
  return (
    <>
      <nav className="console-nav" aria-label={t('console:nav.label')}>
        {open.map((item) => (
          <a key={item.route} href={`#/${item.route}`} aria-current={item.route === route ? 'page' : undefined}>
            {item.title(t)}
          </a>
        ))}
      </nav>
      <main>
        {screen === undefined ? (
          <section className="panel">
            <h1>{t('console:home.title', { name: session.displayName })}</h1>
            <p className="lead">{t('console:home.intro')}</p>
          </section>
        ) : mayOpen(screen, session.role) ? (
          screen.render(session)
        ) : (
          <section className="panel" data-testid="console-forbidden">
            <h1>{t('console:forbidden.title')}</h1>
            <p>{t('console:forbidden.text', { role: t(`console:role.${session.role}`) })}</p>
          </section>
        )}
      </main>
    </>
  );
}
