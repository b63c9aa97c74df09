import { useCallback, useContext, useEffect, useRef, useState, type ComponentProps, type FocusEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from '../../shared/validation/identity-document';
import { AudienceContext } from '../audience';
import './NumericKeypad.css';

/*
 * A large on-screen keypad for the numbers a visitor types at a kiosk with no keyboard: document numbers
 * and phones. The field stays a real <input> (a physical keyboard, paste and the system's input method
 * still work); the keypad edits it at the caret as typing would, so every listener of the form hears the
 * change. Staff screens never show it: a desk has a keyboard.
 */

/** Which keys a field needs: digits only, or digits and the X that ends some document numbers. */
export type KeypadKeys = 'digits' | 'document';

/** What a key press does to the field. */
type KeyPress = { insert: string } | 'delete' | 'clear' | 'done';

const DIGIT_ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
] as const;

/**
 * The keypad for a document number of this kind, or none where the number holds letters (passports,
 * Hong Kong and Macao permits, 2017 permanent-residence cards): those are typed with a keyboard.
 */
export function documentNumberKeys(kind: DocumentKind): KeypadKeys | null {
  switch (kind) {
    case 'resident_id':
    case 'residence_permit':
    case 'foreign_permanent_2023':
      // GB 11643 numbers: 17 digits and a MOD 11-2 check character that may be X.
      return 'document';
    case 'taiwan_travel_permit':
      return 'digits';
    default:
      return null;
  }
}

interface NumericKeypadProps {
  keys: KeypadKeys;
  /** The id of the field the keys edit. */
  controls: string;
  onPress: (press: KeyPress) => void;
}

/**
 * The keys: 0–9, X where `keys` is `document`, delete, clear and done, each at least 60 × 60 px. A press
 * never takes the focus from the field (so the caret stays where the visitor put it), and the keys stay
 * out of the tab order: a keyboard user types into the field itself.
 */
