/**
 * Moves every lead to `status` through the API (`PATCH /v1/leads/{id}/status`), `concurrency` requests in flight, as
 * many people and API clients moving leads at once. Throws when any change is not answered 200, naming the answers.
 * Answers how long the burst took, in ms.
 */
export async function statusBurst(
  productUrl: string,
  headers: Record<string, string>,
  leadIds: readonly string[],
  status: string,
  concurrency: number,
): Promise<number> {
  const started = Date.now();
  const body = JSON.stringify({ status });
  const refused = new Map<number, number>();
  let next = 0;
  const lane = async () => {
    while (next < leadIds.length) {
      const id = leadIds[next++];
      const res = await fetch(`${productUrl}/v1/leads/${id}/status`, { method: 'PATCH', headers, body });
      if (res.status !== 200) refused.set(res.status, (refused.get(res.status) ?? 0) + 1);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  if (refused.size > 0) {
    const answers = [...refused].map(([code, n]) => `${n} × ${code}`).join(', ');
    throw new Error(`status changes to ${status} not answered 200: ${answers}`);
  }
  return Date.now() - started;
}
