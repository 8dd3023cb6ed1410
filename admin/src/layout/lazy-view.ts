import { lazy, type ComponentType } from 'react';

/**
 * A page or view loaded when it is first shown, from a module with named exports: react-admin's layout shows its
 * loading indicator meanwhile (a Suspense around the page); a dialog or panel outside it brings its own Suspense.
 */
export const lazyView = <P extends object>(load: () => Promise<ComponentType<P>>) => lazy(async () => ({ default: await load() }));
