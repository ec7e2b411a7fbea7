import { randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel, type Message } from 'amqplib';
import { Capture } from './capture';
import { decryptMessage, encryptMessage, type CipherSettings } from './crypto';

/** Ids the platform gives one step of one flow execution; names below are derived from them like the platform does. */
export interface StepNames {
  userId: string;
  flowId: string;
  stepId: string;
  /** The step whose data key feeds our input queue. */
  prevStepId: string;
  execId: string;
}

/** What the sailor puts into an error message: JSON with the encrypted error and the original input. */
export interface SailorError {
  error: { name: string; message: string; stack?: string };
  errorInput: unknown;
}

export interface PublishedInput {
  messageId: string;
  publishedAt: number;
}

/**
 * The RabbitMQ topology the elastic.io platform builds around one step (see ferryman createQueues.js), plus
 * test-only capture queues:
 * - direct exchange `userexchange:<user>`; the step consumes `<flow>:<step>:<exec>:messages`, bound with the
 *   previous step's data key `<flow>:<prev>:<exec>:message`;
 * - the step publishes to keys `<flow>:<step>:<exec>:message|error|rebound|snapshot`; a capture queue per key;
 * - `<flow>:<step>:<exec>:rebounds` holds rebounds until their per-message expiration and dead-letters them back
 *   with the input key: that is how a rebound returns to the step;
 * - test-only: the input queue dead-letters to a fanout exchange, so a message the sailor *rejects* is seen
 *   (`rejected`), while an acked one is not. Expired rebounds lose their `expiration` when dead-lettered, so they
 *   never land there by accident.
 */
