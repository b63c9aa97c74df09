import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import { aidProgrammes } from '../../../shared/domain/aid';
import { ceremonies, familyContactKinds, unlaidFollowUps } from '../../../shared/domain/family';
import { allFamilies } from '../../db/repositories/family';
import { aidPaidInYear, contactsInYear, countFamilies, followUpsByFamily, invitationsInYear } from '../../db/repositories/family-figures';
import type { StationContext } from '../kernel/context';
import { mayBeContacted, plannedCarePlan } from './care-plan';

/**
 * The family-care figures of a year: counts only, never a family or a name. The auditor reads them too,
 * so they only read: nothing is laid or written here.
 */
export class FamilyFiguresService {
  constructor(private readonly ctx: StationContext) {}

  async figures(input: ParsedInput<'family:figures'>): Promise<CallOutput<'family:figures'>> {
    const db = this.ctx.db;
    const contacts = await contactsInYear(db, input.year);
    const invitations = await invitationsInYear(db, input.year);
    const total = contacts.byKind.reduce((sum, row) => sum + row.count, 0);
    return {
      year: input.year,
      familiesOpen: await countFamilies(db),
      familiesContacted: contacts.families,
      contacts: total,
      contactsPerFamily: contacts.families === 0 ? 0 : Math.round((total / contacts.families) * 100) / 100,
      contactsByKind: familyContactKinds.map((kind) => ({ kind, count: contacts.byKind.find((row) => row.kind === kind)?.count ?? 0 })),
      followUpsOverdue: await this.followUpsOverdue(stationDate(this.ctx.clock.now())),
      invitations: ceremonies.map((ceremony) => {
        const row = invitations.find((entry) => entry.ceremony === ceremony);
        return { ceremony, sent: row?.sent ?? 0, accepted: row?.accepted ?? 0, attended: row?.attended ?? 0 };
      }),
      aidPaid: await this.aidPaid(input.year),
    };
  }

  /**
   * Follow-ups due before `today` and not yet done, of the families that may be contacted: the open ones
   * laid, and the yearly Qingming visits of the plan that nobody has laid yet (the due list and the
   * family's page lay them when read, which may not have happened since they came due).
   */
  private async followUpsOverdue(today: string): Promise<number> {
    const settings = await this.ctx.settings.read('familyCare');
    const laidByFamily = await followUpsByFamily(this.ctx.db);
    let overdue = 0;
    for (const family of await allFamilies(this.ctx.db)) {
      if (!(await mayBeContacted(this.ctx.db, family))) continue;
      const laid = laidByFamily.get(family.id) ?? [];
      const unlaid = unlaidFollowUps(plannedCarePlan(family.donated_on, settings, Number(today.slice(0, 4)), 'yearly_visits'), laid);
      overdue += laid.filter((followUp) => followUp.state === 'open' && followUp.due_on < today).length;
      overdue += unlaid.filter((step) => step.dueOn < today).length;
    }
    return overdue;
  }

  /** Every aid programme, those without a payment in the year at zero. */
  private async aidPaid(year: number): Promise<CallOutput<'family:figures'>['aidPaid']> {
    const paid = await aidPaidInYear(this.ctx.db, year);
    return aidProgrammes.map((programme) => {
      const row = paid.find((entry) => entry.programme === programme);
      return { programme, cases: row?.cases ?? 0, amountFen: row?.amountFen ?? 0 };
    });
  }
}
