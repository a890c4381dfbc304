// Pure comparison of the ids a listing returned: duplicates, gaps against totalResults, order between two pagings.

/** Problems of one paged listing: duplicate ids, or fewer/more ids than totalResults. */
export function listingProblems(ids: readonly string[], totalResults: number, what: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  if (seen.size < totalResults) {
    problems.push(
      `${what}: a gap: the pages held ${seen.size} distinct resources but totalResults is ${totalResults}`,
    );
  }
  if (seen.size > totalResults) {
    problems.push(
      `${what}: the pages held ${seen.size} distinct resources, more than totalResults ${totalResults}`,
    );
  }
  if (duplicates.size > 0)
    problems.push(`${what}: ids returned on more than one page: ${[...duplicates].slice(0, 5).join(', ')}`);
  return problems;
}

/** Two pagings of the same unchanged collection must give the same ids in the same order. */
export function orderProblem(
  big: readonly string[],
  small: readonly string[],
  bigSize: number,
  smallSize: number,
  what: string,
): string | undefined {
  const missing = big.filter((id) => !small.includes(id));
  if (missing.length > 0) {
    return `${what}: paging by ${smallSize} missed ${missing.length} resource(s) that paging by ${bigSize} returned (e.g. ${missing[0]})`;
  }
  const at = big.findIndex((id, index) => small[index] !== id);
  if (at >= 0 || big.length !== small.length) {
    const index = at >= 0 ? at : Math.min(big.length, small.length);
    return `${what}: order is not stable across pages: position ${index + 1} is ${small[index] ?? 'nothing'} when paging by ${smallSize} but ${big[index] ?? 'nothing'} when paging by ${bigSize}`;
  }
  return undefined;
}
