// The next steps on one motion, offered exactly as the server's state table allows them to the
// signed-in account (motion.allowedEvents): each a small form that posts one move.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { type MessageKey, t } from '../i18n/i18n.js';
import type { Department, MotionDetail, MotionEvent, MotionSummary } from '../shared/motion-types.js';
import { motionNumber } from './motion-format.js';
import type { Member } from './types.js';
import { ErrorNote, useAction, useResource } from './ui.js';

type Post = (path: string, body: Record<string, unknown>) => Promise<boolean>;

const value = (event: Event) => (event.target as HTMLInputElement).value;

/** A reason (or an optional note) and one button. */
function NoteStep({
  id,
  label,
  path,
  required,
  field,
  post,
  extra,
}: {
  id: string;
  label: string;
  path: string;
  required: boolean;
  field: 'reason' | 'note';
  post: Post;
  extra?: (body: Record<string, unknown>) => Record<string, unknown>;
}) {
  const [text, setText] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const body: Record<string, unknown> = text.trim() ? { [field]: text.trim() } : {};
    if (await post(path, extra ? extra(body) : body)) setText('');
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${label}>
    <label for=${id}>${t(required ? 'moReason' : 'moNote')}</label>
    <textarea id=${id} rows="2" maxlength="2000" required=${required} value=${text} onInput=${(event: Event) => setText(value(event))}></textarea>
    <button type="submit" class="primary">${label}</button>
  </form>`;
}

function RejectStep({ post }: { post: Post }) {
  const [convert, setConvert] = useState(true);
  return html`<div>
    <${NoteStep} id="reject-reason" label=${t('moReject')} path="reject" required=${true} field="reason" post=${post} extra=${(body: Record<string, unknown>) => ({ ...body, convertToSuggestion: convert })} />
    <span class="checkbox"><input id="reject-convert" type="checkbox" checked=${convert} onChange=${(event: Event) => setConvert((event.target as HTMLInputElement).checked)} /><label for="reject-convert">${t('moConvert')}</label></span>
  </div>`;
}

function MergeStep({ motion, post }: { motion: MotionDetail; post: Post }) {
  const others = useResource(
    () =>
      api
        .get<{ motions: MotionSummary[] }>(`/api/motions?meetingId=${motion.meetingId}`)
        .then((body) => body.motions.filter((other) => other.id !== motion.id && other.number !== null && !['withdrawn', 'merged', 'not_accepted', 'draft'].includes(other.state))),
    [motion.id],
  );
  const [target, setTarget] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void post('merge', { targetMotionId: target });
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${t('moMerge')}>
    <label for="merge-target">${t('moMergeTarget')}</label>
    <select id="merge-target" required value=${target} onChange=${(event: Event) => setTarget(value(event))}>
      <option value="">${t('moChoose')}</option>
      ${(others.value ?? []).map((other) => html`<option value=${other.id}>${motionNumber(other.number)} ${other.subject}</option>`)}
    </select>
    <button type="submit" class="primary">${t('moMerge')}</button>
  </form>`;
}

