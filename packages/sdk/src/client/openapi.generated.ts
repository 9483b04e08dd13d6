// ----------------------------------------------------------------------------------------------
// GENERATED FILE: do not edit by hand.
// The hub's v1 API as TypeScript types, made by openapi-typescript from packages/hub/openapi.json.
// Regenerate after the hub's routes change (and after `pnpm --filter @forecourt/hub run openapi`):
//   pnpm --filter @forecourt/sdk run generate:client
// src/client/openapi.generated.test.ts fails while this file is stale.
// ----------------------------------------------------------------------------------------------

export interface paths {
    "/v1/hooks/{hookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A vendor's subscription handshake (Meta's hub.challenge); no API key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    hookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Where a connection's vendor delivers events: verified by the connector (signature, key), stored in the inbox, then 2xx; no API key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    hookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth2 callback: checks the single-use state, exchanges the code (PKCE) and stores the tokens encrypted on the connection */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    realmId?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OAuthCallbackResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List stores (oldest first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                code: string;
                                /** @enum {string} */
                                region: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
                                city?: string;
                                address?: string;
                                timeZone: string;
                                brands: string[];
                                businessHours: {
                                    weekday: number;
                                    opens: string;
                                    closes: string;
                                }[];
                                calendar: {
                                    /** @default [] */
                                    holidays: string[];
                                    /** @default [] */
                                    extraWorkdays: string[];
                                };
                                managerId?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a store */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        code: string;
                        region: string;
                        city?: string;
                        address?: string;
                        /** @default Asia/Shanghai */
                        timeZone?: string;
                        /** @default [] */
                        brands?: string[];
                        /**
                         * @default [
                         *       {
                         *         "weekday": 1,
                         *         "opens": "09:00",
                         *         "closes": "18:00"
                         *       },
                         *       {
                         *         "weekday": 2,
                         *         "opens": "09:00",
                         *         "closes": "18:00"
                         *       },
                         *       {
                         *         "weekday": 3,
                         *         "opens": "09:00",
                         *         "closes": "18:00"
                         *       },
                         *       {
                         *         "weekday": 4,
                         *         "opens": "09:00",
                         *         "closes": "18:00"
                         *       },
                         *       {
                         *         "weekday": 5,
                         *         "opens": "09:00",
                         *         "closes": "18:00"
                         *       },
                         *       {
                         *         "weekday": 6,
                         *         "opens": "09:00",
                         *         "closes": "18:00"
                         *       },
                         *       {
                         *         "weekday": 7,
                         *         "opens": "09:00",
                         *         "closes": "18:00"
                         *       }
                         *     ]
                         */
                        businessHours?: {
                            weekday: number;
                            opens: string;
                            closes: string;
                        }[];
                        /**
                         * @default {
                         *       "holidays": [],
                         *       "extraWorkdays": []
                         *     }
                         */
                        calendar?: {
                            /** @default [] */
                            holidays?: string[];
                            /** @default [] */
                            extraWorkdays?: string[];
                        };
                        managerId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            code: string;
                            /** @enum {string} */
                            region: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
                            city?: string;
                            address?: string;
                            timeZone: string;
                            brands: string[];
                            businessHours: {
                                weekday: number;
                                opens: string;
                                closes: string;
                            }[];
                            calendar: {
                                /** @default [] */
                                holidays: string[];
                                /** @default [] */
                                extraWorkdays: string[];
                            };
                            managerId?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stores/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a store */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            code: string;
                            /** @enum {string} */
                            region: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
                            city?: string;
                            address?: string;
                            timeZone: string;
                            brands: string[];
                            businessHours: {
                                weekday: number;
                                opens: string;
                                closes: string;
                            }[];
                            calendar: {
                                /** @default [] */
                                holidays: string[];
                                /** @default [] */
                                extraWorkdays: string[];
                            };
                            managerId?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a store (fields left out keep their values) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        code?: string;
                        region?: string;
                        city?: string;
                        address?: string;
                        timeZone?: string;
                        brands?: string[];
                        businessHours?: {
                            weekday: number;
                            opens: string;
                            closes: string;
                        }[];
                        calendar?: {
                            /** @default [] */
                            holidays?: string[];
                            /** @default [] */
                            extraWorkdays?: string[];
                        };
                        managerId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            code: string;
                            /** @enum {string} */
                            region: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
                            city?: string;
                            address?: string;
                            timeZone: string;
                            brands: string[];
                            businessHours: {
                                weekday: number;
                                opens: string;
                                closes: string;
                            }[];
                            calendar: {
                                /** @default [] */
                                holidays: string[];
                                /** @default [] */
                                extraWorkdays: string[];
                            };
                            managerId?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List teams (oldest first), optionally of one store */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    storeId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                storeId: string;
                                name: string;
                                leaderId?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a team in a store */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        storeId: string;
                        name: string;
                        leaderId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            storeId: string;
                            name: string;
                            leaderId?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            storeId: string;
                            name: string;
                            leaderId?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a team (fields left out keep their values) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        storeId?: string;
                        name?: string;
                        leaderId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            storeId: string;
                            name: string;
                            leaderId?: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/salespeople": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List salespeople (oldest first), optionally of one store or team */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    storeId?: string;
                    teamId?: string;
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                storeId: string;
                                teamId?: string;
                                name: string;
                                /** @enum {string} */
                                role: "sales" | "manager" | "finance" | "marketing" | "admin";
                                phone?: string;
                                email?: string;
                                brands: string[];
                                regions: ("110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000")[];
                                customerTypes: ("individual" | "business" | "fleet")[];
                                shifts: {
                                    weekday: number;
                                    starts: string;
                                    ends: string;
                                }[];
                                daysOff: string[];
                                active: boolean;
                                maxOpenLeads?: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a salesperson (with shifts, days off and what they sell) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        storeId: string;
                        teamId?: string;
                        name: string;
                        /**
                         * @default sales
                         * @enum {string}
                         */
                        role?: "sales" | "manager" | "finance" | "marketing" | "admin";
                        phone?: string;
                        email?: string;
                        /** @default [] */
                        brands?: string[];
                        regions?: string[];
                        /** @default [] */
                        customerTypes?: ("individual" | "business" | "fleet")[];
                        /** @default [] */
                        shifts?: {
                            weekday: number;
                            starts: string;
                            ends: string;
                        }[];
                        /** @default [] */
                        daysOff?: string[];
                        /** @default true */
                        active?: boolean;
                        maxOpenLeads?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            storeId: string;
                            teamId?: string;
                            name: string;
                            /** @enum {string} */
                            role: "sales" | "manager" | "finance" | "marketing" | "admin";
                            phone?: string;
                            email?: string;
                            brands: string[];
                            regions: ("110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000")[];
                            customerTypes: ("individual" | "business" | "fleet")[];
                            shifts: {
                                weekday: number;
                                starts: string;
                                ends: string;
                            }[];
                            daysOff: string[];
                            active: boolean;
                            maxOpenLeads?: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/salespeople/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a salesperson */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            storeId: string;
                            teamId?: string;
                            name: string;
                            /** @enum {string} */
                            role: "sales" | "manager" | "finance" | "marketing" | "admin";
                            phone?: string;
                            email?: string;
                            brands: string[];
                            regions: ("110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000")[];
                            customerTypes: ("individual" | "business" | "fleet")[];
                            shifts: {
                                weekday: number;
                                starts: string;
                                ends: string;
                            }[];
                            daysOff: string[];
                            active: boolean;
                            maxOpenLeads?: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a salesperson: shifts, days off, team, active (fields left out keep their values) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        storeId?: string;
                        teamId?: string;
                        name?: string;
                        /** @enum {string} */
                        role?: "sales" | "manager" | "finance" | "marketing" | "admin";
                        phone?: string;
                        email?: string;
                        brands?: string[];
                        regions?: string[];
                        customerTypes?: ("individual" | "business" | "fleet")[];
                        shifts?: {
                            weekday: number;
                            starts: string;
                            ends: string;
                        }[];
                        daysOff?: string[];
                        active?: boolean;
                        maxOpenLeads?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            storeId: string;
                            teamId?: string;
                            name: string;
                            /** @enum {string} */
                            role: "sales" | "manager" | "finance" | "marketing" | "admin";
                            phone?: string;
                            email?: string;
                            brands: string[];
                            regions: ("110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000")[];
                            customerTypes: ("individual" | "business" | "fleet")[];
                            shifts: {
                                weekday: number;
                                starts: string;
                                ends: string;
                            }[];
                            daysOff: string[];
                            active: boolean;
                            maxOpenLeads?: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log (admin keys only), oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    entityType?: string;
                    entityId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AuditEvent"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List leads (oldest first) a key may see: a sales key its own, a store key its store's */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "new" | "contacted" | "qualified" | "converted" | "ordered" | "lost" | "dormant";
                    grade?: string;
                    salespersonId?: string;
                    storeId?: string;
                    customerId?: string;
                    source?: string;
                    channel?: "portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other";
                    createdAfter?: string;
                    createdBefore?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Lead"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Send in a lead: normalised, matched against customers and open leads (a match becomes a touchpoint, 200), otherwise rated, assigned and given follow-up tasks (201) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source: string;
                        /** @enum {string} */
                        channel: "portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other";
                        campaignId?: string;
                        externalId?: string;
                        /** Format: date-time */
                        occurredAt?: string;
                        /**
                         * @default individual
                         * @enum {string}
                         */
                        customerType?: "individual" | "business" | "fleet";
                        contact: {
                            name?: string;
                            phone?: string;
                            email?: string;
                            wechat?: string;
                            /** @enum {string} */
                            preferred?: "phone" | "email" | "wechat" | "sms";
                        };
                        companyName?: string;
                        fleetSize?: number;
                        region?: string;
                        city?: string;
                        storeId?: string;
                        /** @default {} */
                        interest?: {
                            brand?: string;
                            series?: string;
                            model?: string;
                            trim?: string;
                            year?: number;
                            /** @enum {string} */
                            condition?: "new" | "used" | "demo";
                            vin?: string;
                            vehicleId?: string;
                            price?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        };
                        budget?: {
                            min?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                            max?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        };
                        /**
                         * @default unknown
                         * @enum {string}
                         */
                        timeframe?: "within_7_days" | "within_15_days" | "within_30_days" | "within_3_months" | "over_3_months" | "unknown";
                        /**
                         * @default unknown
                         * @enum {string}
                         */
                        intent?: "high" | "medium" | "low" | "unknown";
                        /**
                         * @default {
                         *       "testDriveRequested": false,
                         *       "visitBooked": false,
                         *       "quoteRequested": false,
                         *       "financingAsked": false,
                         *       "tradeInOffered": false
                         *     }
                         */
                        engagement?: {
                            /** @default false */
                            testDriveRequested?: boolean;
                            /** @default false */
                            visitBooked?: boolean;
                            /** @default false */
                            quoteRequested?: boolean;
                            /** @default false */
                            financingAsked?: boolean;
                            /** @default false */
                            tradeInOffered?: boolean;
                        };
                        message?: string;
                        /** @default {} */
                        attributes?: {
                            [key: string]: string;
                        };
                        consent?: {
                            marketing: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeadIntake"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeadIntake"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a lead (its ETag is its version; send it back as If-Match when changing it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lead"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a lead: status (lost needs lostReason), contact details (normalised and re-indexed), interest and buying signals (re-rated). Send If-Match or version to refuse a stale write (409) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status?: "new" | "contacted" | "qualified" | "converted" | "ordered" | "lost" | "dormant";
                        lostReason?: string;
                        contact?: {
                            name?: string | null;
                            phone?: string | null;
                            email?: string | null;
                            wechat?: string | null;
                            preferred?: ("phone" | "email" | "wechat" | "sms") | null;
                        };
                        /** @enum {string} */
                        customerType?: "individual" | "business" | "fleet";
                        companyName?: string | null;
                        fleetSize?: number | null;
                        region?: string | null;
                        city?: string | null;
                        interest?: {
                            brand?: string;
                            series?: string;
                            model?: string;
                            trim?: string;
                            year?: number;
                            /** @enum {string} */
                            condition?: "new" | "used" | "demo";
                            vin?: string;
                            vehicleId?: string;
                            price?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        };
                        budget?: {
                            min?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                            max?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        } | null;
                        /** @enum {string} */
                        timeframe?: "within_7_days" | "within_15_days" | "within_30_days" | "within_3_months" | "over_3_months" | "unknown";
                        /** @enum {string} */
                        intent?: "high" | "medium" | "low" | "unknown";
                        engagement?: {
                            testDriveRequested?: boolean;
                            visitBooked?: boolean;
                            quoteRequested?: boolean;
                            financingAsked?: boolean;
                            tradeInOffered?: boolean;
                        };
                        message?: string | null;
                        attributes?: {
                            [key: string]: string;
                        };
                        consent?: {
                            marketing: boolean;
                        } | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lead"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/leads/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a lead to a salesperson, or (without salespersonId) run the assignment rules again; managers and admins */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        salespersonId?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lead"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a lead to another store (its sales staff take turns) or salesperson, with a reason; audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        storeId?: string;
                        salespersonId?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lead"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/{id}/grade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Override a lead's grade with a reason (the computed grade is kept beside it); grade null removes the override */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        grade: string | null;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Lead"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leads/{id}/touchpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a lead's touchpoints (each inquiry that reached it), oldest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Touchpoint"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assignment-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The group's lead assignment rules (configured: false while the default applies: each store's sales staff take turns, then the group's) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssignmentRules"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the group's lead assignment rules (tried in order; an empty list restores the default); admins */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rules: {
                            id: string;
                            description?: string;
                            when?: {
                                regions?: string[];
                                cities?: string[];
                                customerTypes?: ("individual" | "business" | "fleet")[];
                                brands?: string[];
                                series?: string[];
                                sources?: string[];
                                channels?: ("portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other")[];
                                grades?: string[];
                            };
                            target: {
                                storeId?: string;
                                teamId?: string;
                                salespersonIds?: string[];
                            };
                            /**
                             * @default round_robin
                             * @enum {string}
                             */
                            strategy?: "round_robin" | "least_loaded";
                            /** @default false */
                            onShiftOnly?: boolean;
                            /** @default true */
                            existingRelationshipFirst?: boolean;
                        }[];
                        /**
                         * @default pool
                         * @enum {string}
                         */
                        fallback?: "pool" | "manager";
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssignmentRules"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List follow-up tasks (oldest first): a sales key its own, a store key its store's; filter by status and what falls due before a moment */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "open" | "snoozed" | "completed" | "cancelled";
                    dueBefore?: string;
                    leadId?: string;
                    salespersonId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["FollowUpTask"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a follow-up task: the lead records the contact and its next follow-ups are planned from it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** Format: date-time */
                        completedAt?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUpTask"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/snooze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Snooze a follow-up task until a moment: it falls due (and escalates) later, and its reminders move with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        until: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FollowUpTask"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customers (oldest first), or find them by phone or email through the blind index (the phone is normalised first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    phone?: string;
                    email?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Customer"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a customer (phones normalised to E.164; personal details encrypted; a phone or email already on file answers 409) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "individual";
                        name: string;
                        contact: {
                            phones?: string[];
                            emails?: string[];
                            wechat?: string;
                            /** @enum {string} */
                            preferred?: "phone" | "sms" | "email" | "wechat";
                        };
                        /** @default [] */
                        idDocuments?: {
                            /** @enum {string} */
                            kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                            number: string;
                        }[];
                        region?: string;
                        city?: string;
                        address?: string;
                        /** Format: date */
                        birthday?: string;
                        /** @default [] */
                        vehiclesOwned?: {
                            vin?: string;
                            vehicleId?: string;
                            plateNumber?: string;
                            brand: string;
                            series?: string;
                            model?: string;
                            year?: number;
                            /** Format: date */
                            purchasedOn?: string;
                            /** @default false */
                            purchasedFromUs?: boolean;
                            orderId?: string;
                            mileageKm?: number;
                            /** Format: date */
                            lastServiceOn?: string;
                            lastServiceMileageKm?: number;
                        }[];
                        /**
                         * @default {
                         *       "marketing": false,
                         *       "channels": []
                         *     }
                         */
                        consent?: {
                            marketing: boolean;
                            /** @default [] */
                            channels?: ("phone" | "sms" | "email" | "wechat")[];
                            /** Format: date-time */
                            recordedAt?: string;
                            source?: string;
                        };
                        storeId?: string;
                        salespersonId?: string;
                        leadId?: string;
                        /** @default [] */
                        tags?: string[];
                        notes?: string;
                        /** @default {} */
                        attributes?: {
                            [key: string]: string;
                        };
                    } | {
                        /** @enum {string} */
                        type: "business";
                        name: string;
                        contact: {
                            phones?: string[];
                            emails?: string[];
                            wechat?: string;
                            /** @enum {string} */
                            preferred?: "phone" | "sms" | "email" | "wechat";
                        };
                        /** @default [] */
                        idDocuments?: {
                            /** @enum {string} */
                            kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                            number: string;
                        }[];
                        region?: string;
                        city?: string;
                        address?: string;
                        /** Format: date */
                        birthday?: string;
                        /** @default [] */
                        vehiclesOwned?: {
                            vin?: string;
                            vehicleId?: string;
                            plateNumber?: string;
                            brand: string;
                            series?: string;
                            model?: string;
                            year?: number;
                            /** Format: date */
                            purchasedOn?: string;
                            /** @default false */
                            purchasedFromUs?: boolean;
                            orderId?: string;
                            mileageKm?: number;
                            /** Format: date */
                            lastServiceOn?: string;
                            lastServiceMileageKm?: number;
                        }[];
                        /**
                         * @default {
                         *       "marketing": false,
                         *       "channels": []
                         *     }
                         */
                        consent?: {
                            marketing: boolean;
                            /** @default [] */
                            channels?: ("phone" | "sms" | "email" | "wechat")[];
                            /** Format: date-time */
                            recordedAt?: string;
                            source?: string;
                        };
                        storeId?: string;
                        salespersonId?: string;
                        leadId?: string;
                        /** @default [] */
                        tags?: string[];
                        notes?: string;
                        /** @default {} */
                        attributes?: {
                            [key: string]: string;
                        };
                        companyName: string;
                    } | {
                        /** @enum {string} */
                        type: "fleet";
                        name: string;
                        contact: {
                            phones?: string[];
                            emails?: string[];
                            wechat?: string;
                            /** @enum {string} */
                            preferred?: "phone" | "sms" | "email" | "wechat";
                        };
                        /** @default [] */
                        idDocuments?: {
                            /** @enum {string} */
                            kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                            number: string;
                        }[];
                        region?: string;
                        city?: string;
                        address?: string;
                        /** Format: date */
                        birthday?: string;
                        /** @default [] */
                        vehiclesOwned?: {
                            vin?: string;
                            vehicleId?: string;
                            plateNumber?: string;
                            brand: string;
                            series?: string;
                            model?: string;
                            year?: number;
                            /** Format: date */
                            purchasedOn?: string;
                            /** @default false */
                            purchasedFromUs?: boolean;
                            orderId?: string;
                            mileageKm?: number;
                            /** Format: date */
                            lastServiceOn?: string;
                            lastServiceMileageKm?: number;
                        }[];
                        /**
                         * @default {
                         *       "marketing": false,
                         *       "channels": []
                         *     }
                         */
                        consent?: {
                            marketing: boolean;
                            /** @default [] */
                            channels?: ("phone" | "sms" | "email" | "wechat")[];
                            /** Format: date-time */
                            recordedAt?: string;
                            source?: string;
                        };
                        storeId?: string;
                        salespersonId?: string;
                        leadId?: string;
                        /** @default [] */
                        tags?: string[];
                        notes?: string;
                        /** @default {} */
                        attributes?: {
                            [key: string]: string;
                        };
                        companyName: string;
                        fleetSize: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Customer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opportunities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List opportunities (oldest first) by stage, open/closed, owner, store, team, lead or customer */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    stage?: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                    status?: "open" | "closed";
                    salespersonId?: string;
                    storeId?: string;
                    teamId?: string;
                    leadId?: string;
                    customerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                leadId?: string;
                                customerId?: string;
                                salespersonId: string;
                                storeId: string;
                                teamId?: string;
                                campaignId?: string;
                                vehicle: {
                                    brand?: string;
                                    series?: string;
                                    model?: string;
                                    trim?: string;
                                    year?: number;
                                    /** @enum {string} */
                                    condition?: "new" | "used" | "demo";
                                    vin?: string;
                                    vehicleId?: string;
                                    price?: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                expectedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                /** Format: date */
                                expectedCloseDate: string;
                                probabilityOverride?: number;
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                stageHistory: {
                                    /** @enum {string} */
                                    stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                    /** Format: date-time */
                                    enteredAt: string;
                                    by: string;
                                    note?: string;
                                    lossReason?: {
                                        /** @enum {string} */
                                        code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                        note?: string;
                                        competitor?: string;
                                    };
                                }[];
                                ownerHistory: {
                                    from: string;
                                    to: string;
                                    /** Format: date-time */
                                    at: string;
                                    by: string;
                                    reason: string;
                                    fromStoreId?: string;
                                    toStoreId?: string;
                                }[];
                                lossReason?: {
                                    /** @enum {string} */
                                    code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                    note?: string;
                                    competitor?: string;
                                };
                                wonOrderId?: string;
                                /** Format: date-time */
                                closedAt?: string;
                                /** Format: date-time */
                                lastActivityAt?: string;
                                activityCount: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                wonOrderReference?: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Open an opportunity for a customer, or from a lead (the lead becomes converted); owner, team, customer and campaign default to the lead's */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        leadId?: string;
                        customerId?: string;
                        salespersonId?: string;
                        storeId?: string;
                        teamId?: string;
                        campaignId?: string;
                        vehicle: {
                            brand?: string;
                            series?: string;
                            model?: string;
                            trim?: string;
                            year?: number;
                            /** @enum {string} */
                            condition?: "new" | "used" | "demo";
                            vin?: string;
                            vehicleId?: string;
                            price?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        };
                        expectedValue: {
                            amount: number;
                            /** @default CNY */
                            currency?: string;
                        };
                        /** Format: date */
                        expectedCloseDate: string;
                        probabilityOverride?: number;
                        /**
                         * @default initial_contact
                         * @enum {string}
                         */
                        stage?: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            leadId?: string;
                            customerId?: string;
                            salespersonId: string;
                            storeId: string;
                            teamId?: string;
                            campaignId?: string;
                            vehicle: {
                                brand?: string;
                                series?: string;
                                model?: string;
                                trim?: string;
                                year?: number;
                                /** @enum {string} */
                                condition?: "new" | "used" | "demo";
                                vin?: string;
                                vehicleId?: string;
                                price?: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            expectedValue: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            /** Format: date */
                            expectedCloseDate: string;
                            probabilityOverride?: number;
                            /** @enum {string} */
                            stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                            stageHistory: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                /** Format: date-time */
                                enteredAt: string;
                                by: string;
                                note?: string;
                                lossReason?: {
                                    /** @enum {string} */
                                    code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                    note?: string;
                                    competitor?: string;
                                };
                            }[];
                            ownerHistory: {
                                from: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string;
                                fromStoreId?: string;
                                toStoreId?: string;
                            }[];
                            lossReason?: {
                                /** @enum {string} */
                                code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                note?: string;
                                competitor?: string;
                            };
                            wonOrderId?: string;
                            /** Format: date-time */
                            closedAt?: string;
                            /** Format: date-time */
                            lastActivityAt?: string;
                            activityCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            wonOrderReference?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opportunities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an opportunity with its stage history and hand-overs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            leadId?: string;
                            customerId?: string;
                            salespersonId: string;
                            storeId: string;
                            teamId?: string;
                            campaignId?: string;
                            vehicle: {
                                brand?: string;
                                series?: string;
                                model?: string;
                                trim?: string;
                                year?: number;
                                /** @enum {string} */
                                condition?: "new" | "used" | "demo";
                                vin?: string;
                                vehicleId?: string;
                                price?: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            expectedValue: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            /** Format: date */
                            expectedCloseDate: string;
                            probabilityOverride?: number;
                            /** @enum {string} */
                            stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                            stageHistory: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                /** Format: date-time */
                                enteredAt: string;
                                by: string;
                                note?: string;
                                lossReason?: {
                                    /** @enum {string} */
                                    code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                    note?: string;
                                    competitor?: string;
                                };
                            }[];
                            ownerHistory: {
                                from: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string;
                                fromStoreId?: string;
                                toStoreId?: string;
                            }[];
                            lossReason?: {
                                /** @enum {string} */
                                code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                note?: string;
                                competitor?: string;
                            };
                            wonOrderId?: string;
                            /** Format: date-time */
                            closedAt?: string;
                            /** Format: date-time */
                            lastActivityAt?: string;
                            activityCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            wonOrderReference?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opportunities/{id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an opportunity to another stage (forward, skipping allowed; back one; lost with a reason; won from quote or negotiation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                        version: number;
                        note?: string;
                        lossReason?: {
                            /** @enum {string} */
                            code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                            note?: string;
                            competitor?: string;
                        };
                        orderId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            leadId?: string;
                            customerId?: string;
                            salespersonId: string;
                            storeId: string;
                            teamId?: string;
                            campaignId?: string;
                            vehicle: {
                                brand?: string;
                                series?: string;
                                model?: string;
                                trim?: string;
                                year?: number;
                                /** @enum {string} */
                                condition?: "new" | "used" | "demo";
                                vin?: string;
                                vehicleId?: string;
                                price?: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            expectedValue: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            /** Format: date */
                            expectedCloseDate: string;
                            probabilityOverride?: number;
                            /** @enum {string} */
                            stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                            stageHistory: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                /** Format: date-time */
                                enteredAt: string;
                                by: string;
                                note?: string;
                                lossReason?: {
                                    /** @enum {string} */
                                    code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                    note?: string;
                                    competitor?: string;
                                };
                            }[];
                            ownerHistory: {
                                from: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string;
                                fromStoreId?: string;
                                toStoreId?: string;
                            }[];
                            lossReason?: {
                                /** @enum {string} */
                                code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                note?: string;
                                competitor?: string;
                            };
                            wonOrderId?: string;
                            /** Format: date-time */
                            closedAt?: string;
                            /** Format: date-time */
                            lastActivityAt?: string;
                            activityCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            wonOrderReference?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opportunities/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand an open opportunity to another salesperson (转移); history and activities stay with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to: string;
                        reason: string;
                        teamId?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            leadId?: string;
                            customerId?: string;
                            salespersonId: string;
                            storeId: string;
                            teamId?: string;
                            campaignId?: string;
                            vehicle: {
                                brand?: string;
                                series?: string;
                                model?: string;
                                trim?: string;
                                year?: number;
                                /** @enum {string} */
                                condition?: "new" | "used" | "demo";
                                vin?: string;
                                vehicleId?: string;
                                price?: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            expectedValue: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            /** Format: date */
                            expectedCloseDate: string;
                            probabilityOverride?: number;
                            /** @enum {string} */
                            stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                            stageHistory: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                /** Format: date-time */
                                enteredAt: string;
                                by: string;
                                note?: string;
                                lossReason?: {
                                    /** @enum {string} */
                                    code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                    note?: string;
                                    competitor?: string;
                                };
                            }[];
                            ownerHistory: {
                                from: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string;
                                fromStoreId?: string;
                                toStoreId?: string;
                            }[];
                            lossReason?: {
                                /** @enum {string} */
                                code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                note?: string;
                                competitor?: string;
                            };
                            wonOrderId?: string;
                            /** Format: date-time */
                            closedAt?: string;
                            /** Format: date-time */
                            lastActivityAt?: string;
                            activityCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            wonOrderReference?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opportunities/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an opportunity: won (from quote or negotiation, with an optional order) or lost (with a loss reason) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "won";
                        version: number;
                        orderId?: string;
                        orderReference?: string;
                        note?: string;
                    } | {
                        /** @enum {string} */
                        outcome: "lost";
                        version: number;
                        lossReason: {
                            /** @enum {string} */
                            code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                            note?: string;
                            competitor?: string;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            leadId?: string;
                            customerId?: string;
                            salespersonId: string;
                            storeId: string;
                            teamId?: string;
                            campaignId?: string;
                            vehicle: {
                                brand?: string;
                                series?: string;
                                model?: string;
                                trim?: string;
                                year?: number;
                                /** @enum {string} */
                                condition?: "new" | "used" | "demo";
                                vin?: string;
                                vehicleId?: string;
                                price?: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            expectedValue: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            /** Format: date */
                            expectedCloseDate: string;
                            probabilityOverride?: number;
                            /** @enum {string} */
                            stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                            stageHistory: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                /** Format: date-time */
                                enteredAt: string;
                                by: string;
                                note?: string;
                                lossReason?: {
                                    /** @enum {string} */
                                    code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                    note?: string;
                                    competitor?: string;
                                };
                            }[];
                            ownerHistory: {
                                from: string;
                                to: string;
                                /** Format: date-time */
                                at: string;
                                by: string;
                                reason: string;
                                fromStoreId?: string;
                                toStoreId?: string;
                            }[];
                            lossReason?: {
                                /** @enum {string} */
                                code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                note?: string;
                                competitor?: string;
                            };
                            wonOrderId?: string;
                            /** Format: date-time */
                            closedAt?: string;
                            /** Format: date-time */
                            lastActivityAt?: string;
                            activityCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            wonOrderReference?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/opportunities/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an opportunity's activities in the order they were recorded */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    type?: "call" | "visit" | "message" | "test_drive" | "quote" | "note";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: ({
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "call";
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "busy" | "voicemail" | "wrong_number";
                                durationSeconds?: number;
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "visit";
                                durationMinutes?: number;
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "message";
                                /** @enum {string} */
                                channel: "sms" | "wechat" | "email" | "app" | "other";
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "test_drive";
                                vehicle?: {
                                    brand?: string;
                                    series?: string;
                                    model?: string;
                                    trim?: string;
                                    year?: number;
                                    /** @enum {string} */
                                    condition?: "new" | "used" | "demo";
                                    vin?: string;
                                    vehicleId?: string;
                                    price?: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                durationMinutes?: number;
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "quote";
                                amount: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                discount?: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                /** Format: date */
                                validUntil?: string;
                                vehicle?: {
                                    brand?: string;
                                    series?: string;
                                    model?: string;
                                    trim?: string;
                                    year?: number;
                                    /** @enum {string} */
                                    condition?: "new" | "used" | "demo";
                                    vin?: string;
                                    vehicleId?: string;
                                    price?: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "note";
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Record a call, visit, message, test drive, quote or note (跟踪); answers the activity, the updated opportunity and any stage it suggests */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        occurredAt: string;
                        by: string;
                        notes?: string;
                        customerFeedback?: {
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            text?: string;
                        };
                        nextStep?: {
                            action: string;
                            /** Format: date-time */
                            dueAt: string;
                        };
                        /** @enum {string} */
                        type: "call";
                        /** @enum {string} */
                        direction: "inbound" | "outbound";
                        /** @enum {string} */
                        outcome: "reached" | "no_answer" | "busy" | "voicemail" | "wrong_number";
                        durationSeconds?: number;
                    } | {
                        /** Format: date-time */
                        occurredAt: string;
                        by: string;
                        notes?: string;
                        customerFeedback?: {
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            text?: string;
                        };
                        nextStep?: {
                            action: string;
                            /** Format: date-time */
                            dueAt: string;
                        };
                        /** @enum {string} */
                        type: "visit";
                        durationMinutes?: number;
                    } | {
                        /** Format: date-time */
                        occurredAt: string;
                        by: string;
                        notes?: string;
                        customerFeedback?: {
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            text?: string;
                        };
                        nextStep?: {
                            action: string;
                            /** Format: date-time */
                            dueAt: string;
                        };
                        /** @enum {string} */
                        type: "message";
                        /** @enum {string} */
                        channel: "sms" | "wechat" | "email" | "app" | "other";
                        /** @enum {string} */
                        direction: "inbound" | "outbound";
                    } | {
                        /** Format: date-time */
                        occurredAt: string;
                        by: string;
                        notes?: string;
                        customerFeedback?: {
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            text?: string;
                        };
                        nextStep?: {
                            action: string;
                            /** Format: date-time */
                            dueAt: string;
                        };
                        /** @enum {string} */
                        type: "test_drive";
                        vehicle?: {
                            brand?: string;
                            series?: string;
                            model?: string;
                            trim?: string;
                            year?: number;
                            /** @enum {string} */
                            condition?: "new" | "used" | "demo";
                            vin?: string;
                            vehicleId?: string;
                            price?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        };
                        durationMinutes?: number;
                    } | {
                        /** Format: date-time */
                        occurredAt: string;
                        by: string;
                        notes?: string;
                        customerFeedback?: {
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            text?: string;
                        };
                        nextStep?: {
                            action: string;
                            /** Format: date-time */
                            dueAt: string;
                        };
                        /** @enum {string} */
                        type: "quote";
                        amount: {
                            amount: number;
                            /** @default CNY */
                            currency?: string;
                        };
                        discount?: {
                            amount: number;
                            /** @default CNY */
                            currency?: string;
                        };
                        /** Format: date */
                        validUntil?: string;
                        vehicle?: {
                            brand?: string;
                            series?: string;
                            model?: string;
                            trim?: string;
                            year?: number;
                            /** @enum {string} */
                            condition?: "new" | "used" | "demo";
                            vin?: string;
                            vehicleId?: string;
                            price?: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        };
                    } | {
                        /** Format: date-time */
                        occurredAt: string;
                        by: string;
                        notes: string;
                        customerFeedback?: {
                            /** @enum {string} */
                            sentiment: "positive" | "neutral" | "negative";
                            text?: string;
                        };
                        nextStep?: {
                            action: string;
                            /** Format: date-time */
                            dueAt: string;
                        };
                        /** @enum {string} */
                        type: "note";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activity: {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "call";
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                                /** @enum {string} */
                                outcome: "reached" | "no_answer" | "busy" | "voicemail" | "wrong_number";
                                durationSeconds?: number;
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "visit";
                                durationMinutes?: number;
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "message";
                                /** @enum {string} */
                                channel: "sms" | "wechat" | "email" | "app" | "other";
                                /** @enum {string} */
                                direction: "inbound" | "outbound";
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "test_drive";
                                vehicle?: {
                                    brand?: string;
                                    series?: string;
                                    model?: string;
                                    trim?: string;
                                    year?: number;
                                    /** @enum {string} */
                                    condition?: "new" | "used" | "demo";
                                    vin?: string;
                                    vehicleId?: string;
                                    price?: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                durationMinutes?: number;
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes?: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "quote";
                                amount: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                discount?: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                /** Format: date */
                                validUntil?: string;
                                vehicle?: {
                                    brand?: string;
                                    series?: string;
                                    model?: string;
                                    trim?: string;
                                    year?: number;
                                    /** @enum {string} */
                                    condition?: "new" | "used" | "demo";
                                    vin?: string;
                                    vehicleId?: string;
                                    price?: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                            } | {
                                /** Format: date-time */
                                occurredAt: string;
                                by: string;
                                notes: string;
                                customerFeedback?: {
                                    /** @enum {string} */
                                    sentiment: "positive" | "neutral" | "negative";
                                    text?: string;
                                };
                                nextStep?: {
                                    action: string;
                                    /** Format: date-time */
                                    dueAt: string;
                                };
                                id: string;
                                opportunityId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** @enum {string} */
                                type: "note";
                            };
                            opportunity: {
                                id: string;
                                leadId?: string;
                                customerId?: string;
                                salespersonId: string;
                                storeId: string;
                                teamId?: string;
                                campaignId?: string;
                                vehicle: {
                                    brand?: string;
                                    series?: string;
                                    model?: string;
                                    trim?: string;
                                    year?: number;
                                    /** @enum {string} */
                                    condition?: "new" | "used" | "demo";
                                    vin?: string;
                                    vehicleId?: string;
                                    price?: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                expectedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                /** Format: date */
                                expectedCloseDate: string;
                                probabilityOverride?: number;
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                stageHistory: {
                                    /** @enum {string} */
                                    stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                    /** Format: date-time */
                                    enteredAt: string;
                                    by: string;
                                    note?: string;
                                    lossReason?: {
                                        /** @enum {string} */
                                        code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                        note?: string;
                                        competitor?: string;
                                    };
                                }[];
                                ownerHistory: {
                                    from: string;
                                    to: string;
                                    /** Format: date-time */
                                    at: string;
                                    by: string;
                                    reason: string;
                                    fromStoreId?: string;
                                    toStoreId?: string;
                                }[];
                                lossReason?: {
                                    /** @enum {string} */
                                    code: "bought_competitor_brand" | "bought_elsewhere" | "price" | "financing_declined" | "trade_in_value" | "vehicle_unavailable" | "delivery_time" | "postponed" | "no_longer_interested" | "unreachable" | "other";
                                    note?: string;
                                    competitor?: string;
                                };
                                wonOrderId?: string;
                                /** Format: date-time */
                                closedAt?: string;
                                /** Format: date-time */
                                lastActivityAt?: string;
                                activityCount: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                wonOrderReference?: string;
                            };
                            /** @enum {string} */
                            suggestedStage?: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales funnel (销售漏斗) of the opportunities created in [from, to): count and value per stage, conversion, time in stage, stalls */
        get: {
            parameters: {
                query?: {
                    storeId?: string;
                    teamId?: string;
                    salespersonId?: string;
                    from?: string;
                    to?: string;
                    closedOnly?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            open: number;
                            won: number;
                            lost: number;
                            winRate: number | null;
                            stages: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                count: number;
                                value: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                }[];
                                reached: number;
                                conversionToNext: number | null;
                                lostHere: number;
                                medianDaysInStage: number | null;
                                staysMeasured: number;
                            }[];
                            stalls: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation" | "won" | "lost";
                                dropOffRate: number;
                                reached: number;
                                lostHere: number;
                                stillOpen: number;
                                medianDaysInStage: number | null;
                                message: string;
                            }[];
                            skipped: {
                                count: number;
                                examples: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales forecast (销售预测) for a period from the weighted pipeline, with a range; win rates learnt from the last year's closed deals */
        get: {
            parameters: {
                query: {
                    storeId?: string;
                    teamId?: string;
                    salespersonId?: string;
                    periodStart: string;
                    periodEnd: string;
                    currency?: string;
                    confidence?: "0.8" | "0.9" | "0.95" | "0.99";
                    timeZone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            periodStart: string;
                            periodEnd: string;
                            currency: string;
                            point: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            low: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            high: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            confidence: number;
                            opportunities: number;
                            overridden: number;
                            pipelineValue: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            stageProbabilities: {
                                /** @enum {string} */
                                stage: "initial_contact" | "needs_analysis" | "product_presentation" | "test_drive" | "quote" | "negotiation";
                                probability: number;
                                /** @enum {string} */
                                source: "configured" | "history" | "default";
                                sample: number;
                            }[];
                            history: {
                                closed: number;
                                won: number;
                                winRate: number | null;
                                medianCycleDays: number | null;
                            } | null;
                            slipped: {
                                count: number;
                                counted: boolean;
                                expectedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            otherCurrencies: {
                                currency: string;
                                count: number;
                            }[];
                            reasons: {
                                code: string;
                                message: string;
                            }[];
                            skipped: {
                                count: number;
                                examples: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/conversion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lead → opportunity conversion and time to first contact, by source, channel, customer type and campaign, over the leads received in [from, to) */
        get: {
            parameters: {
                query?: {
                    storeId?: string;
                    teamId?: string;
                    salespersonId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: {
                                key: string;
                                leads: number;
                                opportunities: number;
                                orders: number;
                                leadToOpportunityRate: number;
                                opportunityToOrderRate: number;
                                leadToOrderRate: number;
                                contacted: number;
                                medianMinutesToFirstContact: number | null;
                            };
                            bySource: {
                                key: string;
                                leads: number;
                                opportunities: number;
                                orders: number;
                                leadToOpportunityRate: number;
                                opportunityToOrderRate: number;
                                leadToOrderRate: number;
                                contacted: number;
                                medianMinutesToFirstContact: number | null;
                            }[];
                            byChannel: {
                                key: string;
                                leads: number;
                                opportunities: number;
                                orders: number;
                                leadToOpportunityRate: number;
                                opportunityToOrderRate: number;
                                leadToOrderRate: number;
                                contacted: number;
                                medianMinutesToFirstContact: number | null;
                            }[];
                            byCustomerType: {
                                key: string;
                                leads: number;
                                opportunities: number;
                                orders: number;
                                leadToOpportunityRate: number;
                                opportunityToOrderRate: number;
                                leadToOrderRate: number;
                                contacted: number;
                                medianMinutesToFirstContact: number | null;
                            }[];
                            byCampaign: {
                                key: string;
                                leads: number;
                                opportunities: number;
                                orders: number;
                                leadToOpportunityRate: number;
                                opportunityToOrderRate: number;
                                leadToOrderRate: number;
                                contacted: number;
                                medianMinutesToFirstContact: number | null;
                            }[];
                            warnings: {
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orders (oldest first) by status, store, salesperson, customer and entry time [from, to); a sales key sees its own, a store key its store's */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                    storeId?: string;
                    salespersonId?: string;
                    customerId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                orderNumber: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                customerId: string;
                                storeId: string;
                                salespersonId: string;
                                opportunityId?: string;
                                leadId?: string;
                                campaignId?: string;
                                vehicle: {
                                    /** @enum {string} */
                                    kind: "stock";
                                    vehicleId?: string;
                                    vin?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "configuration";
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                allocatedVehicleId?: string;
                                lines: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeIn?: {
                                    vin?: string;
                                    brand: string;
                                    model: string;
                                    year?: number;
                                    mileageKm: number;
                                    appraisedValue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    appraisedBy?: string;
                                    /** Format: date-time */
                                    appraisedAt?: string;
                                };
                                financing?: {
                                    lender: string;
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    termMonths: number;
                                    annualRateBps: number;
                                    /**
                                     * @default equal_instalment
                                     * @enum {string}
                                     */
                                    method: "equal_instalment" | "equal_principal";
                                };
                                /** Format: date */
                                requestedDeliveryDate?: string;
                                /** Format: date */
                                expectedDeliveryDate?: string;
                                contractId?: string;
                                termsVersion?: number;
                                approvals: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                    /** @enum {string} */
                                    decision: "approved" | "rejected";
                                    role?: string;
                                    rules: string[];
                                    note?: string;
                                }[];
                                statusHistory: {
                                    /** @enum {string} */
                                    from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** Format: date-time */
                                    at: string;
                                    by?: string;
                                    note?: string;
                                }[];
                                cancelReason?: string;
                                /** Format: date-time */
                                deliveredAt?: string;
                                notes?: string;
                                attributes: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                totals: {
                                    currency: string;
                                    subtotal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    discounts: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    fees: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    tradeInCredit: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    taxableBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vat: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vatIncluded: boolean;
                                    total: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxFull: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxRelief: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTax: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    amountFinanced: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    balanceDue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                loanSchedule?: {
                                    /** @enum {string} */
                                    method: "equal_instalment" | "equal_principal";
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    annualRateBps: number;
                                    termMonths: number;
                                    rows: {
                                        period: number;
                                        payment: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        principal: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        interest: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        remaining: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                    }[];
                                    totalPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    totalInterest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                pendingApproval?: {
                                    approvers: string[];
                                    waitingFor: string[];
                                    reasons: {
                                        /** @enum {string} */
                                        rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                        approver: string;
                                        message: string;
                                    }[];
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Enter a draft order (订单): number allocated from the store's daily counter, totals computed; a sales key enters its own */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerId: string;
                        storeId?: string;
                        salespersonId?: string;
                        opportunityId?: string;
                        leadId?: string;
                        campaignId?: string;
                        vehicle: {
                            /** @enum {string} */
                            kind: "stock";
                            vehicleId?: string;
                            vin?: string;
                        } | {
                            /** @enum {string} */
                            kind: "configuration";
                            code?: string;
                            brand: string;
                            series: string;
                            model: string;
                            trim?: string;
                            year?: number;
                            exteriorColour?: string;
                            interiorColour?: string;
                            /** @default [] */
                            optionCodes?: string[];
                        };
                        lines: {
                            /** @enum {string} */
                            kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                            description: string;
                            code?: string;
                            /** @default 1 */
                            quantity?: number;
                            amount: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        }[];
                        tradeIn?: {
                            vin?: string;
                            brand: string;
                            model: string;
                            year?: number;
                            mileageKm: number;
                            appraisedValue: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                            appraisedBy?: string;
                            /** Format: date-time */
                            appraisedAt?: string;
                        };
                        financing?: {
                            lender: string;
                            downPayment: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                            termMonths: number;
                            annualRateBps: number;
                            /**
                             * @default equal_instalment
                             * @enum {string}
                             */
                            method?: "equal_instalment" | "equal_principal";
                        };
                        /** Format: date */
                        requestedDeliveryDate?: string;
                        notes?: string;
                        /** @default {} */
                        attributes?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                            customerId: string;
                            storeId: string;
                            salespersonId: string;
                            opportunityId?: string;
                            leadId?: string;
                            campaignId?: string;
                            vehicle: {
                                /** @enum {string} */
                                kind: "stock";
                                vehicleId?: string;
                                vin?: string;
                            } | {
                                /** @enum {string} */
                                kind: "configuration";
                                code?: string;
                                brand: string;
                                series: string;
                                model: string;
                                trim?: string;
                                year?: number;
                                exteriorColour?: string;
                                interiorColour?: string;
                                /** @default [] */
                                optionCodes: string[];
                            };
                            allocatedVehicleId?: string;
                            lines: {
                                /** @enum {string} */
                                kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                description: string;
                                code?: string;
                                /** @default 1 */
                                quantity: number;
                                amount: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            total: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            tradeIn?: {
                                vin?: string;
                                brand: string;
                                model: string;
                                year?: number;
                                mileageKm: number;
                                appraisedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                appraisedBy?: string;
                                /** Format: date-time */
                                appraisedAt?: string;
                            };
                            financing?: {
                                lender: string;
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                termMonths: number;
                                annualRateBps: number;
                                /**
                                 * @default equal_instalment
                                 * @enum {string}
                                 */
                                method: "equal_instalment" | "equal_principal";
                            };
                            /** Format: date */
                            requestedDeliveryDate?: string;
                            /** Format: date */
                            expectedDeliveryDate?: string;
                            contractId?: string;
                            termsVersion?: number;
                            approvals: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                decision: "approved" | "rejected";
                                role?: string;
                                rules: string[];
                                note?: string;
                            }[];
                            statusHistory: {
                                /** @enum {string} */
                                from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** @enum {string} */
                                to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                by?: string;
                                note?: string;
                            }[];
                            cancelReason?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                            notes?: string;
                            attributes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            totals: {
                                currency: string;
                                subtotal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                discounts: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                fees: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeInCredit: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                taxableBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vat: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vatIncluded: boolean;
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxFull: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxRelief: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTax: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                amountFinanced: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                balanceDue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            loanSchedule?: {
                                /** @enum {string} */
                                method: "equal_instalment" | "equal_principal";
                                principal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                annualRateBps: number;
                                termMonths: number;
                                rows: {
                                    period: number;
                                    payment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    interest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    remaining: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                totalPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                totalInterest: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            pendingApproval?: {
                                approvers: string[];
                                waitingFor: string[];
                                reasons: {
                                    /** @enum {string} */
                                    rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                    approver: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an order with its totals, approvals, status history and (when financed) loan schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                            customerId: string;
                            storeId: string;
                            salespersonId: string;
                            opportunityId?: string;
                            leadId?: string;
                            campaignId?: string;
                            vehicle: {
                                /** @enum {string} */
                                kind: "stock";
                                vehicleId?: string;
                                vin?: string;
                            } | {
                                /** @enum {string} */
                                kind: "configuration";
                                code?: string;
                                brand: string;
                                series: string;
                                model: string;
                                trim?: string;
                                year?: number;
                                exteriorColour?: string;
                                interiorColour?: string;
                                /** @default [] */
                                optionCodes: string[];
                            };
                            allocatedVehicleId?: string;
                            lines: {
                                /** @enum {string} */
                                kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                description: string;
                                code?: string;
                                /** @default 1 */
                                quantity: number;
                                amount: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            total: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            tradeIn?: {
                                vin?: string;
                                brand: string;
                                model: string;
                                year?: number;
                                mileageKm: number;
                                appraisedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                appraisedBy?: string;
                                /** Format: date-time */
                                appraisedAt?: string;
                            };
                            financing?: {
                                lender: string;
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                termMonths: number;
                                annualRateBps: number;
                                /**
                                 * @default equal_instalment
                                 * @enum {string}
                                 */
                                method: "equal_instalment" | "equal_principal";
                            };
                            /** Format: date */
                            requestedDeliveryDate?: string;
                            /** Format: date */
                            expectedDeliveryDate?: string;
                            contractId?: string;
                            termsVersion?: number;
                            approvals: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                decision: "approved" | "rejected";
                                role?: string;
                                rules: string[];
                                note?: string;
                            }[];
                            statusHistory: {
                                /** @enum {string} */
                                from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** @enum {string} */
                                to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                by?: string;
                                note?: string;
                            }[];
                            cancelReason?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                            notes?: string;
                            attributes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            totals: {
                                currency: string;
                                subtotal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                discounts: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                fees: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeInCredit: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                taxableBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vat: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vatIncluded: boolean;
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxFull: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxRelief: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTax: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                amountFinanced: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                balanceDue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            loanSchedule?: {
                                /** @enum {string} */
                                method: "equal_instalment" | "equal_principal";
                                principal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                annualRateBps: number;
                                termMonths: number;
                                rows: {
                                    period: number;
                                    payment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    interest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    remaining: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                totalPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                totalInterest: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            pendingApproval?: {
                                approvers: string[];
                                waitingFor: string[];
                                reasons: {
                                    /** @enum {string} */
                                    rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                    approver: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a draft for approval (审核); an order no approval rule stops is approved at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        note?: string;
                        by?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                            customerId: string;
                            storeId: string;
                            salespersonId: string;
                            opportunityId?: string;
                            leadId?: string;
                            campaignId?: string;
                            vehicle: {
                                /** @enum {string} */
                                kind: "stock";
                                vehicleId?: string;
                                vin?: string;
                            } | {
                                /** @enum {string} */
                                kind: "configuration";
                                code?: string;
                                brand: string;
                                series: string;
                                model: string;
                                trim?: string;
                                year?: number;
                                exteriorColour?: string;
                                interiorColour?: string;
                                /** @default [] */
                                optionCodes: string[];
                            };
                            allocatedVehicleId?: string;
                            lines: {
                                /** @enum {string} */
                                kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                description: string;
                                code?: string;
                                /** @default 1 */
                                quantity: number;
                                amount: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            total: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            tradeIn?: {
                                vin?: string;
                                brand: string;
                                model: string;
                                year?: number;
                                mileageKm: number;
                                appraisedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                appraisedBy?: string;
                                /** Format: date-time */
                                appraisedAt?: string;
                            };
                            financing?: {
                                lender: string;
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                termMonths: number;
                                annualRateBps: number;
                                /**
                                 * @default equal_instalment
                                 * @enum {string}
                                 */
                                method: "equal_instalment" | "equal_principal";
                            };
                            /** Format: date */
                            requestedDeliveryDate?: string;
                            /** Format: date */
                            expectedDeliveryDate?: string;
                            contractId?: string;
                            termsVersion?: number;
                            approvals: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                decision: "approved" | "rejected";
                                role?: string;
                                rules: string[];
                                note?: string;
                            }[];
                            statusHistory: {
                                /** @enum {string} */
                                from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** @enum {string} */
                                to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                by?: string;
                                note?: string;
                            }[];
                            cancelReason?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                            notes?: string;
                            attributes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            totals: {
                                currency: string;
                                subtotal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                discounts: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                fees: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeInCredit: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                taxableBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vat: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vatIncluded: boolean;
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxFull: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxRelief: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTax: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                amountFinanced: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                balanceDue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            loanSchedule?: {
                                /** @enum {string} */
                                method: "equal_instalment" | "equal_principal";
                                principal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                annualRateBps: number;
                                termMonths: number;
                                rows: {
                                    period: number;
                                    payment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    interest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    remaining: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                totalPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                totalInterest: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            pendingApproval?: {
                                approvers: string[];
                                waitingFor: string[];
                                reasons: {
                                    /** @enum {string} */
                                    rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                    approver: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject a submitted order in an approver role the rules require (manager, finance; general_manager and the group's own roles with an admin key); the last required approval makes it approved, a rejection sends it back to draft */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** @enum {string} */
                        decision: "approved" | "rejected";
                        role?: string;
                        note?: string;
                        by?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                            customerId: string;
                            storeId: string;
                            salespersonId: string;
                            opportunityId?: string;
                            leadId?: string;
                            campaignId?: string;
                            vehicle: {
                                /** @enum {string} */
                                kind: "stock";
                                vehicleId?: string;
                                vin?: string;
                            } | {
                                /** @enum {string} */
                                kind: "configuration";
                                code?: string;
                                brand: string;
                                series: string;
                                model: string;
                                trim?: string;
                                year?: number;
                                exteriorColour?: string;
                                interiorColour?: string;
                                /** @default [] */
                                optionCodes: string[];
                            };
                            allocatedVehicleId?: string;
                            lines: {
                                /** @enum {string} */
                                kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                description: string;
                                code?: string;
                                /** @default 1 */
                                quantity: number;
                                amount: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            total: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            tradeIn?: {
                                vin?: string;
                                brand: string;
                                model: string;
                                year?: number;
                                mileageKm: number;
                                appraisedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                appraisedBy?: string;
                                /** Format: date-time */
                                appraisedAt?: string;
                            };
                            financing?: {
                                lender: string;
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                termMonths: number;
                                annualRateBps: number;
                                /**
                                 * @default equal_instalment
                                 * @enum {string}
                                 */
                                method: "equal_instalment" | "equal_principal";
                            };
                            /** Format: date */
                            requestedDeliveryDate?: string;
                            /** Format: date */
                            expectedDeliveryDate?: string;
                            contractId?: string;
                            termsVersion?: number;
                            approvals: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                decision: "approved" | "rejected";
                                role?: string;
                                rules: string[];
                                note?: string;
                            }[];
                            statusHistory: {
                                /** @enum {string} */
                                from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** @enum {string} */
                                to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                by?: string;
                                note?: string;
                            }[];
                            cancelReason?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                            notes?: string;
                            attributes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            totals: {
                                currency: string;
                                subtotal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                discounts: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                fees: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeInCredit: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                taxableBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vat: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vatIncluded: boolean;
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxFull: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxRelief: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTax: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                amountFinanced: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                balanceDue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            loanSchedule?: {
                                /** @enum {string} */
                                method: "equal_instalment" | "equal_principal";
                                principal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                annualRateBps: number;
                                termMonths: number;
                                rows: {
                                    period: number;
                                    payment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    interest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    remaining: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                totalPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                totalInterest: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            pendingApproval?: {
                                approvers: string[];
                                waitingFor: string[];
                                reasons: {
                                    /** @enum {string} */
                                    rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                    approver: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a tracking milestone (contracted → allocated → in_transit → arrived → delivered) or cancel with a reason; an illegal move answers 409 with the states allowed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                        version: number;
                        reason?: string;
                        allocatedVehicleId?: string;
                        /** Format: date */
                        expectedDeliveryDate?: string;
                        by?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            /** @enum {string} */
                            status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                            customerId: string;
                            storeId: string;
                            salespersonId: string;
                            opportunityId?: string;
                            leadId?: string;
                            campaignId?: string;
                            vehicle: {
                                /** @enum {string} */
                                kind: "stock";
                                vehicleId?: string;
                                vin?: string;
                            } | {
                                /** @enum {string} */
                                kind: "configuration";
                                code?: string;
                                brand: string;
                                series: string;
                                model: string;
                                trim?: string;
                                year?: number;
                                exteriorColour?: string;
                                interiorColour?: string;
                                /** @default [] */
                                optionCodes: string[];
                            };
                            allocatedVehicleId?: string;
                            lines: {
                                /** @enum {string} */
                                kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                description: string;
                                code?: string;
                                /** @default 1 */
                                quantity: number;
                                amount: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            total: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            tradeIn?: {
                                vin?: string;
                                brand: string;
                                model: string;
                                year?: number;
                                mileageKm: number;
                                appraisedValue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                appraisedBy?: string;
                                /** Format: date-time */
                                appraisedAt?: string;
                            };
                            financing?: {
                                lender: string;
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                termMonths: number;
                                annualRateBps: number;
                                /**
                                 * @default equal_instalment
                                 * @enum {string}
                                 */
                                method: "equal_instalment" | "equal_principal";
                            };
                            /** Format: date */
                            requestedDeliveryDate?: string;
                            /** Format: date */
                            expectedDeliveryDate?: string;
                            contractId?: string;
                            termsVersion?: number;
                            approvals: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                decision: "approved" | "rejected";
                                role?: string;
                                rules: string[];
                                note?: string;
                            }[];
                            statusHistory: {
                                /** @enum {string} */
                                from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** @enum {string} */
                                to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                by?: string;
                                note?: string;
                            }[];
                            cancelReason?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                            notes?: string;
                            attributes: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            totals: {
                                currency: string;
                                subtotal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                discounts: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                fees: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeInCredit: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                taxableBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vat: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                vatIncluded: boolean;
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxBase: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxFull: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTaxRelief: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                purchaseTax: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                downPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                amountFinanced: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                balanceDue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            loanSchedule?: {
                                /** @enum {string} */
                                method: "equal_instalment" | "equal_principal";
                                principal: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                annualRateBps: number;
                                termMonths: number;
                                rows: {
                                    period: number;
                                    payment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    interest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    remaining: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                totalPayment: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                totalInterest: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            };
                            pendingApproval?: {
                                approvers: string[];
                                waitingFor: string[];
                                reasons: {
                                    /** @enum {string} */
                                    rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                    approver: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Request a change (变更) of configuration, delivery date or price: the diff is kept; applied at once as a new terms version unless the rules ask for approval */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "configuration";
                        after: {
                            code?: string;
                            brand: string;
                            series: string;
                            model: string;
                            trim?: string;
                            year?: number;
                            exteriorColour?: string;
                            interiorColour?: string;
                            /** @default [] */
                            optionCodes?: string[];
                        };
                        version: number;
                        reason: string;
                        by?: string;
                    } | {
                        /** @enum {string} */
                        kind: "delivery_date";
                        /** Format: date */
                        after: string;
                        version: number;
                        reason: string;
                        by?: string;
                    } | {
                        /** @enum {string} */
                        kind: "price";
                        after: {
                            /** @enum {string} */
                            kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                            description: string;
                            code?: string;
                            /** @default 1 */
                            quantity?: number;
                            amount: {
                                amount: number;
                                /** @default CNY */
                                currency?: string;
                            };
                        }[];
                        version: number;
                        reason: string;
                        by?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            change: {
                                /** @enum {string} */
                                kind: "configuration";
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "applied" | "withdrawn";
                                orderId: string;
                                baseVersion: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                reason: string;
                                requiresApproval: boolean;
                                decidedBy?: string;
                                /** Format: date-time */
                                decidedAt?: string;
                                decisionNote?: string;
                                /** Format: date-time */
                                appliedAt?: string;
                                resultingVersion?: number;
                                diff?: {
                                    path: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                                approvers?: string[];
                                approvalReasons?: {
                                    rule: string;
                                    approver: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                before: {
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                after: {
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                            } | {
                                /** @enum {string} */
                                kind: "delivery_date";
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "applied" | "withdrawn";
                                orderId: string;
                                baseVersion: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                reason: string;
                                requiresApproval: boolean;
                                decidedBy?: string;
                                /** Format: date-time */
                                decidedAt?: string;
                                decisionNote?: string;
                                /** Format: date-time */
                                appliedAt?: string;
                                resultingVersion?: number;
                                diff?: {
                                    path: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                                approvers?: string[];
                                approvalReasons?: {
                                    rule: string;
                                    approver: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** Format: date */
                                before?: string;
                                /** Format: date */
                                after: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "applied" | "withdrawn";
                                orderId: string;
                                baseVersion: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                reason: string;
                                requiresApproval: boolean;
                                decidedBy?: string;
                                /** Format: date-time */
                                decidedAt?: string;
                                decisionNote?: string;
                                /** Format: date-time */
                                appliedAt?: string;
                                resultingVersion?: number;
                                diff?: {
                                    path: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                                approvers?: string[];
                                approvalReasons?: {
                                    rule: string;
                                    approver: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                before: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                after: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                            };
                            order: {
                                id: string;
                                orderNumber: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                customerId: string;
                                storeId: string;
                                salespersonId: string;
                                opportunityId?: string;
                                leadId?: string;
                                campaignId?: string;
                                vehicle: {
                                    /** @enum {string} */
                                    kind: "stock";
                                    vehicleId?: string;
                                    vin?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "configuration";
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                allocatedVehicleId?: string;
                                lines: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeIn?: {
                                    vin?: string;
                                    brand: string;
                                    model: string;
                                    year?: number;
                                    mileageKm: number;
                                    appraisedValue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    appraisedBy?: string;
                                    /** Format: date-time */
                                    appraisedAt?: string;
                                };
                                financing?: {
                                    lender: string;
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    termMonths: number;
                                    annualRateBps: number;
                                    /**
                                     * @default equal_instalment
                                     * @enum {string}
                                     */
                                    method: "equal_instalment" | "equal_principal";
                                };
                                /** Format: date */
                                requestedDeliveryDate?: string;
                                /** Format: date */
                                expectedDeliveryDate?: string;
                                contractId?: string;
                                termsVersion?: number;
                                approvals: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                    /** @enum {string} */
                                    decision: "approved" | "rejected";
                                    role?: string;
                                    rules: string[];
                                    note?: string;
                                }[];
                                statusHistory: {
                                    /** @enum {string} */
                                    from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** Format: date-time */
                                    at: string;
                                    by?: string;
                                    note?: string;
                                }[];
                                cancelReason?: string;
                                /** Format: date-time */
                                deliveredAt?: string;
                                notes?: string;
                                attributes: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                totals: {
                                    currency: string;
                                    subtotal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    discounts: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    fees: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    tradeInCredit: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    taxableBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vat: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vatIncluded: boolean;
                                    total: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxFull: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxRelief: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTax: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    amountFinanced: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    balanceDue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                loanSchedule?: {
                                    /** @enum {string} */
                                    method: "equal_instalment" | "equal_principal";
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    annualRateBps: number;
                                    termMonths: number;
                                    rows: {
                                        period: number;
                                        payment: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        principal: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        interest: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        remaining: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                    }[];
                                    totalPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    totalInterest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                pendingApproval?: {
                                    approvers: string[];
                                    waitingFor: string[];
                                    reasons: {
                                        /** @enum {string} */
                                        rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                        approver: string;
                                        message: string;
                                    }[];
                                };
                            };
                            termsVersion?: {
                                orderId: string;
                                version: number;
                                vehicle: {
                                    /** @enum {string} */
                                    kind: "stock";
                                    vehicleId?: string;
                                    vin?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "configuration";
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                lines: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeIn?: {
                                    vin?: string;
                                    brand: string;
                                    model: string;
                                    year?: number;
                                    mileageKm: number;
                                    appraisedValue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    appraisedBy?: string;
                                    /** Format: date-time */
                                    appraisedAt?: string;
                                };
                                financing?: {
                                    lender: string;
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    termMonths: number;
                                    annualRateBps: number;
                                    /**
                                     * @default equal_instalment
                                     * @enum {string}
                                     */
                                    method: "equal_instalment" | "equal_principal";
                                };
                                /** Format: date */
                                requestedDeliveryDate?: string;
                                changeRequestId?: string;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            contractOutdated: boolean;
                            approvalReset: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/changes/{changeId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject a pending change (an approver of a role it needs; approval applies it), or withdraw it (the requester, a manager or admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    changeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** @enum {string} */
                        decision: "approved" | "rejected" | "withdrawn";
                        role?: string;
                        note?: string;
                        by?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            change: {
                                /** @enum {string} */
                                kind: "configuration";
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "applied" | "withdrawn";
                                orderId: string;
                                baseVersion: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                reason: string;
                                requiresApproval: boolean;
                                decidedBy?: string;
                                /** Format: date-time */
                                decidedAt?: string;
                                decisionNote?: string;
                                /** Format: date-time */
                                appliedAt?: string;
                                resultingVersion?: number;
                                diff?: {
                                    path: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                                approvers?: string[];
                                approvalReasons?: {
                                    rule: string;
                                    approver: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                before: {
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                after: {
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                            } | {
                                /** @enum {string} */
                                kind: "delivery_date";
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "applied" | "withdrawn";
                                orderId: string;
                                baseVersion: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                reason: string;
                                requiresApproval: boolean;
                                decidedBy?: string;
                                /** Format: date-time */
                                decidedAt?: string;
                                decisionNote?: string;
                                /** Format: date-time */
                                appliedAt?: string;
                                resultingVersion?: number;
                                diff?: {
                                    path: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                                approvers?: string[];
                                approvalReasons?: {
                                    rule: string;
                                    approver: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                /** Format: date */
                                before?: string;
                                /** Format: date */
                                after: string;
                            } | {
                                /** @enum {string} */
                                kind: "price";
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "applied" | "withdrawn";
                                orderId: string;
                                baseVersion: number;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                                reason: string;
                                requiresApproval: boolean;
                                decidedBy?: string;
                                /** Format: date-time */
                                decidedAt?: string;
                                decisionNote?: string;
                                /** Format: date-time */
                                appliedAt?: string;
                                resultingVersion?: number;
                                diff?: {
                                    path: string;
                                    before: unknown;
                                    after: unknown;
                                }[];
                                approvers?: string[];
                                approvalReasons?: {
                                    rule: string;
                                    approver: string;
                                    message: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                before: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                after: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                            };
                            order: {
                                id: string;
                                orderNumber: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                customerId: string;
                                storeId: string;
                                salespersonId: string;
                                opportunityId?: string;
                                leadId?: string;
                                campaignId?: string;
                                vehicle: {
                                    /** @enum {string} */
                                    kind: "stock";
                                    vehicleId?: string;
                                    vin?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "configuration";
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                allocatedVehicleId?: string;
                                lines: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeIn?: {
                                    vin?: string;
                                    brand: string;
                                    model: string;
                                    year?: number;
                                    mileageKm: number;
                                    appraisedValue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    appraisedBy?: string;
                                    /** Format: date-time */
                                    appraisedAt?: string;
                                };
                                financing?: {
                                    lender: string;
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    termMonths: number;
                                    annualRateBps: number;
                                    /**
                                     * @default equal_instalment
                                     * @enum {string}
                                     */
                                    method: "equal_instalment" | "equal_principal";
                                };
                                /** Format: date */
                                requestedDeliveryDate?: string;
                                /** Format: date */
                                expectedDeliveryDate?: string;
                                contractId?: string;
                                termsVersion?: number;
                                approvals: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                    /** @enum {string} */
                                    decision: "approved" | "rejected";
                                    role?: string;
                                    rules: string[];
                                    note?: string;
                                }[];
                                statusHistory: {
                                    /** @enum {string} */
                                    from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** Format: date-time */
                                    at: string;
                                    by?: string;
                                    note?: string;
                                }[];
                                cancelReason?: string;
                                /** Format: date-time */
                                deliveredAt?: string;
                                notes?: string;
                                attributes: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                totals: {
                                    currency: string;
                                    subtotal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    discounts: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    fees: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    tradeInCredit: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    taxableBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vat: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vatIncluded: boolean;
                                    total: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxFull: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxRelief: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTax: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    amountFinanced: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    balanceDue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                loanSchedule?: {
                                    /** @enum {string} */
                                    method: "equal_instalment" | "equal_principal";
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    annualRateBps: number;
                                    termMonths: number;
                                    rows: {
                                        period: number;
                                        payment: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        principal: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        interest: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        remaining: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                    }[];
                                    totalPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    totalInterest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                pendingApproval?: {
                                    approvers: string[];
                                    waitingFor: string[];
                                    reasons: {
                                        /** @enum {string} */
                                        rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                        approver: string;
                                        message: string;
                                    }[];
                                };
                            };
                            termsVersion?: {
                                orderId: string;
                                version: number;
                                vehicle: {
                                    /** @enum {string} */
                                    kind: "stock";
                                    vehicleId?: string;
                                    vin?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "configuration";
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                lines: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeIn?: {
                                    vin?: string;
                                    brand: string;
                                    model: string;
                                    year?: number;
                                    mileageKm: number;
                                    appraisedValue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    appraisedBy?: string;
                                    /** Format: date-time */
                                    appraisedAt?: string;
                                };
                                financing?: {
                                    lender: string;
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    termMonths: number;
                                    annualRateBps: number;
                                    /**
                                     * @default equal_instalment
                                     * @enum {string}
                                     */
                                    method: "equal_instalment" | "equal_principal";
                                };
                                /** Format: date */
                                requestedDeliveryDate?: string;
                                changeRequestId?: string;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            contractOutdated: boolean;
                            approvalReset: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render the contract (合同) of an approved order from a template (values escaped), stored with the SHA-256 of its text */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** @default default */
                        templateId?: string;
                        customer?: {
                            idNumber?: string;
                            phone?: string;
                            address?: string;
                        };
                        dealer?: {
                            name?: string;
                            address?: string;
                            phone?: string;
                            creditCode?: string;
                        };
                        extra?: {
                            [key: string]: string;
                        };
                        locale?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contract: {
                                id: string;
                                /** @enum {string} */
                                status: "generated" | "signed" | "voided";
                                orderId: string;
                                orderVersion: number;
                                templateId: string;
                                templateVersion?: string;
                                renderedSha256: string;
                                signedBy: {
                                    /** @enum {string} */
                                    party: "customer" | "dealer" | "guarantor";
                                    name: string;
                                    customerId?: string;
                                    salespersonId?: string;
                                }[];
                                /** Format: date-time */
                                signedAt?: string;
                                documentRef?: string;
                                /** Format: date-time */
                                voidedAt?: string;
                                voidReason?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                text: string;
                            };
                            order: {
                                id: string;
                                orderNumber: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                customerId: string;
                                storeId: string;
                                salespersonId: string;
                                opportunityId?: string;
                                leadId?: string;
                                campaignId?: string;
                                vehicle: {
                                    /** @enum {string} */
                                    kind: "stock";
                                    vehicleId?: string;
                                    vin?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "configuration";
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                allocatedVehicleId?: string;
                                lines: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeIn?: {
                                    vin?: string;
                                    brand: string;
                                    model: string;
                                    year?: number;
                                    mileageKm: number;
                                    appraisedValue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    appraisedBy?: string;
                                    /** Format: date-time */
                                    appraisedAt?: string;
                                };
                                financing?: {
                                    lender: string;
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    termMonths: number;
                                    annualRateBps: number;
                                    /**
                                     * @default equal_instalment
                                     * @enum {string}
                                     */
                                    method: "equal_instalment" | "equal_principal";
                                };
                                /** Format: date */
                                requestedDeliveryDate?: string;
                                /** Format: date */
                                expectedDeliveryDate?: string;
                                contractId?: string;
                                termsVersion?: number;
                                approvals: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                    /** @enum {string} */
                                    decision: "approved" | "rejected";
                                    role?: string;
                                    rules: string[];
                                    note?: string;
                                }[];
                                statusHistory: {
                                    /** @enum {string} */
                                    from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** Format: date-time */
                                    at: string;
                                    by?: string;
                                    note?: string;
                                }[];
                                cancelReason?: string;
                                /** Format: date-time */
                                deliveredAt?: string;
                                notes?: string;
                                attributes: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                totals: {
                                    currency: string;
                                    subtotal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    discounts: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    fees: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    tradeInCredit: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    taxableBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vat: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vatIncluded: boolean;
                                    total: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxFull: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxRelief: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTax: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    amountFinanced: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    balanceDue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                loanSchedule?: {
                                    /** @enum {string} */
                                    method: "equal_instalment" | "equal_principal";
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    annualRateBps: number;
                                    termMonths: number;
                                    rows: {
                                        period: number;
                                        payment: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        principal: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        interest: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        remaining: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                    }[];
                                    totalPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    totalInterest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                pendingApproval?: {
                                    approvers: string[];
                                    waitingFor: string[];
                                    reasons: {
                                        /** @enum {string} */
                                        rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                        approver: string;
                                        message: string;
                                    }[];
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{id}/contract/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record who signed the order's current contract and when (the SHA-256 of the signed text must match), and move the order to contracted */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        renderedSha256: string;
                        signedBy: {
                            /** @enum {string} */
                            party: "customer" | "dealer" | "guarantor";
                            name: string;
                            customerId?: string;
                            salespersonId?: string;
                        }[];
                        /** Format: date-time */
                        signedAt?: string;
                        documentRef?: string;
                        by?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contract: {
                                id: string;
                                /** @enum {string} */
                                status: "generated" | "signed" | "voided";
                                orderId: string;
                                orderVersion: number;
                                templateId: string;
                                templateVersion?: string;
                                renderedSha256: string;
                                signedBy: {
                                    /** @enum {string} */
                                    party: "customer" | "dealer" | "guarantor";
                                    name: string;
                                    customerId?: string;
                                    salespersonId?: string;
                                }[];
                                /** Format: date-time */
                                signedAt?: string;
                                documentRef?: string;
                                /** Format: date-time */
                                voidedAt?: string;
                                voidReason?: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                text: string;
                            };
                            order: {
                                id: string;
                                orderNumber: string;
                                /** @enum {string} */
                                status: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                customerId: string;
                                storeId: string;
                                salespersonId: string;
                                opportunityId?: string;
                                leadId?: string;
                                campaignId?: string;
                                vehicle: {
                                    /** @enum {string} */
                                    kind: "stock";
                                    vehicleId?: string;
                                    vin?: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "configuration";
                                    code?: string;
                                    brand: string;
                                    series: string;
                                    model: string;
                                    trim?: string;
                                    year?: number;
                                    exteriorColour?: string;
                                    interiorColour?: string;
                                    /** @default [] */
                                    optionCodes: string[];
                                };
                                allocatedVehicleId?: string;
                                lines: {
                                    /** @enum {string} */
                                    kind: "vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit";
                                    description: string;
                                    code?: string;
                                    /** @default 1 */
                                    quantity: number;
                                    amount: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                }[];
                                total: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                                tradeIn?: {
                                    vin?: string;
                                    brand: string;
                                    model: string;
                                    year?: number;
                                    mileageKm: number;
                                    appraisedValue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    appraisedBy?: string;
                                    /** Format: date-time */
                                    appraisedAt?: string;
                                };
                                financing?: {
                                    lender: string;
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    termMonths: number;
                                    annualRateBps: number;
                                    /**
                                     * @default equal_instalment
                                     * @enum {string}
                                     */
                                    method: "equal_instalment" | "equal_principal";
                                };
                                /** Format: date */
                                requestedDeliveryDate?: string;
                                /** Format: date */
                                expectedDeliveryDate?: string;
                                contractId?: string;
                                termsVersion?: number;
                                approvals: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                    /** @enum {string} */
                                    decision: "approved" | "rejected";
                                    role?: string;
                                    rules: string[];
                                    note?: string;
                                }[];
                                statusHistory: {
                                    /** @enum {string} */
                                    from: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** @enum {string} */
                                    to: "draft" | "submitted" | "approved" | "contracted" | "allocated" | "in_transit" | "arrived" | "delivered" | "cancelled";
                                    /** Format: date-time */
                                    at: string;
                                    by?: string;
                                    note?: string;
                                }[];
                                cancelReason?: string;
                                /** Format: date-time */
                                deliveredAt?: string;
                                notes?: string;
                                attributes: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                totals: {
                                    currency: string;
                                    subtotal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    discounts: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    fees: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    tradeInCredit: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    taxableBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vat: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    vatIncluded: boolean;
                                    total: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxBase: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxFull: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTaxRelief: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    purchaseTax: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    downPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    amountFinanced: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    balanceDue: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                loanSchedule?: {
                                    /** @enum {string} */
                                    method: "equal_instalment" | "equal_principal";
                                    principal: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    annualRateBps: number;
                                    termMonths: number;
                                    rows: {
                                        period: number;
                                        payment: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        principal: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        interest: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                        remaining: {
                                            amount: number;
                                            /** @default CNY */
                                            currency: string;
                                        };
                                    }[];
                                    totalPayment: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                    totalInterest: {
                                        amount: number;
                                        /** @default CNY */
                                        currency: string;
                                    };
                                };
                                pendingApproval?: {
                                    approvers: string[];
                                    waitingFor: string[];
                                    reasons: {
                                        /** @enum {string} */
                                        rule: "down_payment" | "discount" | "floor_price" | "configuration";
                                        approver: string;
                                        message: string;
                                    }[];
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contract-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace one of the group's contract templates (admin); `default` replaces the shipped template. Unknown placeholders are refused */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "html" | "text";
                        body: string;
                        templateVersion?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "html" | "text";
                            body: string;
                            templateVersion?: string;
                            placeholders: string[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/order-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The group's order rules in force (approval, tax, changes), every field filled in; `overrides` is what the group set, the rest is the SDK's default. Admin, finance and manager keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderRules"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Replace the group's order rules (the SDK's approval, tax and change rules; a section or field left out follows the SDK's default); admin and finance group keys */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrderRulesBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderRules"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders and revenue by model, period, store and salesperson over the orders entered in [from, to) (drafts and cancellations left out) */
        get: {
            parameters: {
                query?: {
                    storeId?: string;
                    salespersonId?: string;
                    from?: string;
                    to?: string;
                    period?: "day" | "week" | "month";
                    timeZone?: string;
                    dateField?: "createdAt" | "deliveredAt";
                    currency?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            /** @enum {string} */
                            period: "day" | "week" | "month";
                            timeZone: string;
                            orders: number;
                            revenue: {
                                amount: number;
                                /** @default CNY */
                                currency: string;
                            };
                            byModel: {
                                key: string;
                                orders: number;
                                revenue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            byPeriod: {
                                key: string;
                                orders: number;
                                revenue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            byStore: {
                                key: string;
                                orders: number;
                                revenue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            bySalesperson: {
                                key: string;
                                orders: number;
                                revenue: {
                                    amount: number;
                                    /** @default CNY */
                                    currency: string;
                                };
                            }[];
                            skipped: {
                                count: number;
                                examples: {
                                    path: string;
                                    message: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints (oldest first), optionally by status */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "active" | "disabled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookEndpoint"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register an endpoint for outbound events (Standard Webhooks); the response carries its whsec_… secret, shown only this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        description?: string;
                        /**
                         * @default [
                         *       "*"
                         *     ]
                         */
                        eventTypes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint (never its secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint: nothing more is sent to it (pending deliveries fail); its delivery log stays readable */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint's URL, description or event types, or disable/enable it (enabling clears the reason) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url?: string;
                        description?: string | null;
                        eventTypes?: string[];
                        /** @enum {string} */
                        status?: "active" | "disabled";
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an endpoint's secret: the new whsec_… is returned once; for 24 h every delivery carries signatures with the old and the new secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `webhook.test` event to this endpoint (whatever its event types), signed and retried like any delivery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookTest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log (oldest first), by endpoint, status (pending, succeeded, failed, dead) or event */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    endpointId?: string;
                    status?: "pending" | "succeeded" | "failed" | "dead";
                    eventId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDelivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook delivery with every try (status, duration, answer excerpt) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead or failed delivery again: a new series of tries on the full schedule, with the same webhook-id */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The connectors this hub offers: capabilities and each config as JSON Schema (secret fields writeOnly) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Connector"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's connections, oldest first (secrets redacted) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Connection"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Connect a lead source: config validated by its connector, secrets encrypted and never returned; pull connections are scheduled */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        connectorId: string;
                        name: string;
                        /** @description The connector's config (see `configSchema` at GET /v1/connectors) */
                        config: {
                            [key: string]: unknown;
                        };
                        storeId?: string;
                        campaignId?: string;
                        pullIntervalMs?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connection (secrets redacted), with its webhook path and pull state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a connection's name, config (secrets left out or `[redacted]` are kept), defaults, pull interval, or status (`active` re-enables and resumes parked inbox entries) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description The connector's config (see `configSchema` at GET /v1/connectors) */
                        config?: {
                            [key: string]: unknown;
                        };
                        storeId?: string | null;
                        campaignId?: string | null;
                        pullIntervalMs?: number | null;
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/connections/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a connection: its webhook answers 404, its pulls stop, its unprocessed inbox entries wait */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a connection's credentials with the connector's cheap authenticated call */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            detail?: string;
                            reason?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound events as stored, oldest first; `status=dead` lists the dead letters with their reasons */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "received" | "processing" | "processed" | "dead" | "ignored_test";
                    connectionId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["InboxEntry"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbox/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Process a dead letter (or an event kept apart as a test) again, from its stored bytes; a lead it already made is not made twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboxEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/oauth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start OAuth2 authorisation (Xero, QuickBooks, Meta): the provider's authorize URL with state and PKCE S256; `redirect=true` answers 302 */
        get: {
            parameters: {
                query?: {
                    /** @description Answer 302 to the provider instead of JSON */
                    redirect?: "0" | "1" | "true" | "false";
                    /** @description The OAuth2 client (Meta's app id) when the connection's config has none */
                    clientId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OAuthStart"];
                    };
                };
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/order-syncs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pushes of approved orders to finance and ERP destinations (oldest first); `status=dead` lists the dead letters */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "pending" | "synced" | "failed" | "dead" | "waiting_auth";
                    orderId?: string;
                    connectionId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["OrderSync"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/order-syncs/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push a dead order sync again: a new run with the same idempotency key (nothing is created twice) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderSync"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connections/{id}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a CSV or vCard file into a csv_import or vcard connection: one inbox entry (then a lead) per usable row or card, keyed so the same file twice adds nothing; the answer lists each row or card that cannot become a lead, with where it is and why
         * @description The body is the file itself (`Content-Type: text/csv, text/vcard, text/x-vcard, application/octet-stream`), up to 104857600 bytes. The answer (202) comes once every row is in the inbox; the leads follow from the processing jobs. `Idempotency-Key` is not needed: rows are keyed by the file (its `fileId`, else its SHA-256) and their row.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Names the upload for good (the import screen's upload id); without it the file's SHA-256 does, so the same bytes import once */
                    fileId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "text/vcard": string;
                    "text/x-vcard": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorInput: {
            error: {
                code: string;
                message: string;
                details?: {
                    [key: string]: unknown;
                };
            };
        };
        ConnectorInput: {
            id: string;
            title: string;
            description?: string;
            /** @enum {string} */
            direction: "source" | "destination";
            /** @enum {string} */
            auth: "none" | "shared_secret" | "hmac" | "api_key" | "oauth2";
            capabilities: {
                webhook: boolean;
                handshake: boolean;
                fetchReference: boolean;
                pull: boolean;
                testConnection: boolean;
                push: boolean;
                import: boolean;
            };
            defaultBaseUrl?: string;
            configSchema: {
                [key: string]: unknown;
            };
            secretFields: string[];
        };
        ConnectionInput: {
            id: string;
            connectorId: string;
            name: string;
            /** @enum {string} */
            status: "active" | "disabled" | "needs_reauth";
            statusReason: string | null;
            config: {
                [key: string]: unknown;
            };
            storeId: string | null;
            campaignId: string | null;
            pullIntervalMs: number | null;
            hookPath: string | null;
            checkpoint: {
                [key: string]: unknown;
            } | null;
            lastPullAt: string | null;
            lastPullError: string | null;
            pullPausedUntil: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        InboxEntryInput: {
            id: string;
            connectionId: string;
            eventKey: string;
            /** @enum {string} */
            origin: "webhook" | "pull" | "replay" | "upload";
            /** @enum {string} */
            status: "received" | "processing" | "processed" | "dead" | "ignored_test";
            contentType: string | null;
            bodyBytes: number;
            receivedAt: string;
            attempts: number;
            waits: number;
            nextAttemptAt: string | null;
            lastError: string | null;
            errorCode: string | null;
            leadId: string | null;
            processedAt: string | null;
        };
        ImportProblemInput: {
            row?: number;
            card?: number;
            line?: number;
            column?: string;
            message: string;
        };
        ImportReportInput: {
            connectionId: string;
            fileId: string;
            bytes: number;
            items: number;
            accepted: number;
            duplicates: number;
            failed: number;
            problems: components["schemas"]["ImportProblemInput"][];
            problemsOmitted: number;
        };
        AuditEventInput: {
            id: string;
            actorKeyId: string | null;
            action: string;
            entityType: string;
            entityId: string;
            requestId: string | null;
            beforeDigest: string | null;
            afterDigest: string | null;
            occurredAt: string;
        };
        OrderSyncInput: {
            id: string;
            orderId: string;
            termsVersion: number;
            connectionId: string;
            /** @description The destination's connector id (xero, quickbooks …) */
            destination: string;
            /** @description Sent with every try of this push */
            idempotencyKey: string;
            /** @enum {string} */
            status: "pending" | "synced" | "failed" | "dead" | "waiting_auth";
            attempts: number;
            externalId: string | null;
            externalNumber: string | null;
            externalUrl: string | null;
            /** @description The vendor's message for the last failure */
            lastError: string | null;
            errorCode: string | null;
            nextAttemptAt: string | null;
            syncedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        OAuthStartInput: {
            /** @description Send the admin's browser here */
            authorizeUrl: string;
            state: string;
            expiresAt: string;
        };
        OAuthCallbackResultInput: {
            connectionId: string;
            connectorId: string;
            /** @constant */
            status: "active";
            /** @description Order pushes that waited for this authorisation */
            released: number;
        };
        CustomerInput: {
            /** @constant */
            type: "individual";
            id: string;
            name: string;
            contact: {
                phones: string[];
                emails: string[];
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "sms" | "email" | "wechat";
            };
            idDocuments: {
                /** @enum {string} */
                kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                number: string;
            }[];
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            address?: string;
            /** Format: date */
            birthday?: string;
            vehiclesOwned: {
                vin?: string;
                vehicleId?: string;
                plateNumber?: string;
                brand: string;
                series?: string;
                model?: string;
                year?: number;
                /** Format: date */
                purchasedOn?: string;
                /** @default false */
                purchasedFromUs: boolean;
                orderId?: string;
                mileageKm?: number;
                /** Format: date */
                lastServiceOn?: string;
                lastServiceMileageKm?: number;
            }[];
            consent: {
                marketing: boolean;
                /** @default [] */
                channels: ("phone" | "sms" | "email" | "wechat")[];
                /** Format: date-time */
                recordedAt?: string;
                source?: string;
            };
            storeId?: string;
            salespersonId?: string;
            leadId?: string;
            tags: string[];
            notes?: string;
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        } | {
            /** @constant */
            type: "business";
            id: string;
            name: string;
            contact: {
                phones: string[];
                emails: string[];
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "sms" | "email" | "wechat";
            };
            idDocuments: {
                /** @enum {string} */
                kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                number: string;
            }[];
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            address?: string;
            /** Format: date */
            birthday?: string;
            vehiclesOwned: {
                vin?: string;
                vehicleId?: string;
                plateNumber?: string;
                brand: string;
                series?: string;
                model?: string;
                year?: number;
                /** Format: date */
                purchasedOn?: string;
                /** @default false */
                purchasedFromUs: boolean;
                orderId?: string;
                mileageKm?: number;
                /** Format: date */
                lastServiceOn?: string;
                lastServiceMileageKm?: number;
            }[];
            consent: {
                marketing: boolean;
                /** @default [] */
                channels: ("phone" | "sms" | "email" | "wechat")[];
                /** Format: date-time */
                recordedAt?: string;
                source?: string;
            };
            storeId?: string;
            salespersonId?: string;
            leadId?: string;
            tags: string[];
            notes?: string;
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            companyName: string;
        } | {
            /** @constant */
            type: "fleet";
            id: string;
            name: string;
            contact: {
                phones: string[];
                emails: string[];
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "sms" | "email" | "wechat";
            };
            idDocuments: {
                /** @enum {string} */
                kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                number: string;
            }[];
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            address?: string;
            /** Format: date */
            birthday?: string;
            vehiclesOwned: {
                vin?: string;
                vehicleId?: string;
                plateNumber?: string;
                brand: string;
                series?: string;
                model?: string;
                year?: number;
                /** Format: date */
                purchasedOn?: string;
                /** @default false */
                purchasedFromUs: boolean;
                orderId?: string;
                mileageKm?: number;
                /** Format: date */
                lastServiceOn?: string;
                lastServiceMileageKm?: number;
            }[];
            consent: {
                marketing: boolean;
                /** @default [] */
                channels: ("phone" | "sms" | "email" | "wechat")[];
                /** Format: date-time */
                recordedAt?: string;
                source?: string;
            };
            storeId?: string;
            salespersonId?: string;
            leadId?: string;
            tags: string[];
            notes?: string;
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            companyName: string;
            fleetSize: number;
        };
        LeadInput: {
            id: string;
            /** @enum {string} */
            status: "new" | "contacted" | "qualified" | "converted" | "ordered" | "lost" | "dormant";
            source: string;
            /** @enum {string} */
            channel: "portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other";
            campaignId?: string;
            externalId?: string;
            customerId?: string;
            /** @enum {string} */
            customerType: "individual" | "business" | "fleet";
            contact: {
                name?: string;
                phone?: string;
                email?: string;
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "email" | "wechat" | "sms";
            };
            companyName?: string;
            fleetSize?: number;
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            storeId?: string;
            teamId?: string;
            salespersonId?: string;
            interest: {
                brand?: string;
                series?: string;
                model?: string;
                trim?: string;
                year?: number;
                /** @enum {string} */
                condition?: "new" | "used" | "demo";
                vin?: string;
                vehicleId?: string;
                price?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
            };
            budget?: {
                min?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
                max?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
            };
            /** @enum {string} */
            timeframe: "within_7_days" | "within_15_days" | "within_30_days" | "within_3_months" | "over_3_months" | "unknown";
            /** @enum {string} */
            intent: "high" | "medium" | "low" | "unknown";
            engagement: {
                /** @default false */
                testDriveRequested: boolean;
                /** @default false */
                visitBooked: boolean;
                /** @default false */
                quoteRequested: boolean;
                /** @default false */
                financingAsked: boolean;
                /** @default false */
                tradeInOffered: boolean;
            };
            message?: string;
            attributes: {
                [key: string]: string;
            };
            grade?: string;
            /** @default [] */
            gradeReasons: {
                code: string;
                message: string;
            }[];
            gradeOverride?: {
                grade: string;
                reason: string;
                by: string;
            };
            /** @default [] */
            assignmentReasons: {
                code: string;
                message: string;
            }[];
            lostReason?: string;
            opportunityId?: string;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            assignedAt?: string;
            /** Format: date-time */
            firstContactAt?: string;
            /** Format: date-time */
            lastActivityAt?: string;
            /** @default 1 */
            touchpointCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            computedGrade?: string;
            gradeScore?: number;
            consent?: {
                marketing: boolean;
            };
        };
        TouchpointInput: {
            id: string;
            leadId: string;
            source: string;
            /** @enum {string} */
            channel: "portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other";
            campaignId?: string;
            externalId?: string;
            /** Format: date-time */
            occurredAt: string;
            interest?: {
                brand?: string;
                series?: string;
                model?: string;
                trim?: string;
                year?: number;
                /** @enum {string} */
                condition?: "new" | "used" | "demo";
                vin?: string;
                vehicleId?: string;
                price?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
            };
            message?: string;
            /** @default {} */
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
        };
        FollowUpTaskInput: {
            id: string;
            leadId: string;
            salespersonId?: string;
            /** @enum {string} */
            kind: "first_contact" | "follow_up";
            sequence: number;
            /** @enum {string} */
            status: "open" | "snoozed" | "completed" | "cancelled";
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            snoozedUntil?: string;
            /** Format: date-time */
            escalateAt?: string;
            escalateToId?: string;
            /** Format: date-time */
            completedAt?: string;
            note?: string;
            reasons: {
                code: string;
                message: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        LeadIntakeInput: {
            merged: boolean;
            leadId: string;
            lead?: components["schemas"]["LeadInput"];
            touchpoint: components["schemas"]["TouchpointInput"];
            tasks: components["schemas"]["FollowUpTaskInput"][];
            reasons: {
                code: string;
                message: string;
            }[];
            warnings: {
                code: string;
                message: string;
            }[];
        };
        AssignmentRuleInput: {
            id: string;
            description?: string;
            when: {
                regions?: string[];
                cities?: string[];
                customerTypes?: ("individual" | "business" | "fleet")[];
                brands?: string[];
                series?: string[];
                sources?: string[];
                channels?: ("portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other")[];
                grades?: string[];
            };
            target: {
                storeId?: string;
                teamId?: string;
                salespersonIds?: string[];
            };
            /** @enum {string} */
            strategy: "round_robin" | "least_loaded";
            onShiftOnly: boolean;
            existingRelationshipFirst: boolean;
        };
        AssignmentRulesInput: {
            configured: boolean;
            rules: components["schemas"]["AssignmentRuleInput"][];
            /** @enum {string} */
            fallback: "pool" | "manager";
            version: number;
            /** Format: date-time */
            updatedAt?: string;
        };
        OrderRulesBodyInput: {
            /** @description The SDK's approval rules (approvalRulesSchema): minimum down payment, discount limits, floor price, configuration; `null` switches a rule off */
            approval?: {
                downPayment?: {
                    minShareBps: number;
                    approver: string;
                } | null;
                discount?: {
                    aboveShareBps?: number;
                    aboveAmount?: number;
                    approver: string;
                }[];
                floorPrice?: {
                    approver: string;
                } | null;
                configuration?: {
                    approver: string;
                } | null;
            };
            /** @description The SDK's tax rules (taxRulesSchema): VAT rate and base, purchase tax, new-energy relief, rounding */
            tax?: {
                pricesIncludeVat?: boolean;
                vatRateBps?: number;
                vatKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                purchaseTaxRateBps?: number;
                purchaseTaxKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                /** @enum {string} */
                nevPurchaseTaxRelief?: "none" | "exempt" | "halved";
                nevPurchaseTaxReliefCap?: number;
                /** @enum {string} */
                rounding?: "half-up" | "half-even" | "down" | "up";
            };
            /** @description The SDK's change rules (orderChangeRulesSchema) without `approval`: a price or configuration change runs the approval rules above */
            changes?: {
                deliveryDateToleranceDays?: number;
                deliveryDateApprover?: string;
                configurationApprover?: string | null;
            };
            /** @description The version you read (0 before any rules are set); a change since answers 409 */
            version?: number;
        };
        OrderRulesInput: {
            /** @description The approval rules in force, every field filled in */
            approval: {
                /**
                 * @default {
                 *       "minShareBps": 2000,
                 *       "approver": "finance"
                 *     }
                 */
                downPayment: {
                    minShareBps: number;
                    approver: string;
                } | null;
                /**
                 * @default [
                 *       {
                 *         "aboveShareBps": 500,
                 *         "approver": "manager"
                 *       },
                 *       {
                 *         "aboveShareBps": 1000,
                 *         "approver": "general_manager"
                 *       }
                 *     ]
                 */
                discount: {
                    aboveShareBps?: number;
                    aboveAmount?: number;
                    approver: string;
                }[];
                /**
                 * @default {
                 *       "approver": "general_manager"
                 *     }
                 */
                floorPrice: {
                    approver: string;
                } | null;
                /**
                 * @default {
                 *       "approver": "manager"
                 *     }
                 */
                configuration: {
                    approver: string;
                } | null;
            };
            /** @description The tax rules in force, every field filled in */
            tax: {
                /** @default true */
                pricesIncludeVat: boolean;
                /** @default 1300 */
                vatRateBps: number;
                /**
                 * @default [
                 *       "vehicle",
                 *       "option",
                 *       "accessory",
                 *       "discount"
                 *     ]
                 */
                vatKinds: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                /** @default 1000 */
                purchaseTaxRateBps: number;
                /**
                 * @default [
                 *       "vehicle",
                 *       "option",
                 *       "discount"
                 *     ]
                 */
                purchaseTaxKinds: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                /**
                 * @default none
                 * @enum {string}
                 */
                nevPurchaseTaxRelief: "none" | "exempt" | "halved";
                nevPurchaseTaxReliefCap?: number;
                /**
                 * @default half-up
                 * @enum {string}
                 */
                rounding: "half-up" | "half-even" | "down" | "up";
            };
            /** @description The change rules in force, every field filled in */
            changes: {
                /** @default 7 */
                deliveryDateToleranceDays: number;
                /** @default manager */
                deliveryDateApprover: string;
                /** @default manager */
                configurationApprover: string | null;
            };
            /** @description Exactly what the group set; a section or field missing here is the SDK's default and follows it in later releases */
            overrides: {
                /** @description The SDK's approval rules (approvalRulesSchema): minimum down payment, discount limits, floor price, configuration; `null` switches a rule off */
                approval?: {
                    downPayment?: {
                        minShareBps: number;
                        approver: string;
                    } | null;
                    discount?: {
                        aboveShareBps?: number;
                        aboveAmount?: number;
                        approver: string;
                    }[];
                    floorPrice?: {
                        approver: string;
                    } | null;
                    configuration?: {
                        approver: string;
                    } | null;
                };
                /** @description The SDK's tax rules (taxRulesSchema): VAT rate and base, purchase tax, new-energy relief, rounding */
                tax?: {
                    pricesIncludeVat?: boolean;
                    vatRateBps?: number;
                    vatKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                    purchaseTaxRateBps?: number;
                    purchaseTaxKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                    /** @enum {string} */
                    nevPurchaseTaxRelief?: "none" | "exempt" | "halved";
                    nevPurchaseTaxReliefCap?: number;
                    /** @enum {string} */
                    rounding?: "half-up" | "half-even" | "down" | "up";
                };
                /** @description The SDK's change rules (orderChangeRulesSchema) without `approval`: a price or configuration change runs the approval rules above */
                changes?: {
                    deliveryDateToleranceDays?: number;
                    deliveryDateApprover?: string;
                    configurationApprover?: string | null;
                };
            };
            /** @description 0 until rules are first set */
            version: number;
            /** Format: date-time */
            updatedAt?: string;
        };
        WebhookEndpointInput: {
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            disabledAt: string | null;
            previousSecretExpiresAt: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        WebhookEndpointWithSecretInput: {
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            disabledAt: string | null;
            previousSecretExpiresAt: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
            secret: string;
        };
        WebhookDeliveryAttemptInput: {
            id: string;
            series: number;
            attempt: number;
            startedAt: string;
            durationMs: number;
            responseStatus: number | null;
            responseBody: string | null;
            error: string | null;
            /** @enum {string} */
            outcome: "succeeded" | "retry" | "failed" | "dead";
            nextAttemptAt: string | null;
        };
        WebhookDeliveryInput: {
            id: string;
            endpointId: string;
            eventId: string;
            eventType: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "dead";
            series: number;
            attemptCount: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            lastResponseStatus: number | null;
            lastResponseBody: string | null;
            lastError: string | null;
            succeededAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        WebhookDeliveryDetailInput: {
            id: string;
            endpointId: string;
            eventId: string;
            eventType: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "dead";
            series: number;
            attemptCount: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            lastResponseStatus: number | null;
            lastResponseBody: string | null;
            lastError: string | null;
            succeededAt: string | null;
            createdAt: string;
            updatedAt: string;
            attempts: components["schemas"]["WebhookDeliveryAttemptInput"][];
        };
        WebhookTestInput: {
            eventId: string;
            deliveryId: string;
        };
        Error: {
            error: {
                code: string;
                message: string;
                details?: {
                    [key: string]: unknown;
                };
            };
        };
        Connector: {
            id: string;
            title: string;
            description?: string;
            /** @enum {string} */
            direction: "source" | "destination";
            /** @enum {string} */
            auth: "none" | "shared_secret" | "hmac" | "api_key" | "oauth2";
            capabilities: {
                webhook: boolean;
                handshake: boolean;
                fetchReference: boolean;
                pull: boolean;
                testConnection: boolean;
                push: boolean;
                import: boolean;
            };
            defaultBaseUrl?: string;
            configSchema: {
                [key: string]: unknown;
            };
            secretFields: string[];
        };
        Connection: {
            id: string;
            connectorId: string;
            name: string;
            /** @enum {string} */
            status: "active" | "disabled" | "needs_reauth";
            statusReason: string | null;
            config: {
                [key: string]: unknown;
            };
            storeId: string | null;
            campaignId: string | null;
            pullIntervalMs: number | null;
            hookPath: string | null;
            checkpoint: {
                [key: string]: unknown;
            } | null;
            lastPullAt: string | null;
            lastPullError: string | null;
            pullPausedUntil: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        InboxEntry: {
            id: string;
            connectionId: string;
            eventKey: string;
            /** @enum {string} */
            origin: "webhook" | "pull" | "replay" | "upload";
            /** @enum {string} */
            status: "received" | "processing" | "processed" | "dead" | "ignored_test";
            contentType: string | null;
            bodyBytes: number;
            receivedAt: string;
            attempts: number;
            waits: number;
            nextAttemptAt: string | null;
            lastError: string | null;
            errorCode: string | null;
            leadId: string | null;
            processedAt: string | null;
        };
        ImportProblem: {
            row?: number;
            card?: number;
            line?: number;
            column?: string;
            message: string;
        };
        ImportReport: {
            connectionId: string;
            fileId: string;
            bytes: number;
            items: number;
            accepted: number;
            duplicates: number;
            failed: number;
            problems: components["schemas"]["ImportProblem"][];
            problemsOmitted: number;
        };
        AuditEvent: {
            id: string;
            actorKeyId: string | null;
            action: string;
            entityType: string;
            entityId: string;
            requestId: string | null;
            beforeDigest: string | null;
            afterDigest: string | null;
            occurredAt: string;
        };
        OrderSync: {
            id: string;
            orderId: string;
            termsVersion: number;
            connectionId: string;
            /** @description The destination's connector id (xero, quickbooks …) */
            destination: string;
            /** @description Sent with every try of this push */
            idempotencyKey: string;
            /** @enum {string} */
            status: "pending" | "synced" | "failed" | "dead" | "waiting_auth";
            attempts: number;
            externalId: string | null;
            externalNumber: string | null;
            externalUrl: string | null;
            /** @description The vendor's message for the last failure */
            lastError: string | null;
            errorCode: string | null;
            nextAttemptAt: string | null;
            syncedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        OAuthStart: {
            /** @description Send the admin's browser here */
            authorizeUrl: string;
            state: string;
            expiresAt: string;
        };
        OAuthCallbackResult: {
            connectionId: string;
            connectorId: string;
            /** @constant */
            status: "active";
            /** @description Order pushes that waited for this authorisation */
            released: number;
        };
        Customer: {
            /** @constant */
            type: "individual";
            id: string;
            name: string;
            contact: {
                phones: string[];
                emails: string[];
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "sms" | "email" | "wechat";
            };
            idDocuments: {
                /** @enum {string} */
                kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                number: string;
            }[];
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            address?: string;
            /** Format: date */
            birthday?: string;
            vehiclesOwned: {
                vin?: string;
                vehicleId?: string;
                plateNumber?: string;
                brand: string;
                series?: string;
                model?: string;
                year?: number;
                /** Format: date */
                purchasedOn?: string;
                /** @default false */
                purchasedFromUs: boolean;
                orderId?: string;
                mileageKm?: number;
                /** Format: date */
                lastServiceOn?: string;
                lastServiceMileageKm?: number;
            }[];
            consent: {
                marketing: boolean;
                /** @default [] */
                channels: ("phone" | "sms" | "email" | "wechat")[];
                /** Format: date-time */
                recordedAt?: string;
                source?: string;
            };
            storeId?: string;
            salespersonId?: string;
            leadId?: string;
            tags: string[];
            notes?: string;
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        } | {
            /** @constant */
            type: "business";
            id: string;
            name: string;
            contact: {
                phones: string[];
                emails: string[];
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "sms" | "email" | "wechat";
            };
            idDocuments: {
                /** @enum {string} */
                kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                number: string;
            }[];
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            address?: string;
            /** Format: date */
            birthday?: string;
            vehiclesOwned: {
                vin?: string;
                vehicleId?: string;
                plateNumber?: string;
                brand: string;
                series?: string;
                model?: string;
                year?: number;
                /** Format: date */
                purchasedOn?: string;
                /** @default false */
                purchasedFromUs: boolean;
                orderId?: string;
                mileageKm?: number;
                /** Format: date */
                lastServiceOn?: string;
                lastServiceMileageKm?: number;
            }[];
            consent: {
                marketing: boolean;
                /** @default [] */
                channels: ("phone" | "sms" | "email" | "wechat")[];
                /** Format: date-time */
                recordedAt?: string;
                source?: string;
            };
            storeId?: string;
            salespersonId?: string;
            leadId?: string;
            tags: string[];
            notes?: string;
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            companyName: string;
        } | {
            /** @constant */
            type: "fleet";
            id: string;
            name: string;
            contact: {
                phones: string[];
                emails: string[];
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "sms" | "email" | "wechat";
            };
            idDocuments: {
                /** @enum {string} */
                kind: "resident_id" | "passport" | "hk_macao_permit" | "taiwan_permit" | "unified_social_credit_code" | "other";
                number: string;
            }[];
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            address?: string;
            /** Format: date */
            birthday?: string;
            vehiclesOwned: {
                vin?: string;
                vehicleId?: string;
                plateNumber?: string;
                brand: string;
                series?: string;
                model?: string;
                year?: number;
                /** Format: date */
                purchasedOn?: string;
                /** @default false */
                purchasedFromUs: boolean;
                orderId?: string;
                mileageKm?: number;
                /** Format: date */
                lastServiceOn?: string;
                lastServiceMileageKm?: number;
            }[];
            consent: {
                marketing: boolean;
                /** @default [] */
                channels: ("phone" | "sms" | "email" | "wechat")[];
                /** Format: date-time */
                recordedAt?: string;
                source?: string;
            };
            storeId?: string;
            salespersonId?: string;
            leadId?: string;
            tags: string[];
            notes?: string;
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            companyName: string;
            fleetSize: number;
        };
        Lead: {
            id: string;
            /** @enum {string} */
            status: "new" | "contacted" | "qualified" | "converted" | "ordered" | "lost" | "dormant";
            source: string;
            /** @enum {string} */
            channel: "portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other";
            campaignId?: string;
            externalId?: string;
            customerId?: string;
            /** @enum {string} */
            customerType: "individual" | "business" | "fleet";
            contact: {
                name?: string;
                phone?: string;
                email?: string;
                wechat?: string;
                /** @enum {string} */
                preferred?: "phone" | "email" | "wechat" | "sms";
            };
            companyName?: string;
            fleetSize?: number;
            /** @enum {string} */
            region?: "110000" | "120000" | "130000" | "140000" | "150000" | "210000" | "220000" | "230000" | "310000" | "320000" | "330000" | "340000" | "350000" | "360000" | "370000" | "410000" | "420000" | "430000" | "440000" | "450000" | "460000" | "500000" | "510000" | "520000" | "530000" | "540000" | "610000" | "620000" | "630000" | "640000" | "650000" | "710000" | "810000" | "820000";
            city?: string;
            storeId?: string;
            teamId?: string;
            salespersonId?: string;
            interest: {
                brand?: string;
                series?: string;
                model?: string;
                trim?: string;
                year?: number;
                /** @enum {string} */
                condition?: "new" | "used" | "demo";
                vin?: string;
                vehicleId?: string;
                price?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
            };
            budget?: {
                min?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
                max?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
            };
            /** @enum {string} */
            timeframe: "within_7_days" | "within_15_days" | "within_30_days" | "within_3_months" | "over_3_months" | "unknown";
            /** @enum {string} */
            intent: "high" | "medium" | "low" | "unknown";
            engagement: {
                /** @default false */
                testDriveRequested: boolean;
                /** @default false */
                visitBooked: boolean;
                /** @default false */
                quoteRequested: boolean;
                /** @default false */
                financingAsked: boolean;
                /** @default false */
                tradeInOffered: boolean;
            };
            message?: string;
            attributes: {
                [key: string]: string;
            };
            grade?: string;
            /** @default [] */
            gradeReasons: {
                code: string;
                message: string;
            }[];
            gradeOverride?: {
                grade: string;
                reason: string;
                by: string;
            };
            /** @default [] */
            assignmentReasons: {
                code: string;
                message: string;
            }[];
            lostReason?: string;
            opportunityId?: string;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            assignedAt?: string;
            /** Format: date-time */
            firstContactAt?: string;
            /** Format: date-time */
            lastActivityAt?: string;
            /** @default 1 */
            touchpointCount: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            computedGrade?: string;
            gradeScore?: number;
            consent?: {
                marketing: boolean;
            };
        };
        Touchpoint: {
            id: string;
            leadId: string;
            source: string;
            /** @enum {string} */
            channel: "portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other";
            campaignId?: string;
            externalId?: string;
            /** Format: date-time */
            occurredAt: string;
            interest?: {
                brand?: string;
                series?: string;
                model?: string;
                trim?: string;
                year?: number;
                /** @enum {string} */
                condition?: "new" | "used" | "demo";
                vin?: string;
                vehicleId?: string;
                price?: {
                    amount: number;
                    /** @default CNY */
                    currency: string;
                };
            };
            message?: string;
            /** @default {} */
            attributes: {
                [key: string]: string;
            };
            /** Format: date-time */
            createdAt: string;
        };
        FollowUpTask: {
            id: string;
            leadId: string;
            salespersonId?: string;
            /** @enum {string} */
            kind: "first_contact" | "follow_up";
            sequence: number;
            /** @enum {string} */
            status: "open" | "snoozed" | "completed" | "cancelled";
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            snoozedUntil?: string;
            /** Format: date-time */
            escalateAt?: string;
            escalateToId?: string;
            /** Format: date-time */
            completedAt?: string;
            note?: string;
            reasons: {
                code: string;
                message: string;
            }[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        LeadIntake: {
            merged: boolean;
            leadId: string;
            lead?: components["schemas"]["Lead"];
            touchpoint: components["schemas"]["Touchpoint"];
            tasks: components["schemas"]["FollowUpTask"][];
            reasons: {
                code: string;
                message: string;
            }[];
            warnings: {
                code: string;
                message: string;
            }[];
        };
        AssignmentRule: {
            id: string;
            description?: string;
            when: {
                regions?: string[];
                cities?: string[];
                customerTypes?: ("individual" | "business" | "fleet")[];
                brands?: string[];
                series?: string[];
                sources?: string[];
                channels?: ("portal" | "social" | "ads" | "website" | "walk_in" | "phone" | "event" | "referral" | "import" | "other")[];
                grades?: string[];
            };
            target: {
                storeId?: string;
                teamId?: string;
                salespersonIds?: string[];
            };
            /** @enum {string} */
            strategy: "round_robin" | "least_loaded";
            onShiftOnly: boolean;
            existingRelationshipFirst: boolean;
        };
        AssignmentRules: {
            configured: boolean;
            rules: components["schemas"]["AssignmentRule"][];
            /** @enum {string} */
            fallback: "pool" | "manager";
            version: number;
            /** Format: date-time */
            updatedAt?: string;
        };
        OrderRulesBody: {
            /** @description The SDK's approval rules (approvalRulesSchema): minimum down payment, discount limits, floor price, configuration; `null` switches a rule off */
            approval?: {
                downPayment?: {
                    minShareBps: number;
                    approver: string;
                } | null;
                discount?: {
                    aboveShareBps?: number;
                    aboveAmount?: number;
                    approver: string;
                }[];
                floorPrice?: {
                    approver: string;
                } | null;
                configuration?: {
                    approver: string;
                } | null;
            };
            /** @description The SDK's tax rules (taxRulesSchema): VAT rate and base, purchase tax, new-energy relief, rounding */
            tax?: {
                pricesIncludeVat?: boolean;
                vatRateBps?: number;
                vatKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                purchaseTaxRateBps?: number;
                purchaseTaxKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                /** @enum {string} */
                nevPurchaseTaxRelief?: "none" | "exempt" | "halved";
                nevPurchaseTaxReliefCap?: number;
                /** @enum {string} */
                rounding?: "half-up" | "half-even" | "down" | "up";
            };
            /** @description The SDK's change rules (orderChangeRulesSchema) without `approval`: a price or configuration change runs the approval rules above */
            changes?: {
                deliveryDateToleranceDays?: number;
                deliveryDateApprover?: string;
                configurationApprover?: string | null;
            };
            /** @description The version you read (0 before any rules are set); a change since answers 409 */
            version?: number;
        };
        OrderRules: {
            /** @description The approval rules in force, every field filled in */
            approval: {
                /**
                 * @default {
                 *       "minShareBps": 2000,
                 *       "approver": "finance"
                 *     }
                 */
                downPayment: {
                    minShareBps: number;
                    approver: string;
                } | null;
                /**
                 * @default [
                 *       {
                 *         "aboveShareBps": 500,
                 *         "approver": "manager"
                 *       },
                 *       {
                 *         "aboveShareBps": 1000,
                 *         "approver": "general_manager"
                 *       }
                 *     ]
                 */
                discount: {
                    aboveShareBps?: number;
                    aboveAmount?: number;
                    approver: string;
                }[];
                /**
                 * @default {
                 *       "approver": "general_manager"
                 *     }
                 */
                floorPrice: {
                    approver: string;
                } | null;
                /**
                 * @default {
                 *       "approver": "manager"
                 *     }
                 */
                configuration: {
                    approver: string;
                } | null;
            };
            /** @description The tax rules in force, every field filled in */
            tax: {
                /** @default true */
                pricesIncludeVat: boolean;
                /** @default 1300 */
                vatRateBps: number;
                /**
                 * @default [
                 *       "vehicle",
                 *       "option",
                 *       "accessory",
                 *       "discount"
                 *     ]
                 */
                vatKinds: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                /** @default 1000 */
                purchaseTaxRateBps: number;
                /**
                 * @default [
                 *       "vehicle",
                 *       "option",
                 *       "discount"
                 *     ]
                 */
                purchaseTaxKinds: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                /**
                 * @default none
                 * @enum {string}
                 */
                nevPurchaseTaxRelief: "none" | "exempt" | "halved";
                nevPurchaseTaxReliefCap?: number;
                /**
                 * @default half-up
                 * @enum {string}
                 */
                rounding: "half-up" | "half-even" | "down" | "up";
            };
            /** @description The change rules in force, every field filled in */
            changes: {
                /** @default 7 */
                deliveryDateToleranceDays: number;
                /** @default manager */
                deliveryDateApprover: string;
                /** @default manager */
                configurationApprover: string | null;
            };
            /** @description Exactly what the group set; a section or field missing here is the SDK's default and follows it in later releases */
            overrides: {
                /** @description The SDK's approval rules (approvalRulesSchema): minimum down payment, discount limits, floor price, configuration; `null` switches a rule off */
                approval?: {
                    downPayment?: {
                        minShareBps: number;
                        approver: string;
                    } | null;
                    discount?: {
                        aboveShareBps?: number;
                        aboveAmount?: number;
                        approver: string;
                    }[];
                    floorPrice?: {
                        approver: string;
                    } | null;
                    configuration?: {
                        approver: string;
                    } | null;
                };
                /** @description The SDK's tax rules (taxRulesSchema): VAT rate and base, purchase tax, new-energy relief, rounding */
                tax?: {
                    pricesIncludeVat?: boolean;
                    vatRateBps?: number;
                    vatKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                    purchaseTaxRateBps?: number;
                    purchaseTaxKinds?: ("vehicle" | "option" | "accessory" | "fee" | "discount" | "trade_in_credit")[];
                    /** @enum {string} */
                    nevPurchaseTaxRelief?: "none" | "exempt" | "halved";
                    nevPurchaseTaxReliefCap?: number;
                    /** @enum {string} */
                    rounding?: "half-up" | "half-even" | "down" | "up";
                };
                /** @description The SDK's change rules (orderChangeRulesSchema) without `approval`: a price or configuration change runs the approval rules above */
                changes?: {
                    deliveryDateToleranceDays?: number;
                    deliveryDateApprover?: string;
                    configurationApprover?: string | null;
                };
            };
            /** @description 0 until rules are first set */
            version: number;
            /** Format: date-time */
            updatedAt?: string;
        };
        WebhookEndpoint: {
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            disabledAt: string | null;
            previousSecretExpiresAt: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
        };
        WebhookEndpointWithSecret: {
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            disabledAt: string | null;
            previousSecretExpiresAt: string | null;
            createdAt: string;
            updatedAt: string;
            version: number;
            secret: string;
        };
        WebhookDeliveryAttempt: {
            id: string;
            series: number;
            attempt: number;
            startedAt: string;
            durationMs: number;
            responseStatus: number | null;
            responseBody: string | null;
            error: string | null;
            /** @enum {string} */
            outcome: "succeeded" | "retry" | "failed" | "dead";
            nextAttemptAt: string | null;
        };
        WebhookDelivery: {
            id: string;
            endpointId: string;
            eventId: string;
            eventType: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "dead";
            series: number;
            attemptCount: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            lastResponseStatus: number | null;
            lastResponseBody: string | null;
            lastError: string | null;
            succeededAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        WebhookDeliveryDetail: {
            id: string;
            endpointId: string;
            eventId: string;
            eventType: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "dead";
            series: number;
            attemptCount: number;
            nextAttemptAt: string | null;
            lastAttemptAt: string | null;
            lastResponseStatus: number | null;
            lastResponseBody: string | null;
            lastError: string | null;
            succeededAt: string | null;
            createdAt: string;
            updatedAt: string;
            attempts: components["schemas"]["WebhookDeliveryAttempt"][];
        };
        WebhookTest: {
            eventId: string;
            deliveryId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
