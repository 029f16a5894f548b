// A meeting's motion settings (提案征集): the collection window, seconders required, the decline
// window, reply deadline and extension, and how motions are numbered (2026-015).
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext, CoreContext } from '../context.js';
import type { MotionSettingsTable } from '../db/database.js';
import { getMeeting } from '../meetings/service.js';
import * as repository from './repository.js';
import type { MotionSettingsInput } from './schemas.js';

const DAY_MS = 86_400_000;
/** Numbers carry the year as the congress sees it: China Standard Time, UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export function defaultSettings(meetingId: string): MotionSettingsTable {
  return {
    meeting_id: meetingId,
    opens_at: null,
    closes_at: null,
    required_seconders: 2,
    decline_window_days: 5,
    reply_deadline_days: 30,
    extension_max_days: 30,
    number_year: null,
  };
}

/** Open only between opensAt (inclusive) and closesAt (exclusive); a window not yet set is closed. */
export function collectionOpen(settings: Pick<MotionSettingsTable, 'opens_at' | 'closes_at'>, now: Date): boolean {
  if (!settings.opens_at || !settings.closes_at) return false;
  return Date.parse(settings.opens_at) <= now.getTime() && now.getTime() < Date.parse(settings.closes_at);
}

export function chinaYear(instant: Date): number {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The year in the number: the setting, else the year collection closes, else the year of submission. */
export function numberYear(settings: Pick<MotionSettingsTable, 'number_year' | 'closes_at'>, now: Date): number {
  return settings.number_year ?? chinaYear(settings.closes_at ? new Date(settings.closes_at) : now);
}

/** 2026-015: the year and a three-digit sequence (a thousandth motion simply gets four digits). */
export function motionNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(3, '0')}`;
}

export function addDays(instant: Date | string, days: number): string {
  return new Date(new Date(instant).getTime() + days * DAY_MS).toISOString();
}

export async function settingsOf(context: Pick<AppContext, 'db'>, meetingId: string): Promise<MotionSettingsTable> {
  return (await repository.findSettings(context.db, meetingId)) ?? defaultSettings(meetingId);
}

export function presentSettings(row: MotionSettingsTable, now: Date) {
  return {
    meetingId: row.meeting_id,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    requiredSeconders: row.required_seconders,
    declineWindowDays: row.decline_window_days,
    replyDeadlineDays: row.reply_deadline_days,
    extensionMaxDays: row.extension_max_days,
    numberYear: row.number_year,
    collecting: collectionOpen(row, now),
  };
}

export async function readSettings(context: CoreContext, meetingId: string) {
  await getMeeting(context, meetingId);
  return presentSettings(await settingsOf(context, meetingId), context.clock());
}

export async function saveSettings(context: CoreContext, actor: AccountActor, meetingId: string, input: MotionSettingsInput) {
  await getMeeting(context, meetingId);
  const row: MotionSettingsTable = {
    meeting_id: meetingId,
    opens_at: input.opensAt === null ? null : new Date(input.opensAt).toISOString(),
    closes_at: input.closesAt === null ? null : new Date(input.closesAt).toISOString(),
    required_seconders: input.requiredSeconders,
    decline_window_days: input.declineWindowDays,
    reply_deadline_days: input.replyDeadlineDays,
    extension_max_days: input.extensionMaxDays,
    number_year: input.numberYear,
  };
  await repository.upsertSettings(context.db, row);
  await recordAudit(context, actor, 'motion.settings-saved', { meetingId, detail: { ...input } });
  return presentSettings(row, context.clock());
}
