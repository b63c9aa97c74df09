/**
 * Every reason a field can be rejected for. Schemas report these as their issue messages and the
 * renderer translates them as `validation:<reason>`; a test keeps this list and the locales in step.
 */
export const validationReasons = [
  'required',
  'invalid',
  'name_too_long',
  'name_characters',
  'name_digits',
  'name_dot_position',
  'station_code_format',
  'station_name_length',
  'station_kind',
  'region_unknown',
  'party_size_range',
  'visit_purpose',
  'username_format',
  'password_too_short',
  'password_too_long',
  'pin_format',
  'staff_role',
  'id_kind',
  'id_length',
  'id_characters',
  'id_legacy_15_digit',
  'id_region',
  'id_prefix',
  'id_nationality',
  'id_birth_date',
  'id_birth_date_future',
  'id_birth_date_too_early',
  'id_check_character',
  'id_format_foreign_2017',
  'id_format_passport',
  'id_format_hk_macao_permit',
  'id_format_taiwan_permit',
  'id_birth_date_mismatch',
  'id_sex_mismatch',
  'phone_characters',
  'mobile_format',
  'landline_format',
  'foreign_phone_format',
  'phone_landline_not_allowed',
  'phone_foreign_not_allowed',
  'ethnic_group_unknown',
  'ethnic_group_not_applicable',
  'organ_selection_empty',
  'age_under_18',
  'stem_cell_age_range',
  'emergency_contacts_two',
  'emergency_contact_own_phone',
  'emergency_contacts_same_phone',
  'relative_disagrees',
  'close_relatives_required',
  'close_relatives_statement_conflict',
] as const;

export type ValidationReason = (typeof validationReasons)[number];

export function isValidationReason(value: string): value is ValidationReason {
  return (validationReasons as readonly string[]).includes(value);
}
