// Generated from openapi.json by `npm run generate -w @arbiter/client`; do not edit.

export interface paths {
    "/api/v1/me/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects the signed-in user may annotate, with the items left for them */
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
                            projects: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                optionsPerItem: number;
                                guidelines: string;
                                available: number;
                                judgedByMe: number;
                                standing: ("QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED") | null;
                                /** @enum {string} */
                                mode: "standard" | "arena";
                                arena: {
                                    /** @enum {string} */
                                    promptSource: "annotator" | "prompt-set";
                                    promptChars: number;
                                    maxTurns: number;
                                    revealModels: boolean;
                                    allowTie: boolean;
                                    allowBothBad: boolean;
                                    strength: boolean;
                                    /** @enum {string} */
                                    rationale: "off" | "optional" | "required";
                                } | null;
                            }[];
                        };
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
    "/api/v1/me/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in annotator's progress in a project */
        get: {
            parameters: {
                query: {
                    projectId: string;
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
                            progress: {
                                judgedToday: number;
                                total: number;
                                medianSeconds: number | null;
                                available: number;
                                standing: ("QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED") | null;
                                crowd: {
                                    quota: number;
                                    judged: number;
                                    completionCode: string | null;
                                    redirectUrl: string | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lease the next item to judge (or the one already held); 204 when nothing is left */
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
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignment: {
                                id: string;
                                expiresAt: string;
                                project: {
                                    guidelines: string;
                                    /** @enum {string} */
                                    taskType: "pairwise" | "ranking";
                                    questions: {
                                        /** @default true */
                                        strength: boolean;
                                        /** @default true */
                                        allowTie: boolean;
                                        /** @default true */
                                        allowBothBad: boolean;
                                        /**
                                         * @default optional
                                         * @enum {string}
                                         */
                                        rationale: "off" | "optional" | "required";
                                        /** @default [] */
                                        aspects: {
                                            key: string;
                                            label: string;
                                            scale: number;
                                        }[];
                                        /** @default [] */
                                        flags: string[];
                                    };
                                };
                                prompt: {
                                    messages?: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[];
                                    text?: string;
                                };
                                options: {
                                    /** @enum {string} */
                                    key: "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I";
                                    text: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/assignments/{id}/judgment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an assignment; idempotent per Idempotency-Key; returns the next assignment */
        post: {
            parameters: {
                query?: never;
                header: {
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        choice?: "A" | "B" | "tie" | "both_bad";
                        ranking?: ("A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I")[][];
                        strength?: number;
                        aspects?: {
                            [key: string]: {
                                [key: string]: number;
                            };
                        };
                        rationale?: string;
                        flags?: string[];
                        durationMs?: number;
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
                            judgment: {
                                id: string;
                                assignmentId: string;
                                createdAt: string;
                                undoableUntil: string;
                                counted: boolean;
                            };
                            next: {
                                id: string;
                                expiresAt: string;
                                project: {
                                    guidelines: string;
                                    /** @enum {string} */
                                    taskType: "pairwise" | "ranking";
                                    questions: {
                                        /** @default true */
                                        strength: boolean;
                                        /** @default true */
                                        allowTie: boolean;
                                        /** @default true */
                                        allowBothBad: boolean;
                                        /**
                                         * @default optional
                                         * @enum {string}
                                         */
                                        rationale: "off" | "optional" | "required";
                                        /** @default [] */
                                        aspects: {
                                            key: string;
                                            label: string;
                                            scale: number;
                                        }[];
                                        /** @default [] */
                                        flags: string[];
                                    };
                                };
                                prompt: {
                                    messages?: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[];
                                    text?: string;
                                };
                                options: {
                                    /** @enum {string} */
                                    key: "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I";
                                    text: string;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/assignments/{id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Skip an assignment; returns the next one */
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
                        "application/json": {
                            next: {
                                id: string;
                                expiresAt: string;
                                project: {
                                    guidelines: string;
                                    /** @enum {string} */
                                    taskType: "pairwise" | "ranking";
                                    questions: {
                                        /** @default true */
                                        strength: boolean;
                                        /** @default true */
                                        allowTie: boolean;
                                        /** @default true */
                                        allowBothBad: boolean;
                                        /**
                                         * @default optional
                                         * @enum {string}
                                         */
                                        rationale: "off" | "optional" | "required";
                                        /** @default [] */
                                        aspects: {
                                            key: string;
                                            label: string;
                                            scale: number;
                                        }[];
                                        /** @default [] */
                                        flags: string[];
                                    };
                                };
                                prompt: {
                                    messages?: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[];
                                    text?: string;
                                };
                                options: {
                                    /** @enum {string} */
                                    key: "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I";
                                    text: string;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/judgments/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back an answer within 60 s while its item is open; the assignment reopens */
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
                            assignment: {
                                id: string;
                                expiresAt: string;
                                project: {
                                    guidelines: string;
                                    /** @enum {string} */
                                    taskType: "pairwise" | "ranking";
                                    questions: {
                                        /** @default true */
                                        strength: boolean;
                                        /** @default true */
                                        allowTie: boolean;
                                        /** @default true */
                                        allowBothBad: boolean;
                                        /**
                                         * @default optional
                                         * @enum {string}
                                         */
                                        rationale: "off" | "optional" | "required";
                                        /** @default [] */
                                        aspects: {
                                            key: string;
                                            label: string;
                                            scale: number;
                                        }[];
                                        /** @default [] */
                                        flags: string[];
                                    };
                                };
                                prompt: {
                                    messages?: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[];
                                    text?: string;
                                };
                                options: {
                                    /** @enum {string} */
                                    key: "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I";
                                    text: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's API keys */
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
                            apiKeys: {
                                id: string;
                                name: string;
                                prefix: string;
                                createdAt: string;
                                lastUsedAt: string | null;
                                expiresAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for the signed-in user; the token is shown once. Needs a browser session whose password was checked in the last 15 minutes (sign-in or POST /auth/confirm-password), never an API key */
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
                        expiresInDays?: number;
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
                            apiKey: {
                                id: string;
                                name: string;
                                prefix: string;
                                createdAt: string;
                                lastUsedAt: string | null;
                                expiresAt: string | null;
                                revokedAt: string | null;
                            };
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (your own; admins any) */
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
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first, filtered by action (prefix), actor, target and time (admin); each event names its actor and, for user and API key targets, the person affected */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    action?: string;
                    actorId?: string;
                    targetType?: string;
                    targetId?: string;
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
                            events: {
                                id: string;
                                action: string;
                                actor: {
                                    id: string;
                                    name: string;
                                    email: string;
                                } | null;
                                targetType: string;
                                targetId: string | null;
                                targetUser: {
                                    id: string;
                                    name: string;
                                    email: string;
                                } | null;
                                data: unknown;
                                ip: string | null;
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; sets the session cookie. A suspended account with the right password gets 403 account_suspended; with OIDC_REQUIRE_FOR_STAFF an admin or researcher gets 403 sso_required */
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
                        email: string;
                        password: string;
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/auth/confirm-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enter your password on the current browser session, for actions that need a recent one (creating an API key) */
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
                        password: string;
                    };
                };
            };
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
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
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/battles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a battle: two of the project's generators, drawn at random, answer the prompt as a stream (see eventsUrl). 429 when the annotator's rate or daily cap, or the project's token budget, is reached */
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
                        prompt?: string;
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
                            battle: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                reason: string | null;
                                prompt: {
                                    /** @enum {string} */
                                    role: "system" | "user" | "assistant";
                                    content: string;
                                }[];
                                turns: {
                                    turn: number;
                                    /** @enum {string} */
                                    status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                    prompt: string;
                                    assignmentId: string;
                                    judgmentId: string | null;
                                    sides: {
                                        /** @enum {string} */
                                        key: "A" | "B";
                                        /** @enum {string} */
                                        status: "streaming" | "done" | "failed";
                                        text: string;
                                        finishReason: string | null;
                                        error: string | null;
                                    }[];
                                }[];
                                models: {
                                    A: string;
                                    B: string;
                                } | null;
                                eventsUrl: string;
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/arena/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Battles started and tokens used against the project's token budget */
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
                            usage: {
                                battles: number;
                                tokensUsed: number;
                                tokenBudget: number | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/battles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A battle with its turns and finished answers (its annotator, or the project's staff); model names only once revealed */
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
                            battle: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                reason: string | null;
                                prompt: {
                                    /** @enum {string} */
                                    role: "system" | "user" | "assistant";
                                    content: string;
                                }[];
                                turns: {
                                    turn: number;
                                    /** @enum {string} */
                                    status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                    prompt: string;
                                    assignmentId: string;
                                    judgmentId: string | null;
                                    sides: {
                                        /** @enum {string} */
                                        key: "A" | "B";
                                        /** @enum {string} */
                                        status: "streaming" | "done" | "failed";
                                        text: string;
                                        finishReason: string | null;
                                        error: string | null;
                                    }[];
                                }[];
                                models: {
                                    A: string;
                                    B: string;
                                } | null;
                                eventsUrl: string;
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/battles/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The battle's answers as Server-Sent Events (token, done, error, ready; see docs/arena.md). Last-Event-ID (or ?lastEventId=) resumes after that event */
        get: {
            parameters: {
                query?: {
                    lastEventId?: string;
                };
                header?: {
                    "last-event-id"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/battles/{id}/turns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Continue a voted battle with the next user message; each model sees its own earlier answers */
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
                        prompt: string;
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
                            battle: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                reason: string | null;
                                prompt: {
                                    /** @enum {string} */
                                    role: "system" | "user" | "assistant";
                                    content: string;
                                }[];
                                turns: {
                                    turn: number;
                                    /** @enum {string} */
                                    status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                    prompt: string;
                                    assignmentId: string;
                                    judgmentId: string | null;
                                    sides: {
                                        /** @enum {string} */
                                        key: "A" | "B";
                                        /** @enum {string} */
                                        status: "streaming" | "done" | "failed";
                                        text: string;
                                        finishReason: string | null;
                                        error: string | null;
                                    }[];
                                }[];
                                models: {
                                    A: string;
                                    B: string;
                                } | null;
                                eventsUrl: string;
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/battles/{id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Judge the conversation so far (A is side 0); idempotent per Idempotency-Key. 409 while streaming or when a side failed. end: true closes the battle and reveals the models if the project says so */
        post: {
            parameters: {
                query?: never;
                header: {
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        choice?: "A" | "B" | "tie" | "both_bad";
                        ranking?: ("A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I")[][];
                        strength?: number;
                        aspects?: {
                            [key: string]: {
                                [key: string]: number;
                            };
                        };
                        rationale?: string;
                        flags?: string[];
                        durationMs?: number;
                        /** @default false */
                        end?: boolean;
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
                            battle: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                reason: string | null;
                                prompt: {
                                    /** @enum {string} */
                                    role: "system" | "user" | "assistant";
                                    content: string;
                                }[];
                                turns: {
                                    turn: number;
                                    /** @enum {string} */
                                    status: "streaming" | "ready" | "voted" | "failed" | "closed";
                                    prompt: string;
                                    assignmentId: string;
                                    judgmentId: string | null;
                                    sides: {
                                        /** @enum {string} */
                                        key: "A" | "B";
                                        /** @enum {string} */
                                        status: "streaming" | "done" | "failed";
                                        text: string;
                                        finishReason: string | null;
                                        error: string | null;
                                    }[];
                                }[];
                                models: {
                                    A: string;
                                    B: string;
                                } | null;
                                eventsUrl: string;
                                createdAt: string;
                            };
                            judgment: {
                                id: string;
                                createdAt: string;
                                counted: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/prompts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's prompts, newest first, each with a preview and its number of completions */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
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
                            prompts: {
                                id: string;
                                externalId: string | null;
                                preview: string;
                                completions: number;
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add prompts (conversations or text); returned in input order, duplicates reused */
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
                        prompts: {
                            externalId?: string;
                            messages?: {
                                /** @enum {string} */
                                role: "system" | "user" | "assistant";
                                content: string;
                            }[];
                            text?: string;
                            metadata?: {
                                [key: string]: unknown;
                            };
                        }[];
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
                            prompts: {
                                id: string;
                                externalId: string | null;
                                messages: {
                                    /** @enum {string} */
                                    role: "system" | "user" | "assistant";
                                    content: string;
                                }[] | null;
                                text: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                duplicate: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's items, newest first, with their models, agreement, flags and rationales; filter by status, gold, model, agreement, flags, rationale or text (q) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "OPEN" | "COMPLETE" | "DISABLED";
                    gold?: "true" | "false";
                    model?: string;
                    agreementBelow?: number;
                    agreementAtLeast?: number;
                    flagged?: "true" | "false";
                    flag?: string;
                    hasRationale?: "true" | "false";
                    q?: string;
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
                            items: {
                                id: string;
                                /** @enum {string} */
                                status: "OPEN" | "COMPLETE" | "DISABLED";
                                isGold: boolean;
                                judgmentsWanted: number;
                                judgmentsCount: number;
                                createdAt: string;
                                prompt: {
                                    id: string;
                                    externalId: string | null;
                                    preview: string;
                                };
                                completions: {
                                    id: string;
                                    position: number;
                                    model: string;
                                    /** @enum {string} */
                                    source: "GENERATED" | "IMPORTED";
                                    generatorName: string | null;
                                    sampleIndex: number;
                                    preview: string;
                                }[];
                                judgments: number;
                                agreement: number | null;
                                flagged: number;
                                rationales: number;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add items: a prompt with the completions to compare (imported); all rows or none */
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
                        items: {
                            /** Format: uuid */
                            promptId: string;
                            completions: {
                                text: string;
                                model: string;
                                metadata?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            priority?: number;
                            gold?: {
                                preferred: number | ("tie" | "both_bad");
                                strength?: number;
                                strengthTolerance?: number;
                            } | {
                                ranking: number[][];
                            };
                        }[];
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
                            items: {
                                id: string;
                                promptId: string;
                                completionIds: string[];
                                /** @enum {string} */
                                status: "OPEN" | "COMPLETE" | "DISABLED";
                                judgmentsWanted: number;
                                judgmentsCount: number;
                                priority: number;
                                isGold: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/contents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of prompts, completions per model and source, and items */
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
                            summary: {
                                prompts: number;
                                promptsWithCompletions: number;
                                completions: number;
                                models: {
                                    model: string;
                                    /** @enum {string} */
                                    source: "GENERATED" | "IMPORTED";
                                    generatorId: string | null;
                                    generatorName: string | null;
                                    completions: number;
                                }[];
                                items: {
                                    total: number;
                                    open: number;
                                    complete: number;
                                    gold: number;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/join/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter a study from a crowd platform: creates the participant, or resumes them with the same platform session or this browser's session of theirs, and signs them in; a known participant id with anything else is 403 crowd_session_mismatch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        platform: "prolific" | "mturk";
                        participantId: string;
                        studyId?: string;
                        sessionId?: string;
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
                            project: {
                                id: string;
                                name: string;
                            };
                            crowd: {
                                quota: number;
                                judged: number;
                                completionCode: string | null;
                                redirectUrl: string | null;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's exports, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
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
                            exports: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                                params: {
                                    /** @enum {string} */
                                    format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                                    /**
                                     * @default per-judgment
                                     * @enum {string}
                                     */
                                    aggregation: "per-judgment" | "majority" | "dawid-skene";
                                    /**
                                     * @default all
                                     * @enum {string}
                                     */
                                    pairs: "all" | "adjacent" | "best-vs-rest";
                                    minJudgments?: number;
                                    minAgreement?: number;
                                    minStrength?: number;
                                    minConfidence?: number;
                                    /** @default true */
                                    dropTies: boolean;
                                    /** @default true */
                                    dropBothBad: boolean;
                                    /** @default true */
                                    excludeGold: boolean;
                                    /** @default true */
                                    excludeQuarantined: boolean;
                                    /** @default true */
                                    excludeTooFast: boolean;
                                    /** Format: date-time */
                                    from?: string;
                                    /** Format: date-time */
                                    to?: string;
                                    /**
                                     * @default {
                                     *       "train": 1
                                     *     }
                                     */
                                    splits: {
                                        [key: string]: number;
                                    };
                                    /** @default arbiter */
                                    seed: string;
                                    /**
                                     * @default {
                                     *       "margin": false,
                                     *       "groupId": false,
                                     *       "metadata": false,
                                     *       "confidence": false,
                                     *       "softLabel": false
                                     *     }
                                     */
                                    include: {
                                        /** @default false */
                                        margin: boolean;
                                        /** @default false */
                                        groupId: boolean;
                                        /** @default false */
                                        metadata: boolean;
                                        /** @default false */
                                        confidence: boolean;
                                        /** @default false */
                                        softLabel: boolean;
                                    };
                                    /** @default true */
                                    compress: boolean;
                                };
                                /** @enum {string} */
                                status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                                progress: number;
                                rowCount: number | null;
                                files: {
                                    name: string;
                                    split: string | null;
                                    rows: number;
                                    bytes: number;
                                    sha256: string;
                                }[];
                                error: string | null;
                                createdAt: string;
                                finishedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start an export of the project's judgments as a training dataset */
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
                        format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                        /**
                         * @default per-judgment
                         * @enum {string}
                         */
                        aggregation?: "per-judgment" | "majority" | "dawid-skene";
                        /**
                         * @default all
                         * @enum {string}
                         */
                        pairs?: "all" | "adjacent" | "best-vs-rest";
                        minJudgments?: number;
                        minAgreement?: number;
                        minStrength?: number;
                        minConfidence?: number;
                        /** @default true */
                        dropTies?: boolean;
                        /** @default true */
                        dropBothBad?: boolean;
                        /** @default true */
                        excludeGold?: boolean;
                        /** @default true */
                        excludeQuarantined?: boolean;
                        /** @default true */
                        excludeTooFast?: boolean;
                        /** Format: date-time */
                        from?: string;
                        /** Format: date-time */
                        to?: string;
                        /**
                         * @default {
                         *       "train": 1
                         *     }
                         */
                        splits?: {
                            [key: string]: number;
                        };
                        /** @default arbiter */
                        seed?: string;
                        /**
                         * @default {
                         *       "margin": false,
                         *       "groupId": false,
                         *       "metadata": false,
                         *       "confidence": false,
                         *       "softLabel": false
                         *     }
                         */
                        include?: {
                            /** @default false */
                            margin?: boolean;
                            /** @default false */
                            groupId?: boolean;
                            /** @default false */
                            metadata?: boolean;
                            /** @default false */
                            confidence?: boolean;
                            /** @default false */
                            softLabel?: boolean;
                        };
                        /** @default true */
                        compress?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            export: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                                params: {
                                    /** @enum {string} */
                                    format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                                    /**
                                     * @default per-judgment
                                     * @enum {string}
                                     */
                                    aggregation: "per-judgment" | "majority" | "dawid-skene";
                                    /**
                                     * @default all
                                     * @enum {string}
                                     */
                                    pairs: "all" | "adjacent" | "best-vs-rest";
                                    minJudgments?: number;
                                    minAgreement?: number;
                                    minStrength?: number;
                                    minConfidence?: number;
                                    /** @default true */
                                    dropTies: boolean;
                                    /** @default true */
                                    dropBothBad: boolean;
                                    /** @default true */
                                    excludeGold: boolean;
                                    /** @default true */
                                    excludeQuarantined: boolean;
                                    /** @default true */
                                    excludeTooFast: boolean;
                                    /** Format: date-time */
                                    from?: string;
                                    /** Format: date-time */
                                    to?: string;
                                    /**
                                     * @default {
                                     *       "train": 1
                                     *     }
                                     */
                                    splits: {
                                        [key: string]: number;
                                    };
                                    /** @default arbiter */
                                    seed: string;
                                    /**
                                     * @default {
                                     *       "margin": false,
                                     *       "groupId": false,
                                     *       "metadata": false,
                                     *       "confidence": false,
                                     *       "softLabel": false
                                     *     }
                                     */
                                    include: {
                                        /** @default false */
                                        margin: boolean;
                                        /** @default false */
                                        groupId: boolean;
                                        /** @default false */
                                        metadata: boolean;
                                        /** @default false */
                                        confidence: boolean;
                                        /** @default false */
                                        softLabel: boolean;
                                    };
                                    /** @default true */
                                    compress: boolean;
                                };
                                /** @enum {string} */
                                status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                                progress: number;
                                rowCount: number | null;
                                files: {
                                    name: string;
                                    split: string | null;
                                    rows: number;
                                    bytes: number;
                                    sha256: string;
                                }[];
                                error: string | null;
                                createdAt: string;
                                finishedAt: string | null;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/exports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The first rows and the counts an export with these parameters would give, without running it */
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
                        format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                        /**
                         * @default per-judgment
                         * @enum {string}
                         */
                        aggregation?: "per-judgment" | "majority" | "dawid-skene";
                        /**
                         * @default all
                         * @enum {string}
                         */
                        pairs?: "all" | "adjacent" | "best-vs-rest";
                        minJudgments?: number;
                        minAgreement?: number;
                        minStrength?: number;
                        minConfidence?: number;
                        /** @default true */
                        dropTies?: boolean;
                        /** @default true */
                        dropBothBad?: boolean;
                        /** @default true */
                        excludeGold?: boolean;
                        /** @default true */
                        excludeQuarantined?: boolean;
                        /** @default true */
                        excludeTooFast?: boolean;
                        /** Format: date-time */
                        from?: string;
                        /** Format: date-time */
                        to?: string;
                        /**
                         * @default {
                         *       "train": 1
                         *     }
                         */
                        splits?: {
                            [key: string]: number;
                        };
                        /** @default arbiter */
                        seed?: string;
                        /**
                         * @default {
                         *       "margin": false,
                         *       "groupId": false,
                         *       "metadata": false,
                         *       "confidence": false,
                         *       "softLabel": false
                         *     }
                         */
                        include?: {
                            /** @default false */
                            margin?: boolean;
                            /** @default false */
                            groupId?: boolean;
                            /** @default false */
                            metadata?: boolean;
                            /** @default false */
                            confidence?: boolean;
                            /** @default false */
                            softLabel?: boolean;
                        };
                        /** @default true */
                        compress?: boolean;
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
                            preview: {
                                rows: {
                                    split: string;
                                    line: string;
                                }[];
                                source: {
                                    items: number;
                                    judgments: number;
                                    matchingJudgments: number;
                                    supersededJudgments: number;
                                };
                                scanned: {
                                    items: number;
                                    complete: boolean;
                                };
                                exact: {
                                    rows: {
                                        [key: string]: number;
                                    };
                                    total: number;
                                    usedJudgments: number;
                                    excluded: {
                                        [key: string]: number;
                                    };
                                    excludedItems: {
                                        [key: string]: number;
                                    };
                                } | null;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One export: status, progress and, when done, its files with checksums */
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
                            export: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                                params: {
                                    /** @enum {string} */
                                    format: "trl" | "hh" | "openai-dpo" | "kto" | "ranked" | "raw";
                                    /**
                                     * @default per-judgment
                                     * @enum {string}
                                     */
                                    aggregation: "per-judgment" | "majority" | "dawid-skene";
                                    /**
                                     * @default all
                                     * @enum {string}
                                     */
                                    pairs: "all" | "adjacent" | "best-vs-rest";
                                    minJudgments?: number;
                                    minAgreement?: number;
                                    minStrength?: number;
                                    minConfidence?: number;
                                    /** @default true */
                                    dropTies: boolean;
                                    /** @default true */
                                    dropBothBad: boolean;
                                    /** @default true */
                                    excludeGold: boolean;
                                    /** @default true */
                                    excludeQuarantined: boolean;
                                    /** @default true */
                                    excludeTooFast: boolean;
                                    /** Format: date-time */
                                    from?: string;
                                    /** Format: date-time */
                                    to?: string;
                                    /**
                                     * @default {
                                     *       "train": 1
                                     *     }
                                     */
                                    splits: {
                                        [key: string]: number;
                                    };
                                    /** @default arbiter */
                                    seed: string;
                                    /**
                                     * @default {
                                     *       "margin": false,
                                     *       "groupId": false,
                                     *       "metadata": false,
                                     *       "confidence": false,
                                     *       "softLabel": false
                                     *     }
                                     */
                                    include: {
                                        /** @default false */
                                        margin: boolean;
                                        /** @default false */
                                        groupId: boolean;
                                        /** @default false */
                                        metadata: boolean;
                                        /** @default false */
                                        confidence: boolean;
                                        /** @default false */
                                        softLabel: boolean;
                                    };
                                    /** @default true */
                                    compress: boolean;
                                };
                                /** @enum {string} */
                                status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                                progress: number;
                                rowCount: number | null;
                                files: {
                                    name: string;
                                    split: string | null;
                                    rows: number;
                                    bytes: number;
                                    sha256: string;
                                }[];
                                error: string | null;
                                createdAt: string;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/exports/{id}/files/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file of a finished export (streamed; supports Range) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    name: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/generation-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's latest runs with their counts */
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
                            runs: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                                generatorIds: string[];
                                samplesPerPrompt: number;
                                total: number;
                                pending: number;
                                done: number;
                                failed: number;
                                cancelled: number;
                                lastErrors: {
                                    promptId: string;
                                    generatorId: string;
                                    sampleIndex: number;
                                    message: string;
                                    final: boolean;
                                    at: string;
                                }[];
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Start generating completions: every prompt x generator x sample, through the worker */
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
                        generatorIds: string[];
                        /** @default 1 */
                        samplesPerPrompt?: number;
                        promptIds?: string[];
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
                            run: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                                generatorIds: string[];
                                samplesPerPrompt: number;
                                total: number;
                                pending: number;
                                done: number;
                                failed: number;
                                cancelled: number;
                                lastErrors: {
                                    promptId: string;
                                    generatorId: string;
                                    sampleIndex: number;
                                    message: string;
                                    final: boolean;
                                    at: string;
                                }[];
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/generation-runs/{rid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A run's status, pending/done/failed counts and latest errors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
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
                            run: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                                generatorIds: string[];
                                samplesPerPrompt: number;
                                total: number;
                                pending: number;
                                done: number;
                                failed: number;
                                cancelled: number;
                                lastErrors: {
                                    promptId: string;
                                    generatorId: string;
                                    sampleIndex: number;
                                    message: string;
                                    final: boolean;
                                    at: string;
                                }[];
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/generation-runs/{rid}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a run; completions already stored stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rid: string;
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
                            run: {
                                id: string;
                                projectId: string;
                                /** @enum {string} */
                                status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
                                generatorIds: string[];
                                samplesPerPrompt: number;
                                total: number;
                                pending: number;
                                done: number;
                                failed: number;
                                cancelled: number;
                                lastErrors: {
                                    promptId: string;
                                    generatorId: string;
                                    sampleIndex: number;
                                    message: string;
                                    final: boolean;
                                    at: string;
                                }[];
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/generators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the project's generators */
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
                            generators: {
                                id: string;
                                projectId: string;
                                name: string;
                                baseUrl: string;
                                model: string;
                                /** @enum {string} */
                                mode: "chat" | "completion";
                                params: {
                                    [key: string]: unknown;
                                };
                                apiKeySet: boolean;
                                apiKeyLast4: string | null;
                                apiKeyEnv: string | null;
                                concurrency: number;
                                requestsPerMinute: number | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a generator: an OpenAI-compatible endpoint, model, sampling parameters and optionally its API key (write-only, stored encrypted) */
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
                        name: string;
                        /** Format: uri */
                        baseUrl: string;
                        model: string;
                        /**
                         * @default chat
                         * @enum {string}
                         */
                        mode?: "chat" | "completion";
                        /** @default {} */
                        params?: {
                            temperature?: number;
                            top_p?: number;
                            max_tokens?: number;
                            stop?: string | string[];
                            seed?: number;
                        } & {
                            [key: string]: unknown;
                        };
                        apiKey?: string | null;
                        apiKeyEnv?: string | null;
                        /** @default 4 */
                        concurrency?: number;
                        requestsPerMinute?: number | null;
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
                            generator: {
                                id: string;
                                projectId: string;
                                name: string;
                                baseUrl: string;
                                model: string;
                                /** @enum {string} */
                                mode: "chat" | "completion";
                                params: {
                                    [key: string]: unknown;
                                };
                                apiKeySet: boolean;
                                apiKeyLast4: string | null;
                                apiKeyEnv: string | null;
                                concurrency: number;
                                requestsPerMinute: number | null;
                                createdAt: string;
                                updatedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/generators/{gid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One generator */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    gid: string;
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
                            generator: {
                                id: string;
                                projectId: string;
                                name: string;
                                baseUrl: string;
                                model: string;
                                /** @enum {string} */
                                mode: "chat" | "completion";
                                params: {
                                    [key: string]: unknown;
                                };
                                apiKeySet: boolean;
                                apiKeyLast4: string | null;
                                apiKeyEnv: string | null;
                                concurrency: number;
                                requestsPerMinute: number | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a generator (its completions stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    gid: string;
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
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a generator; runs already queued use the new settings for samples not yet sent */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    gid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** Format: uri */
                        baseUrl?: string;
                        model?: string;
                        /** @enum {string} */
                        mode?: "chat" | "completion";
                        params?: {
                            temperature?: number;
                            top_p?: number;
                            max_tokens?: number;
                            stop?: string | string[];
                            seed?: number;
                        } & {
                            [key: string]: unknown;
                        };
                        apiKey?: string | null;
                        apiKeyEnv?: string | null;
                        concurrency?: number;
                        requestsPerMinute?: number | null;
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
                            generator: {
                                id: string;
                                projectId: string;
                                name: string;
                                baseUrl: string;
                                model: string;
                                /** @enum {string} */
                                mode: "chat" | "completion";
                                params: {
                                    [key: string]: unknown;
                                };
                                apiKeySet: boolean;
                                apiKeyLast4: string | null;
                                apiKeyEnv: string | null;
                                concurrency: number;
                                requestsPerMinute: number | null;
                                createdAt: string;
                                updatedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/generators/{gid}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make one real request through a worker; reports status and latency, or the failure class with a fixed message (never the server's own text) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    gid: string;
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
                            /** @enum {boolean} */
                            ok: true;
                            status: number;
                            latencyMs: number;
                            model: string;
                        } | {
                            /** @enum {boolean} */
                            ok: false;
                            /** @enum {string} */
                            error: "egress_denied" | "unreachable" | "timeout" | "redirect" | "unauthorized" | "not_found" | "bad_request" | "rate_limited" | "server_error" | "bad_response" | "key_unavailable" | "generator_missing" | "worker_error";
                            message: string;
                            status: number | null;
                            latencyMs: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/prompts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import prompts from JSONL or CSV ({externalId?, messages | text, metadata?}) or plain lines (format=lines: one prompt per line, as pasted); duplicates are reported, not re-inserted */
        post: {
            parameters: {
                query?: {
                    dryRun?: "0" | "1" | "true" | "false";
                    mode?: "all-or-nothing" | "partial";
                    format?: "jsonl" | "csv" | "lines";
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
                            dryRun: boolean;
                            /** @enum {string} */
                            mode: "all-or-nothing" | "partial";
                            lines: number;
                            imported: number;
                            duplicates: number;
                            rejected: number;
                            rejects: {
                                line: number;
                                reason: string;
                            }[];
                            rolledBack: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/completions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import completions from JSONL or CSV ({promptId | promptExternalId, model, text, sampleIndex?, finishReason?, metadata?}) */
        post: {
            parameters: {
                query?: {
                    dryRun?: "0" | "1" | "true" | "false";
                    mode?: "all-or-nothing" | "partial";
                    format?: "jsonl" | "csv" | "lines";
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
                            dryRun: boolean;
                            /** @enum {string} */
                            mode: "all-or-nothing" | "partial";
                            lines: number;
                            imported: number;
                            duplicates: number;
                            rejected: number;
                            rejects: {
                                line: number;
                                reason: string;
                            }[];
                            rolledBack: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/pools/{id}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations of a pool, newest first (admin) */
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
                            invites: {
                                id: string;
                                poolId: string;
                                /** @enum {string} */
                                role: "ANNOTATOR" | "RESEARCHER";
                                maxUses: number;
                                uses: number;
                                expiresAt: string;
                                createdAt: string;
                                /** @enum {string} */
                                state: "active" | "expired" | "exhausted" | "revoked";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an invitation link into a pool (admin); the token is shown only here */
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
                        /**
                         * @default ANNOTATOR
                         * @enum {string}
                         */
                        role?: "ANNOTATOR" | "RESEARCHER";
                        /** @default 1 */
                        maxUses?: number;
                        /** @default 168 */
                        expiresInHours?: number;
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
                            invite: {
                                id: string;
                                poolId: string;
                                /** @enum {string} */
                                role: "ANNOTATOR" | "RESEARCHER";
                                maxUses: number;
                                uses: number;
                                expiresAt: string;
                                createdAt: string;
                                /** @enum {string} */
                                state: "active" | "expired" | "exhausted" | "revoked";
                            };
                            token: string;
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an invitation (admin); accounts already created stay */
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
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link offers, and whether it can still be used */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
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
                            pool: {
                                name: string;
                            };
                            /** @enum {string} */
                            role: "ANNOTATOR" | "RESEARCHER";
                            /** @enum {string} */
                            state: "active" | "expired" | "exhausted" | "revoked";
                            expiresAt: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/invites/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation. Always 202 and no session, whether or not the email has an account: a new email gets its account (in the pool at once); an existing account joins the pool when its owner next signs in with their own password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "sign_in_to_finish";
                            email: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/items/build": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Build items from stored completions: cross-generator pairs, same-generator pairs or k-wise sets; idempotent */
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
                        strategy: "cross-generator" | "same-generator" | "k-wise";
                        generatorIds?: string[];
                        /** Format: uuid */
                        runId?: string;
                        k?: number;
                        maxPerPrompt?: number;
                        /** @default true */
                        skipIdentical?: boolean;
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
                            created: number;
                            existing: number;
                            skippedIdentical: number;
                            prompts: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item: its prompt, completions in canonical order, gold answer and every judgment (answers by completion position, annotators by pseudonym; emails for admins) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    itemId: string;
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
                            item: {
                                id: string;
                                /** @enum {string} */
                                status: "OPEN" | "COMPLETE" | "DISABLED";
                                isGold: boolean;
                                goldAnswer: {
                                    /** @enum {string} */
                                    kind: "preferred" | "tie" | "both_bad" | "ranking";
                                    ranking: number[][] | null;
                                    strength: number | null;
                                } | null;
                                judgmentsWanted: number;
                                judgmentsCount: number;
                                priority: number;
                                createdAt: string;
                                completedAt: string | null;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                prompt: {
                                    id: string;
                                    externalId: string | null;
                                    text: string | null;
                                    messages: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[] | null;
                                };
                                completions: {
                                    id: string;
                                    position: number;
                                    model: string;
                                    /** @enum {string} */
                                    source: "GENERATED" | "IMPORTED";
                                    generatorName: string | null;
                                    text: string;
                                }[];
                                judgments: {
                                    id: string;
                                    annotator: {
                                        pseudonym: string;
                                        email: string | null;
                                        /** @enum {string} */
                                        status: "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
                                    };
                                    answer: {
                                        /** @enum {string} */
                                        kind: "preferred" | "tie" | "both_bad" | "ranking";
                                        ranking: number[][] | null;
                                    };
                                    shownOrder: number[];
                                    strength: number | null;
                                    aspects: {
                                        position: number;
                                        ratings: {
                                            [key: string]: number;
                                        };
                                    }[];
                                    rationale: string | null;
                                    flags: string[];
                                    durationMs: number | null;
                                    counted: boolean;
                                    late: boolean;
                                    superseded: boolean;
                                    goldCorrect: boolean | null;
                                    createdAt: string;
                                }[];
                                canEdit: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/items/{itemId}/gold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make the item gold with its known answer (by completion position, as in item import) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        preferred: number | ("tie" | "both_bad");
                        strength?: number;
                        strengthTolerance?: number;
                    } | {
                        ranking: number[][];
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
                            item: {
                                id: string;
                                /** @enum {string} */
                                status: "OPEN" | "COMPLETE" | "DISABLED";
                                isGold: boolean;
                                goldAnswer: {
                                    /** @enum {string} */
                                    kind: "preferred" | "tie" | "both_bad" | "ranking";
                                    ranking: number[][] | null;
                                    strength: number | null;
                                } | null;
                                judgmentsWanted: number;
                                judgmentsCount: number;
                                priority: number;
                                createdAt: string;
                                completedAt: string | null;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                prompt: {
                                    id: string;
                                    externalId: string | null;
                                    text: string | null;
                                    messages: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[] | null;
                                };
                                completions: {
                                    id: string;
                                    position: number;
                                    model: string;
                                    /** @enum {string} */
                                    source: "GENERATED" | "IMPORTED";
                                    generatorName: string | null;
                                    text: string;
                                }[];
                                judgments: {
                                    id: string;
                                    annotator: {
                                        pseudonym: string;
                                        email: string | null;
                                        /** @enum {string} */
                                        status: "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
                                    };
                                    answer: {
                                        /** @enum {string} */
                                        kind: "preferred" | "tie" | "both_bad" | "ranking";
                                        ranking: number[][] | null;
                                    };
                                    shownOrder: number[];
                                    strength: number | null;
                                    aspects: {
                                        position: number;
                                        ratings: {
                                            [key: string]: number;
                                        };
                                    }[];
                                    rationale: string | null;
                                    flags: string[];
                                    durationMs: number | null;
                                    counted: boolean;
                                    late: boolean;
                                    superseded: boolean;
                                    goldCorrect: boolean | null;
                                    createdAt: string;
                                }[];
                                canEdit: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Make a gold item an ordinary one again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    itemId: string;
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
                            item: {
                                id: string;
                                /** @enum {string} */
                                status: "OPEN" | "COMPLETE" | "DISABLED";
                                isGold: boolean;
                                goldAnswer: {
                                    /** @enum {string} */
                                    kind: "preferred" | "tie" | "both_bad" | "ranking";
                                    ranking: number[][] | null;
                                    strength: number | null;
                                } | null;
                                judgmentsWanted: number;
                                judgmentsCount: number;
                                priority: number;
                                createdAt: string;
                                completedAt: string | null;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                prompt: {
                                    id: string;
                                    externalId: string | null;
                                    text: string | null;
                                    messages: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[] | null;
                                };
                                completions: {
                                    id: string;
                                    position: number;
                                    model: string;
                                    /** @enum {string} */
                                    source: "GENERATED" | "IMPORTED";
                                    generatorName: string | null;
                                    text: string;
                                }[];
                                judgments: {
                                    id: string;
                                    annotator: {
                                        pseudonym: string;
                                        email: string | null;
                                        /** @enum {string} */
                                        status: "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
                                    };
                                    answer: {
                                        /** @enum {string} */
                                        kind: "preferred" | "tie" | "both_bad" | "ranking";
                                        ranking: number[][] | null;
                                    };
                                    shownOrder: number[];
                                    strength: number | null;
                                    aspects: {
                                        position: number;
                                        ratings: {
                                            [key: string]: number;
                                        };
                                    }[];
                                    rationale: string | null;
                                    flags: string[];
                                    durationMs: number | null;
                                    counted: boolean;
                                    late: boolean;
                                    superseded: boolean;
                                    goldCorrect: boolean | null;
                                    createdAt: string;
                                }[];
                                canEdit: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/items/{itemId}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire the item: no more assignments (active leases are released), left out of exports; its judgments are kept */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    itemId: string;
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
                            item: {
                                id: string;
                                /** @enum {string} */
                                status: "OPEN" | "COMPLETE" | "DISABLED";
                                isGold: boolean;
                                goldAnswer: {
                                    /** @enum {string} */
                                    kind: "preferred" | "tie" | "both_bad" | "ranking";
                                    ranking: number[][] | null;
                                    strength: number | null;
                                } | null;
                                judgmentsWanted: number;
                                judgmentsCount: number;
                                priority: number;
                                createdAt: string;
                                completedAt: string | null;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                prompt: {
                                    id: string;
                                    externalId: string | null;
                                    text: string | null;
                                    messages: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[] | null;
                                };
                                completions: {
                                    id: string;
                                    position: number;
                                    model: string;
                                    /** @enum {string} */
                                    source: "GENERATED" | "IMPORTED";
                                    generatorName: string | null;
                                    text: string;
                                }[];
                                judgments: {
                                    id: string;
                                    annotator: {
                                        pseudonym: string;
                                        email: string | null;
                                        /** @enum {string} */
                                        status: "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
                                    };
                                    answer: {
                                        /** @enum {string} */
                                        kind: "preferred" | "tie" | "both_bad" | "ranking";
                                        ranking: number[][] | null;
                                    };
                                    shownOrder: number[];
                                    strength: number | null;
                                    aspects: {
                                        position: number;
                                        ratings: {
                                            [key: string]: number;
                                        };
                                    }[];
                                    rationale: string | null;
                                    flags: string[];
                                    durationMs: number | null;
                                    counted: boolean;
                                    late: boolean;
                                    superseded: boolean;
                                    goldCorrect: boolean | null;
                                    createdAt: string;
                                }[];
                                canEdit: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/items/{itemId}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a retired or complete item; it then wants at least moreJudgments (default 1) beyond those counted */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 1 */
                        moreJudgments?: number;
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
                        "application/json": {
                            item: {
                                id: string;
                                /** @enum {string} */
                                status: "OPEN" | "COMPLETE" | "DISABLED";
                                isGold: boolean;
                                goldAnswer: {
                                    /** @enum {string} */
                                    kind: "preferred" | "tie" | "both_bad" | "ranking";
                                    ranking: number[][] | null;
                                    strength: number | null;
                                } | null;
                                judgmentsWanted: number;
                                judgmentsCount: number;
                                priority: number;
                                createdAt: string;
                                completedAt: string | null;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                prompt: {
                                    id: string;
                                    externalId: string | null;
                                    text: string | null;
                                    messages: {
                                        /** @enum {string} */
                                        role: "system" | "user" | "assistant";
                                        content: string;
                                    }[] | null;
                                };
                                completions: {
                                    id: string;
                                    position: number;
                                    model: string;
                                    /** @enum {string} */
                                    source: "GENERATED" | "IMPORTED";
                                    generatorName: string | null;
                                    text: string;
                                }[];
                                judgments: {
                                    id: string;
                                    annotator: {
                                        pseudonym: string;
                                        email: string | null;
                                        /** @enum {string} */
                                        status: "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
                                    };
                                    answer: {
                                        /** @enum {string} */
                                        kind: "preferred" | "tie" | "both_bad" | "ranking";
                                        ranking: number[][] | null;
                                    };
                                    shownOrder: number[];
                                    strength: number | null;
                                    aspects: {
                                        position: number;
                                        ratings: {
                                            [key: string]: number;
                                        };
                                    }[];
                                    rationale: string | null;
                                    flags: string[];
                                    durationMs: number | null;
                                    counted: boolean;
                                    late: boolean;
                                    superseded: boolean;
                                    goldCorrect: boolean | null;
                                    createdAt: string;
                                }[];
                                canEdit: boolean;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/judgments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Judgments with a rationale or flags, newest first: search both (q), or filter by flag or by having a rationale */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                    flag?: string;
                    hasRationale?: "true" | "false";
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
                            judgments: {
                                id: string;
                                itemId: string;
                                promptPreview: string;
                                annotator: {
                                    pseudonym: string;
                                    email: string | null;
                                    /** @enum {string} */
                                    status: "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
                                };
                                answer: {
                                    /** @enum {string} */
                                    kind: "preferred" | "tie" | "both_bad" | "ranking";
                                    ranking: number[][] | null;
                                };
                                models: string[];
                                rationale: string | null;
                                flags: string[];
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your own settings: the language of the app (null: follow the browser) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        locale: ("en" | "de" | "es") | null;
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download everything held about you: account, sign-ins, API keys, pools, crowd platform ids, your answers and your audit trail */
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
                            exportedAt: string;
                            account: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
                            };
                            sessions: {
                                createdAt: string;
                                lastSeenAt: string;
                                expiresAt: string;
                                revokedAt: string | null;
                                ip: string | null;
                                userAgent: string | null;
                            }[];
                            apiKeys: {
                                name: string;
                                prefix: string;
                                createdAt: string;
                                lastUsedAt: string | null;
                                expiresAt: string | null;
                                revokedAt: string | null;
                            }[];
                            pools: {
                                poolId: string;
                                name: string;
                                addedAt: string;
                            }[];
                            externalIdentities: {
                                platform: string;
                                externalId: string;
                                studyId: string | null;
                                sessionId: string | null;
                                createdAt: string;
                            }[];
                            judgments: {
                                id: string;
                                projectId: string;
                                itemId: string;
                                answer: unknown;
                                choice: string | null;
                                strength: number | null;
                                aspects: unknown;
                                rationale: string | null;
                                flags: string[];
                                durationMs: number | null;
                                createdAt: string;
                            }[];
                            auditEvents: {
                                action: string;
                                targetType: string;
                                targetId: string | null;
                                data: unknown;
                                ip: string | null;
                                createdAt: string;
                            }[];
                        };
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
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password: ends every session and API key of the account; a browser caller gets a new session cookie */
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
                        currentPassword: string;
                        newPassword: string;
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
                            };
                            revoked: {
                                sessions: number;
                                apiKeys: number;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The single sign-on providers the sign-in page offers (public) */
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
                            providers: {
                                id: string;
                                /** @description The button's label: Sign in with <name> */
                                name: string;
                                /** @description Where the button goes; `?next=/path` returns there after sign-in */
                                startUrl: string;
                            }[];
                            /** @description Admins and researchers cannot sign in with a password */
                            ssoRequiredForStaff: boolean;
                        };
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
    "/api/v1/auth/oidc/{provider}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Starts single sign-on: redirects the browser to the identity provider (authorization code flow with PKCE, state and nonce) */
        get: {
            parameters: {
                query?: {
                    /** @description A path in the web app to return to */
                    next?: string;
                };
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the identity provider or the web app */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/auth/oidc/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the identity provider sends the browser back: checks the attempt, signs in (linking or creating the account by verified email) and redirects to the web app, or to the sign-in page with ?error= */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                };
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the identity provider or the web app */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List annotator pools: all for admins; for researchers, those they may attach */
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
                            pools: {
                                id: string;
                                name: string;
                                memberCount: number;
                                attacherIds: string[];
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an annotator pool (admin) */
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
                            pool: {
                                id: string;
                                name: string;
                                memberCount: number;
                                attacherIds: string[];
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/pools/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add users to a pool (admin); users already in it are left as they are */
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
                        userIds: string[];
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
                            pool: {
                                id: string;
                                name: string;
                                memberCount: number;
                                attacherIds: string[];
                                createdAt: string;
                            };
                            added: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/pools/{id}/attachers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the researchers allowed to attach this pool to their projects (admin) */
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
                        userIds: string[];
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
                            pool: {
                                id: string;
                                name: string;
                                memberCount: number;
                                attacherIds: string[];
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/pools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pool with its members and their work, and the projects it is attached to (admin) */
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
                            pool: {
                                id: string;
                                name: string;
                                memberCount: number;
                                attacherIds: string[];
                                createdAt: string;
                            };
                            members: {
                                user: {
                                    id: string;
                                    name: string;
                                    email: string;
                                    /** @enum {string} */
                                    status: "ACTIVE" | "SUSPENDED";
                                };
                                addedAt: string;
                                judgments: number;
                                lastJudgmentAt: string | null;
                                quarantinedIn: number;
                            }[];
                            projects: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                status: "ACTIVE" | "PAUSED" | "ARCHIVED";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a pool (admin) */
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
                        name: string;
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
                            pool: {
                                id: string;
                                name: string;
                                memberCount: number;
                                attacherIds: string[];
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/pools/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a user from a pool (admin); their open leases in its projects are released */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
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
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's owners, researchers and viewers */
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
                            members: {
                                user: {
                                    id: string;
                                    name: string;
                                    email: string;
                                };
                                /** @enum {string} */
                                role: "OWNER" | "RESEARCHER" | "VIEWER";
                                addedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a researcher or admin to the project by email (owners) */
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
                        email: string;
                        /** @enum {string} */
                        role: "OWNER" | "RESEARCHER" | "VIEWER";
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
                            member: {
                                user: {
                                    id: string;
                                    name: string;
                                    email: string;
                                };
                                /** @enum {string} */
                                role: "OWNER" | "RESEARCHER" | "VIEWER";
                                addedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (owners); the last owner cannot be removed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
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
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role (owners); the last owner stays owner */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "OWNER" | "RESEARCHER" | "VIEWER";
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
                            member: {
                                user: {
                                    id: string;
                                    name: string;
                                    email: string;
                                };
                                /** @enum {string} */
                                role: "OWNER" | "RESEARCHER" | "VIEWER";
                                addedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the projects the caller may see (admins: all; researchers: theirs), newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    status?: "ACTIVE" | "PAUSED" | "ARCHIVED";
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
                            projects: {
                                id: string;
                                slug: string;
                                name: string;
                                guidelines: string;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                optionsPerItem: number;
                                judgmentsPerItem: number;
                                overlap: {
                                    min: number;
                                    max: number;
                                    target: number;
                                } | null;
                                /** @enum {string} */
                                selection: "uniform" | "label-confidence" | "leaderboard";
                                repeats: {
                                    share: number;
                                };
                                leaseSeconds: number;
                                questions: {
                                    /** @default true */
                                    strength: boolean;
                                    /** @default true */
                                    allowTie: boolean;
                                    /** @default true */
                                    allowBothBad: boolean;
                                    /**
                                     * @default optional
                                     * @enum {string}
                                     */
                                    rationale: "off" | "optional" | "required";
                                    /** @default [] */
                                    aspects: {
                                        key: string;
                                        label: string;
                                        scale: number;
                                    }[];
                                    /** @default [] */
                                    flags: string[];
                                };
                                poolIds: string[];
                                pools: {
                                    id: string;
                                    name: string;
                                }[];
                                /** @enum {string} */
                                status: "ACTIVE" | "PAUSED" | "ARCHIVED";
                                /** @enum {string} */
                                myRole: "OWNER" | "RESEARCHER" | "VIEWER";
                                goldRate: number;
                                quality: {
                                    /** @default 0 */
                                    qualificationItems: number;
                                    /** @default 0.6 */
                                    qualificationMinAccuracy: number;
                                    /** @default 0.85 */
                                    goldHonestAccuracy: number;
                                    /** @default 1000 */
                                    quarantineOdds: number;
                                    /** @default 5 */
                                    minGoldAnswers: number;
                                    /** @default 30 */
                                    positionBiasMinJudgments: number;
                                    /** @default 0.0001 */
                                    positionBiasP: number;
                                    /** @default 3 */
                                    fastSeconds: number;
                                };
                                crowd: {
                                    /** @default false */
                                    enabled: boolean;
                                    /** @default 20 */
                                    quota: number;
                                    /** @default  */
                                    completionCode: string;
                                    /** Format: uri */
                                    redirectUrl?: string;
                                };
                                /** @enum {string} */
                                mode: "standard" | "arena";
                                arena: {
                                    /**
                                     * @default annotator
                                     * @enum {string}
                                     */
                                    promptSource: "annotator" | "prompt-set";
                                    /** @default true */
                                    revealModels: boolean;
                                    /**
                                     * @default {
                                     *       "promptChars": 4000,
                                     *       "maxTokensPerTurn": 1024,
                                     *       "maxTurns": 8,
                                     *       "battlesPerHour": 30,
                                     *       "battlesPerDay": 200,
                                     *       "tokenBudget": null
                                     *     }
                                     */
                                    limits: {
                                        /** @default 4000 */
                                        promptChars: number;
                                        /** @default 1024 */
                                        maxTokensPerTurn: number;
                                        /** @default 8 */
                                        maxTurns: number;
                                        /** @default 30 */
                                        battlesPerHour: number;
                                        /** @default 200 */
                                        battlesPerDay: number;
                                        /** @default null */
                                        tokenBudget: number | null;
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [
                                     *         "OpenAI",
                                     *         "ChatGPT",
                                     *         "GPT-3.5",
                                     *         "GPT-4",
                                     *         "GPT-4o",
                                     *         "Anthropic",
                                     *         "Claude",
                                     *         "Google DeepMind",
                                     *         "Gemini",
                                     *         "Bard",
                                     *         "Meta AI",
                                     *         "Llama",
                                     *         "Mistral AI",
                                     *         "Mixtral",
                                     *         "Qwen",
                                     *         "Alibaba Cloud",
                                     *         "DeepSeek",
                                     *         "As an AI developed by",
                                     *         "As an AI model developed by",
                                     *         "As a language model trained by",
                                     *         "I am a large language model trained by"
                                     *       ],
                                     *       "action": "hide"
                                     *     }
                                     */
                                    screening: {
                                        /**
                                         * @default [
                                         *       "OpenAI",
                                         *       "ChatGPT",
                                         *       "GPT-3.5",
                                         *       "GPT-4",
                                         *       "GPT-4o",
                                         *       "Anthropic",
                                         *       "Claude",
                                         *       "Google DeepMind",
                                         *       "Gemini",
                                         *       "Bard",
                                         *       "Meta AI",
                                         *       "Llama",
                                         *       "Mistral AI",
                                         *       "Mixtral",
                                         *       "Qwen",
                                         *       "Alibaba Cloud",
                                         *       "DeepSeek",
                                         *       "As an AI developed by",
                                         *       "As an AI model developed by",
                                         *       "As a language model trained by",
                                         *       "I am a large language model trained by"
                                         *     ]
                                         */
                                        patterns: string[];
                                        /**
                                         * @default hide
                                         * @enum {string}
                                         */
                                        action: "hide" | "mask" | "keep";
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [],
                                     *       "endpointUrl": null
                                     *     }
                                     */
                                    moderation: {
                                        /** @default [] */
                                        patterns: string[];
                                        /** @default null */
                                        endpointUrl: string | null;
                                    };
                                };
                                counts: {
                                    prompts: number;
                                    items: number;
                                    completeItems: number;
                                    judgments: number;
                                };
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a project */
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
                        /** @default  */
                        guidelines?: string;
                        /**
                         * @default pairwise
                         * @enum {string}
                         */
                        taskType?: "pairwise" | "ranking";
                        optionsPerItem?: number;
                        judgmentsPerItem?: number;
                        /** @default null */
                        overlap?: {
                            min: number;
                            max: number;
                            target: number;
                        } | null;
                        /**
                         * @default uniform
                         * @enum {string}
                         */
                        selection?: "uniform" | "label-confidence" | "leaderboard";
                        /**
                         * @default {
                         *       "share": 0
                         *     }
                         */
                        repeats?: {
                            share: number;
                        };
                        /** @default 600 */
                        leaseSeconds?: number;
                        /**
                         * @default {
                         *       "strength": true,
                         *       "allowTie": true,
                         *       "allowBothBad": true,
                         *       "rationale": "optional",
                         *       "aspects": [],
                         *       "flags": []
                         *     }
                         */
                        questions?: {
                            /** @default true */
                            strength?: boolean;
                            /** @default true */
                            allowTie?: boolean;
                            /** @default true */
                            allowBothBad?: boolean;
                            /**
                             * @default optional
                             * @enum {string}
                             */
                            rationale?: "off" | "optional" | "required";
                            /** @default [] */
                            aspects?: {
                                key: string;
                                label: string;
                                scale: number;
                            }[];
                            /** @default [] */
                            flags?: string[];
                        };
                        /** @default [] */
                        poolIds?: string[];
                        /** @default 0 */
                        goldRate?: number;
                        /**
                         * @default {
                         *       "qualificationItems": 0,
                         *       "qualificationMinAccuracy": 0.6,
                         *       "goldHonestAccuracy": 0.85,
                         *       "quarantineOdds": 1000,
                         *       "minGoldAnswers": 5,
                         *       "positionBiasMinJudgments": 30,
                         *       "positionBiasP": 0.0001,
                         *       "fastSeconds": 3
                         *     }
                         */
                        quality?: {
                            /** @default 0 */
                            qualificationItems?: number;
                            /** @default 0.6 */
                            qualificationMinAccuracy?: number;
                            /** @default 0.85 */
                            goldHonestAccuracy?: number;
                            /** @default 1000 */
                            quarantineOdds?: number;
                            /** @default 5 */
                            minGoldAnswers?: number;
                            /** @default 30 */
                            positionBiasMinJudgments?: number;
                            /** @default 0.0001 */
                            positionBiasP?: number;
                            /** @default 3 */
                            fastSeconds?: number;
                        };
                        /**
                         * @default {
                         *       "enabled": false,
                         *       "quota": 20,
                         *       "completionCode": ""
                         *     }
                         */
                        crowd?: {
                            /** @default false */
                            enabled?: boolean;
                            /** @default 20 */
                            quota?: number;
                            /** @default  */
                            completionCode?: string;
                            /** Format: uri */
                            redirectUrl?: string;
                        };
                        /**
                         * @default standard
                         * @enum {string}
                         */
                        mode?: "standard" | "arena";
                        /**
                         * @default {
                         *       "promptSource": "annotator",
                         *       "revealModels": true,
                         *       "limits": {
                         *         "promptChars": 4000,
                         *         "maxTokensPerTurn": 1024,
                         *         "maxTurns": 8,
                         *         "battlesPerHour": 30,
                         *         "battlesPerDay": 200,
                         *         "tokenBudget": null
                         *       },
                         *       "screening": {
                         *         "patterns": [
                         *           "OpenAI",
                         *           "ChatGPT",
                         *           "GPT-3.5",
                         *           "GPT-4",
                         *           "GPT-4o",
                         *           "Anthropic",
                         *           "Claude",
                         *           "Google DeepMind",
                         *           "Gemini",
                         *           "Bard",
                         *           "Meta AI",
                         *           "Llama",
                         *           "Mistral AI",
                         *           "Mixtral",
                         *           "Qwen",
                         *           "Alibaba Cloud",
                         *           "DeepSeek",
                         *           "As an AI developed by",
                         *           "As an AI model developed by",
                         *           "As a language model trained by",
                         *           "I am a large language model trained by"
                         *         ],
                         *         "action": "hide"
                         *       },
                         *       "moderation": {
                         *         "patterns": [],
                         *         "endpointUrl": null
                         *       }
                         *     }
                         */
                        arena?: {
                            /**
                             * @default annotator
                             * @enum {string}
                             */
                            promptSource?: "annotator" | "prompt-set";
                            /** @default true */
                            revealModels?: boolean;
                            /**
                             * @default {
                             *       "promptChars": 4000,
                             *       "maxTokensPerTurn": 1024,
                             *       "maxTurns": 8,
                             *       "battlesPerHour": 30,
                             *       "battlesPerDay": 200,
                             *       "tokenBudget": null
                             *     }
                             */
                            limits?: {
                                /** @default 4000 */
                                promptChars?: number;
                                /** @default 1024 */
                                maxTokensPerTurn?: number;
                                /** @default 8 */
                                maxTurns?: number;
                                /** @default 30 */
                                battlesPerHour?: number;
                                /** @default 200 */
                                battlesPerDay?: number;
                                /** @default null */
                                tokenBudget?: number | null;
                            };
                            /**
                             * @default {
                             *       "patterns": [
                             *         "OpenAI",
                             *         "ChatGPT",
                             *         "GPT-3.5",
                             *         "GPT-4",
                             *         "GPT-4o",
                             *         "Anthropic",
                             *         "Claude",
                             *         "Google DeepMind",
                             *         "Gemini",
                             *         "Bard",
                             *         "Meta AI",
                             *         "Llama",
                             *         "Mistral AI",
                             *         "Mixtral",
                             *         "Qwen",
                             *         "Alibaba Cloud",
                             *         "DeepSeek",
                             *         "As an AI developed by",
                             *         "As an AI model developed by",
                             *         "As a language model trained by",
                             *         "I am a large language model trained by"
                             *       ],
                             *       "action": "hide"
                             *     }
                             */
                            screening?: {
                                /**
                                 * @default [
                                 *       "OpenAI",
                                 *       "ChatGPT",
                                 *       "GPT-3.5",
                                 *       "GPT-4",
                                 *       "GPT-4o",
                                 *       "Anthropic",
                                 *       "Claude",
                                 *       "Google DeepMind",
                                 *       "Gemini",
                                 *       "Bard",
                                 *       "Meta AI",
                                 *       "Llama",
                                 *       "Mistral AI",
                                 *       "Mixtral",
                                 *       "Qwen",
                                 *       "Alibaba Cloud",
                                 *       "DeepSeek",
                                 *       "As an AI developed by",
                                 *       "As an AI model developed by",
                                 *       "As a language model trained by",
                                 *       "I am a large language model trained by"
                                 *     ]
                                 */
                                patterns?: string[];
                                /**
                                 * @default hide
                                 * @enum {string}
                                 */
                                action?: "hide" | "mask" | "keep";
                            };
                            /**
                             * @default {
                             *       "patterns": [],
                             *       "endpointUrl": null
                             *     }
                             */
                            moderation?: {
                                /** @default [] */
                                patterns?: string[];
                                /** @default null */
                                endpointUrl?: string | null;
                            };
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
                            project: {
                                id: string;
                                slug: string;
                                name: string;
                                guidelines: string;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                optionsPerItem: number;
                                judgmentsPerItem: number;
                                overlap: {
                                    min: number;
                                    max: number;
                                    target: number;
                                } | null;
                                /** @enum {string} */
                                selection: "uniform" | "label-confidence" | "leaderboard";
                                repeats: {
                                    share: number;
                                };
                                leaseSeconds: number;
                                questions: {
                                    /** @default true */
                                    strength: boolean;
                                    /** @default true */
                                    allowTie: boolean;
                                    /** @default true */
                                    allowBothBad: boolean;
                                    /**
                                     * @default optional
                                     * @enum {string}
                                     */
                                    rationale: "off" | "optional" | "required";
                                    /** @default [] */
                                    aspects: {
                                        key: string;
                                        label: string;
                                        scale: number;
                                    }[];
                                    /** @default [] */
                                    flags: string[];
                                };
                                poolIds: string[];
                                pools: {
                                    id: string;
                                    name: string;
                                }[];
                                /** @enum {string} */
                                status: "ACTIVE" | "PAUSED" | "ARCHIVED";
                                /** @enum {string} */
                                myRole: "OWNER" | "RESEARCHER" | "VIEWER";
                                goldRate: number;
                                quality: {
                                    /** @default 0 */
                                    qualificationItems: number;
                                    /** @default 0.6 */
                                    qualificationMinAccuracy: number;
                                    /** @default 0.85 */
                                    goldHonestAccuracy: number;
                                    /** @default 1000 */
                                    quarantineOdds: number;
                                    /** @default 5 */
                                    minGoldAnswers: number;
                                    /** @default 30 */
                                    positionBiasMinJudgments: number;
                                    /** @default 0.0001 */
                                    positionBiasP: number;
                                    /** @default 3 */
                                    fastSeconds: number;
                                };
                                crowd: {
                                    /** @default false */
                                    enabled: boolean;
                                    /** @default 20 */
                                    quota: number;
                                    /** @default  */
                                    completionCode: string;
                                    /** Format: uri */
                                    redirectUrl?: string;
                                };
                                /** @enum {string} */
                                mode: "standard" | "arena";
                                arena: {
                                    /**
                                     * @default annotator
                                     * @enum {string}
                                     */
                                    promptSource: "annotator" | "prompt-set";
                                    /** @default true */
                                    revealModels: boolean;
                                    /**
                                     * @default {
                                     *       "promptChars": 4000,
                                     *       "maxTokensPerTurn": 1024,
                                     *       "maxTurns": 8,
                                     *       "battlesPerHour": 30,
                                     *       "battlesPerDay": 200,
                                     *       "tokenBudget": null
                                     *     }
                                     */
                                    limits: {
                                        /** @default 4000 */
                                        promptChars: number;
                                        /** @default 1024 */
                                        maxTokensPerTurn: number;
                                        /** @default 8 */
                                        maxTurns: number;
                                        /** @default 30 */
                                        battlesPerHour: number;
                                        /** @default 200 */
                                        battlesPerDay: number;
                                        /** @default null */
                                        tokenBudget: number | null;
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [
                                     *         "OpenAI",
                                     *         "ChatGPT",
                                     *         "GPT-3.5",
                                     *         "GPT-4",
                                     *         "GPT-4o",
                                     *         "Anthropic",
                                     *         "Claude",
                                     *         "Google DeepMind",
                                     *         "Gemini",
                                     *         "Bard",
                                     *         "Meta AI",
                                     *         "Llama",
                                     *         "Mistral AI",
                                     *         "Mixtral",
                                     *         "Qwen",
                                     *         "Alibaba Cloud",
                                     *         "DeepSeek",
                                     *         "As an AI developed by",
                                     *         "As an AI model developed by",
                                     *         "As a language model trained by",
                                     *         "I am a large language model trained by"
                                     *       ],
                                     *       "action": "hide"
                                     *     }
                                     */
                                    screening: {
                                        /**
                                         * @default [
                                         *       "OpenAI",
                                         *       "ChatGPT",
                                         *       "GPT-3.5",
                                         *       "GPT-4",
                                         *       "GPT-4o",
                                         *       "Anthropic",
                                         *       "Claude",
                                         *       "Google DeepMind",
                                         *       "Gemini",
                                         *       "Bard",
                                         *       "Meta AI",
                                         *       "Llama",
                                         *       "Mistral AI",
                                         *       "Mixtral",
                                         *       "Qwen",
                                         *       "Alibaba Cloud",
                                         *       "DeepSeek",
                                         *       "As an AI developed by",
                                         *       "As an AI model developed by",
                                         *       "As a language model trained by",
                                         *       "I am a large language model trained by"
                                         *     ]
                                         */
                                        patterns: string[];
                                        /**
                                         * @default hide
                                         * @enum {string}
                                         */
                                        action: "hide" | "mask" | "keep";
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [],
                                     *       "endpointUrl": null
                                     *     }
                                     */
                                    moderation: {
                                        /** @default [] */
                                        patterns: string[];
                                        /** @default null */
                                        endpointUrl: string | null;
                                    };
                                };
                                counts: {
                                    prompts: number;
                                    items: number;
                                    completeItems: number;
                                    judgments: number;
                                };
                                createdAt: string;
                                updatedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One project with its counts and the caller's role in it (admins: OWNER) */
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
                            project: {
                                id: string;
                                slug: string;
                                name: string;
                                guidelines: string;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                optionsPerItem: number;
                                judgmentsPerItem: number;
                                overlap: {
                                    min: number;
                                    max: number;
                                    target: number;
                                } | null;
                                /** @enum {string} */
                                selection: "uniform" | "label-confidence" | "leaderboard";
                                repeats: {
                                    share: number;
                                };
                                leaseSeconds: number;
                                questions: {
                                    /** @default true */
                                    strength: boolean;
                                    /** @default true */
                                    allowTie: boolean;
                                    /** @default true */
                                    allowBothBad: boolean;
                                    /**
                                     * @default optional
                                     * @enum {string}
                                     */
                                    rationale: "off" | "optional" | "required";
                                    /** @default [] */
                                    aspects: {
                                        key: string;
                                        label: string;
                                        scale: number;
                                    }[];
                                    /** @default [] */
                                    flags: string[];
                                };
                                poolIds: string[];
                                pools: {
                                    id: string;
                                    name: string;
                                }[];
                                /** @enum {string} */
                                status: "ACTIVE" | "PAUSED" | "ARCHIVED";
                                /** @enum {string} */
                                myRole: "OWNER" | "RESEARCHER" | "VIEWER";
                                goldRate: number;
                                quality: {
                                    /** @default 0 */
                                    qualificationItems: number;
                                    /** @default 0.6 */
                                    qualificationMinAccuracy: number;
                                    /** @default 0.85 */
                                    goldHonestAccuracy: number;
                                    /** @default 1000 */
                                    quarantineOdds: number;
                                    /** @default 5 */
                                    minGoldAnswers: number;
                                    /** @default 30 */
                                    positionBiasMinJudgments: number;
                                    /** @default 0.0001 */
                                    positionBiasP: number;
                                    /** @default 3 */
                                    fastSeconds: number;
                                };
                                crowd: {
                                    /** @default false */
                                    enabled: boolean;
                                    /** @default 20 */
                                    quota: number;
                                    /** @default  */
                                    completionCode: string;
                                    /** Format: uri */
                                    redirectUrl?: string;
                                };
                                /** @enum {string} */
                                mode: "standard" | "arena";
                                arena: {
                                    /**
                                     * @default annotator
                                     * @enum {string}
                                     */
                                    promptSource: "annotator" | "prompt-set";
                                    /** @default true */
                                    revealModels: boolean;
                                    /**
                                     * @default {
                                     *       "promptChars": 4000,
                                     *       "maxTokensPerTurn": 1024,
                                     *       "maxTurns": 8,
                                     *       "battlesPerHour": 30,
                                     *       "battlesPerDay": 200,
                                     *       "tokenBudget": null
                                     *     }
                                     */
                                    limits: {
                                        /** @default 4000 */
                                        promptChars: number;
                                        /** @default 1024 */
                                        maxTokensPerTurn: number;
                                        /** @default 8 */
                                        maxTurns: number;
                                        /** @default 30 */
                                        battlesPerHour: number;
                                        /** @default 200 */
                                        battlesPerDay: number;
                                        /** @default null */
                                        tokenBudget: number | null;
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [
                                     *         "OpenAI",
                                     *         "ChatGPT",
                                     *         "GPT-3.5",
                                     *         "GPT-4",
                                     *         "GPT-4o",
                                     *         "Anthropic",
                                     *         "Claude",
                                     *         "Google DeepMind",
                                     *         "Gemini",
                                     *         "Bard",
                                     *         "Meta AI",
                                     *         "Llama",
                                     *         "Mistral AI",
                                     *         "Mixtral",
                                     *         "Qwen",
                                     *         "Alibaba Cloud",
                                     *         "DeepSeek",
                                     *         "As an AI developed by",
                                     *         "As an AI model developed by",
                                     *         "As a language model trained by",
                                     *         "I am a large language model trained by"
                                     *       ],
                                     *       "action": "hide"
                                     *     }
                                     */
                                    screening: {
                                        /**
                                         * @default [
                                         *       "OpenAI",
                                         *       "ChatGPT",
                                         *       "GPT-3.5",
                                         *       "GPT-4",
                                         *       "GPT-4o",
                                         *       "Anthropic",
                                         *       "Claude",
                                         *       "Google DeepMind",
                                         *       "Gemini",
                                         *       "Bard",
                                         *       "Meta AI",
                                         *       "Llama",
                                         *       "Mistral AI",
                                         *       "Mixtral",
                                         *       "Qwen",
                                         *       "Alibaba Cloud",
                                         *       "DeepSeek",
                                         *       "As an AI developed by",
                                         *       "As an AI model developed by",
                                         *       "As a language model trained by",
                                         *       "I am a large language model trained by"
                                         *     ]
                                         */
                                        patterns: string[];
                                        /**
                                         * @default hide
                                         * @enum {string}
                                         */
                                        action: "hide" | "mask" | "keep";
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [],
                                     *       "endpointUrl": null
                                     *     }
                                     */
                                    moderation: {
                                        /** @default [] */
                                        patterns: string[];
                                        /** @default null */
                                        endpointUrl: string | null;
                                    };
                                };
                                counts: {
                                    prompts: number;
                                    items: number;
                                    completeItems: number;
                                    judgments: number;
                                };
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a project. 409 for a change answers depend on: task type and options are fixed once items exist, the questions once judgments exist; an archived project takes only a status change */
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
                        guidelines?: string;
                        /** @enum {string} */
                        taskType?: "pairwise" | "ranking";
                        optionsPerItem?: number;
                        judgmentsPerItem?: number;
                        overlap?: {
                            min: number;
                            max: number;
                            target: number;
                        } | null;
                        /** @enum {string} */
                        selection?: "uniform" | "label-confidence" | "leaderboard";
                        repeats?: {
                            share: number;
                        };
                        leaseSeconds?: number;
                        questions?: {
                            /** @default true */
                            strength?: boolean;
                            /** @default true */
                            allowTie?: boolean;
                            /** @default true */
                            allowBothBad?: boolean;
                            /**
                             * @default optional
                             * @enum {string}
                             */
                            rationale?: "off" | "optional" | "required";
                            /** @default [] */
                            aspects?: {
                                key: string;
                                label: string;
                                scale: number;
                            }[];
                            /** @default [] */
                            flags?: string[];
                        };
                        poolIds?: string[];
                        /** @enum {string} */
                        status?: "ACTIVE" | "PAUSED" | "ARCHIVED";
                        goldRate?: number;
                        quality?: {
                            /** @default 0 */
                            qualificationItems?: number;
                            /** @default 0.6 */
                            qualificationMinAccuracy?: number;
                            /** @default 0.85 */
                            goldHonestAccuracy?: number;
                            /** @default 1000 */
                            quarantineOdds?: number;
                            /** @default 5 */
                            minGoldAnswers?: number;
                            /** @default 30 */
                            positionBiasMinJudgments?: number;
                            /** @default 0.0001 */
                            positionBiasP?: number;
                            /** @default 3 */
                            fastSeconds?: number;
                        };
                        crowd?: {
                            /** @default false */
                            enabled?: boolean;
                            /** @default 20 */
                            quota?: number;
                            /** @default  */
                            completionCode?: string;
                            /** Format: uri */
                            redirectUrl?: string;
                        };
                        /** @enum {string} */
                        mode?: "standard" | "arena";
                        arena?: {
                            /**
                             * @default annotator
                             * @enum {string}
                             */
                            promptSource?: "annotator" | "prompt-set";
                            /** @default true */
                            revealModels?: boolean;
                            /**
                             * @default {
                             *       "promptChars": 4000,
                             *       "maxTokensPerTurn": 1024,
                             *       "maxTurns": 8,
                             *       "battlesPerHour": 30,
                             *       "battlesPerDay": 200,
                             *       "tokenBudget": null
                             *     }
                             */
                            limits?: {
                                /** @default 4000 */
                                promptChars?: number;
                                /** @default 1024 */
                                maxTokensPerTurn?: number;
                                /** @default 8 */
                                maxTurns?: number;
                                /** @default 30 */
                                battlesPerHour?: number;
                                /** @default 200 */
                                battlesPerDay?: number;
                                /** @default null */
                                tokenBudget?: number | null;
                            };
                            /**
                             * @default {
                             *       "patterns": [
                             *         "OpenAI",
                             *         "ChatGPT",
                             *         "GPT-3.5",
                             *         "GPT-4",
                             *         "GPT-4o",
                             *         "Anthropic",
                             *         "Claude",
                             *         "Google DeepMind",
                             *         "Gemini",
                             *         "Bard",
                             *         "Meta AI",
                             *         "Llama",
                             *         "Mistral AI",
                             *         "Mixtral",
                             *         "Qwen",
                             *         "Alibaba Cloud",
                             *         "DeepSeek",
                             *         "As an AI developed by",
                             *         "As an AI model developed by",
                             *         "As a language model trained by",
                             *         "I am a large language model trained by"
                             *       ],
                             *       "action": "hide"
                             *     }
                             */
                            screening?: {
                                /**
                                 * @default [
                                 *       "OpenAI",
                                 *       "ChatGPT",
                                 *       "GPT-3.5",
                                 *       "GPT-4",
                                 *       "GPT-4o",
                                 *       "Anthropic",
                                 *       "Claude",
                                 *       "Google DeepMind",
                                 *       "Gemini",
                                 *       "Bard",
                                 *       "Meta AI",
                                 *       "Llama",
                                 *       "Mistral AI",
                                 *       "Mixtral",
                                 *       "Qwen",
                                 *       "Alibaba Cloud",
                                 *       "DeepSeek",
                                 *       "As an AI developed by",
                                 *       "As an AI model developed by",
                                 *       "As a language model trained by",
                                 *       "I am a large language model trained by"
                                 *     ]
                                 */
                                patterns?: string[];
                                /**
                                 * @default hide
                                 * @enum {string}
                                 */
                                action?: "hide" | "mask" | "keep";
                            };
                            /**
                             * @default {
                             *       "patterns": [],
                             *       "endpointUrl": null
                             *     }
                             */
                            moderation?: {
                                /** @default [] */
                                patterns?: string[];
                                /** @default null */
                                endpointUrl?: string | null;
                            };
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
                        "application/json": {
                            project: {
                                id: string;
                                slug: string;
                                name: string;
                                guidelines: string;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                optionsPerItem: number;
                                judgmentsPerItem: number;
                                overlap: {
                                    min: number;
                                    max: number;
                                    target: number;
                                } | null;
                                /** @enum {string} */
                                selection: "uniform" | "label-confidence" | "leaderboard";
                                repeats: {
                                    share: number;
                                };
                                leaseSeconds: number;
                                questions: {
                                    /** @default true */
                                    strength: boolean;
                                    /** @default true */
                                    allowTie: boolean;
                                    /** @default true */
                                    allowBothBad: boolean;
                                    /**
                                     * @default optional
                                     * @enum {string}
                                     */
                                    rationale: "off" | "optional" | "required";
                                    /** @default [] */
                                    aspects: {
                                        key: string;
                                        label: string;
                                        scale: number;
                                    }[];
                                    /** @default [] */
                                    flags: string[];
                                };
                                poolIds: string[];
                                pools: {
                                    id: string;
                                    name: string;
                                }[];
                                /** @enum {string} */
                                status: "ACTIVE" | "PAUSED" | "ARCHIVED";
                                /** @enum {string} */
                                myRole: "OWNER" | "RESEARCHER" | "VIEWER";
                                goldRate: number;
                                quality: {
                                    /** @default 0 */
                                    qualificationItems: number;
                                    /** @default 0.6 */
                                    qualificationMinAccuracy: number;
                                    /** @default 0.85 */
                                    goldHonestAccuracy: number;
                                    /** @default 1000 */
                                    quarantineOdds: number;
                                    /** @default 5 */
                                    minGoldAnswers: number;
                                    /** @default 30 */
                                    positionBiasMinJudgments: number;
                                    /** @default 0.0001 */
                                    positionBiasP: number;
                                    /** @default 3 */
                                    fastSeconds: number;
                                };
                                crowd: {
                                    /** @default false */
                                    enabled: boolean;
                                    /** @default 20 */
                                    quota: number;
                                    /** @default  */
                                    completionCode: string;
                                    /** Format: uri */
                                    redirectUrl?: string;
                                };
                                /** @enum {string} */
                                mode: "standard" | "arena";
                                arena: {
                                    /**
                                     * @default annotator
                                     * @enum {string}
                                     */
                                    promptSource: "annotator" | "prompt-set";
                                    /** @default true */
                                    revealModels: boolean;
                                    /**
                                     * @default {
                                     *       "promptChars": 4000,
                                     *       "maxTokensPerTurn": 1024,
                                     *       "maxTurns": 8,
                                     *       "battlesPerHour": 30,
                                     *       "battlesPerDay": 200,
                                     *       "tokenBudget": null
                                     *     }
                                     */
                                    limits: {
                                        /** @default 4000 */
                                        promptChars: number;
                                        /** @default 1024 */
                                        maxTokensPerTurn: number;
                                        /** @default 8 */
                                        maxTurns: number;
                                        /** @default 30 */
                                        battlesPerHour: number;
                                        /** @default 200 */
                                        battlesPerDay: number;
                                        /** @default null */
                                        tokenBudget: number | null;
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [
                                     *         "OpenAI",
                                     *         "ChatGPT",
                                     *         "GPT-3.5",
                                     *         "GPT-4",
                                     *         "GPT-4o",
                                     *         "Anthropic",
                                     *         "Claude",
                                     *         "Google DeepMind",
                                     *         "Gemini",
                                     *         "Bard",
                                     *         "Meta AI",
                                     *         "Llama",
                                     *         "Mistral AI",
                                     *         "Mixtral",
                                     *         "Qwen",
                                     *         "Alibaba Cloud",
                                     *         "DeepSeek",
                                     *         "As an AI developed by",
                                     *         "As an AI model developed by",
                                     *         "As a language model trained by",
                                     *         "I am a large language model trained by"
                                     *       ],
                                     *       "action": "hide"
                                     *     }
                                     */
                                    screening: {
                                        /**
                                         * @default [
                                         *       "OpenAI",
                                         *       "ChatGPT",
                                         *       "GPT-3.5",
                                         *       "GPT-4",
                                         *       "GPT-4o",
                                         *       "Anthropic",
                                         *       "Claude",
                                         *       "Google DeepMind",
                                         *       "Gemini",
                                         *       "Bard",
                                         *       "Meta AI",
                                         *       "Llama",
                                         *       "Mistral AI",
                                         *       "Mixtral",
                                         *       "Qwen",
                                         *       "Alibaba Cloud",
                                         *       "DeepSeek",
                                         *       "As an AI developed by",
                                         *       "As an AI model developed by",
                                         *       "As a language model trained by",
                                         *       "I am a large language model trained by"
                                         *     ]
                                         */
                                        patterns: string[];
                                        /**
                                         * @default hide
                                         * @enum {string}
                                         */
                                        action: "hide" | "mask" | "keep";
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [],
                                     *       "endpointUrl": null
                                     *     }
                                     */
                                    moderation: {
                                        /** @default [] */
                                        patterns: string[];
                                        /** @default null */
                                        endpointUrl: string | null;
                                    };
                                };
                                counts: {
                                    prompts: number;
                                    items: number;
                                    completeItems: number;
                                    judgments: number;
                                };
                                createdAt: string;
                                updatedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copy a project's settings, guidelines and the pools the caller may attach (not its data) into a new project the caller owns */
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
                        name?: string;
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
                            project: {
                                id: string;
                                slug: string;
                                name: string;
                                guidelines: string;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                optionsPerItem: number;
                                judgmentsPerItem: number;
                                overlap: {
                                    min: number;
                                    max: number;
                                    target: number;
                                } | null;
                                /** @enum {string} */
                                selection: "uniform" | "label-confidence" | "leaderboard";
                                repeats: {
                                    share: number;
                                };
                                leaseSeconds: number;
                                questions: {
                                    /** @default true */
                                    strength: boolean;
                                    /** @default true */
                                    allowTie: boolean;
                                    /** @default true */
                                    allowBothBad: boolean;
                                    /**
                                     * @default optional
                                     * @enum {string}
                                     */
                                    rationale: "off" | "optional" | "required";
                                    /** @default [] */
                                    aspects: {
                                        key: string;
                                        label: string;
                                        scale: number;
                                    }[];
                                    /** @default [] */
                                    flags: string[];
                                };
                                poolIds: string[];
                                pools: {
                                    id: string;
                                    name: string;
                                }[];
                                /** @enum {string} */
                                status: "ACTIVE" | "PAUSED" | "ARCHIVED";
                                /** @enum {string} */
                                myRole: "OWNER" | "RESEARCHER" | "VIEWER";
                                goldRate: number;
                                quality: {
                                    /** @default 0 */
                                    qualificationItems: number;
                                    /** @default 0.6 */
                                    qualificationMinAccuracy: number;
                                    /** @default 0.85 */
                                    goldHonestAccuracy: number;
                                    /** @default 1000 */
                                    quarantineOdds: number;
                                    /** @default 5 */
                                    minGoldAnswers: number;
                                    /** @default 30 */
                                    positionBiasMinJudgments: number;
                                    /** @default 0.0001 */
                                    positionBiasP: number;
                                    /** @default 3 */
                                    fastSeconds: number;
                                };
                                crowd: {
                                    /** @default false */
                                    enabled: boolean;
                                    /** @default 20 */
                                    quota: number;
                                    /** @default  */
                                    completionCode: string;
                                    /** Format: uri */
                                    redirectUrl?: string;
                                };
                                /** @enum {string} */
                                mode: "standard" | "arena";
                                arena: {
                                    /**
                                     * @default annotator
                                     * @enum {string}
                                     */
                                    promptSource: "annotator" | "prompt-set";
                                    /** @default true */
                                    revealModels: boolean;
                                    /**
                                     * @default {
                                     *       "promptChars": 4000,
                                     *       "maxTokensPerTurn": 1024,
                                     *       "maxTurns": 8,
                                     *       "battlesPerHour": 30,
                                     *       "battlesPerDay": 200,
                                     *       "tokenBudget": null
                                     *     }
                                     */
                                    limits: {
                                        /** @default 4000 */
                                        promptChars: number;
                                        /** @default 1024 */
                                        maxTokensPerTurn: number;
                                        /** @default 8 */
                                        maxTurns: number;
                                        /** @default 30 */
                                        battlesPerHour: number;
                                        /** @default 200 */
                                        battlesPerDay: number;
                                        /** @default null */
                                        tokenBudget: number | null;
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [
                                     *         "OpenAI",
                                     *         "ChatGPT",
                                     *         "GPT-3.5",
                                     *         "GPT-4",
                                     *         "GPT-4o",
                                     *         "Anthropic",
                                     *         "Claude",
                                     *         "Google DeepMind",
                                     *         "Gemini",
                                     *         "Bard",
                                     *         "Meta AI",
                                     *         "Llama",
                                     *         "Mistral AI",
                                     *         "Mixtral",
                                     *         "Qwen",
                                     *         "Alibaba Cloud",
                                     *         "DeepSeek",
                                     *         "As an AI developed by",
                                     *         "As an AI model developed by",
                                     *         "As a language model trained by",
                                     *         "I am a large language model trained by"
                                     *       ],
                                     *       "action": "hide"
                                     *     }
                                     */
                                    screening: {
                                        /**
                                         * @default [
                                         *       "OpenAI",
                                         *       "ChatGPT",
                                         *       "GPT-3.5",
                                         *       "GPT-4",
                                         *       "GPT-4o",
                                         *       "Anthropic",
                                         *       "Claude",
                                         *       "Google DeepMind",
                                         *       "Gemini",
                                         *       "Bard",
                                         *       "Meta AI",
                                         *       "Llama",
                                         *       "Mistral AI",
                                         *       "Mixtral",
                                         *       "Qwen",
                                         *       "Alibaba Cloud",
                                         *       "DeepSeek",
                                         *       "As an AI developed by",
                                         *       "As an AI model developed by",
                                         *       "As a language model trained by",
                                         *       "I am a large language model trained by"
                                         *     ]
                                         */
                                        patterns: string[];
                                        /**
                                         * @default hide
                                         * @enum {string}
                                         */
                                        action: "hide" | "mask" | "keep";
                                    };
                                    /**
                                     * @default {
                                     *       "patterns": [],
                                     *       "endpointUrl": null
                                     *     }
                                     */
                                    moderation: {
                                        /** @default [] */
                                        patterns: string[];
                                        /** @default null */
                                        endpointUrl: string | null;
                                    };
                                };
                                counts: {
                                    prompts: number;
                                    items: number;
                                    completeItems: number;
                                    judgments: number;
                                };
                                createdAt: string;
                                updatedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-annotator quality measures, flags and model estimates of a project, and its adaptive-collection summary */
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
                            annotators: {
                                user: {
                                    id: string;
                                    name: string;
                                    pseudonym: string;
                                    email: string | null;
                                };
                                /** @enum {string} */
                                status: "QUALIFYING" | "ADMITTED" | "REJECTED" | "QUARANTINED";
                                reason: string | null;
                                judgments: number;
                                perDay: number;
                                goldAnswered: number;
                                goldAccuracy: number | null;
                                agreement: number | null;
                                agreementItems: number;
                                firstShownShare: number | null;
                                positionP: number | null;
                                tieRate: number | null;
                                bothBadRate: number | null;
                                medianSeconds: number | null;
                                fastShare: number | null;
                                repeats: number;
                                selfConsistency: number | null;
                                flags: {
                                    /** @enum {string} */
                                    kind: "low_gold_accuracy" | "position_bias" | "too_fast" | "low_agreement";
                                    detail: string;
                                }[];
                            }[];
                            estimates: {
                                userId: string;
                                answers: number;
                                accuracy: number;
                                accuracyInterval: {
                                    low: number;
                                    high: number;
                                };
                                positionBias: number;
                            }[];
                            adaptive: {
                                /** @enum {string} */
                                selection: "uniform" | "label-confidence" | "leaderboard";
                                overlap: {
                                    min: number;
                                    max: number;
                                    target: number;
                                } | null;
                                fittedAt: string | null;
                                items: number;
                                spent: number;
                                saved: number;
                                atTarget: number;
                                awaitingDecision: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/annotators/{userId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Quarantine an annotator in a project, or clear them (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ADMITTED" | "QUARANTINED";
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress, agreement, model leaderboard and biases of a project */
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
                            stats: {
                                generatedAt: string;
                                /** @enum {string} */
                                taskType: "pairwise" | "ranking";
                                judgments: number;
                                excluded: {
                                    annotators: number;
                                    judgments: number;
                                    goldJudgments: number;
                                };
                                progress: {
                                    items: {
                                        total: number;
                                        complete: number;
                                        inProgress: number;
                                        untouched: number;
                                    };
                                    remainingJudgments: number;
                                    perHour: {
                                        at: string;
                                        count: number;
                                    }[];
                                    perDay: {
                                        at: string;
                                        count: number;
                                    }[];
                                    ratePerHour: number;
                                    rateWindowHours: number;
                                    activeAnnotators: {
                                        lastDay: number;
                                        lastWeek: number;
                                    };
                                    projectedHoursToFinish: number | null;
                                };
                                agreement: {
                                    rawPairwise: {
                                        value: number | null;
                                        items: number;
                                        pairs: number;
                                    };
                                    alphaNominal: {
                                        value: number | null;
                                        items: number;
                                    };
                                    alphaOrdinal: {
                                        value: number | null;
                                        items: number;
                                    } | null;
                                    kendallW: {
                                        value: number | null;
                                        items: number;
                                    } | null;
                                };
                                leaderboard: {
                                    items: number;
                                    bootstrapRounds: number;
                                    seed: number;
                                    rows: {
                                        model: string;
                                        games: number;
                                        wins: number;
                                        ties: number;
                                        losses: number;
                                        winRate: number;
                                        winRateCi: {
                                            low: number;
                                            high: number;
                                        };
                                        rating: number;
                                        ratingCi: {
                                            low: number;
                                            high: number;
                                        } | null;
                                    }[];
                                    matrix: {
                                        models: string[];
                                        rates: (number | null)[][];
                                        games: number[][];
                                    };
                                };
                                biases: {
                                    position: {
                                        hits: number;
                                        of: number;
                                        share: number | null;
                                        ci: {
                                            low: number;
                                            high: number;
                                        } | null;
                                        expected: number;
                                    };
                                    length: {
                                        hits: number;
                                        of: number;
                                        share: number | null;
                                        ci: {
                                            low: number;
                                            high: number;
                                        } | null;
                                    };
                                    lengthBuckets: {
                                        min: number;
                                        max: number | null;
                                        games: number;
                                        winRate: number;
                                        ci: {
                                            low: number;
                                            high: number;
                                        };
                                    }[];
                                    aspects: {
                                        aspect: string;
                                        model: string;
                                        mean: number;
                                        n: number;
                                    }[];
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admin), newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    role?: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                    status?: "ACTIVE" | "SUSPENDED";
                    q?: string;
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
                            users: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user (admin) */
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
                        email: string;
                        name: string;
                        /** @enum {string} */
                        role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                        password: string;
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user (admin) */
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name, role or status (admin); suspension ends their sessions and revokes their API keys at once, for good */
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
                        /** @enum {string} */
                        role?: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                        /** @enum {string} */
                        status?: "ACTIVE" | "SUSPENDED";
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase a person (admin): email, name, platform ids, sessions, API keys and their addresses in the audit log go; their judgments stay under the pseudonym or are deleted with the items reopened */
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
                        judgments: "keep" | "delete";
                        confirmEmail: string;
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
                            user: {
                                id: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "ADMIN" | "RESEARCHER" | "ANNOTATOR";
                                /** @enum {string} */
                                status: "ACTIVE" | "SUSPENDED";
                                locale: ("en" | "de" | "es") | null;
                                erasedAt: string | null;
                                createdAt: string;
                            };
                            judgmentsDeleted: number;
                            itemsReopened: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the project's webhook endpoints (secrets are never shown again) */
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
                            webhooks: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook endpoint for the project's events; the answer holds the signing secret, shown this once */
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
                        url: string;
                        /** @default  */
                        description?: string;
                        events: ("export.succeeded" | "export.failed" | "generation_run.finished" | "project.completed" | "annotator.quarantined" | "judgment.created")[];
                        /** @default true */
                        active?: boolean;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the project's webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a webhook endpoint and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
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
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint's URL, description, events or active flag */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url?: string;
                        description?: string;
                        events?: ("export.succeeded" | "export.failed" | "generation_run.finished" | "project.completed" | "annotator.quarantined" | "judgment.created")[];
                        active?: boolean;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/projects/{id}/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown this once); for 24 hours deliveries carry signatures by both the old and the new one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/webhooks/{webhookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint through the delivery queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
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
                        "application/json": {
                            deliveryId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/projects/{id}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's latest 100 deliveries: event, attempts, last status code, duration, error, next retry, delivered at */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
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
                            deliveries: {
                                id: string;
                                eventId: string;
                                eventType: string;
                                /** @enum {string} */
                                status: "PENDING" | "DELIVERED" | "FAILED";
                                attempts: number;
                                statusCode: number | null;
                                durationMs: number | null;
                                error: string | null;
                                nextRetryAt: string | null;
                                deliveredAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the installation's global (every project) webhook endpoints (secrets are never shown again) */
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
                            webhooks: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook endpoint for the installation's global (every project) events; the answer holds the signing secret, shown this once */
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
                        /** @default  */
                        description?: string;
                        events: ("export.succeeded" | "export.failed" | "generation_run.finished" | "project.completed" | "annotator.quarantined" | "judgment.created")[];
                        /** @default true */
                        active?: boolean;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the installation's global (every project) webhook endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a webhook endpoint and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
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
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint's URL, description, events or active flag */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url?: string;
                        description?: string;
                        events?: ("export.succeeded" | "export.failed" | "generation_run.finished" | "project.completed" | "annotator.quarantined" | "judgment.created")[];
                        active?: boolean;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
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
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown this once); for 24 hours deliveries carry signatures by both the old and the new one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
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
                            webhook: {
                                id: string;
                                projectId: string | null;
                                url: string;
                                description: string;
                                events: string[];
                                active: boolean;
                                previousSecretExpiresAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/webhooks/{webhookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint through the delivery queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
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
                        "application/json": {
                            deliveryId: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
    "/api/v1/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's latest 100 deliveries: event, attempts, last status code, duration, error, next retry, delivered at */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
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
                            deliveries: {
                                id: string;
                                eventId: string;
                                eventType: string;
                                /** @enum {string} */
                                status: "PENDING" | "DELIVERED" | "FAILED";
                                attempts: number;
                                statusCode: number | null;
                                durationMs: number | null;
                                error: string | null;
                                nextRetryAt: string | null;
                                deliveredAt: string | null;
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
