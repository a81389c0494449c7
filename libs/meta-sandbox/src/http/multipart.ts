/** A file part of a multipart request (image uploads to `/act_{id}/adimages`). */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType?: string;
  data: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/**
 * Reads a `multipart/form-data` body already in memory, the way Meta's SDKs upload files (`filename=@image.png`
 * next to plain fields). Malformed input yields what could be read; the Graph handler then reports missing params.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartBody {
  const out: MultipartBody = { fields: {}, files: [] };
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return out;
  const delimiter = Buffer.from(`--${marker.trim()}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined && filename !== undefined) {
        out.files.push({
          field: name,
          filename,
          contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim(),
          data: Buffer.from(data),
        });
      } else if (name !== undefined) {
        out.fields[name] = data.toString('utf8');
      }
    }
    start = next;
  }
  return out;
}
