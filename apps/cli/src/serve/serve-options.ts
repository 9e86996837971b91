// The options of `prefixkit serve`: the server's own schema (@prefixkit/server/options), with the
// CLI's defaults for a fresh checkout: the embedded model and the prefixes shipped with it.
import { type ServerOptions, serverOptionsSchema } from '@prefixkit/server/options';
import type { OptionSchema, OptionsSchema } from '../command';

export type ServeOptions = Omit<ServerOptions, 'model'> & { model: string };

const paths = new Set(['adapterRoot', 'apiKeysFile', 'adminKeyFile']);

export const serveSchema: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    Object.entries(serverOptionsSchema.properties).map(([name, option]) => {
      const cli: OptionSchema = { ...(option as OptionSchema) };
      if (paths.has(name)) cli['x-path'] = true;
      if (name === 'model') {
        cli.default = 'prefixkit-tiny';
        cli['x-placeholder'] = 'FOLDER|ID';
      }
      if (name === 'adapterRoot')
        cli.description += ' Default: the prefixes shipped with the embedded model.';
      return [name, cli];
    }),
  ),
};
