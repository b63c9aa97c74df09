import { useT } from '../../i18n/index';
import type { Figures } from './types';
import { useFiguresFormat } from '../../hooks/useFiguresFormat';

/** The period's totals, one card each: visitors, messages, sessions held, reach, satisfaction. */
export function FigureCards({ figures }: { figures: Figures }) {
  const { t } = useT();
  const format = useFiguresFormat();
  const { visits, messages, sessions, attendance, satisfaction } = figures;
  const cards = [
    { id: 'visitors', value: format.whole(visits.people), detail: t('figures:cards.visitorsDetail', { count: visits.signIns, formatted: format.whole(visits.signIns) }) },
    { id: 'messages', value: format.whole(messages.submitted), detail: t('figures:cards.messagesDetail', { approved: format.whole(messages.approved) }) },
    {
      id: 'sessions',
      value: format.whole(sessions.held),
      detail: t('figures:cards.sessionsDetail', { expected: format.whole(sessions.expectedHeadCount), cancelled: format.whole(sessions.cancelled) }),
    },
    { id: 'reach', value: format.whole(attendance.reach), detail: t('figures:cards.reachDetail', { groups: format.whole(attendance.groups), walkIns: format.whole(attendance.walkIns) }) },
    {
      id: 'satisfaction',
      value: satisfaction.share === null ? t('figures:none') : format.percent(satisfaction.share),
      detail:
        satisfaction.mean === null
          ? t('figures:cards.noAnswers')
          : t('figures:cards.satisfactionDetail', { count: satisfaction.responses, formatted: format.whole(satisfaction.responses), mean: format.decimal(satisfaction.mean) }),
    },
  ] as const;
  return (
    <ul className="figure-cards" aria-label={t('figures:cards.label')}>
      {cards.map((card) => (
        <li key={card.id} className="figure-card" data-testid={`figure-${card.id}`}>
          <span className="figure-card__label">{t(`figures:cards.${card.id}`)}</span>
          <strong className="figure-card__value" data-testid={`figure-${card.id}-value`}>
            {card.value}
          </strong>
          <span className="figure-card__detail">{card.detail}</span>
        </li>
      ))}
    </ul>
  );
}