export function NumericKeypad({ keys, controls, onPress }: NumericKeypadProps) {
  const { t } = useTranslation('keypad');
  const pad = useRef<HTMLDivElement>(null);
  // A field low on the screen opens its keypad below the fold: bring the keys up to the visitor.
  useEffect(() => {
    pad.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const keep = (event: MouseEvent) => event.preventDefault();
  const key = (label: string, press: KeyPress, className = 'keypad__key', ariaLabel?: string) => (
    <button type="button" className={className} tabIndex={-1} aria-label={ariaLabel} onMouseDown={keep} onClick={() => onPress(press)}>
      {label}
    </button>
  );
  return (
    <div ref={pad} className="keypad" role="group" aria-label={t('label')} aria-controls={controls} data-testid="numeric-keypad" data-keys={keys}>
      {DIGIT_ROWS.flat().map((digit) => (
        <span key={digit} className="keypad__cell">
          {key(digit, { insert: digit })}
        </span>
      ))}
      <span className="keypad__cell">{keys === 'document' ? key('X', { insert: 'X' }, 'keypad__key', t('checkCharacter')) : null}</span>
      <span className="keypad__cell">{key('0', { insert: '0' })}</span>
      <span className="keypad__cell">{key(t('delete'), 'delete', 'keypad__key keypad__key--word')}</span>
      <span className="keypad__cell">{key(t('clear'), 'clear', 'keypad__key keypad__key--word')}</span>
      <span className="keypad__cell keypad__cell--wide">{key(t('done'), 'done', 'keypad__key keypad__key--word primary')}</span>
    </div>
  );
}

/**
 * Changes the field's value as typing there would: at the caret or over the selection, then an `input`
 * event, which React turns into the field's (and its form's) onChange.
 */
function editField(field: HTMLInputElement, press: Exclude<KeyPress, 'done'>): void {
  const end = field.selectionEnd ?? field.value.length;
  const start = field.selectionStart ?? end;
  let inputType: string;
  let data: string | null = null;
  if (press === 'clear') {
    if (field.value === '') return;
    field.setRangeText('', 0, field.value.length, 'end');
    inputType = 'deleteContent';
  } else if (press === 'delete') {
    if (start === end && start === 0) return;
    field.setRangeText('', start === end ? start - 1 : start, end, 'end');
    inputType = 'deleteContentBackward';
  } else {
    field.setRangeText(press.insert, start, end, 'end');
    inputType = 'insertText';
    data = press.insert;
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
}

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button, a[href], summary, [tabindex]';

/** Moves the focus to the first control after `from` in its form (or section), or lets it go if there is none. */
function focusNextAfter(from: HTMLElement, field: HTMLInputElement): void {
  const scope = from.closest('form') ?? from.closest('section') ?? document.body;
  const next = Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).find(
    (candidate) =>
      !from.contains(candidate) &&
      from.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING &&
      candidate.tabIndex >= 0 &&
      !candidate.matches(':disabled') &&
      candidate.getClientRects().length > 0,
  );
  if (next) next.focus();
  else field.blur();
}

type KeypadInputProps = Omit<ComponentProps<'input'>, 'ref'> & {
  id: string;
  /** The keys this field takes, or null for none (the field is then a plain input). */
  keys: KeypadKeys | null;
};

/**
 * An input that, on a public screen, brings up the keypad while it has the focus. While the keypad shows,
 * `inputMode="none"` keeps the system's touch keyboard from covering it. The keypad leaves after "done"
 * (which moves on to the next control) or when the focus goes elsewhere; a tap on something else first
 * finishes, so the control under the finger does not move away while it is pressed.
 */
export function KeypadInput({ keys, inputMode, onFocus, onClick, ...input }: KeypadInputProps) {
  const audience = useContext(AudienceContext);
  const offered = keys !== null && audience === 'public';
  const [shown, setShown] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const pointerPressed = useRef(false);
  const pendingHide = useRef<() => void>(() => undefined);
  const visible = offered && shown;

  useEffect(() => {
    if (!visible) return;
    const press = () => (pointerPressed.current = true);
    const release = () => (pointerPressed.current = false);
    window.addEventListener('pointerdown', press, true);
    window.addEventListener('pointerup', release, true);
    window.addEventListener('pointercancel', release, true);
    return () => {
      pointerPressed.current = false;
      window.removeEventListener('pointerdown', press, true);
      window.removeEventListener('pointerup', release, true);
      window.removeEventListener('pointercancel', release, true);
    };
  }, [visible]);

  useEffect(() => () => pendingHide.current(), []);

  const hideUnlessFocusedAgain = useCallback(() => {
    if (!wrapper.current?.contains(document.activeElement)) setShown(false);
  }, []);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!visible) return;
    if (event.relatedTarget instanceof Node && wrapper.current?.contains(event.relatedTarget)) return;
    pendingHide.current();
    // After the press that moved the focus has ended and its click landed (the next task).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      timer = setTimeout(hideUnlessFocusedAgain, 0);
    };
    const afterRelease = () => {
      window.removeEventListener('pointerup', afterRelease, true);
      window.removeEventListener('pointercancel', afterRelease, true);
      later();
    };
    if (pointerPressed.current) {
      window.addEventListener('pointerup', afterRelease, true);
      window.addEventListener('pointercancel', afterRelease, true);
    } else {
      later();
    }
    pendingHide.current = () => {
      clearTimeout(timer);
      window.removeEventListener('pointerup', afterRelease, true);
      window.removeEventListener('pointercancel', afterRelease, true);
    };
  };

  const onPress = (press: KeyPress) => {
    const target = field.current;
    if (!target || !wrapper.current) return;
    if (press !== 'done') {
      editField(target, press);
      return;
    }
    setShown(false);
    focusNextAfter(wrapper.current, target);
  };

  // One shape whether or not the keypad is offered: a number whose kind changes as it is typed keeps its field and focus.
  return (
    <div ref={wrapper} className="keypad-field" onBlur={onBlur}>
      <input
        {...input}
        ref={field}
        inputMode={visible ? 'none' : inputMode}
        onFocus={(event) => {
          setShown(true);
          onFocus?.(event);
        }}
        onClick={(event) => {
          setShown(true);
          onClick?.(event);
        }}
      />
      {visible && keys !== null ? <NumericKeypad keys={keys} controls={input.id} onPress={onPress} /> : null}
    </div>
  );
}
