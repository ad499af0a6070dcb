// The content folder is configurable so the benchmark can build a generated corpus (CONTENT_DIR).
export const contentDir: string = process.env.CONTENT_DIR ?? './content';
