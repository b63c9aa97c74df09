import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import { aidProgrammes } from '../../../shared/domain/aid';
import { ceremonies, familyContactKinds } from '../../../shared/domain/family';
import { aidPaidInYear, contactsInYear, countFamilies, countOverdueFollowUps, invitationsInYear } from '../../db/repositories/family-figures';
import type { StationContext } from '../kernel/context';

/** The family-care figures of a year: counts only, never a family or a name (the auditor reads them too). */
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
      followUpsOverdue: await countOverdueFollowUps(db, stationDate(this.ctx.clock.now())),
      invitations: ceremonies.map((ceremony) => {
        const row = invitations.find((entry) => entry.ceremony === ceremony);
        return { ceremony, sent: row?.sent ?? 0, accepted: row?.accepted ?? 0, attended: row?.attended ?? 0 };
      }),
      aidPaid: await this.aidPaid(input.year),
    };
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
