// The cap on sockets per actor counts a socket from its admitted handshake to its connection's close,
// and a connection that closed during the handshake takes no place (it would never give it back).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/actors.js';
import { SOCKETS_PER_ACTOR, SocketCaps } from '../../src/plugins/socket-limits.js';

function connection(readyState: 'open' | 'closed' = 'open') {
  return Object.assign(new EventEmitter(), { readyState });
}

const display: Actor = { kind: 'display', meetingId: 'meeting-1' };

describe('the cap on sockets per actor', () => {
  it('refuses past the cap and gives a place back when a connection closes, once', () => {
    const caps = new SocketCaps();
    const held = Array.from({ length: SOCKETS_PER_ACTOR.display }, () => connection());
    for (const conn of held) caps.take(display, { conn } as never);
    expect(() => caps.take(display, { conn: connection() } as never)).toThrow(expect.objectContaining({ code: 'TOO_MANY_CONNECTIONS' }));
    held[0]!.emit('close');
    held[0]!.emit('close');
    expect(caps.heldBy(display)).toBe(SOCKETS_PER_ACTOR.display - 1);
    caps.take(display, { conn: connection() } as never);
    expect(caps.heldBy(display)).toBe(SOCKETS_PER_ACTOR.display);
    for (const conn of held.slice(1)) conn.emit('close');
    expect(caps.heldBy(display)).toBe(1);
  });

  it('takes no place for a connection that closed during its handshake', () => {
    const caps = new SocketCaps();
    expect(() => caps.take(display, { conn: connection('closed') } as never)).toThrow();
    expect(caps.heldBy(display)).toBe(0);
  });
});
