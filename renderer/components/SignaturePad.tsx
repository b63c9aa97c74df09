import { useCallback, useEffect, useId, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { hasEnoughInk } from '../../shared/domain/signature-ink';
import { useT } from '../i18n/index';
import './SignaturePad.css';

interface SignaturePadProps {
  id: string;
  /** The drawn signature as a PNG data URL, or null while nothing is drawn. */
  value: string | null;
  onChange: (value: string | null) => void;
  /** The id of the message that says why the signature was refused; it describes the pad while `invalid`. */
  errorId?: string;
  invalid?: boolean;
}

/** A finer backing store on high-density screens, capped so the PNG stays small. */
const MAX_PIXEL_RATIO = 2;
const STROKE_WIDTH = 3;
const INK = '#111';

/**
 * A canvas to sign on with a finger, a stylus or the mouse (pointer events cover all three), at the kiosk
 * and at the staff desk. It reports the drawing as a PNG data URL after every stroke once there is ink
 * enough for a name (the station measures it the same way, shared/domain/signature-ink.ts), and null
 * while there is too little (a tap, a dash: the status line asks for the whole name) or once cleared; a
 * `value` drawn earlier is shown again when the pad comes back. The signature itself needs a
 * pointer; keyboard and screen-reader users learn that it is required, and how to get help, from its
 * description and from the status line that says whether anything is drawn.
 */
export function SignaturePad({ id, value, onChange, errorId, invalid = false }: SignaturePadProps) {
  const { t } = useT();
  const descriptionId = useId();
  const statusId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ pointerId: number; x: number; y: number } | null>(null);
  const initialValue = useRef(value);
  // Whether the canvas holds a tap or a dash but not yet a signature: value stays null, the hint shows.
  const [tooLittle, setTooLittle] = useState(false);

  // Sizes the backing store to the element once, and shows the signature drawn earlier (e.g. back from a later step).
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return undefined;
    const ratio = Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
    const { width, height } = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.lineWidth = STROKE_WIDTH * ratio;
    context.strokeStyle = INK;
    context.fillStyle = INK;
    if (initialValue.current) {
      const image = new Image();
      image.onload = () => context.drawImage(image, 0, 0, canvas.width, canvas.height);
      image.src = initialValue.current;
    }
    // Nothing of a signature is left in the page once the pad is gone (the next visitor's pad is new).
    return () => {
      context.clearRect(0, 0, canvas.width, canvas.height);
      canvas.width = 0;
      canvas.height = 0;
    };
  }, []);

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const { x, y } = pointIn(event.currentTarget, event);
    drawing.current = { pointerId: event.pointerId, x, y };
    // A tap leaves a dot, so that a single touch is visible ink too.
    context.beginPath();
    context.arc(x, y, context.lineWidth / 2, 0, Math.PI * 2);
    context.fill();
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const stroke = drawing.current;
    const context = canvasRef.current?.getContext('2d');
    if (!stroke || stroke.pointerId !== event.pointerId || !context) return;
    event.preventDefault();
    // Coalesced events keep fast pen strokes smooth instead of a few straight segments.
    const events = typeof event.nativeEvent.getCoalescedEvents === 'function' ? event.nativeEvent.getCoalescedEvents() : [];
    const canvas = event.currentTarget;
    const points = (events.length > 0 ? events : [event.nativeEvent]).map((point) => pointIn(canvas, point));
    context.beginPath();
    context.moveTo(stroke.x, stroke.y);
    for (const point of points) context.lineTo(point.x, point.y);
    context.stroke();
    const last = points[points.length - 1];
    if (last) drawing.current = { pointerId: stroke.pointerId, ...last };
  };

  const endStroke = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (drawing.current?.pointerId !== event.pointerId) return;
    drawing.current = null;
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const enough = hasEnoughInk(context.getImageData(0, 0, canvas.width, canvas.height));
    setTooLittle(!enough);
    onChange(enough ? canvas.toDataURL('image/png') : null);
  };

  const clear = useCallback(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (canvas && context) context.clearRect(0, 0, canvas.width, canvas.height);
    drawing.current = null;
    setTooLittle(false);
    onChange(null);
  }, [onChange]);

  const describedBy = [descriptionId, statusId, invalid && errorId ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={invalid ? 'signature-box signature-box--invalid' : 'signature-box'}>
      <canvas
        id={id}
        ref={canvasRef}
        className="signature-box__canvas"
        role="img"
        // Focusable so that keyboard users reach it and hear that a signature is needed and how.
        tabIndex={0}
        aria-label={t('kiosk:signaturePad.label')}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-drawn={value !== null}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
      />
      <p id={descriptionId} className="signature-box__description">
        {t('kiosk:signaturePad.description')}
      </p>
      <div className="signature-box__bar">
        <span id={statusId} role="status" data-testid="signature-status" className={tooLittle ? 'signature-box__hint' : undefined}>
          {value !== null ? t('kiosk:signaturePad.drawn') : tooLittle ? t('kiosk:signaturePad.tooLittle') : t('kiosk:signaturePad.empty')}
        </span>
        <button type="button" onClick={clear} disabled={value === null && !tooLittle}>
          {t('kiosk:signaturePad.clear')}
        </button>
      </div>
    </div>
  );
}

/**
 * Where a pointer is on the canvas, in the pixels of its backing store: measured against the element's
 * size at this moment, so strokes stay under the finger even if the layout has resized the element.
 */
function pointIn(canvas: HTMLCanvasElement, event: { clientX: number; clientY: number }): { x: number; y: number } {
  const rect = canvas.getBoundingClientRect();
  const scaleX = rect.width > 0 ? canvas.width / rect.width : 1;
  const scaleY = rect.height > 0 ? canvas.height / rect.height : 1;
  return { x: (event.clientX - rect.left) * scaleX, y: (event.clientY - rect.top) * scaleY };
}
