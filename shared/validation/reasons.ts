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
] as const;

export type ValidationReason = (typeof validationReasons)[number];

export function isValidationReason(value: string): value is ValidationReason {
  return (validationReasons as readonly string[]).includes(value);
}
