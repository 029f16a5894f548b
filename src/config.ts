// The environment, parsed once by zod; nothing else in the server reads process.env.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const booleanString = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_PATH: z.string().min(1).default('db/yishi.sqlite'),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    // A file holding SECRET_KEY (systemd's LoadCredential=, a Docker secret): an environment is
    // readable by whoever may inspect the process, and ends up in unit files and shell histories.
    SECRET_KEY_FILE: z.string().min(1).optional(),
    ADMIN_USER: z.string().min(1).max(64).optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    PUBLIC_URL: z.url().optional(),
    TRUST_PROXY: booleanString.default(false),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    VOTE_BATCH_MAX: z.coerce.number().int().min(1).max(10_000).default(2_000),
    CODE_ATTEMPT_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
    CODE_ATTEMPT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
    SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    // Free space kept for votes and the scrub after a ballot closes (src/storage/space.ts). Unset:
    // the smaller of 64 MB and a tenth of the file system, so a small disk still takes uploads.
    STORAGE_RESERVE_MB: z.coerce.number().min(0).optional(),
    // Quotas on what people store (src/storage/quotas.ts): motions (text, history, attachments),
    // opinions on documents and uploaded Word drafts. 0 turns a quota off.
    QUOTA_MEMBER_DRAFTS: z.coerce.number().int().min(0).default(20),
    QUOTA_MEMBER_MB: z.coerce.number().min(0).default(20),
    QUOTA_GROUP_MB: z.coerce.number().min(0).default(200),
    QUOTA_TOTAL_MB: z.coerce.number().min(0).default(2048),
    // The CJK fonts embedded in the PDFs the server makes (src/papers/pdf.ts): body text and headings.
    // A collection (.ttc) needs the PostScript name of its face; Debian's fonts-noto-cjk by default.
    // Headings have no font of their own unless PDF_FONT_SANS is set: they are the body's face made
    // bold, since the PDF worker then keeps one 26 MB font file instead of two (issue 13 part 5).
    PDF_FONT_SERIF: z.string().min(1).default('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'),
    PDF_FONT_SERIF_NAME: z.string().min(1).default('NotoSerifCJKsc-Regular'),
    PDF_FONT_SANS: z.string().min(1).optional(),
    PDF_FONT_SANS_NAME: z.string().min(1).optional(),
  })
  .superRefine((environment, context) => {
    if (Boolean(environment.ADMIN_USER) !== Boolean(environment.ADMIN_PASSWORD)) {
      context.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'ADMIN_USER and ADMIN_PASSWORD go together' });
    }
    if (environment.NODE_ENV === 'production' && !environment.SECRET_KEY) {
      context.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is required in production' });
    }
    if (Boolean(environment.PDF_FONT_SANS) !== Boolean(environment.PDF_FONT_SANS_NAME)) {
      context.addIssue({ code: 'custom', path: ['PDF_FONT_SANS_NAME'], message: 'PDF_FONT_SANS and PDF_FONT_SANS_NAME go together' });
    }
  });

export type Config = z.infer<typeof environmentSchema>;

export class ConfigError extends Error {}

/** Puts the contents of SECRET_KEY_FILE into SECRET_KEY (checked there like a key given directly); returns what went wrong. */
function readSecretKeyFile(known: Record<string, string | undefined>): string[] {
  const path = known.SECRET_KEY_FILE;
  if (!path) return [];
  if (known.SECRET_KEY) return ['  SECRET_KEY_FILE: give SECRET_KEY or SECRET_KEY_FILE, not both'];
  try {
    known.SECRET_KEY = readFileSync(path, 'utf8').trim();
    return [];
  } catch (error) {
    return [`  SECRET_KEY_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`];
  }
}

/** Parses the environment; every bad variable is reported together, by name. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const known: Record<string, string | undefined> = Object.fromEntries(Object.keys(environmentSchema.shape).map((key) => [key, environment[key] === '' ? undefined : environment[key]]));
  const fileProblems = readSecretKeyFile(known);
  const parsed = environmentSchema.safeParse(known);
  if (parsed.success && fileProblems.length === 0) return parsed.data;
  const lines = [...fileProblems, ...(parsed.success ? [] : parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`))];
  throw new ConfigError(`Invalid configuration / 配置错误:\n${lines.join('\n')}`);
}

/** A configuration for tests: in-memory database, quiet logs, a fixed secret. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: ':memory:',
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ...Object.fromEntries(Object.entries(overrides).map(([key, value]) => [key, String(value)])),
  });
}
