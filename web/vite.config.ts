import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the jar's static resources; `npm run dev` proxies the API to a running server.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../target/classes/static',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
