// ----------------------------------------------------------------------------------------------
// GENERATED FILE: do not edit by hand.
// The hub's v1 API as TypeScript types, made by openapi-typescript from packages/hub/openapi.json.
// Regenerate after the hub's routes change (and after `pnpm --filter @forecourt/hub run openapi`):
//   pnpm --filter @forecourt/sdk run generate:client
// src/client/openapi.generated.test.ts fails while this file is stale.
// ----------------------------------------------------------------------------------------------

export interface paths {
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
        Error: {
            error: {
                code: string;
                message: string;
                details?: {
                    [key: string]: unknown;
                };
            };
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
