// Test-only: loads the real Odoo 16 request/response samples (tests/fixtures/odoo16-samples, a copy of
// shared/reference/odoo16-samples kept in the repo so a clone tests on its own) and
// serves them through an injected `fetch`. Never imported by extension code (it uses node:fs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Kept in a variable: Vite rewrites the literal `new URL('…', import.meta.url)` into a dev-server asset URL.
const here = import.meta.url;

export function samplePath(name: string): string {
  const path = fileURLToPath(new URL(`../../tests/fixtures/odoo16-samples/${name}`, here));
  if (!existsSync(path)) throw new Error(`Odoo 16 sample not found: ${path}`);
  return path;
}

export interface Sample {
  note: string | null;
  request: { method: string; url: string; body: JsonRpcRequestBody };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export interface JsonRpcRequestBody {
  jsonrpc: '2.0';
  method: 'call';
  id: number | null;
  params: Record<string, unknown>;
}

export function loadSample(name: string): Sample {
  return JSON.parse(readFileSync(samplePath(name), 'utf8')) as Sample;
}

export function loadSampleText(name: string): string {
  return readFileSync(samplePath(name), 'utf8');
}

export interface RecordedRequest {
  url: string;
  init: RequestInit;
  body: JsonRpcRequestBody;
}

/** A `fetch` that answers each request with the next sample's response, recording what was sent. */
export function sampleFetch(...answers: Array<Sample | (() => Response | Promise<Response>)>): {
  fetch: typeof fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const queue = [...answers];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ url, init: init ?? {}, body: JSON.parse(String(init?.body)) as JsonRpcRequestBody });
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`unexpected request to ${url}`);
    if (typeof answer === 'function') return answer();
    return new Response(JSON.stringify(answer.response.body), {
      status: answer.response.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    });
  };
  return { fetch: fake as typeof fetch, requests };
}
