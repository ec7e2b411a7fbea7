declare module 'elasticio-node/lib/messages' {
  export interface ElasticioMessage {
    id: string;
    attachments: Record<string, unknown>;
    body: unknown;
    headers: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }
  export function newMessageWithBody(body: unknown): ElasticioMessage;
}
