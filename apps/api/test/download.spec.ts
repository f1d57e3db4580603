import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { Logger } from '@nestjs/common';
import express from 'express';
import { describe, expect, it, vi } from 'vitest';
import { sendDownload } from '../src/common/download.js';

describe('sendDownload', () => {
  it('cuts off a download whose client stops reading, once it took no bytes for the idle timeout', async () => {
    const logger = new Logger('test');
    const warned = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    let written = 0;
    let finished: Promise<unknown> | undefined;
    const app = express();
    app.get('/', (_req, res) => {
      finished = sendDownload(
        res,
        { name: 'a.csv', asciiName: 'a.csv', contentType: 'text/csv' },
        logger,
        async (out) => {
          // an endless file, written with the writers' backpressure: waits while the socket is full
          const chunk = Buffer.alloc(64 * 1024, 'x');
          for (;;) {
            if ((out as unknown as { destroyed: boolean }).destroyed) throw new Error('closed');
            written += chunk.length;
            if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
          }
        },
        300,
      ).then(
        () => 'resolved',
        (error: Error) => error.message,
      );
    });
    const server = app.listen(0);
    await once(server, 'listening');
    const client = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    try {
      await once(client, 'connect');
      client.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      client.pause(); // reads nothing: the kernel's buffers fill, then the response's
      await vi.waitFor(() => expect(finished).toBeDefined());
      const started = Date.now();
      await expect(finished).resolves.toBe('resolved'); // the failure after the first byte is logged, not thrown
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(warned).toHaveBeenCalledWith(expect.stringMatching(/download a\.csv stopped/));
      expect(written).toBeLessThan(64 * 1024 * 1024); // it stopped producing
    } finally {
      client.destroy();
      server.close();
    }
  }, 20_000);
});
