// The machine's own limit: a bare Socket.IO + better-sqlite3 server (no framework, no auth, no
// validation) doing the same vote transaction as Yishi, with the same durability (WAL, FULL) and the
// same group commit. Usage: tsx baseline-server.ts <database-file>; prints "listening <port>".
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';

const db = new Database(process.argv[2] ?? ':memory:');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`CREATE TABLE IF NOT EXISTS participation (ballot_id TEXT, member_id TEXT, PRIMARY KEY (ballot_id, member_id)) WITHOUT ROWID;
         CREATE TABLE IF NOT EXISTS ballot_box (ballot_id TEXT, ballot_key TEXT, receipt TEXT, answers TEXT, PRIMARY KEY (ballot_id, ballot_key)) WITHOUT ROWID;`);
const insertParticipation = db.prepare('INSERT OR IGNORE INTO participation VALUES (?, ?)');
const insertBallot = db.prepare('INSERT INTO ballot_box VALUES (?, ?, ?, ?)');
type Vote = { member: string; ballotId: string; receipt: string; answers: string; ack: (response: unknown) => void };
let pending: Vote[] = [];
let voted = 0;
let _turnoutTimer: NodeJS.Timeout | null = null;
const commit = db.transaction((batch: Vote[]) =>
  batch.map(
    (vote) => insertParticipation.run(vote.ballotId, vote.member).changes === 1 && insertBallot.run(vote.ballotId, randomBytes(12).toString('base64url'), vote.receipt, vote.answers).changes === 1,
  ),
);

const http = createServer((request, response) => {
  if (request.url === '/open') {
    io.emit('ballot:opened', { ballot: { id: 'bench' } });
    response.end('ok');
    return;
  }
  // POST /vote {member, ballotId, receipt, answers}: the same transaction over plain HTTP.
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    const vote = JSON.parse(body) as { member: string; ballotId: string; receipt: string; answers: unknown };
    if (pending.length === 0) setImmediate(flush);
    pending.push({ ...vote, answers: JSON.stringify(vote.answers), ack: (answer) => response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(answer)) });
  });
});
const io = new Server(http, { serveClient: false });

function flush(): void {
  const batch = pending;
  pending = [];
  const counted = commit(batch);
  batch.forEach((vote, index) => vote.ack(counted[index] ? { data: { receipt: vote.receipt } } : { error: { code: 'ALREADY_VOTED' } }));
  voted += counted.filter(Boolean).length;
  _turnoutTimer ??= setTimeout(() => {
    _turnoutTimer = null;
    io.emit('ballot:turnout', { ballotId: 'bench', voted });
  }, 200);
}

io.on('connection', (socket) => {
  const member = String(socket.handshake.auth.code);
  // What a bare server sends a phone coming back: its figures, kept in memory (the reconnect benchmark).
  socket.emit('meeting:snapshot', { you: { member }, turnout: { voted }, connected: io.engine.clientsCount });
  socket.on('ballot:cast', (payload: { ballotId: string; receipt: string; answers: unknown }, ack: (response: unknown) => void) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push({ member, ballotId: payload.ballotId, receipt: payload.receipt, answers: JSON.stringify(payload.answers), ack });
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => process.exit(0));
