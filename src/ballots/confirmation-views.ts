// A pending confirmation of two-person control (双人确认) as officers see it: pure, so the kept
// ballot lists (ballot-views.ts) present it without reaching the services.
import type { ConfirmationRow } from './confirmation-repository.js';
import type { ConfirmationStep, ConfirmingRole } from './two-person.js';

export interface PendingConfirmation {
  step: ConfirmationStep;
  role: ConfirmingRole;
  accountId: string;
  name: string;
  at: string;
  options: Record<string, unknown>;
}

export function presentConfirmation(row: ConfirmationRow): PendingConfirmation {
  return { step: row.step, role: row.role, accountId: row.account_id, name: row.name, at: row.at, options: JSON.parse(row.options) as Record<string, unknown> };
}
