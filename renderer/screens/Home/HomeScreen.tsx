import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { isStaffRole, type Role } from '../../../shared/domain/roles';
import { PUBLIC_AREAS_BY_KIND } from '../../../shared/domain/station-tiles';
import { useRegionName } from '../../hooks/useRegionName';
import { mayOpen, type ScreenName } from '../../session';

type Station = NonNullable<CallOutput<'station:get'>>;

/**
 * The station's identity and the way into each task the role at the screen may do. The public sees the
 * areas its station's kind offers (shared/domain/station-tiles.ts) and not the internal station code.
 */
export function HomeScreen({ station, role, onOpen }: { station: Station; role: Role; onOpen: (screen: ScreenName) => void }) {
  const { t } = useT();
  const regionName = useRegionName();
  const tiles = [
    { screen: 'register', title: t('kiosk:title'), hint: t('home.registerHint') },
    { screen: 'records', title: t('records:title'), hint: t('home.recordsHint') },
    { screen: 'documents', title: t('documentDesk:title'), hint: t('home.documentsHint') },
    { screen: 'visitorSignIn', title: t('memorial:signIn.title'), hint: t('home.signInHint') },
    { screen: 'visitorLog', title: t('memorial:log.title'), hint: t('home.logHint') },
    { screen: 'messageWall', title: t('memorial:wall.title'), hint: t('memorial:wall.tileHint') },
    { screen: 'messageModeration', title: t('memorial:moderation.title'), hint: t('memorial:moderation.tileHint') },
    { screen: 'nameList', title: t('nameList:title'), hint: t('nameList:tileHint') },
    { screen: 'nameListDesk', title: t('nameListDesk:title'), hint: t('nameListDesk:tileHint') },
    { screen: 'familyCare', title: t('familyDesk:title'), hint: t('familyDesk:tileHint') },
    { screen: 'aidCases', title: t('aidDesk:title'), hint: t('aidDesk:tileHint') },
    { screen: 'sessionKiosk', title: t('sessionKiosk:title'), hint: t('sessionKiosk:homeHint') },
    { screen: 'sessions', title: t('sessions:title'), hint: t('sessions:homeHint') },
    { screen: 'figures', title: t('figures:title'), hint: t('figures:homeHint') },
    { screen: 'dashboard', title: t('dashboard:title'), hint: t('dashboard:homeHint') },
    { screen: 'sync', title: t('sync:title'), hint: t('sync:homeHint') },
    { screen: 'backup', title: t('backup:title'), hint: t('backup:homeHint') },
    { screen: 'audit', title: t('audit:title'), hint: t('home.auditHint') },
    { screen: 'staffAccounts', title: t('staff:accounts.title'), hint: t('home.staffHint') },
    { screen: 'settings', title: t('settings:title'), hint: t('settings:homeHint') },
    { screen: 'myAccount', title: t('staff:myAccount.title'), hint: t('staff:myAccount.homeHint') },
  ] as const;
  const staff = isStaffRole(role);
  const offered = staff
    ? tiles
    : PUBLIC_AREAS_BY_KIND[station.kind].flatMap((area) => tiles.filter((tile) => tile.screen === area));
  return (
    <section className="panel" aria-labelledby="home-title">
      <h1 id="home-title">{station.name}</h1>
      <dl className="station-facts">
        {staff ? (
          <>
            <dt>{t('home.code')}</dt>
            <dd data-testid="station-code">{station.code}</dd>
          </>
        ) : null}
        <dt>{t('home.kind')}</dt>
        <dd>{t(`common:stationKind.${station.kind}`)}</dd>
        <dt>{t('home.region')}</dt>
        <dd>{regionName(station.regionCode)}</dd>
      </dl>
      <div className="tiles">
        {offered
          .filter((tile) => mayOpen(role, tile.screen))
          .map((tile) => (
            <button key={tile.screen} type="button" className="tile" onClick={() => onOpen(tile.screen)}>
              <strong>{tile.title}</strong>
              <span>{tile.hint}</span>
            </button>
          ))}
      </div>
    </section>
  );
}
