// Uploads one file as multipart/form-data (a roster import); errors become ApiError like every other request.
import { ApiError } from './api.js';

export async function uploadFile<T>(url: string, field: string, file: File): Promise<T> {
  const form = new FormData();
  form.append(field, file, file.name);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败', 'The network is unavailable');
  }
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // a proxy's HTML error page: fall through to the generic error below
  }
  if (!response.ok) {
    throw new ApiError(response.status, String(parsed.code ?? 'INTERNAL'), String(parsed.messageZh ?? '出错了'), String(parsed.messageEn ?? 'Error'), parsed.details);
  }
  return parsed as T;
}
