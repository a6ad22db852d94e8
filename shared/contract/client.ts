import type { z } from 'zod';

/** A contract's channels: `namespace.method` -> zod request and response schemas. */
export type ChannelSchemas = Record<string, { request: z.ZodType; response: z.ZodType }>;
/** A contract's events: name -> zod payload schema. */
export type EventSchemas = Record<string, z.ZodType>;

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;

/** A channel as a method: the request may be left out when every field of it is optional. */
type Method<M extends ChannelSchemas, C extends keyof M> =
  Record<never, never> extends z.input<M[C]['request']>
    ? (request?: z.input<M[C]['request']>) => Promise<z.output<M[C]['response']>>
    : (request: z.input<M[C]['request']>) => Promise<z.output<M[C]['response']>>;

type MethodsOf<M extends ChannelSchemas, N extends string> = {
  [C in keyof M & string as C extends `${N}.${infer Name}` ? Name : never]: Method<M, C>;
};

/**
 * A contract as a typed client: `client.sessions.start({ profileId })` instead of a channel-name
 * string, resolving with the response and rejecting with the error the other side answered. `on`
 * subscribes to an event and returns the function that unsubscribes.
 */
export type ContractClient<M extends ChannelSchemas, E extends EventSchemas> = {
  [N in Namespace<keyof M & string>]: MethodsOf<M, N>;
} & {
  on<K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void): () => void;
};
