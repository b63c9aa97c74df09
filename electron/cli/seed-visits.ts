import { contract, type CallInput, type CallName, type ParsedInput } from '../../shared/contract/calls';
import { addCalendarDays, type CalendarDate } from '../../shared/domain/age';
import { stationMoment, type AgeBand, type AudienceKind } from '../../shared/domain/education';
import type { VisitPurpose, VisitorRelation } from '../../shared/domain/visitors';
import type { OpenStation } from '../app/open-station';
import { messageIdOfSignIn } from '../db/repositories/figures';
import type { Clock } from '../services/kernel/clock';
import { AppError } from '../services/kernel/errors';
import { createRandom } from '../../shared/random/seeded-random';
import { SYSTEM_ACTOR } from './command-support';

/**
 * Memorial visits and life-education sessions for demos and benchmarks (`cli seed --visits N
 * --sessions M`), written through the real services at the moments they happened: the station is
 * opened on a {@link SeedClock} that the seeding sets before each step, so every rule that depends on
 * the time holds (sessions scheduled before their day, groups checked in on it, surveys after the
 * start), and the rows, outbox and audit entries are exactly those the kiosk and the desk would write.
 *
 * Reproducible: the same seed on the same day gives the same visits and sessions (ids aside). Visits
 * and past sessions fall in the 360 days before today, so the default one-year retention keeps them.
 */

/** The services' clock, pinned by the seeding to the moment of each step; the real time when not pinned. */
export class SeedClock implements Clock {
  private pinned: Date | null = null;
  now(): Date {
    return this.pinned ? new Date(this.pinned) : new Date();
  }
  pin(moment: Date | null): void {
    this.pinned = moment;
  }
}

/** Every visit is planned before the first is written: half a million keeps that in a few hundred MB. */
export const MAX_SEED_VISITS = 500_000;
export const MAX_SEED_SESSIONS = 10_000;

/** How far back visits and past sessions go: inside the default retention of a year. */
const HISTORY_DAYS = 360;
/** Share of sessions still to come (scheduled in the next month, not yet held). */
const UPCOMING_SHARE = 0.1;
const CANCELLED_SHARE = 0.07;

export interface VisitSeedOptions {
  visits: number;
  sessions: number;
  seed: number;
  /** The station's date the history ends on (yesterday is its last day). */
  today: CalendarDate;
  /** Called with the steps done and the steps in all, every `progressEvery` steps. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export interface VisitSeedSummary {
  visits: { signIns: number; people: number; messages: number; approved: number; rejected: number };
  sessions: { scheduled: number; cancelled: number; upcoming: number; groups: number; walkIns: number; surveys: number };
}

export type VisitSeedResult = ({ ok: true } & VisitSeedSummary) | ({ ok: false; code: string; step: string } & VisitSeedSummary);

type Random = () => number;

function pick<T>(random: Random, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new RangeError('pick from an empty list');
  return value;
}

function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A choice by weight: `[[value, weight], …]`. */
function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices.at(-1)![0];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '普', '段', '杨'] as const;
const GIVEN = ['伟', '芳', '秀英', '建国', '丽华', '志强', '静', '海燕', '文博', '春梅', '永红', '晓东', '玉兰', '子涵', '国庆'] as const;
const MESSAGES = [
  '感谢您的大爱，您的生命在他人身上延续。',
  '爸爸，我们来看您了，家里一切都好。',
  '向所有捐献者致敬，愿逝者安息。',
  '妈妈，清明节我们带孩子来看您，您放心。',
  '生命接力，大爱永恒。',
  '谢谢你们给了别人第二次生命。',
  '今天带学生来参观，孩子们很受感动。',
  '我们会记住您，也会把这份爱传下去。',
] as const;
const REJECT_REASONS = ['与纪念无关', '含有广告', '含有他人电话号码'] as const;
const GROUPS = ['昆明市第一中学', '云南大学志愿者协会', '五华区红十字会', '盘龙区社区服务中心', '昆明医科大学学生会', '市人民医院工会'] as const;

