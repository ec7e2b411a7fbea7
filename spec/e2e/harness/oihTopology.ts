import { randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { Capture } from './capture';

/** Claims the OIH orchestrator puts into the `orchestratorToken` JWT; ferryman only decodes, never verifies it. */
export interface OrchestratorToken {
  flowId: string;
  stepId: string;
  userId: string;
  function: string;
  flowExecId: string;
  secretId?: string;
  apiKey?: string;
  fields?: Record<string, unknown>;
  nodeSettings?: Record<string, unknown>;
  tenant?: string;
}

/** An unsigned JWT (alg none): enough for ferryman's jwt.decode(). */
export function unsignedJwt(claims: object): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** A ferryman output: plain JSON (no crypto password is configured, as in OIH). */
export interface OihOutput {
  data?: unknown;
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The OIH orchestrator's topology for one flow node (QueueCreator.js / KubernetesDriver.js), with names made
 * unique per test: topic exchange `flow-<id>`, queue `flow-<id>:<step>:messages` bound with
 * `flow-<id>.<step>.input`; outputs to a backchannel exchange with keys `orchestrator_backchannel.input|error|
 * step_state`, captured here.
 */
export class OihTopology {
  readonly flowId: string;
  readonly stepId = 'step-intercom';
  readonly nodeExchange: string;
  readonly queue: string;
  readonly inputKey: string;
  readonly backchannel: string;
  readonly snapshotsExchange: string;
  readonly eventBusExchange: string;
  readonly keys = {
    output: 'orchestrator_backchannel.input',
    error: 'orchestrator_backchannel.error',
    state: 'orchestrator_backchannel.step_state',
  };
  output!: Capture<OihOutput>;
  errors!: Capture<{ error?: unknown; errorInput?: unknown }>;
  states!: Capture;
  rebounds!: Capture;

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
  ) {
    const unique = randomUUID().slice(0, 8);
    this.flowId = `oihflow${unique}`;
    this.nodeExchange = `flow-${this.flowId}`;
    this.queue = `flow-${this.flowId}:${this.stepId}:messages`;
    this.inputKey = `flow-${this.flowId}.${this.stepId}.input`;
    this.backchannel = `orchestrator_backchannel-${unique}`;
    this.snapshotsExchange = `component-events-collector-${unique}`;
    this.eventBusExchange = `event-bus-${unique}`;
  }

  static async declare(amqpUrl: string): Promise<OihTopology> {
    const connection = await connect(amqpUrl);
    const channel = await connection.createChannel();
    const topology = new OihTopology(connection, channel);
    await topology.build();
    return topology;
  }

  private async build(): Promise<void> {
    const { channel } = this;
    for (const name of [this.nodeExchange, this.backchannel, this.snapshotsExchange, this.eventBusExchange]) {
      await channel.assertExchange(name, 'topic', { durable: false, autoDelete: false });
    }
    await channel.assertQueue(this.queue, { durable: false });
    await channel.bindQueue(this.queue, this.nodeExchange, this.inputKey);
    const json = (m: { content: Buffer }): never => JSON.parse(m.content.toString('utf8')) as never;
    this.output = await Capture.bind(channel, `e2e-oih-out:${this.flowId}`, this.backchannel, [this.keys.output], json);
    this.errors = await Capture.bind(channel, `e2e-oih-err:${this.flowId}`, this.backchannel, [this.keys.error], json);
    this.states = await Capture.bind(channel, `e2e-oih-state:${this.flowId}`, this.backchannel, [this.keys.state], json);
    this.rebounds = await Capture.bind(channel, `e2e-oih-rebound:${this.flowId}`, this.nodeExchange, ['rebound.#'], json);
  }

  /** Ferryman's AMQP/exchange settings for this node. */
  ferrymanEnv(): Record<string, string> {
    return {
      ELASTICIO_LISTEN_MESSAGES_ON: this.queue,
      ELASTICIO_BACKCHANNEL_EXCHANGE: this.backchannel,
      ELASTICIO_NODE_EXCHANGE: this.nodeExchange,
      ELASTICIO_OUTPUT_ROUTING_KEY: this.keys.output,
      ELASTICIO_ERROR_ROUTING_KEY: this.keys.error,
      ELASTICIO_STATE_ROUTING_KEY: this.keys.state,
      ELASTICIO_REBOUND_ROUTING_KEY: `rebound.${this.stepId}`,
      ELASTICIO_SNAPSHOTS_EXCHANGE: this.snapshotsExchange,
      ELASTICIO_EVENT_BUS_EXCHANGE: this.eventBusExchange,
    };
  }

  /**
   * Publishes like the orchestrator (amqp.js sendComponentInputMessage): plain JSON `{data, metadata}`,
   * contentType text/json, headers taskId/execId/userId/stepId/orchestratorToken and no messageId.
   */
  publish(message: { data: unknown; metadata?: Record<string, unknown> }, token: OrchestratorToken): number {
    const publishedAt = Date.now();
    this.channel.publish(this.nodeExchange, this.inputKey, Buffer.from(JSON.stringify(message)), {
      contentType: 'text/json',
      headers: {
        taskId: token.flowId,
        execId: token.flowExecId,
        userId: token.userId,
        stepId: token.stepId,
        orchestratorToken: unsignedJwt(token),
      },
    });
    return publishedAt;
  }

  async queueDepth(): Promise<number> {
    return (await this.channel.checkQueue(this.queue)).messageCount;
  }

  allOutputText(): string {
    return [this.output, this.errors, this.states, this.rebounds].map((c) => c.text()).join('\n');
  }

  async close(): Promise<void> {
    try {
      await this.channel.deleteQueue(this.queue);
      for (const name of [this.nodeExchange, this.backchannel, this.snapshotsExchange, this.eventBusExchange]) {
        await this.channel.deleteExchange(name);
      }
    } catch {
      /* broker gone: it is a throw-away node anyway */
    }
    try {
      await this.connection.close();
    } catch {
      /* already closed */
    }
  }
}
