import type { Config } from '../config.ts';

/** Every secret a configuration holds, for the logger to redact: none of them is ever printed. */
export function configSecrets(config: Config): string[] {
  const password = databasePassword(config.store.databaseUrl);
  const git = [config.git?.token ?? null, config.git?.webhookSecret ?? null];
  const slack = config.mode === 'local' ? [] : [config.botToken, config.appToken, config.signingSecret];
  return [...slack, password, ...git].filter((s): s is string => s !== null);
}

function databasePassword(url: string | null): string | null {
  if (url === null) return null;
  const password = new URL(url).password;
  return password ? decodeURIComponent(password) : null;
}
