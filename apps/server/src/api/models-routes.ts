// GET /v1/models (OpenAI's list, with prefixkit's fields) and the admin routes that register,
// remove, pin and unpin adapters.
import type { FastifyInstance } from 'fastify';
import type { AdapterRegistry, AdapterStatus } from '../adapters/adapter-registry';

const created = Math.floor(Date.now() / 1000);

function adapterModel(adapter: AdapterStatus, parent: string) {
  return {
    id: adapter.id,
    object: 'model',
    created,
    owned_by: 'prefixkit',
    parent,
    kind: adapter.kind,
    num_virtual_tokens: adapter.numVirtualTokens,
    batching: adapter.batching,
    status: adapter.status,
    pinned: adapter.pinned,
  };
}

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string' } },
} as const;

export function registerModelRoutes(app: FastifyInstance, registry: AdapterRegistry): void {
  app.get('/v1/models', { schema: { tags: ['models'] } }, async () => ({
    object: 'list',
    data: [
      {
        id: registry.baseId,
        object: 'model',
        created,
        owned_by: 'prefixkit',
        parent: null,
        kind: 'base',
        num_virtual_tokens: 0,
        batching: 'shared',
        status: 'resident',
        pinned: true,
      },
      ...(await registry.list()).map((adapter) => adapterModel(adapter, registry.baseId)),
    ],
  }));

  app.post(
    '/v1/adapters',
    {
      schema: {
        tags: ['admin'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'path'],
          properties: {
            id: { type: 'string', description: 'The id requests will name.' },
            path: { type: 'string', description: 'The adapter folder, inside the adapter root.' },
          },
        },
      },
    },
    async (request, reply) => {
      const { id, path } = request.body as { id: string; path: string };
      reply.code(201);
      return adapterModel(await registry.register(id, path), registry.baseId);
    },
  );

  app.delete(
    '/v1/adapters/:id',
    { schema: { tags: ['admin'], params: idParams } },
    async (request) => {
      const { id } = request.params as { id: string };
      await registry.remove(id);
      return { id, object: 'model', deleted: true };
    },
  );

  for (const [method, pinned] of [
    ['POST', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/v1/adapters/:id/pin',
      schema: { tags: ['admin'], params: idParams },
      handler: async (request) => {
        const { id } = request.params as { id: string };
        return adapterModel(await registry.setPinned(id, pinned), registry.baseId);
      },
    });
  }
}
