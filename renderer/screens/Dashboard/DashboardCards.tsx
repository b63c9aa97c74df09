import { useT } from '../../i18n/index';
import type { TargetStatus } from '../../../shared/domain/figures';
import { TargetStatusBadge } from '../../components/TargetStatusBadge';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';
import type { Dashboard } from './types';

interface Card {
  id: string;
  label: string;
  value: string;
  detail: string;
  /** The target in words, or that there is none. */
  target: string;
  judged?: { status: TargetStatus; unknownLabel: string };
}

/** One card per figure: its value, its target and, where it is judged, whether the target is met. */
export function DashboardCards({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useT();
  const format = useFiguresFormat();
  const { registrations, stemCell, memorial } = dashboard;
  const { growth } = registrations;
  const { recontact } = stemCell;
  const { reach, satisfaction } = memorial;
  const share = (value: number | null) => (value === null ? t('dashboard:none') : format.percent(value));
  const noTarget = t('dashboard:cards.noTarget');
  const cards: Card[] = [
    {
      id: 'registered',
      label: t('dashboard:cards.registered'),
      value: format.whole(registrations.registered),
      detail: t('dashboard:cards.registeredDetail', { previous: format.whole(growth.previous) }),
      target: noTarget,
    },
    {
      id: 'growth',
      label: t('dashboard:cards.growth'),
      value: growth.growth === null ? t('dashboard:none') : `${growth.growth > 0 ? '+' : ''}${format.percent(growth.growth)}`,
      detail: t('dashboard:cards.registeredDetail', { previous: format.whole(growth.previous) }),
      target: t('dashboard:cards.growthTarget', { target: format.percent(growth.target) }),
      judged: { status: growth.status, unknownLabel: t('dashboard:status.noPreviousYear') },
    },
    {
      id: 'withdrawn',
      label: t('dashboard:cards.withdrawn'),
      value: format.whole(registrations.withdrawn),
      detail: t('dashboard:cards.withdrawnDetail', { realised: format.whole(registrations.realised) }),
      target: noTarget,
    },
    {
      id: 'recontact',
      label: t('dashboard:cards.recontact'),
      value: share(recontact.share),
      detail: t('dashboard:cards.recontactDetail', { consenting: format.whole(recontact.consenting), volunteers: format.whole(recontact.volunteers) }),
      target: t('dashboard:cards.recontactTarget', { target: format.percent(recontact.targetShare) }),
      judged: { status: recontact.status, unknownLabel: t('dashboard:status.noVolunteers') },
    },
    {
      id: 'visitors',
      label: t('dashboard:cards.visitors'),
      value: format.whole(memorial.visits.people),
      detail: t('dashboard:cards.visitorsDetail', { signIns: format.whole(memorial.visits.signIns) }),
      target: noTarget,
    },
    {
      id: 'sessions',
      label: t('dashboard:cards.sessions'),
      value: format.whole(memorial.sessions.held),
      detail: t('dashboard:cards.sessionsDetail', { cancelled: format.whole(memorial.sessions.cancelled) }),
      target: noTarget,
    },
    {
      id: 'reach',
      label: t('dashboard:cards.reach'),
      value: format.whole(reach.reach),
      detail: reach.share === null ? t('dashboard:none') : format.percent(reach.share),
      target:
        reach.targetPeople === null
          ? t('dashboard:cards.reachNoTarget', { share: format.percent(reach.yearlyTargetShare) })
          : t('dashboard:cards.reachTarget', { people: format.whole(reach.targetPeople), share: format.percent(reach.periodTargetShare) }),
      judged: { status: reach.status, unknownLabel: t('dashboard:status.noPopulation') },
    },
    {
      id: 'satisfaction',
      label: t('dashboard:cards.satisfaction'),
      value: share(satisfaction.share),
      detail: t('dashboard:cards.satisfactionDetail', { responses: format.whole(satisfaction.responses) }),
      target: t('dashboard:cards.satisfactionTarget', { target: format.percent(satisfaction.targetShare) }),
      judged: { status: satisfaction.status, unknownLabel: t('dashboard:status.noAnswers') },
    },
  ];
  return (
    <ul className="figure-cards dashboard-cards" aria-label={t('dashboard:cards.label')}>
      {cards.map((card) => (
        <li key={card.id} className="figure-card" data-testid={`dashboard-${card.id}`}>
          <span className="figure-card__label">{card.label}</span>
          <strong className="figure-card__value" data-testid={`dashboard-${card.id}-value`}>
            {card.value}
          </strong>
          <span className="figure-card__detail">{card.detail}</span>
          <span className="figure-card__detail dashboard-card__target" data-testid={`dashboard-${card.id}-target`}>
            {card.target}
          </span>
          {card.judged ? (
            <span className="dashboard-card__badge">
              <TargetStatusBadge status={card.judged.status} unknownLabel={card.judged.unknownLabel} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
