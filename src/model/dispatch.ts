// A writer's table of handlers, one a node type, and the call that picks the node's.

/** A handler for every node type of a union: a writer that lacks one fails the type check. */
export type Handlers<N extends { readonly type: string }, A extends readonly unknown[], R> = {
  readonly [K in N['type']]: (node: NodeOf<N, K>, ...args: A) => R;
};

/** The members of a union whose `type` can be K (some members share one shape for several types). */
type NodeOf<N, K> = N extends { readonly type: infer T } ? (K extends T ? N : never) : never;

/** Calls the handler of the node's type. */
export function dispatch<N extends { readonly type: string }, A extends readonly unknown[], R>(handlers: Handlers<N, A, R>, node: N, ...args: A): R {
  return (handlers[node.type as N['type']] as (node: N, ...args: A) => R)(node, ...args);
}
