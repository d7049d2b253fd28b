import { hydrate } from 'preact';
import type { AppState } from '@ledger/web-ui';
import { Root } from './root';
import './styles.css';

// The server's data, as a non-executed JSON block (a Content-Security-Policy without inline scripts holds).
const stateEl = document.getElementById('page-state');
const root = document.getElementById('app');
if (stateEl?.textContent && root) {
  const initial = JSON.parse(stateEl.textContent) as AppState;
  hydrate(<Root initial={initial} />, root);
  document.documentElement.dataset.enhanced = 'true';
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement | null;
  if (target?.closest('[data-action="print"]')) window.print();
});
