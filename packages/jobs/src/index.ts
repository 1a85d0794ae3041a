export * from "./connections";
export * from "./egress";
export * from "./enqueue-generation";
export * from "./export";
export * from "./generation";
export * from "./generator-credentials";
export * from "./queues";
export * from "./webhooks";
