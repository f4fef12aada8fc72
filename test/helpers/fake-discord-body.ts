/**
 * Request bodies for the fake Discord: JSON, or multipart (discord.js sends multipart only with
 * files) whose files are collected and whose payload_json part is returned.
 */
import type { IncomingMessage } from 'node:http';

/** A file uploaded with a request: the request path and the file. */
export interface UploadedFile {
  path: string;
  filename: string;
  data: Buffer;
}

/** Reads the whole body: parsed JSON, the payload_json of a multipart body, or the raw text. */
export async function readBody(req: IncomingMessage, files: UploadedFile[]): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const buf = Buffer.concat(chunks);
  const raw = buf.toString('utf8');
  if (!raw) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    if (boundary) {
      const sep = Buffer.from('--' + (boundary[1] ?? boundary[2]).trim());
      for (let start = buf.indexOf(sep); start >= 0; ) {
        const next = buf.indexOf(sep, start + sep.length);
        if (next < 0) break;
        const part = buf.subarray(start + sep.length + 2, next - 2);
        const headEnd = part.indexOf('\r\n\r\n');
        const filename = headEnd >= 0 ? /filename="([^"]*)"/i.exec(part.subarray(0, headEnd).toString('utf8'))?.[1] : undefined;
        if (filename !== undefined) files.push({ path: new URL(req.url ?? '/', 'http://x').pathname, filename, data: Buffer.from(part.subarray(headEnd + 4)) });
        start = next;
      }
    }
    // discord.js sends multipart only with files; keep the JSON part.
    const m = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return m ? JSON.parse(m[1]) : raw;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