export class PlatformTopology {
  readonly exchange: string;
  readonly inputQueue: string;
  readonly reboundsQueue: string;
  readonly rejectExchange: string;
  readonly keys: { input: string; data: string; error: string; rebound: string; snapshot: string };
  data!: Capture<{ body?: unknown; [key: string]: unknown }>;
  errors!: Capture<SailorError>;
  rebounds!: Capture;
  snapshots!: Capture;
  rejected!: Capture;
  private readonly published = new Map<string, number>();

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    readonly names: StepNames,
    readonly cipher: CipherSettings,
  ) {
    const { userId, flowId, stepId, prevStepId, execId } = names;
    const prefix = `${flowId}:${stepId}:${execId}`;
    this.exchange = `userexchange:${userId}`;
    this.inputQueue = `${prefix}:messages`;
    this.reboundsQueue = `${prefix}:rebounds`;
    this.rejectExchange = `e2e-rejected:${prefix}`;
    this.keys = {
      input: `${flowId}:${prevStepId}:${execId}:message`,
      data: `${prefix}:message`,
      error: `${prefix}:error`,
      rebound: `${prefix}:rebound`,
      snapshot: `${prefix}:snapshot`,
    };
  }

  static async declare(amqpUrl: string, cipher: CipherSettings, names: Partial<StepNames> = {}): Promise<PlatformTopology> {
    const unique = randomUUID().slice(0, 8);
    const full: StepNames = {
      userId: names.userId ?? `user-${unique}`,
      flowId: names.flowId ?? `flow-${unique}`,
      stepId: names.stepId ?? 'step_2',
      prevStepId: names.prevStepId ?? 'step_1',
      execId: names.execId ?? `exec-${unique}`,
    };
    const connection = await connect(amqpUrl);
    const channel = await connection.createChannel();
    const topology = new PlatformTopology(connection, channel, full, cipher);
    await topology.build();
    return topology;
  }

  private async build(): Promise<void> {
    const { channel, exchange, keys } = this;
    await channel.assertExchange(exchange, 'direct', { durable: true, autoDelete: false });
    await channel.assertExchange(this.rejectExchange, 'fanout', { durable: false, autoDelete: false });
    await channel.assertQueue(this.inputQueue, {
      durable: true,
      arguments: { 'x-dead-letter-exchange': this.rejectExchange },
    });
    await channel.bindQueue(this.inputQueue, exchange, keys.input);
    await channel.assertQueue(this.reboundsQueue, {
      durable: true,
      arguments: { 'x-dead-letter-exchange': exchange, 'x-dead-letter-routing-key': keys.input },
    });
    await channel.bindQueue(this.reboundsQueue, exchange, keys.rebound);

    const tag = `${this.names.flowId}:${this.names.execId}`;
    const encrypted = (msg: Message): unknown => this.decrypt(msg.content, protocolVersionOf(msg));
    this.data = await Capture.bind(channel, `e2e-data:${tag}`, exchange, [keys.data], (m) => encrypted(m) as never);
    this.errors = await Capture.bind(channel, `e2e-error:${tag}`, exchange, [keys.error], (m) => this.decodeError(m));
    this.rebounds = await Capture.bind(channel, `e2e-rebound:${tag}`, exchange, [keys.rebound], encrypted);
    // Snapshots are the one output the sailor sends unencrypted.
    this.snapshots = await Capture.bind(channel, `e2e-snapshot:${tag}`, exchange, [keys.snapshot], (m) =>
      JSON.parse(m.content.toString('utf8')) as unknown,
    );
    this.rejected = await Capture.bind(channel, `e2e-rejected:${tag}`, this.rejectExchange, [''], encrypted);
  }

  /** Env vars that tell a sailor where this step's queue, exchange, keys and cipher are. */
  sailorEnv(): Record<string, string> {
    return {
      ELASTICIO_LISTEN_MESSAGES_ON: this.inputQueue,
      ELASTICIO_PUBLISH_MESSAGES_TO: this.exchange,
      ELASTICIO_DATA_ROUTING_KEY: this.keys.data,
      ELASTICIO_ERROR_ROUTING_KEY: this.keys.error,
      ELASTICIO_REBOUND_ROUTING_KEY: this.keys.rebound,
      ELASTICIO_SNAPSHOT_ROUTING_KEY: this.keys.snapshot,
      ELASTICIO_MESSAGE_CRYPTO_IV: this.cipher.iv,
      ELASTICIO_MESSAGE_CRYPTO_PASSWORD: this.cipher.password,
    };
  }

  /**
   * Publishes one step input the way the previous step's sailor would: encrypted (protocol version 1, base64),
   * with the `messageId` header the sailor needs for its ack bookkeeping, and the files of the message
   * (`attachments`, `{ name: { url, size, "content-type" } }`) when it carries any.
   */
  publish(body: unknown, extraHeaders: Record<string, unknown> = {}, attachments: Record<string, unknown> = {}): PublishedInput {
    const messageId = randomUUID();
    const message = { id: messageId, body, headers: {}, attachments, metadata: {} };
    const headers = {
      messageId,
      threadId: `thread-${messageId.slice(0, 8)}`,
      parentMessageId: randomUUID(),
      stepId: this.names.prevStepId,
      ...extraHeaders,
    };
    const publishedAt = Date.now();
    this.published.set(messageId, publishedAt);
    this.channel.publish(this.exchange, this.keys.input, encryptMessage(message, this.cipher), {
      headers,
      contentType: 'application/json',
    });
    return { messageId, publishedAt };
  }

  /** When the input whose messageId is `parentMessageId` was published (for latency figures). */
  publishedAt(messageId: string): number | undefined {
    return this.published.get(messageId);
  }

  async inputDepth(): Promise<number> {
    return (await this.channel.checkQueue(this.inputQueue)).messageCount;
  }

  decrypt(content: Buffer | string, protocolVersion = 1): unknown {
    return decryptMessage(content, this.cipher, protocolVersion);
  }

  private decodeError(msg: Message): SailorError {
    const envelope = JSON.parse(msg.content.toString('utf8')) as { error: string; errorInput?: string };
    const error = this.decrypt(envelope.error) as SailorError['error'];
    const errorInput = envelope.errorInput === undefined ? undefined : this.decrypt(envelope.errorInput);
    return { error, errorInput };
  }

  /** How many messages each capture holds: tests compare the whole picture to say "and nothing else". */
  counts(): { data: number; errors: number; rebounds: number; snapshots: number; rejected: number } {
    return {
      data: this.data.messages.length,
      errors: this.errors.messages.length,
      rebounds: this.rebounds.messages.length,
      snapshots: this.snapshots.messages.length,
      rejected: this.rejected.messages.length,
    };
  }

  /** Every output captured so far as text (raw and decoded), for secret scanning. */
  allOutputText(): string {
    return [this.data, this.errors, this.rebounds, this.snapshots, this.rejected].map((c) => c.text()).join('\n');
  }

  async close(): Promise<void> {
    try {
      for (const queue of [this.inputQueue, this.reboundsQueue]) await this.channel.deleteQueue(queue);
      await this.channel.deleteExchange(this.rejectExchange);
    } catch {
      /* the broker may be gone already; the node is thrown away anyway */
    }
    try {
      await this.connection.close();
    } catch {
      /* already closed */
    }
  }
}

function protocolVersionOf(msg: Message): number {
  return Number(msg.properties.headers?.['protocolVersion'] ?? 1);
}
