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
      let text = `${packet.type}${packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : ''}${packet.id ?? ''}[`;
      packet.data.forEach((argument: unknown, index: number) => {
        text += `${index ? ',' : ''}${argument instanceof EncodedJson ? argument.text : JSON.stringify(argument)}`;
      });
      return [`${text}]`];
    }
    return super.encode(packet);
  }
}

/** The `parser` option of the Socket.IO server. */
export const encodedJsonParser = { ...parser, Encoder };

/**
 * JSON with every character past ASCII written as a \u escape: a message whose text is all ASCII is
 * kept by V8 one byte a character and written to the socket as it is, where a single name in Chinese
 * made the whole snapshot two bytes a character, copied and re-encoded for each phone.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
