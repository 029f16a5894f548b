// The join page's address for the hall, printed at start with a terminal QR code: on a laptop on the
// hall's Wi-Fi the secretary cannot be expected to know which address the phones reach it by.
import type { AddressInfo } from 'node:net';
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import type { Config } from './config.js';

type Interfaces = Partial<Record<string, NetworkInterfaceInfo[]>>;

/** Interfaces no phone in the hall is on: container and VM bridges a laptop may carry. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|cni|flannel|podman)/;

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

export interface HallListening {
  interfaces: Interfaces;
  /** The HOST the server listens on. */
  host: string;
  /** The port it actually got (PORT=0 picks one). */
  port: number;
  publicUrl?: string | undefined;
}

/**
 * Where phones open the join page. PUBLIC_URL when set (a proxy's name is the only address people
 * should see); else, listening on every address, each LAN IPv4 address (IPv6 link-local addresses
 * need a zone a phone cannot type, and a self-assigned 169.254 address means there is no network);
 * else the one address listened on, unless it is loopback, which no phone can reach.
 */
export function hallJoinUrls({ interfaces, host, port, publicUrl }: HallListening): string[] {
  if (publicUrl) return [`${publicUrl.replace(/\/$/, '')}/join`];
  if (ANY_ADDRESS.has(host)) {
    return Object.entries(interfaces)
      .filter(([name]) => !VIRTUAL_INTERFACE.test(name))
      .flatMap(([, addresses]) => addresses ?? [])
      .filter((address) => address.family === 'IPv4' && !address.internal && !address.address.startsWith('169.254.'))
      .map((address) => `http://${address.address}:${port}/join`);
  }
  if (host === 'localhost' || host.startsWith('127.') || host === '::1') return [];
  return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/join`];
}

/** Prints each join address with a QR code the secretary can show or photograph. */
export async function printHallAddresses(listening: HallListening, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<void> {
  const urls = hallJoinUrls(listening);
  if (urls.length === 0) {
    write('Only this computer can reach the server; HOST=0.0.0.0 serves the hall network / 仅本机可访问，设置 HOST=0.0.0.0 以供会场网络访问\n');
    return;
  }
  for (const url of urls) {
    write(`\nRepresentatives join at / 代表入会地址: ${url}\n`);
    write(await QRCode.toString(url, { type: 'terminal', small: true }));
  }
}

/** What main.ts calls once listening: this machine's interfaces and the port the server got. */
export async function announceHall(config: Config, address: AddressInfo | string | null): Promise<void> {
  if (!address || typeof address === 'string') return;
  await printHallAddresses({ interfaces: networkInterfaces(), host: config.HOST, port: address.port, publicUrl: config.PUBLIC_URL });
}
