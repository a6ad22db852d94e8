import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyThemePreference, readThemePreference } from './app/theme';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/tokens.css';
import './ui/base.css';
import './ui/components.css';
import './app/shell.css';

// Before the first render, so a forced theme does not flash the OS one.
applyThemePreference(readThemePreference());

const container = document.getElementById('root');
if (!container) throw new Error('Roledeck: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary title="Roledeck could not show this window">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
