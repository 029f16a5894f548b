// Writes dist/main.js, the server's entry at the top of the build (`node dist/main.js`): tsc keeps the
// source tree's shape (dist/src/, dist/db/migrations/, since the migrations live beside src/), so
// the entry is one import into it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

writeFileSync(join(import.meta.dirname, '..', 'dist', 'main.js'), "// The server's entry (npm start runs it): the compiled src/main.js.\nimport './src/main.js';\n");
