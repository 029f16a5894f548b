// A message body serialized once and sent as it is to many sockets. Socket.IO's encoder stringifies
// every emit (and first walks it for binary data); a snapshot of fifteen ballots sent to a thousand
// reconnecting phones was serialized a thousand times. The wire format is Socket.IO's own, so the
// pages' client reads it as any other event.
import * as parser from 'socket.io-parser';

/** JSON text that an emit carries as it is. Anything else that serializes it gets the value back. */
export class EncodedJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** Socket.IO's encoder, except that an event whose arguments include EncodedJson splices their text in. */
class Encoder extends parser.Encoder {
  override encode(packet: parser.Packet): ReturnType<parser.Encoder['encode']> {
    if (packet.type === parser.PacketType.EVENT && Array.isArray(packet.data) && packet.data.some((argument) => argument instanceof EncodedJson)) {
      const namespace = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
      const id = packet.id ?? '';
      const body = packet.data.map((argument: unknown) => (argument instanceof EncodedJson ? argument.text : JSON.stringify(argument))).join(',');
      return [`${packet.type}${namespace}${id}[${body}]`];
    }
    return super.encode(packet);
  }
}

/** The `parser` option of the Socket.IO server. */
export const encodedJsonParser = { ...parser, Encoder };
