// The join address printed at start: what a phone on the hall's Wi-Fi can reach, with a QR code.
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hallJoinUrls, printHallAddresses } from '../../src/hall-address.js';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` });
const v6 = (address: string): NetworkInterfaceInfo => ({ address, family: 'IPv6', internal: false, netmask: 'ffff:ffff:ffff:ffff::', mac: '00:00:00:00:00:00', cidr: `${address}/64`, scopeid: 2 });

const LAPTOP = {
  lo: [v4('127.0.0.1', true)],
  wlan0: [v4('192.168.1.20'), v6('fe80::1')],
  eth0: [v4('10.0.5.7')],
  docker0: [v4('172.17.0.1')],
  enx0: [v4('169.254.3.4')],
};

describe('the join address printed at start', () => {
  it('listening on every address, lists each LAN IPv4 address with the port', () => {
    expect(hallJoinUrls({ interfaces: LAPTOP, host: '0.0.0.0', port: 3000 })).toEqual(['http://192.168.1.20:3000/join', 'http://10.0.5.7:3000/join']);
    expect(hallJoinUrls({ interfaces: LAPTOP, host: '::', port: 8080 })).toContain('http://192.168.1.20:8080/join');
  });

  it('gives PUBLIC_URL instead when it is set', () => {
    expect(hallJoinUrls({ interfaces: LAPTOP, host: '0.0.0.0', port: 3000, publicUrl: 'https://vote.union.example/' })).toEqual(['https://vote.union.example/join']);
  });

  it('gives the one address listened on, and none for loopback, which no phone reaches', () => {
    expect(hallJoinUrls({ interfaces: LAPTOP, host: '192.168.1.20', port: 3000 })).toEqual(['http://192.168.1.20:3000/join']);
    expect(hallJoinUrls({ interfaces: LAPTOP, host: '127.0.0.1', port: 3000 })).toEqual([]);
    expect(hallJoinUrls({ interfaces: LAPTOP, host: 'localhost', port: 3000 })).toEqual([]);
  });

  it('prints each address with a QR code, or says only this computer can reach it', async () => {
    let printed = '';
    await printHallAddresses({ interfaces: LAPTOP, host: '0.0.0.0', port: 3000 }, (text) => (printed += text));
    expect(printed).toContain('http://192.168.1.20:3000/join');
    expect(printed).toContain('http://10.0.5.7:3000/join');
    // The small terminal QR code is drawn with half blocks.
    expect(printed.match(/[▀▄█]/g)?.length).toBeGreaterThan(100);
    let alone = '';
    await printHallAddresses({ interfaces: LAPTOP, host: '127.0.0.1', port: 3000 }, (text) => (alone += text));
    expect(alone).toContain('HOST=0.0.0.0');
  });
});
