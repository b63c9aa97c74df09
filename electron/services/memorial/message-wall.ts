import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { stationDate } from '../../../shared/domain/age';
import type { VisitorRelation } from '../../../shared/domain/visitors';
import { collapseBlankLines } from '../../../shared/validation/visitors';
import { approvedVisitorMessages, countVisitorMessagesByState } from '../../db/repositories/visitor-messages';
import type { StationContext } from '../kernel/context';

/** The public message wall: approved messages only, newest first, a page at a time. */
export class MessageWall {
  constructor(private readonly ctx: StationContext) {}

  /** One page; a page past the end comes back empty with the total, so the screen can go back to the first. */
  async page(input: ParsedInput<'messages:wall'>): Promise<CallOutput<'messages:wall'>> {
    const [rows, counts] = await Promise.all([
      approvedVisitorMessages(this.ctx.db, input.page * input.pageSize, input.pageSize),
      countVisitorMessagesByState(this.ctx.db),
    ]);
    return {
      total: counts.get('approved') ?? 0,
      page: input.page,
      pageSize: input.pageSize,
      messages: rows.map((row) => ({
        id: row.id,
        // Messages accepted before blank lines were collapsed at sign-in are shown the same way.
        message: collapseBlankLines(this.ctx.protection.open(row.body, 'visitor_message.body')),
        author: this.ctx.protection.openOptional(row.author_masked, 'visitor_message.author_masked'),
        relation: row.relation as VisitorRelation | null,
        writtenOn: stationDate(new Date(row.written_at)),
      })),
    };
  }
}
