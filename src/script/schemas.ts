// zod schemas for the chair's script (主持词) of a sitting.
import { z } from 'zod';
import { AGENDA_ITEM_KINDS } from '../agenda/schemas.js';
import { attendanceCounts, meetingKind, meetingSitting } from '../meetings/schemas.js';

export const scriptLine = z.object({
  kind: z.enum(['speech', 'direction']).describe('What the chair says, or a stage direction （鼓掌） printed apart'),
  text: z.string(),
});

export const scriptSection = z.object({
  key: z.string().describe("'opening', 'closing', the agenda item's id, or 'ballot:<id>' for a sitting without an agenda"),
  kind: z.enum(['opening', 'closing', ...AGENDA_ITEM_KINDS]),
  number: z.number().nullable().describe('第N项: the order this sitting takes the item up; null for the opening and closing'),
  title: z.string(),
  agendaItemId: z.string().nullable(),
  ballotId: z.string().nullable(),
  lines: z.array(scriptLine),
});

export const chairScript = z
  .object({
    meetingId: z.string(),
    title: z.string(),
    kind: meetingKind,
    sitting: meetingSitting,
    currentAgendaItemId: z.string().nullable().describe('The item the sitting is on now: the tablet view shows its section'),
    presidingChair: z.object({ memberId: z.string(), name: z.string() }).nullable().describe('执行主席'),
    attendance: attendanceCounts,
    generatedAt: z.string().describe('The figures are those at this moment'),
    sections: z.array(scriptSection),
  })
  .meta({ id: 'ChairScript' });

export type ChairScript = z.infer<typeof chairScript>;
