/**
 * A value built at its first use and kept: work a module would otherwise do when it is loaded
 * (building the zod schemas of the scenario format, say) is done only by a run that needs it.
 */
export function once<T>(build: () => T): () => T {
  let built: { readonly value: T } | null = null;
  return () => (built ??= { value: build() }).value;
}
