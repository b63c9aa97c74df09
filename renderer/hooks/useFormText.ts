import { useState } from 'react';
import { foldFullwidthAscii } from '../../shared/validation/fullwidth';

/** Keeps a form's text in step with the station: values saved elsewhere refill it, edits in progress stay. */
export function useFormText<T, F>(values: T, toText: (values: T) => F): [F, (update: (current: F) => F) => void] {
  const [shown, setShown] = useState(values);
  const [text, setText] = useState(() => toText(values));
  if (JSON.stringify(shown) !== JSON.stringify(values)) {
    setShown(values);
    setText(toText(values));
  }
  return [text, setText];
}

/**
 * A number typed into a field, full-width digits (`１５`, from a Chinese input method) read as digits; empty
 * or unreadable goes as NaN, for the station to name the field.
 */
export function typedWholeNumber(text: string): number {
  const trimmed = foldFullwidthAscii(text).trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** A field's text, or null when it is left empty. */
export function typedOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