const SESSION_TITLES = [
  '生命的礼物：器官捐献知识讲座',
  '遗体捐献与医学教育',
  '造血干细胞捐献：一份配型的希望',
  '生命教育进校园',
  '向大体老师致敬',
  '社区生命教育开放日',
] as const;
const VENUES = ['生命教育馆一楼报告厅', '纪念园展厅', '多功能厅', '户外纪念广场'] as const;
const HOSTS = ['张老师', '李医生', '王主任', '赵志愿者', '杨老师'] as const;
const ORGANISATIONS: Record<AudienceKind, readonly string[]> = {
  school: ['昆明市第一中学初二（3）班', '云南师大附中高一年级', '五华区实验小学五年级', '昆明医科大学临床医学院'],
  community: ['翠湖社区老年协会', '盘龙区拓东街道', '官渡区志愿者服务队'],
  workplace: ['市人民医院护理部', '云南电网公司工会', '昆明银行青年团支部'],
  other: ['读书会', '摄影爱好者协会'],
};
const AGE_BANDS: Record<AudienceKind, readonly AgeBand[]> = {
  school: ['under_12', 'age_12_17', 'age_12_17', 'adults'],
  community: ['adults', 'seniors', 'mixed'],
  workplace: ['adults'],
  other: ['mixed', 'adults'],
};
const COMMENTS = ['讲得很好，很感动。', '希望多举办这样的活动。', '时间有点短。', '孩子们收获很大。', '场地有点小。'] as const;

function personName(random: Random): string {
  return pick(random, SURNAMES) + pick(random, GIVEN);
}

function mobile(random: Random): string {
  return `1${pick(random, ['3', '5', '7', '8', '9'])}${String(between(random, 0, 999_999_999)).padStart(9, '0')}`;
}

/** A moment on a station day, minutes after midnight (Beijing time). */
function onDay(day: CalendarDate, minutes: number): Date {
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return new Date(stationMoment(day, clock));
}

/**
 * Weights of the history's days: weekends draw twice the visitors, the Qingming days (4–6 April, and
 * the days just before) many times more, winter fewer.
 */
function dayWeights(days: CalendarDate[]): number[] {
  return days.map((day) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const month = Number(day.slice(5, 7));
    const date = Number(day.slice(8, 10));
    let weight = weekday === 0 || weekday === 6 ? 2 : 1;
    if (month === 4 && date >= 2 && date <= 6) weight *= 12;
    if (month === 12 || month === 1) weight *= 0.6;
    return weight;
  });
}

function weightedDay(random: Random, days: CalendarDate[], cumulative: number[]): CalendarDate {
  const roll = random() * cumulative.at(-1)!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! > roll) high = middle;
    else low = middle + 1;
  }
  return days[low]!;
}

/** One step of the history: what happens, and when. Steps run in time order. */
interface Step {
  at: number;
  /** Breaks ties so that a session's steps keep their order within one moment. */
  order: number;
  name: string;
  run: () => Promise<void>;
}

/** Parses an input with the contract's own schema, exactly as the screens' calls are. */
function parsed<N extends CallName>(name: N, input: CallInput<N>): ParsedInput<N> {
  return contract[name].input.parse(input) as ParsedInput<N>;
}