function AssignStep({ motion, post }: { motion: MotionDetail; post: Post }) {
  const departments = useResource(() => api.get<{ departments: Department[] }>('/api/departments').then((body) => body.departments.filter((department) => !department.disabled)), []);
  const [lead, setLead] = useState('');
  const [co, setCo] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void post('assign', { leadDepartmentId: lead, coDepartmentIds: co.filter((id) => id !== lead), ...(deadline ? { deadline: new Date(deadline).toISOString() } : {}) });
  };
  const toggle = (id: string) => setCo((previous) => (previous.includes(id) ? previous.filter((other) => other !== id) : [...previous, id]));
  const label = t(motion.state === 'assigned' ? 'moReassign' : 'moAssign');
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${label}>
    <label for="assign-lead">${t('moLeadDepartment')}</label>
    <select id="assign-lead" required value=${lead} onChange=${(event: Event) => setLead(value(event))}>
      <option value="">${t('moChoose')}</option>
      ${(departments.value ?? []).map((department) => html`<option value=${department.id}>${department.name}</option>`)}
    </select>
    <fieldset class="inline-fieldset"><legend>${t('moCoDepartments')}</legend>
      ${(departments.value ?? [])
        .filter((department) => department.id !== lead)
        .map(
          (department) => html`<span class="checkbox">
        <input id=${`co-${department.id}`} type="checkbox" checked=${co.includes(department.id)} onChange=${() => toggle(department.id)} /><label for=${`co-${department.id}`}>${department.name}</label></span>`,
        )}
    </fieldset>
    <label for="assign-deadline">${t('moDeadline')}</label>
    <input id="assign-deadline" type="datetime-local" value=${deadline} onInput=${(event: Event) => setDeadline(value(event))} />
    <button type="submit" class="primary">${label}</button>
  </form>`;
}

function ExtendStep({ post }: { post: Post }) {
  const [days, setDays] = useState('15');
  const [reason, setReason] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void post('extend', { days: Number(days), reason: reason.trim() });
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${t('moExtend')}>
    <label for="extend-days">${t('moExtendDays')}</label>
    <input id="extend-days" type="number" min="1" max="365" required value=${days} onInput=${(event: Event) => setDays(value(event))} />
    <label for="extend-reason">${t('moReason')}</label>
    <textarea id="extend-reason" rows="2" required maxlength="2000" value=${reason} onInput=${(event: Event) => setReason(value(event))}></textarea>
    <button type="submit" class="primary">${t('moExtend')}</button>
  </form>`;
}

