import { describe, expect, expectTypeOf, it } from 'vitest';
import { sealedColumns, sealedContexts, sealingContext, type SealedContext } from '../../electron/db/sealed-columns';
import type { DataProtection } from '../../electron/services/kernel/data-protection';

/**
 * The contexts that values already in stations' databases and backups are sealed under, in the order of
 * `sealedColumns`. A context is authenticated with its value: renaming one makes every value sealed under
 * it unreadable, so a change here needs a migration that re-seals, never an edit of the string.
 */
const contextsOfStoredValues = [
  'visitor_sign_in.visitor_name',
  'visitor_sign_in.group_name',
  'visitor_message.body',
  'visitor_message.author_masked',
  'visitor_message.reject_reason',
  'outbox.payload',
  'sync_batch.file',
  'person.personal',
  'person_version.personal',
  'person_version.reason',
  'kiosk_held_change.phone',
  'registration.details',
  'registration_version.details',
  'registration_version.note',
  'signature.image',
  'refusal.statement',
  'refusal.revoke_reason',
  'follow_up.note',
  'signing_key.private_key',
  'document.void_reason',
  'document.recipient',
  'document.recipient_signature',
  'memorial_consent.relative',
  'memorial_consent.signature',
  'memorial_consent.withdraw_reason',
  'memorial_entry.withdrawn_name',
  'education_session.cancel_reason',
  'education_group.contact_name',
  'education_group.contact_phone',
  'education_survey.comment',
  'donor_family.do_not_contact_reason',
  'family_member.details',
  'family_member_version.details',
  'family_contact.needs',
  'family_contact.next_step',
  'aid_case.reason',
  'aid_case.recipient_signature',
  'aid_step.note',
] as const;

describe('sealing contexts', () => {
  it('are the ones the re-seal pass of key rotation walks, one per sealed column and none twice', () => {
    expect(sealedContexts).toEqual(sealedColumns.map((column) => sealingContext(column)));
    expect(new Set(sealedContexts).size).toBe(sealedColumns.length);
  });

  it('stay byte-identical to the contexts stored values are sealed under', () => {
    expect(sealedContexts).toEqual(contextsOfStoredValues);
    expectTypeOf<SealedContext>().toEqualTypeOf<(typeof contextsOfStoredValues)[number]>();
  });

  it('are table.column, except the outbox payload, which kept the name it had before its table', () => {
    const renamed = sealedColumns.filter((column) => sealingContext(column) !== `${column.table}.${column.column}`);
    expect(renamed.map((column) => [`${column.table}.${column.column}`, sealingContext(column)])).toEqual([['outbox_payload.payload', 'outbox.payload']]);
  });

  it('are the only contexts the compiler lets a service seal or open a value under', () => {
    // Checked when the project type-checks: a misspelt context, or a column's name where it has another
    // context, no longer compiles, so no value can be sealed under a context key rotation never visits.
    type ContextParameter = Parameters<DataProtection['seal' | 'sealOptional' | 'open' | 'openOptional' | 'openBytes']>[1];
    expectTypeOf<ContextParameter>().toEqualTypeOf<SealedContext>();
    expectTypeOf<'registration.detail'>().not.toExtend<SealedContext>();
    expectTypeOf<'outbox_payload.payload'>().not.toExtend<SealedContext>();
    expectTypeOf<'outbox.payload'>().toExtend<SealedContext>();
    expect(sealedContexts).not.toContain('outbox_payload.payload');
  });
});
