import { defaultDeps, request, type HttpDeps, type RequestOptions, type RetryPolicy } from '../net/http.js';

/** How the PyPI modules reach the network: the shared client, with its clock and retry policy injectable. */
export interface PypiHttp {
  deps: HttpDeps;
  retry?: Partial<RetryPolicy>;
  /** Called on every retry, to log it. */
  onRetry?: RequestOptions['onRetry'];
}

export const defaultPypiHttp: PypiHttp = { deps: defaultDeps };

export function send(http: PypiHttp, url: string, options: RequestOptions = {}): Promise<Response> {
  return request(url, { ...options, retry: { ...http.retry, ...options.retry }, onRetry: options.onRetry ?? http.onRetry }, http.deps);
}

/** The reason an index gives for refusing a request: a JSON message, the status line, or the page's text. */
export async function refusalReason(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const json = JSON.parse(text) as { message?: unknown; detail?: unknown; errors?: Array<{ code?: string; description?: string }> };
    const errors = Array.isArray(json.errors) ? json.errors.map((e) => [e.code, e.description].filter(Boolean).join(': ')).join('; ') : '';
    const message = [json.message ?? json.detail, errors].filter(Boolean).join(' — ');
    if (message) return oneLine(String(message));
  } catch {
    // Not JSON: PyPI puts the reason in the status line and an HTML page.
  }
  const generic = new Set(['', 'Bad Request', 'Forbidden', 'Unauthorized', 'Not Found', 'Internal Server Error']);
  if (!generic.has(response.statusText)) return oneLine(response.statusText);
  const body = oneLine(text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '));
  return body || response.statusText || `HTTP ${response.status}`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
