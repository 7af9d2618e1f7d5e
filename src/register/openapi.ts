// The register's API described for people and tools (served at /api/v1/openapi.json).

import { SUPERVISOR_ACTIONS } from '../contracts/supervisor.ts';
import { HEARTBEAT_SUPERVISOR_ENTRIES } from '../contracts/sync-wire.ts';

const errors = {
  400: { description: 'bad input: the body says what to change; nothing stored' },
  401: { description: 'sign in first' },
} as const;
const staff = (summary: string, extra: Record<string, unknown> = {}) => ({
  summary,
  security: [{ staffSession: [] }],
  responses: { 200: { description: 'ok' }, ...errors },
  ...extra,
});
const period = {
  parameters: [
    { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
    { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
  ],
};

/** The dashboard's endpoints (src/register/staff-routes.ts). */
const STAFF_PATHS = {
  '/api/v1/session': {
    post: {
      summary: 'Sign in with {username, password}; sets the session cookie',
      responses: {
        200: { description: 'signed in' },
        401: { description: 'wrong name or password' },
        429: { description: 'too many wrong passwords' },
      },
    },
    get: staff('Who is signed in'),
    delete: { summary: 'Sign out', responses: { 200: { description: 'signed out' } } },
  },
  '/api/v1/devices': {
    get: staff('Kiosks: last seen, app version, backlog, storage, clock offset, silent for over a day'),
    post: staff('Enrol a kiosk {name}; answers its token once', {
      responses: { 201: { description: 'enrolled' }, ...errors },
    }),
  },
  '/api/v1/devices/{id}': { delete: staff('Revoke a kiosk token') },
  '/api/v1/events': {
    get: staff('Events starting in the period', period),
    post: staff('Create an event', { responses: { 201: { description: 'created' }, ...errors } }),
  },
  '/api/v1/events/{id}': {
    get: staff('One event'),
    put: staff('Replace an event'),
    delete: staff('Delete an event'),
  },
  '/api/v1/totals': {
    get: staff('People reached by type, audience, province or month; journeys by station or installation', {
      parameters: [
        ...period.parameters,
        {
          name: 'by',
          in: 'query',
          schema: { enum: ['type', 'audience', 'province', 'month', 'station', 'installation'] },
        },
      ],
    }),
  },
  '/api/v1/report': {
    get: staff('The report table (type · audience · people reached, Totali) as JSON, CSV or XLSX', {
      parameters: [
        ...period.parameters,
        { name: 'format', in: 'query', schema: { enum: ['json', 'csv', 'xlsx'] } },
      ],
    }),
  },
  '/api/v1/imports': { post: staff('Import a spreadsheet of events {name, content (base64)}: CSV or XLSX') },
  '/api/v1/bundles': { post: staff("Import a kiosk's USB sync bundle (idempotent; checksum checked)") },
  '/api/v1/reflections': {
    get: staff('Reflections from every kiosk, newest first', {
      parameters: [
        { name: 'status', in: 'query', schema: { enum: ['pending', 'approved', 'hidden', 'private'] } },
      ],
    }),
  },
  '/api/v1/reflections/{id}/status': { put: staff('Moderate a reflection {status}') },
  '/api/v1/walls/reflections': {
    get: {
      summary: 'Approved reflections for walls (public: text, language, pictograms only)',
      responses: { 200: { description: 'ok' } },
    },
  },
} as const;

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
        description: 'The token printed once by `npm run register:device` or `POST /api/v1/devices`.',
      },
      staffSession: {
        type: 'apiKey',
        in: 'cookie',
        name: 'percorso_staff',
        description: 'Set by `POST /api/v1/session` (HttpOnly, SameSite=Strict).',
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
              supervisor: {
                type: 'array',
                maxItems: HEARTBEAT_SUPERVISOR_ENTRIES,
                description:
                  "The kiosk supervisor's newest actions (`npm run kiosk`), oldest first; replaces the last report.",
                items: {
                  type: 'object',
                  required: ['at', 'action', 'reason'],
                  properties: {
                    at: { type: 'string', format: 'date-time' },
                    action: { enum: [...SUPERVISOR_ACTIONS] },
                    reason: { type: 'string', maxLength: 2000 },
                    screen: { type: 'string', maxLength: 40 },
                  },
                },
              },
            },
          },
          records: {
            type: 'array',
            maxItems: 500,
            items: {
              type: 'object',
              required: ['store', 'record'],
              properties: {
                store: { enum: ['attendance', 'reflections', 'events'] },
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
    '/api/v1/openapi.json': {
      get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
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
    ...STAFF_PATHS,
  },
} as const;
