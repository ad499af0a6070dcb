// Query strings carry confirmation tokens and unsubscribe signatures, so they stay out of the log,
// including lines written by code we do not own (Astro's adapter logs "Could not render <path?query>"
// on stderr). The server's output streams pass through redactQueryStrings. stdout keeps full URLs:
// in file mode (no SMTP_URL, development) the confirm link logged there is how a developer confirms.

const PATH_QUERY = /(^|[\s'"(<[=])(\/[^\s?'"<>()[\]]*)\?[^\s'"<>()[\]]*/g;
const URL_QUERY = /(\bhttps?:\/\/[^\s/?'"<>]+)(\/[^\s?'"<>()[\]]*)?\?[^\s'"<>()[\]]*/g;

/** Replaces the query of every request path (and, with `urls`, of every full URL) by "[redacted]". */
export function redactQueryStrings(text: string, urls: boolean): string {
  const paths = text.replace(PATH_QUERY, '$1$2?[redacted]');
  return urls ? paths.replace(URL_QUERY, '$1$2?[redacted]') : paths;
}

/** Sends everything this process writes to stdout and stderr through redactQueryStrings. */
export function redactProcessOutput(): void {
  for (const [stream, urls] of [
    [process.stdout, false],
    [process.stderr, true],
  ] as const) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(
        typeof chunk === 'string' || Buffer.isBuffer(chunk) ? redactQueryStrings(chunk.toString(), urls) : chunk,
        ...rest,
      )) as typeof stream.write;
  }
}
