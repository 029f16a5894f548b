// The README shows deploy/nginx.conf and deploy/yishi.service in full; the nginx test runs the file
// itself, so the README's copy must be the same text or it shows something no test has run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionNodeOptions } from '../support/server-process.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the deployment files in the README', () => {
  it.each([
    ['deploy/nginx.conf', 'nginx'],
    ['deploy/yishi.service', 'ini'],
  ])('shows %s exactly as it is', (path, language) => {
    expect(read('README.md')).toContain(`\`\`\`${language}\n${read(path).trimEnd()}\n\`\`\`\n`);
  });
});

describe('the Node options production runs with', () => {
  it('are the same for npm start, the systemd service and the README', () => {
    const options = productionNodeOptions().join(' ');
    expect(options).toBe('--v8-pool-size=1 --max-semi-space-size=4 --heap-growing-percent=100');
    expect(read('deploy/yishi.service')).toContain(`ExecStart=/usr/bin/node ${options} dist/main.js\n`);
    expect(read('README.md')).toContain(`node ${options} dist/main.js\n`);
  });
});
