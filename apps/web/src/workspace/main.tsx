import { hydrate } from 'preact';
import type { WsPageState } from '@ledger/web-ui';
import { WorkspaceApp } from './app';
import '../styles.css';
import './workspace.css';

// The server's frame and settings, as a non-executed JSON block (the CSP has no inline script).
const stateEl = document.getElementById('page-state');
const root = document.getElementById('app');
if (stateEl?.textContent && root) {
  const initial = JSON.parse(stateEl.textContent) as WsPageState;
  hydrate(<WorkspaceApp initial={initial} />, root);
}

document.addEventListener('click', (event) => {
  const target = event.target as HTMLElement | null;
  if (target?.closest('[data-action="print"]')) window.print();
});
