/** Wraps a value in a deep $state proxy, as a component's state would be. */
export function proxied<T>(value: T): T {
  const box = $state({ value });
  return box.value;
}
