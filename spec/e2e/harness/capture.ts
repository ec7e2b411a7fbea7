import type { Channel, Message } from 'amqplib';
import { waitUntil } from './wait';

/** One message a runtime published, as a capture queue received it. */
export interface Captured<T = unknown> {
  routingKey: string;
  headers: Record<string, unknown>;
  properties: Message['properties'];
  /** The AMQP body exactly as published (utf8), for secret scanning. */
  raw: string;
  /** The decoded payload; undefined if decoding failed (see decodeError). */
  value: T | undefined;
  decodeError?: string;
  receivedAt: number;
}

/**
 * Collects everything routed to one queue we declared next to the runtime's own, decoding as it goes.
 * Capture queues are exclusive + auto-delete: they vanish with our connection even if cleanup is skipped.
 */
export class Capture<T = unknown> {
  readonly messages: Captured<T>[] = [];

  private constructor(
    readonly queue: string,
    private readonly decode: (msg: Message) => T,
  ) {}

  static async bind<T>(
    channel: Channel,
    queue: string,
    exchange: string,
    routingKeys: string[],
    decode: (msg: Message) => T,
  ): Promise<Capture<T>> {
    const capture = new Capture<T>(queue, decode);
    await channel.assertQueue(queue, { exclusive: true, autoDelete: true, durable: false });
    for (const key of routingKeys) await channel.bindQueue(queue, exchange, key);
    await channel.consume(queue, (msg) => msg && capture.receive(msg), { noAck: true });
    return capture;
  }

  private receive(msg: Message): void {
    const entry: Captured<T> = {
      routingKey: msg.fields.routingKey,
      headers: msg.properties.headers ?? {},
      properties: msg.properties,
      raw: msg.content.toString('utf8'),
      value: undefined,
      receivedAt: Date.now(),
    };
    try {
      entry.value = this.decode(msg);
    } catch (error) {
      entry.decodeError = error instanceof Error ? error.message : String(error);
    }
    this.messages.push(entry);
  }

  get values(): T[] {
    return this.messages.map((m) => m.value as T);
  }

  async waitFor(count: number, timeoutMs: number): Promise<Captured<T>[]> {
    await waitUntil(
      `${count} message(s) on ${this.queue} (have ${this.messages.length})`,
      () => this.messages.length >= count,
      timeoutMs,
    );
    return this.messages;
  }

  clear(): void {
    this.messages.length = 0;
  }

  /** Everything this capture saw, as one string: raw bodies, headers and decoded values. */
  text(): string {
    return this.messages
      .map((m) => [m.raw, JSON.stringify(m.headers), JSON.stringify(m.value ?? null)].join('\n'))
      .join('\n');
  }
}
