import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { ConsoleApp } from './ConsoleApp';
import '../styles.css';
import './console.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