export async function seedVisitsAndSessions(station: OpenStation, clock: SeedClock, options: VisitSeedOptions): Promise<VisitSeedResult> {
  const { services } = station;
  const random = createRandom(options.seed ^ 0x715175);
  const summary: VisitSeedSummary = {
    visits: { signIns: 0, people: 0, messages: 0, approved: 0, rejected: 0 },
    sessions: { scheduled: 0, cancelled: 0, upcoming: 0, groups: 0, walkIns: 0, surveys: 0 },
  };
  const steps = new StepQueue();
  let order = 0;
  const add = (at: Date, name: string, run: () => Promise<void>) => steps.push({ at: at.getTime(), order: order++, name, run });

  const history = Array.from({ length: HISTORY_DAYS }, (_, index) => addCalendarDays(options.today, index - HISTORY_DAYS));
  const weights = dayWeights(history);
  const cumulative: number[] = [];
  weights.reduce((sum, weight) => {
    cumulative.push(sum + weight);
    return sum + weight;
  }, 0);

  for (let index = 0; index < options.visits; index += 1) {
    const day = weightedDay(random, history, cumulative);
    const at = onDay(day, between(random, 8 * 60 + 30, 17 * 60 + 30));
    const qingming = day.slice(5, 7) === '04' && Number(day.slice(8, 10)) <= 6;
    const purpose: VisitPurpose = qingming && random() < 0.7 ? 'qingming' : random() < 0.6 ? 'remembrance' : 'tour';
    const group = random() < 0.08;
    const partySize = group ? between(random, 8, 40) : weighted(random, [[1, 30], [2, 25], [3, 15], [4, 12], [5, 6], [6, 4]] as const);
    const named = random() < 0.35;
    const relation: VisitorRelation | null = named ? weighted(random, [['family', 60], ['friend', 20], ['colleague', 10], ['other', 10]] as const) : null;
    const message = random() < 0.12 ? pick(random, MESSAGES) : null;
    const decision = message === null ? null : weighted(random, [['approve', 80], ['reject', 8], ['pending', 12]] as const);
    const rejectReason = pick(random, REJECT_REASONS);
    const decidedAt = new Date(at.getTime() + between(random, 1, 48) * 3_600_000);
    const input = parsed('visitor:signIn', {
      partySize,
      purpose,
      visitorName: named ? personName(random) : null,
      relation,
      groupName: group ? pick(random, GROUPS) : null,
      message,
    });
    add(at, 'visitor:signIn', async () => {
      const visit = await services.visitors.signIn(input, SYSTEM_ACTOR);
      summary.visits.signIns += 1;
      summary.visits.people += partySize;
      if (message === null) return;
      summary.visits.messages += 1;
      // Staff decide a while later, unless that is still to come.
      if (decision === 'pending' || decidedAt.getTime() >= Date.now()) return;
      add(decidedAt, 'messages:decide', async () => {
        const id = await messageIdOfSignIn(station.connection.db, visit.id);
        if (id === undefined) return;
        if (decision === 'approve') {
          await services.messageModeration.approve(parsed('messages:approve', { id }), SYSTEM_ACTOR);
          summary.visits.approved += 1;
        } else {
          await services.messageModeration.reject(parsed('messages:reject', { id, reason: rejectReason }), SYSTEM_ACTOR);
          summary.visits.rejected += 1;
        }
      });
    });
  }

  const weekdays = history.filter((day) => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()));
  for (let index = 0; index < options.sessions; index += 1) {
    const upcoming = random() < UPCOMING_SHARE;
    const day = upcoming ? addCalendarDays(options.today, between(random, 1, 30)) : pick(random, weekdays);
    const audienceKind = weighted(random, [['school', 55], ['community', 25], ['workplace', 15], ['other', 5]] as const);
    const startMinutes = pick(random, [9 * 60, 10 * 60, 14 * 60, 15 * 60]);
    const expected = audienceKind === 'school' ? between(random, 40, 120) : between(random, 15, 60);
    const startsAt = onDay(day, startMinutes);
    const endsAt = onDay(day, startMinutes + pick(random, [90, 120]));
    // Scheduled one to four weeks ahead; an upcoming one today, as the desk would now.
    const scheduledAt = upcoming ? new Date() : onDay(addCalendarDays(day, -between(random, 7, 28)), 10 * 60);
    const cancelled = !upcoming && random() < CANCELLED_SHARE;
    const cancelledAt = onDay(addCalendarDays(day, -between(random, 1, 5)), 16 * 60);
    const input = parsed('education:schedule', {
      title: pick(random, SESSION_TITLES),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      venue: pick(random, VENUES),
      host: pick(random, HOSTS),
      audienceKind,
      expectedHeadCount: expected,
    });
    const attendance = sessionAttendance(random, audienceKind, expected);
    add(scheduledAt, 'education:schedule', async () => {
      const session = await services.education.schedule.schedule(input, SYSTEM_ACTOR);
      summary.sessions.scheduled += 1;
      if (upcoming) {
        summary.sessions.upcoming += 1;
        return;
      }
      if (cancelled) {
        add(cancelledAt, 'education:cancel', async () => {
          await services.education.schedule.cancel(parsed('education:cancel', { sessionId: session.id, version: session.version, reason: '讲师临时有事，改期举行' }), SYSTEM_ACTOR);
          summary.sessions.cancelled += 1;
        });
        return;
      }
      attendance.groups.forEach((group, groupIndex) => {
        add(new Date(startsAt.getTime() - (30 - groupIndex * 5) * 60_000), 'education:checkIn', async () => {
          await services.education.attendance.checkIn(parsed('education:checkIn', { sessionId: session.id, ...group }), SYSTEM_ACTOR);
          summary.sessions.groups += 1;
        });
      });
      if (attendance.walkIns > 0) {
        add(new Date(startsAt.getTime() + 20 * 60_000), 'education:addWalkIns', async () => {
          await services.education.attendance.addWalkIns(parsed('education:addWalkIns', { sessionId: session.id, count: attendance.walkIns }), SYSTEM_ACTOR);
          summary.sessions.walkIns += attendance.walkIns;
        });
      }
      attendance.surveys.forEach((survey, surveyIndex) => {
        add(new Date(endsAt.getTime() + surveyIndex * 20_000), 'education:survey', async () => {
          await services.education.attendance.answerSurvey(parsed('education:survey', { sessionId: session.id, ...survey }), SYSTEM_ACTOR, `seed-survey-${surveyIndex}`);
          summary.sessions.surveys += 1;
        });
      });
    });
  }

  // Steps add later steps (a decision after a visit, attendance after scheduling): always run the earliest.
  const every = options.progressEvery ?? 10_000;
  let done = 0;
  try {
    for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
      clock.pin(new Date(step.at));
      try {
        await step.run();
      } catch (error) {
        if (error instanceof AppError) return { ok: false, code: error.code, step: step.name, ...summary };
        throw error;
      }
      done += 1;
      if (done % every === 0) options.onProgress?.(done, done + steps.size);
    }
  } finally {
    clock.pin(null);
  }
  return { ok: true, ...summary };
}

