// Motions change under the secretary's eyes: one socket (the officer's cookie, no meeting) whose
// `motion:updated` pushes tell a screen to read again. Bursts are coalesced into one reload.
import { io } from 'socket.io-client';
import { useEffect, useRef } from '../shared/html.js';

interface MotionUpdated {
  event: string;
  motion: { id: string };
}

/** Calls onChange (at most every 250 ms) whenever a motion the account may see changes. */
export function useMotionChanges(onChange: (motionId: string) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const socket = io({ transports: ['websocket'], auth: {}, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let changed = '';
    socket.on('motion:updated', ({ motion }: MotionUpdated) => {
      changed = motion.id;
      timer ??= setTimeout(() => {
        timer = undefined;
        latest.current(changed);
      }, 250);
    });
    // A reconnect may have missed pushes: read again.
    socket.io.on('reconnect', () => latest.current(''));
    return () => {
      clearTimeout(timer);
      socket.disconnect();
    };
  }, []);
}
