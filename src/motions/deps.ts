// What the motions domain's services and routes are given (a file of its own: service and effects both import it).
import type { AppContext, CoreContext } from '../context.js';

/** What the motions service and routes use: the core, the storage figures an attachment's quota checks, and the pool that writes the .docx exports. */
export type MotionDeps = CoreContext & Pick<AppContext, 'storage' | 'paperWork'>;