/** A binary min-heap of steps by time, then by the order they were added. */
class StepQueue {
  private readonly heap: Step[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(step: Step): void {
    const heap = this.heap;
    heap.push(step);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!earlier(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  pop(): Step | undefined {
    const heap = this.heap;
    const first = heap[0];
    const last = heap.pop();
    if (first === undefined || last === undefined || heap.length === 0) return first;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && earlier(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && earlier(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) return first;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
}

function earlier(a: Step, b: Step): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}

interface Attendance {
  groups: Array<{ organisation: string; contactName: string; contactPhone: string; headCount: number; ageBand: AgeBand }>;
  walkIns: number;
  surveys: Array<{ score: number; comment: string | null }>;
}

/** Who comes to a session: one to three groups near the expected head count, a few walk-ins, a fifth to a third answering the survey. */
function sessionAttendance(random: Random, audienceKind: AudienceKind, expected: number): Attendance {
  const groupCount = audienceKind === 'school' ? between(random, 1, 3) : between(random, 1, 2);
  const present = Math.max(groupCount, Math.round(expected * (0.7 + random() * 0.35)));
  const groups = Array.from({ length: groupCount }, (_, index) => ({
    organisation: pick(random, ORGANISATIONS[audienceKind]),
    contactName: personName(random),
    contactPhone: mobile(random),
    headCount: Math.max(1, Math.min(500, Math.floor(present / groupCount) + (index === 0 ? present % groupCount : 0))),
    ageBand: pick(random, AGE_BANDS[audienceKind]),
  }));
  const walkIns = audienceKind === 'school' ? between(random, 0, 3) : between(random, 0, 12);
  const answers = Math.round((present + walkIns) * (0.2 + random() * 0.15));
  const surveys = Array.from({ length: answers }, () => ({
    score: weighted(random, [[5, 70], [4, 24], [3, 4], [2, 1.5], [1, 0.5]] as const),
    comment: random() < 0.15 ? pick(random, COMMENTS) : null,
  }));
  return { groups, walkIns, surveys };
}
