/** A yes/no question nobody has answered yet is blank, not "no". */
export type Answer = '' | 'yes' | 'no';

/**
 * A blank answer goes to the station as missing rather than as "no", so that the call's schema
 * reports `required` on its field instead of reading silence as a refusal.
 */
export function answerValue(answer: Answer): boolean {
  return (answer === '' ? undefined : answer === 'yes') as boolean;
}
