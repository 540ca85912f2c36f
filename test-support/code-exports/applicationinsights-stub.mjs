// Stands in for `applicationinsights` when the tests run CLI for Microsoft 365: the tests turn its telemetry off
// (`disableTelemetry`), so nothing is ever sent, but loading the real module costs seconds on every command.
const context = {
  tags: {},
  keys: {
    cloudRoleInstance: 'ai.cloud.roleInstance',
    cloudRole: 'ai.cloud.role',
    sessionId: 'ai.session.id',
  },
};
const defaultClient = {
  commonProperties: {},
  context,
  trackEvent() {},
  trackException() {},
  flush: async () => undefined,
};
const chain = new Proxy({}, { get: (_target, name) => (name === 'then' ? undefined : () => chain) });
export default {
  setup: () => chain,
  defaultClient,
};
