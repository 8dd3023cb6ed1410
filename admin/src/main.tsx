import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isExpired, readSession } from './providers/session';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

/**
 * Without a valid session, start on the login page. Letting react-admin find out by mounting
 * the first resource and redirecting makes it log out and navigate in a loop until the login
 * page wins the render, which took 10-20 s on a busy machine. The page asked for is kept as
 * react-router's location state, so react-admin returns there after login.
 */
const session = readSession();
if ((!session || isExpired(session)) && !location.hash.startsWith('#/login')) {
  const [nextPathname, nextSearch = ''] = location.hash.replace(/^#/, '').split('?');
  const state = nextPathname && nextPathname !== '/' ? { usr: { nextPathname, nextSearch: nextSearch ? `?${nextSearch}` : '' }, key: 'login', idx: 0 } : null;
  history.replaceState(state, '', `${location.pathname}${location.search}#/login`);
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
