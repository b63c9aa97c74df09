import { useT } from '../../../i18n/index';

/** Where the card goes: a card lying flat on the reader's pad, drawn inline (the kiosk loads no images). */
export function ReaderPicture({ reading }: { reading: boolean }) {
  const { t } = useT();
  return (
    <svg className={reading ? 'id-card-picture id-card-picture--reading' : 'id-card-picture'} viewBox="0 0 240 150" role="img" aria-label={t('idCard:panel.pictureLabel')}>
      <rect x="20" y="88" width="200" height="52" rx="12" fill="#34495e" />
      <rect x="50" y="96" width="140" height="24" rx="6" fill="#5d8fc9" />
      <path d="M104 108 q8 -8 16 0 q8 8 16 0" fill="none" stroke="#dfeaf7" strokeWidth="3" strokeLinecap="round" />
      <circle cx="200" cy="128" r="4" fill={reading ? '#f5c542' : '#6fcf7f'} />
      <g className="id-card-picture__card">
        <rect x="68" y="14" width="104" height="64" rx="7" fill="#f6f1e4" stroke="#8a7a55" strokeWidth="2" />
        <rect x="78" y="24" width="26" height="32" rx="3" fill="#c9d6e3" />
        <rect x="112" y="26" width="50" height="5" rx="2" fill="#8a7a55" />
        <rect x="112" y="37" width="40" height="5" rx="2" fill="#b3a683" />
        <rect x="112" y="48" width="46" height="5" rx="2" fill="#b3a683" />
        <rect x="78" y="64" width="84" height="6" rx="2" fill="#8a7a55" />
      </g>
      <path d="M120 80 v8 m-6 -6 l6 7 l6 -7" fill="none" stroke="#34495e" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
