import type {
  ChannelName,
  EventName,
  EventPayloadOf,
  IpcError,
  RequestOf,
  ResponseOf,
  RoledeckBridge,
} from '../../../shared/contract';

/** Thrown by API calls that the main side answered with an error; `code` is from the contract. */
export class ApiError extends Error {
  readonly code: IpcError['code'];
  /** The request field the main side refused (`roleName`), when the refusal is about one. */
  readonly field: string | undefined;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.field = error.field;
  }
}

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type MethodsOf<N extends string> = {
  [C in ChannelName as C extends `${N}.${infer M}` ? M : never]: Record<never, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<ResponseOf<C>>
    : (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

/** `api.keychain.status()` instead of `invoke('keychain.status', {})`, typed from the contract. */
export type Api = { [N in Namespace<ChannelName>]: MethodsOf<N> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

/**
 * Builds the typed API over any bridge. A Proxy keeps the renderer free of the contract's runtime
 * schemas (and of zod): the main side validates every request anyway.
 */
export function createApi(bridge: RoledeckBridge): Api {
  const namespaces = new Map<string, object>();
  const namespace = (name: string): object => {
    let methods = namespaces.get(name);
    if (!methods) {
      methods = new Proxy(
        {},
        {
          get: (_target, method) => {
            if (typeof method !== 'string') return undefined;
            return async (request: unknown = {}) => {
              const result = await bridge.invoke(`${name}.${method}` as ChannelName, request as never);
              if (!result.ok) throw new ApiError(result.error);
              return result.value;
            };
          },
        },
      );
      namespaces.set(name, methods);
    }
    return methods;
  };
  return new Proxy({} as Api, {
    get: (_target, property) => {
      if (property === 'on') return bridge.on.bind(bridge);
      if (typeof property !== 'string' || property === 'then') return undefined;
      return namespace(property);
    },
  });
}
