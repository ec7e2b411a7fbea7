/**
 * Minimal typings for the parts of amqplib 0.10 the e2e harness uses. The project has amqplib as a devDependency
 * but not @types/amqplib; declaring only what we call keeps `tsc -p tsconfig.check.json` strict without it.
 */
declare module 'amqplib' {
  import type { EventEmitter } from 'node:events';

  export interface MessageProperties {
    headers?: Record<string, unknown>;
    expiration?: string | number;
    contentType?: string;
    messageId?: string;
    [key: string]: unknown;
  }

  export interface Message {
    content: Buffer;
    fields: { routingKey: string; exchange: string; deliveryTag: number; redelivered: boolean };
    properties: MessageProperties;
  }

  export interface PublishOptions {
    headers?: Record<string, unknown>;
    expiration?: string | number;
    contentType?: string;
    persistent?: boolean;
    mandatory?: boolean;
  }

  export interface Channel extends EventEmitter {
    assertExchange(name: string, type: string, options?: Record<string, unknown>): Promise<unknown>;
    assertQueue(name: string, options?: Record<string, unknown>): Promise<{ queue: string }>;
    checkQueue(name: string): Promise<{ queue: string; messageCount: number; consumerCount: number }>;
    bindQueue(queue: string, exchange: string, pattern: string): Promise<unknown>;
    deleteQueue(name: string): Promise<unknown>;
    deleteExchange(name: string): Promise<unknown>;
    purgeQueue(name: string): Promise<unknown>;
    publish(exchange: string, routingKey: string, content: Buffer, options?: PublishOptions): boolean;
    consume(
      queue: string,
      onMessage: (msg: Message | null) => void,
      options?: { noAck?: boolean },
    ): Promise<{ consumerTag: string }>;
    cancel(consumerTag: string): Promise<unknown>;
    close(): Promise<void>;
  }

  export interface ConfirmChannel extends Channel {
    waitForConfirms(): Promise<void>;
  }

  export interface ChannelModel extends EventEmitter {
    createChannel(): Promise<Channel>;
    createConfirmChannel(): Promise<ConfirmChannel>;
    close(): Promise<void>;
  }

  export function connect(url: string): Promise<ChannelModel>;
}
