// What the documents domain's services and routes are given (a file of its own: every documents module imports it).
import type { AppContext, CoreContext } from '../context.js';

/**
 * What the documents service and routes use: the core, the worker that reads uploads and diffs
 * versions, the storage figures a version's quota checks, the open ballots (a document's ballot's
 * turnout) and the logger (a document's outcome or opinion-count broadcast that fails is logged, not thrown).
 */
export type DocumentDeps = CoreContext & Pick<AppContext, 'heavyWork' | 'paperWork' | 'storage' | 'votes' | 'logger'>;
