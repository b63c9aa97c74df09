import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import { useRegionName } from '../../hooks/useRegionName';
import type { ScreenName } from '../../App';

type Station = NonNullable<CallOutput<'station:get'>>;

/** The station's identity and the way into each task. */
export function HomeScreen({ station, onOpen }: { station: Station; onOpen: (screen: ScreenName) => void }) {
  const { t } = useT();
  const regionName = useRegionName();
  return (
    <section className="panel" aria-labelledby="home-title">
      <h1 id="home-title">{station.name}</h1>
      <dl className="station-facts">
        <dt>{t('home.code')}</dt>
        <dd data-testid="station-code">{station.code}</dd>
        <dt>{t('home.kind')}</dt>
        <dd>{t(`common:stationKind.${station.kind}`)}</dd>
        <dt>{t('home.region')}</dt>
        <dd>{regionName(station.regionCode)}</dd>
      </dl>
      <div className="tiles">
        <button type="button" className="tile" onClick={() => onOpen('visitorSignIn')}>
          <strong>{t('memorial:signIn.title')}</strong>
          <span>{t('home.signInHint')}</span>
        </button>
        <button type="button" className="tile" onClick={() => onOpen('visitorLog')}>
          <strong>{t('memorial:log.title')}</strong>
          <span>{t('home.logHint')}</span>
        </button>
      </div>
    </section>
  );
}
