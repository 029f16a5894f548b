// Builds the pages (voter, console, projector, result notice, a session's notice) into web/dist, served by Fastify.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        voter: resolve(root, 'voter.html'),
        admin: resolve(root, 'admin.html'),
        display: resolve(root, 'display.html'),
        results: resolve(root, 'results.html'),
        notice: resolve(root, 'notice.html'),
      },
    },
  },
});
