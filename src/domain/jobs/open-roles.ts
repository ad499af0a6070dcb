// How the site counts roles, in one wording: the home page, the board, its titles and the build log.

/** "1 open role", "3 open roles" */
export function openRolesText(count: number): string {
  return count === 1 ? '1 open role' : `${count} open roles`;
}
