/** What the clients of OpenAI-compatible endpoints (embeddings, chat completions) share. */

/** The URL of one method of an endpoint: "http://host/v1/" + "chat/completions". */
export const endpointUrl = (baseUrl: string, method: string) => `${baseUrl.replace(/\/+$/, '')}/${method}`;

/** POSTs a JSON body, with the bearer key when there is one. The key goes in the header only, never in errors. */
export function postJson(
  doFetch: typeof fetch,
  url: string,
  body: unknown,
  apiKey: string | undefined,
  signal: AbortSignal,
): Promise<Response> {
  return doFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify(body),
    signal,
  });
}
