/** Settings the server writes into the page's `<meta>` tags (see src/server/mountPages.ts). */
export function metaSetting(name: string, fallback: string): string {
  const value = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  return value === undefined ? fallback : value;
}

/** The GraphQL endpoint the pages send their requests to (same origin). */
export function graphqlEndpoint(): string {
  return metaSetting('graphql-endpoint', '/graphql') || '/graphql';
}

/** Where the IDE is served, or '' when it is turned off (IDE_ENABLED=false). */
export function idePath(): string {
  return metaSetting('ide-path', '/explore');
}