function ReplyStep({ post }: { post: Post }) {
  const [content, setContent] = useState('');
  const [grade, setGrade] = useState('A');
  const submit = (event: Event) => {
    event.preventDefault();
    void post('reply', { content: content.trim(), grade });
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${t('moReply')}>
    <label for="reply-content">${t('moReplyContent')}</label>
    <textarea id="reply-content" rows="6" required maxlength="20000" value=${content} onInput=${(event: Event) => setContent(value(event))}></textarea>
    <label for="reply-grade">${t('moGrade')}</label>
    <select id="reply-grade" value=${grade} onChange=${(event: Event) => setGrade(value(event))}>
      ${(['A', 'B', 'C', 'D'] as const).map((letter) => html`<option value=${letter}>${t(`moGrade${letter}` as MessageKey)}</option>`)}
    </select>
    <button type="submit" class="primary">${t('moReply')}</button>
  </form>`;
}

/** A paper motion's seconder, named by the secretary (代录). */
function PaperSecondStep({ motion, post }: { motion: MotionDetail; post: Post }) {
  const members = useResource(async () => {
    const { meeting } = await api.get<{ meeting: { termId: string } }>(`/api/meetings/${motion.meetingId}`);
    const { members } = await api.get<{ members: Member[] }>(`/api/terms/${meeting.termId}/members`);
    const taken = new Set([motion.proposer.memberId, ...motion.seconders.map((seconder) => seconder.memberId)]);
    return members.filter((member) => member.role === 'representative' && !taken.has(member.id));
  }, [motion.id, motion.seconders.length]);
  const [memberId, setMemberId] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    void post('seconders', { memberId });
  };
  return html`<form class="motion-step" onSubmit=${submit} aria-label=${t('moSecondOnPaper')}>
    <label for="paper-seconder">${t('moSeconderMember')}</label>
    <select id="paper-seconder" required value=${memberId} onChange=${(event: Event) => setMemberId(value(event))}>
      <option value="">${t('moChoose')}</option>
      ${(members.value ?? []).map((member) => html`<option value=${member.id}>${member.name}(${member.staffNumber})</option>`)}
    </select>
    <button type="submit" class="primary">${t('moSecondOnPaper')}</button>
  </form>`;
}

function stepFor(event: MotionEvent, motion: MotionDetail, post: Post) {
  switch (event) {
    case 'submit':
      return html`<${NoteStep} id="submit-note" label=${t('moSubmitOnPaper')} path="submit" required=${false} field="note" post=${post} />`;
    case 'resubmit':
      return html`<${NoteStep} id="resubmit-note" label=${t('moSubmitOnPaper')} path="resubmit" required=${false} field="note" post=${post} />`;
    case 'withdraw':
      return html`<${NoteStep} id="withdraw-note" label=${t('moWithdraw')} path="withdraw" required=${false} field="note" post=${post} />`;
    case 'second':
      return html`<${PaperSecondStep} motion=${motion} post=${post} />`;
    case 'accept':
      return html`<${NoteStep} id="accept-note" label=${t('moAccept')} path="accept" required=${false} field="note" post=${post} />`;
    case 'reject':
      return html`<${RejectStep} post=${post} />`;
    case 'merge':
      return html`<${MergeStep} motion=${motion} post=${post} />`;
    case 'return':
      return html`<${NoteStep} id="return-reason" label=${t('moReturn')} path="return" required=${true} field="reason" post=${post} />`;
    case 'escalate':
      return html`<${NoteStep} id="escalate-note" label=${t('moEscalate')} path="escalate" required=${false} field="note" post=${post} />`;
    case 'assign':
      return html`<${AssignStep} motion=${motion} post=${post} />`;
    case 'decline':
      return html`<${NoteStep} id="decline-reason" label=${t('moDecline')} path="decline" required=${true} field="reason" post=${post} />`;
    case 'declineCoHandling':
      return html`<${NoteStep} id="decline-co-reason" label=${t('moDeclineCo')} path="decline" required=${true} field="reason" post=${post} />`;
    case 'extend':
      return motion.extension ? null : html`<${ExtendStep} post=${post} />`;
    case 'reply':
      return html`<${ReplyStep} post=${post} />`;
    case 'resolve':
      return html`<${NoteStep} id="resolve-reason" label=${t('moResolve')} path="resolve" required=${motion.state !== 'rated'} field="reason" post=${post} />`;
    default:
      return null;
  }
}

const PATH_LABELS: Record<string, MessageKey> = {
  submit: 'moSubmitOnPaper',
  resubmit: 'moSubmitOnPaper',
  withdraw: 'moWithdraw',
  seconders: 'moSecondOnPaper',
  accept: 'moAccept',
  reject: 'moReject',
  merge: 'moMerge',
  return: 'moReturn',
  escalate: 'moEscalate',
  assign: 'moAssign',
  decline: 'moDecline',
  extend: 'moExtend',
  reply: 'moReply',
  resolve: 'moResolve',
};

/** Rating is the proposer's: on their own page, or through rateSatisfied/rateDissatisfied there. */
const SHOWN: readonly MotionEvent[] = [
  'submit',
  'resubmit',
  'second',
  'accept',
  'reject',
  'merge',
  'return',
  'escalate',
  'assign',
  'decline',
  'declineCoHandling',
  'extend',
  'reply',
  'resolve',
  'withdraw',
];

export function MotionActions({ motion, onChanged }: { motion: MotionDetail; onChanged: (next: MotionDetail) => void }) {
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const post: Post = (path, body) =>
    action.run(async () => {
      const { motion: next } = await api.post<{ motion: MotionDetail }>(`/api/motions/${motion.id}/${path}`, body);
      setDone(t(PATH_LABELS[path] ?? 'moSave'));
      onChanged(next);
    });
  const steps = SHOWN.filter((event) => motion.allowedEvents.includes(event))
    .map((event) => stepFor(event, motion, post))
    .filter(Boolean);
  return html`<section class="card motion-actions" aria-labelledby="next-steps">
    <h2 id="next-steps">${t('moNextSteps')}</h2>
    <${ErrorNote} error=${action.error} />
    ${done && !action.error && html`<p class="notice" role="status">${t('moDone', { step: done })}</p>`}
    ${steps.length === 0 ? html`<p class="muted">${t('moNoActions')}</p>` : html`<div class="motion-steps">${steps}</div>`}
  </section>`;
}
