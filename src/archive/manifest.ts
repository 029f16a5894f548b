// The archive's manifest.json: every file with its path, size, SHA-256 and the figures it states, the
// session's title and when it was made. Pure: the writer hands in what it measured while streaming.

/** Figures a file states (a notice's counts and verdicts, an attendance list's 应到/实到), as plain JSON. */
export type Figures = Record<string, unknown>;

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
  figures?: Figures;
}

export interface Manifest {
  session: { id: string; title: string };
  generatedAt: string;
  files: ManifestFile[];
  /** Ballots of the session not published: named here, never their results. */
  unpublishedBallots: { id: string; title: string; state: string }[];
  /** What the archive leaves out on purpose, in words. */
  notes: string[];
}

export const ARCHIVE_NOTES = [
  '签到表只记签到状态，不记签到时间：签到时间与投票时间对照可能推断投票人。 / Attendance lists state status only, never check-in times, which could be matched against votes.',
  '无记名投票只收录已公布的公告所示票数，不含任何个人投票信息、回执或代表码。 / Secret ballots contribute only their published counts: no per-voter data, receipts or access codes.',
  '未公布的表决只列名称与状态。 / Unpublished ballots are listed by title and state only.',
];

/** Files in the order written; a path written twice is a bug of the caller. */
export function buildManifest(input: Omit<Manifest, 'notes'> & { notes?: string[] }): Manifest {
  const seen = new Set<string>();
  for (const file of input.files) {
    if (seen.has(file.path)) throw new Error(`archive path written twice: ${file.path}`);
    seen.add(file.path);
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`not a SHA-256: ${file.sha256}`);
  }
  return { session: input.session, generatedAt: input.generatedAt, files: input.files, unpublishedBallots: input.unpublishedBallots, notes: input.notes ?? ARCHIVE_NOTES };
}

/** A file name safe in a zip on every system: no separators or control characters, at most 80 characters. */
export function safeName(name: string): string {
  const cleaned = [...name]
    .map((character) => (character.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(character) ? '_' : character))
    .join('')
    .trim();
  return (cleaned || '未命名').slice(0, 80);
}
