// On-demand routes answer only the methods they serve; anything else gets 405 with the list, as
// RFC 9110 asks, before the route reads a body or opens the database.

/** A 405 answer when `request` uses another method than `allowed`; undefined when it may go on. */
export function refuseOtherMethods(request: Request, allowed: readonly string[]): Response | undefined {
  if (allowed.includes(request.method)) return undefined;
  return new Response(null, { status: 405, headers: { Allow: allowed.join(', ') } });
}
