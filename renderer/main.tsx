import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index';
import { App } from './App';
import './styles.css';
import './elder-mode.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
