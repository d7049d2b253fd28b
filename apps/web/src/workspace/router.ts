import { parseWsQuery, parseWsRoute, type WsLocation } from '@ledger/web-ui';

/** The location shown, read from the address bar. */
export const currentLocation = (): WsLocation => ({
  route: parseWsRoute(location.pathname),
  ...parseWsQuery(new URLSearchParams(location.search)),
});

/**
 * Workspace links and GET forms stay in this page (history.pushState): the token lives in its
 * memory, a full load would have to sign in again. They remain real links and forms: a new tab
 * or a reload works too, signing in again.
 */
export function interceptNavigation(navigate: (href: string) => void): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as HTMLElement | null)?.closest('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin || !a.pathname.startsWith('/workspace')) return;
    // A link to a place on this page (an error summary to its field) stays a plain fragment link.
    if (a.hash && a.pathname === location.pathname && a.search === location.search) return;
    event.preventDefault();
    navigate(a.pathname + a.search + a.hash);
  };
  const onSubmit = (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    if (event.defaultPrevented || form.method !== 'get') return;
    const action = new URL(form.action, location.href);
    if (action.origin !== location.origin || !action.pathname.startsWith('/workspace')) return;
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form, event.submitter)) if (typeof v === 'string' && v.trim()) query.append(k, v.trim());
    const q = query.toString();
    navigate(action.pathname + (q ? `?${q}` : ''));
  };
  document.addEventListener('click', onClick);
  document.addEventListener('submit', onSubmit);
  return () => {
    document.removeEventListener('click', onClick);
    document.removeEventListener('submit', onSubmit);
  };
}
