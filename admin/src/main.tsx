import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginPage } from './login/LoginPage';
import { isExpired, readSession } from './providers/session';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');
const root = createRoot(container);

const loadApp = () => import('./App');

const showApp = async () => {
  const { App } = await loadApp();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};

/**
 * Without a valid session, start on the login page, which needs neither react-admin nor the panel's code: they load
 * while the page waits for its e-mail address and password, and show once signed in, on the page that was asked
 * for. (Letting react-admin find out by mounting the first resource and redirecting made it log out and navigate in
 * a loop until the login page won the render, which took 10-20 s on a busy machine.)
 */
const session = readSession();
if (session && !isExpired(session)) {
  void showApp();
} else {
  const signedIn = () => {
    // on the page asked for; from the bare address or react-admin's login route, on the start page as react-admin goes
    if (!location.hash || location.hash.startsWith('#/login')) history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    return showApp();
  };
  root.render(
    <StrictMode>
      <LoginPage onSignedIn={signedIn} />
    </StrictMode>,
  );
  const prefetch = () => void loadApp();
  if ('requestIdleCallback' in window) requestIdleCallback(prefetch);
  else setTimeout(prefetch, 200);
}
