/** Raw form values keyed by their URL parameter names; ticked boxes hold '1'. */
export type FormFields = Record<string, string>;
