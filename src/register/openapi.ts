// The register's API described for people and tools (served at /api/v1/openapi.json).

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Percorso events register',
    version: '1',
    description:
      'Kiosks upload their records (attendance events, reflections); every answer is per record and given only after the commit.',
  },
  components: {
    securitySchemes: {
      kioskToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'The token printed once by `npm run register:device`.',
      },
    },
    schemas: {
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      Batch: {
        type: 'object',
        required: ['sentAt', 'records'],
        properties: {
          sentAt: { type: 'string', format: 'date-time' },
          heartbeat: {
            type: 'object',
            required: ['appVersion', 'pending', 'storageRatio'],
            properties: {
              appVersion: { type: 'string', maxLength: 40 },
              pending: { type: 'integer', minimum: 0 },
              storageRatio: { type: ['number', 'null'], minimum: 0, maximum: 1 },
            },
          },
          records: {
            type: 'array',
            maxItems: 500,
            items: {
              type: 'object',
              required: ['store', 'record'],
              properties: {
                store: { enum: ['attendance', 'reflections'] },
                record: {
                  type: 'object',
                  description: 'A kiosk record, as stored in its IndexedDB (src/records).',
                },
              },
            },
          },
        },
      },
      BatchAnswer: {
        type: 'object',
        properties: {
          receivedAt: { type: 'string', format: 'date-time' },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'status'],
              properties: {
                id: { type: ['string', 'null'] },
                status: { enum: ['inserted', 'duplicate', 'rejected'] },
                reason: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/api/v1/health': {
      get: {
        summary: 'Is the register up, and on which database',
        responses: { 200: { description: 'up' } },
      },
    },
    '/api/v1/batches': {
      post: {
        summary: "Upload a batch of one kiosk's records (≤ 500 records, ≤ 1 MiB)",
        security: [{ kioskToken: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Batch' } } },
        },
        responses: {
          200: {
            description: 'one result per record, in order',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchAnswer' } } },
          },
          400: {
            description: 'bad batch: nothing stored',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          401: { description: 'missing, unknown or revoked token' },
          413: { description: 'body over 1 MiB' },
          429: { description: 'too many batches: see Retry-After' },
        },
      },
    },
  },
} as const;
