// Extra production servers for the specs that need their own settings, started the one way every
// tool starts it (scripts/support/server.ts).
export { startServer, type RunningServer } from '../../../scripts/support/server.ts';
export { freePort } from '../../../scripts/support/free-port.ts';
