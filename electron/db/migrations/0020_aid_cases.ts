import { sql, type Kysely } from 'kysely';

// Frozen: once landed, never edit this file. Change the schema in a new numbered migration.
export async function up(db: Kysely<any>): Promise<void> {
  // An aid case of a donor family (人道救助). The reason in the family's words and the recipient's drawn
  // signature are sealed; the cause (programme, the student member and year, the kind of hardship and
  // year, or the visit's year) is plain JSON and names no one. Money is in fen (分), whole numbers.
  await db.schema
    .createTable('aid_case')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('station_code', 'text', (col) => col.notNull())
    .addColumn('family_id', 'text', (col) => col.notNull().references('donor_family.id'))
    .addColumn('programme', 'text', (col) =>
      col.notNull().check(sql`programme in ('condolence', 'hardship', 'study_grant', 'funeral', 'bo_ai_visit')`),
    )
    .addColumn('cause', 'text', (col) => col.notNull())
    .addColumn('cause_key', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('applied', 'reviewed', 'proposed', 'granted', 'on_notice', 'paid', 'rejected')`),
    )
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('applicant_member_id', 'text', (col) => col.notNull().references('family_member.id'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('documents_seen', 'text', (col) => col.notNull())
    .addColumn('amount_asked_fen', 'integer', (col) => col.notNull().check(sql`amount_asked_fen > 0`))
    .addColumn('amount_proposed_fen', 'integer', (col) => col.check(sql`amount_proposed_fen > 0`))
    .addColumn('amount_granted_fen', 'integer', (col) => col.check(sql`amount_granted_fen > 0`))
    .addColumn('notice_from', 'text')
    .addColumn('notice_to', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('payment_method', 'text', (col) => col.check(sql`payment_method in ('cash', 'bank_transfer')`))
    .addColumn('recipient_member_id', 'text', (col) => col.references('family_member.id'))
    .addColumn('recipient_signature', 'text')
    .addColumn('opened_at', 'text', (col) => col.notNull())
    .addColumn('opened_by', 'text')
    // A paid case has all of its payment, and the amount granted; nothing is paid before.
    .addCheckConstraint(
      'aid_case_payment_complete',
      sql`(state = 'paid') = (paid_on is not null and payment_method is not null and recipient_member_id is not null
        and recipient_signature is not null and amount_granted_fen is not null)`,
    )
    .addCheckConstraint('aid_case_notice_order', sql`notice_to is null or notice_from <= notice_to`)
    .execute();
  // Aid is once per cause: one open or granted case per family and cause; a rejected one no longer counts.
  await sql`create unique index aid_case_once_per_cause on aid_case (family_id, cause_key) where state != 'rejected'`.execute(db);
  await db.schema.createIndex('aid_case_state').on('aid_case').columns(['state', 'opened_at']).execute();
  await db.schema.createIndex('aid_case_notice').on('aid_case').columns(['notice_from', 'notice_to']).execute();
  // A case is never deleted; what it was opened for never changes; once paid or rejected it is final.
  // The sealed columns stay updatable so that a key rotation can re-encrypt them.
  await sql`create trigger aid_case_no_delete before delete on aid_case
    begin select raise(abort, 'aid cases are never deleted'); end`.execute(db);
  await sql`create trigger aid_case_opened_fixed
    before update of id, station_code, family_id, programme, cause, cause_key, applicant_member_id, documents_seen,
      amount_asked_fen, opened_at, opened_by on aid_case
    begin select raise(abort, 'what an aid case was opened for never changes'); end`.execute(db);
  await sql`create trigger aid_case_final
    before update of state, amount_proposed_fen, amount_granted_fen, notice_from, notice_to, paid_on, payment_method,
      recipient_member_id on aid_case when old.state in ('paid', 'rejected')
    begin select raise(abort, 'a paid or rejected aid case is final'); end`.execute(db);

  // The steps of a case's approval chain, one row per step taken, numbered in order. The step's note
  // (a review's, a decision's, an objection) is sealed. Steps are appended, never changed or deleted.
  await db.schema
    .createTable('aid_step')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('aid_case.id'))
    .addColumn('seq', 'integer', (col) => col.notNull().check(sql`seq >= 1`))
    .addColumn('step', 'text', (col) =>
      col.notNull().check(sql`step in ('application', 'review', 'proposal', 'decision', 'notice', 'objection', 'payment')`),
    )
    .addColumn('outcome', 'text', (col) => col.notNull().check(sql`outcome in ('approved', 'rejected', 'recorded')`))
    .addColumn('amount_fen', 'integer')
    .addColumn('note', 'text')
    .addColumn('taken_at', 'text', (col) => col.notNull())
    .addColumn('taken_by', 'text', (col) => col.notNull())
    .addUniqueConstraint('aid_step_case_seq', ['case_id', 'seq'])
    .execute();
  await sql`create trigger aid_step_no_delete before delete on aid_step
    begin select raise(abort, 'aid steps are never deleted'); end`.execute(db);
  await sql`create trigger aid_step_no_change
    before update of id, case_id, seq, step, outcome, amount_fen, taken_at, taken_by on aid_step
    begin select raise(abort, 'a recorded aid step never changes'); end`.execute(db);
  // Four eyes: the same person never takes two steps of a case in a row.
  await sql`create trigger aid_step_four_eyes before insert on aid_step
    when new.taken_by = (select taken_by from aid_step where case_id = new.case_id order by seq desc limit 1)
    begin select raise(abort, 'the same person may not take two steps of an aid case in a row'); end`.execute(db);
}
