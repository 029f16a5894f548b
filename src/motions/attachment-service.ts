// Adding, serving and removing a motion's attachments. Adding or removing one is an edit of the
// motion (allowed by the state table only on a draft or a returned motion, and recorded in its
// history); reading one needs only that the asker may see the motion.
import { randomId } from '../access/codes.js';
import type { Actor } from '../actors.js';
import { fail } from '../errors.js';
import { contentDisposition } from '../http/content-disposition.js';
import { type AttachmentStore, checkUpload, cleanFilename } from './attachments.js';
import * as handling from './handling-repository.js';
import type { MotionDetail } from './schemas.js';
import type { MotionDeps } from './deps.js';
import { checkMove, motionVisibleTo, moveMotion } from './service.js';

export { AttachmentStore } from './attachments.js';

/** Before a byte of the file is read: the motion exists, the asker sees it and may edit it now. */
export function checkMayAttach(context: MotionDeps, actor: Actor, motionId: string): Promise<void> {
  return checkMove(context, actor, motionId, { action: 'edit', patch: {} });
}

export async function addAttachment(context: MotionDeps, store: AttachmentStore, actor: Actor, motionId: string, filename: string, content: Buffer): Promise<MotionDetail> {
  const mediaType = checkUpload(content);
  const storedName = await store.write(content);
  const attachment = {
    id: randomId(context.random),
    motion_id: motionId,
    stored_name: storedName,
    filename: cleanFilename(filename, mediaType),
    media_type: mediaType,
    size: content.length,
    uploaded_at: context.clock().toISOString(),
  };
  try {
    return await moveMotion(context, actor, motionId, { action: 'edit', patch: {}, addAttachment: attachment });
  } catch (error) {
    await store.remove(storedName);
    throw error;
  }
}

export async function readAttachment(context: MotionDeps, store: AttachmentStore, actor: Actor, motionId: string, attachmentId: string) {
  await motionVisibleTo(context, actor, motionId);
  const row = (await handling.findAttachment(context.db, motionId, attachmentId)) ?? fail('ATTACHMENT_NOT_FOUND');
  return { body: await store.read(row.stored_name), mediaType: row.media_type, contentDisposition: contentDisposition(row.filename) };
}

export async function removeAttachment(context: MotionDeps, store: AttachmentStore, actor: Actor, motionId: string, attachmentId: string): Promise<MotionDetail> {
  await motionVisibleTo(context, actor, motionId);
  const row = (await handling.findAttachment(context.db, motionId, attachmentId)) ?? fail('ATTACHMENT_NOT_FOUND');
  const motion = await moveMotion(context, actor, motionId, { action: 'edit', patch: {}, removeAttachmentId: row.id });
  await store.remove(row.stored_name);
  return motion;
}
