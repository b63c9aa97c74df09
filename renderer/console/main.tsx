import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { consoleTextsReady } from './i18n';
import { ConsoleApp } from './ConsoleApp';
import '../styles.css';
import './console.css';

function showConsole(): void {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <ConsoleApp />
    </StrictMode>,
  );
}

// The first screen waits for its language's texts; were they not to come, it shows keys rather than nothing.
consoleTextsReady.then(showConsole, showConsole);
