import { useT } from '../../i18n/index';
import { TargetStatusBadge } from '../../components/TargetStatusBadge';
import type { Figures } from './types';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';

/** Reach against its share of the local population, and satisfaction against 95 %: met or not, clearly. */
export function TargetsPanel({ figures }: { figures: Figures }) {
  const { t } = useT();
  const format = useFiguresFormat();
  const { reach, satisfaction } = figures;
  return (
    <section className="figure-targets" aria-labelledby="figure-targets-title">
      <h2 id="figure-targets-title">{t('figures:targets.title')}</h2>
      <div className="figure-target" data-testid="target-reach">
        <h3>
          {t('figures:targets.reach')} <TargetStatusBadge status={reach.status} unknownLabel={t('figures:status.noPopulation')} />
        </h3>
        {reach.localPopulation === null || reach.share === null || reach.targetPeople === null ? (
          <p>{t('figures:targets.reachNoPopulation', { yearly: format.percent(reach.yearlyTargetShare) })}</p>
        ) : (
          <>
            <p>
              {t('figures:targets.reachValue', {
                share: format.percent(reach.share),
                reach: format.whole(reach.reach),
                population: format.whole(reach.localPopulation),
              })}
            </p>
            <p className="figure-target__goal">
              {t('figures:targets.reachTarget', {
                share: format.percent(reach.periodTargetShare),
                people: format.whole(reach.targetPeople),
                yearly: format.percent(reach.yearlyTargetShare),
              })}
            </p>
          </>
        )}
      </div>
      <div className="figure-target" data-testid="target-satisfaction">
        <h3>
          {t('figures:targets.satisfaction')} <TargetStatusBadge status={satisfaction.status} unknownLabel={t('figures:status.noAnswers')} />
        </h3>
        {satisfaction.share === null ? (
          <p>{t('figures:targets.satisfactionNoAnswers')}</p>
        ) : (
          <p>
            {t('figures:targets.satisfactionValue', {
              share: format.percent(satisfaction.share),
              satisfied: format.whole(satisfaction.satisfied),
              count: satisfaction.responses,
              formatted: format.whole(satisfaction.responses),
            })}
          </p>
        )}
        <p className="figure-target__goal">{t('figures:targets.satisfactionTarget', { share: format.percent(satisfaction.targetShare) })}</p>
      </div>
    </section>
  );
}
