// The names of the signup form's fields, as the form, its script and the endpoint (signup-request.ts)
// use them. A module of its own so the browser script carries these names and nothing else.
export const FORM_FIELDS = {
  email: 'email',
  consent: 'consent',
  honeypot: 'website',
  market: 'market',
  functions: 'functions',
} as const;
