// Documents change under the secretary's and the drafters' eyes: one socket (the account's cookie)
// carrying `document:opinions` (counts per delegation as opinions arrive) and `document:updated`.
import { io } from 'socket.io-client';
import { useEffect, useRef } from '../shared/html.js';
import type { DocumentSummary, OpinionCounts } from '../shared/api-types.js';

interface Handlers {
  onCounts?: (counts: OpinionCounts) => void;
  /** A document changed ('' after a reconnect, which may have missed some): read again. */
  onUpdated?: (documentId: string, summary: DocumentSummary | null) => void;
}

export function useDocumentChanges(handlers: Handlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const socket = io({ transports: ['websocket'], auth: {}, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    socket.on('document:opinions', (counts: OpinionCounts) => latest.current.onCounts?.(counts));
    socket.on('document:updated', ({ document }: { document: DocumentSummary }) => latest.current.onUpdated?.(document.id, document));
    socket.io.on('reconnect', () => latest.current.onUpdated?.('', null));
    return () => void socket.disconnect();
  }, []);
}
