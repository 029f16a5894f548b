// A heavy-work worker that never finishes a task: what the pool's timeout and queue are proved with.
export default function neverFinishes(): Promise<never> {
  return new Promise(() => {});
}
