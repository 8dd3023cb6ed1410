import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const adminRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:4000';

// The API serves the built admin at /admin/; in dev, Vite serves it and proxies the API.
export default defineConfig(({ mode }) => ({
  root: adminRoot,
  base: '/admin/',
  plugins: [react()],
  define:
    mode === 'production'
      ? // drops Apollo Client's development-only checks and messages from the bundle
        { 'globalThis.__DEV__': 'false' }
      : {},
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
    },
  },
}));
