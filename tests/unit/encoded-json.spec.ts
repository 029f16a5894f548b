// The snapshot's text goes out as Socket.IO's own wire format: decoded by the stock parser (as the
// pages' client does), it is the value it was made from; everything else is encoded as before.
import * as parser from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { asciiJson, EncodedJson, encodedJsonParser } from '../../src/http/encoded-json.js';

function decode(encoded: unknown[]): parser.Packet {
  const decoder = new parser.Decoder();
  let packet: parser.Packet | undefined;
  decoder.on('decoded', (decoded: parser.Packet) => (packet = decoded));
  for (const part of encoded) decoder.add(part as string);
  return packet!;
}

describe('the encoder that sends JSON text as it is', () => {
  const snapshot = { meeting: { id: 'm1', title: '第三届第二次职工代表大会' }, ballots: [{ id: 'b1', turnout: { voted: 3, eligible: 5 } }], you: null, note: 'quote " and \\ and \u2028' };
  const encoder = new encodedJsonParser.Encoder();
  const stock = new parser.Encoder();

  it('sends an event carrying EncodedJson exactly as the stock encoder sends the value', () => {
    for (const nsp of ['/', '/admin']) {
      const packet = { type: parser.PacketType.EVENT, nsp, data: ['meeting:snapshot', new EncodedJson(JSON.stringify(snapshot))] };
      const encoded = encoder.encode(packet);
      expect(encoded).toEqual(stock.encode({ ...packet, data: ['meeting:snapshot', snapshot] }));
      expect(decode(encoded)).toMatchObject({ type: parser.PacketType.EVENT, nsp, data: ['meeting:snapshot', snapshot] });
    }
  });

  it('leaves other packets to the stock encoder, binary ones included', () => {
    const withId = { type: parser.PacketType.ACK, nsp: '/', id: 7, data: [{ data: snapshot }] };
    expect(encoder.encode(withId)).toEqual(stock.encode(withId));
    const binary = { type: parser.PacketType.EVENT, nsp: '/', data: ['file', Buffer.from([1, 2, 3])] };
    expect(encoder.encode(binary)).toEqual(stock.encode(binary));
  });

  it('gives the value back to anything else that serializes it', () => {
    expect(JSON.parse(JSON.stringify({ snapshot: new EncodedJson(JSON.stringify(snapshot)) }))).toEqual({ snapshot });
  });
});

describe('JSON in ASCII', () => {
  it('escapes every character past ASCII, and parses back to the same value', () => {
    const you = { name: '代表2 😀', delegationName: '第一代表团', note: 'quote " and \\ and \u2028', voted: ['b1'], paper: null };
    const text = asciiJson(you);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(text)).toEqual(you);
    expect(asciiJson({ plain: 'abc', n: 1 })).toBe(JSON.stringify({ plain: 'abc', n: 1 }));
  });
});
